"""kami ocr [--case ID] [--redo] | kami ocr show EID"""

from __future__ import annotations

import sys
import time

from kami_desktop.commands import group_commands
from kami_desktop.commands._base import Outcome, open_profile

COMMANDS = group_commands("ocr")  # the words this module registers and their help

MACHINE_READ = "（软件自动识别的文字，仅供搜索和整理建议，不是证据，可能有错字）"


def register(sub, common) -> None:
    p = sub.add_parser("ocr", parents=[common], help=COMMANDS["ocr"])
    p.add_argument("--case", type=int, dest="case_id", help="只识别这个案件（默认：全部案件）")
    p.add_argument("--redo", action="store_true", help="全部重新识别（包括已识别和识别失败的文件）")
    p.set_defaults(handler=cmd_read)
    ps = p.add_subparsers(dest="ocr_cmd", metavar="ACTION")
    show = ps.add_parser("show", parents=[common], help="显示一件证据识别出的文字")
    show.add_argument("id", type=int, metavar="EID")
    show.set_defaults(handler=cmd_show)


class _Progress:
    """One line per file on stderr (rewritten in place when a person is watching)."""

    def __init__(self) -> None:
        self.live = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, done: int, total: int, label: str) -> None:
        if not total or not label:
            return
        if self.live:
            now = time.monotonic()
            if now - self.last >= 0.2 or done >= total:
                self.last = now
                sys.stderr.write(f"\r识别截图文字 {done}/{total} {label[:40]}\033[K")
                if done >= total:
                    sys.stderr.write("\n")
                sys.stderr.flush()
        elif done < total:
            sys.stderr.write(f"识别截图文字 {done + 1}/{total} {label}\n")
            sys.stderr.flush()


def cmd_read(args) -> Outcome:
    from kami_desktop.core.case.cases import get_case
    from kami_desktop.core.ocr.job import read_case

    with open_profile(args) as prof:
        if args.case_id is not None:
            with prof.session() as s:
                get_case(s, args.case_id)
        summary = read_case(prof, args.case_id, redo=args.redo, progress=_Progress())
    for name, reason in summary.problems:
        sys.stderr.write(f"kami: 未能识别 {name}：{reason}\n")
    text = (
        f"识别 {summary.read} 个文件（{summary.pages} 页），失败 {summary.failed} 个，"
        f"已识别过 {summary.skipped} 个" + ("；已取消" if summary.cancelled else "")
    )
    return Outcome(summary.to_json(), text, 1 if summary.failed else 0)


def cmd_show(args) -> Outcome:
    from kami_desktop.core.evidence.exhibits import get_exhibit
    from kami_desktop.core.ocr.job import exhibit_text

    with open_profile(args, write=False) as prof, prof.session() as s:
        title = get_exhibit(s, args.id).title
        files = exhibit_text(s, args.id)
    lines = [f"证据 [{args.id}] {title}", MACHINE_READ]
    for f in files:
        lines.append(f"\n文件 {f.position}  {f.name}  {f.sha256[:16]}…")
        if not f.pages:
            lines.append("  （尚未识别）")
        for p in f.pages:
            head = f"  第 {p.page + 1} 页" if len(f.pages) > 1 or p.page else "  "
            if p.status == "failed":
                lines.append(f"{head}识别失败：{p.problem}".rstrip())
            elif p.status == "empty":
                lines.append(f"{head}（没有识别出文字）".rstrip())
            else:
                if head.strip():
                    lines.append(head)
                lines += [f"    {ln.text}" for ln in p.lines]
    data = {
        "exhibit_id": args.id,
        "title": title,
        "note": "machine-read text, for search and suggestions; not evidence",
        "files": [f.to_json() for f in files],
    }
    return Outcome(data, "\n".join(lines))
