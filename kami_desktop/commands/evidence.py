"""kami import | exhibit … | trash … | verify | ledger show"""

from __future__ import annotations

import sys
from pathlib import Path

from kami_desktop.commands import group_commands
from kami_desktop.commands._base import Outcome, UsageError, open_profile

COMMANDS = group_commands("evidence")  # the words this module registers and their help


def register(sub, common) -> None:
    imp = sub.add_parser("import", parents=[common], help=COMMANDS["import"])
    imp.add_argument("--case", type=int, required=True, dest="case_id")
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    imp.add_argument("--category", help="证据类别：资金流水/平台交互/未交付证明/主体信息/平台规则/其他")
    imp.add_argument("--exhibit", type=int, dest="exhibit_id", help="加入已有证据（多张截图合为一件）")
    imp.add_argument("--source", default="", help="证据来源说明")
    imp.set_defaults(handler=cmd_import)

    ex = sub.add_parser("exhibit", parents=[common], help=COMMANDS["exhibit"])
    es = ex.add_subparsers(dest="exhibit_cmd", metavar="ACTION", required=True)
    ls = es.add_parser("list", parents=[common], help="列出案件的证据（按证据册顺序）")
    ls.add_argument("--case", type=int, required=True, dest="case_id")
    ls.add_argument("--trashed", action="store_true", help="列出回收站中的证据")
    ls.set_defaults(handler=cmd_list)
    show = es.add_parser("show", parents=[common], help="查看一件证据")
    show.add_argument("id", type=int)
    show.set_defaults(handler=cmd_show)
    ed = es.add_parser("edit", parents=[common], help="修改证据信息（记入存证日志）")
    ed.add_argument("id", type=int)
    ed.add_argument("--title")
    ed.add_argument("--category")
    ed.add_argument("--purpose", help="证明目的")
    ed.add_argument("--source", help="证据来源")
    ed.add_argument("--captured-at", dest="captured_at", help="取证时间，如 2025-03-12T20:30:00+08:00")
    ed.add_argument("--notes")
    ed.add_argument("--tags", help="标签，逗号分隔")
    ed.add_argument("--transcript", help="录音/语音的文字记录（自己整理；空字符串表示删除）")
    ed.set_defaults(handler=cmd_edit)
    au = es.add_parser(
        "audio", parents=[common], help="导出语音/录音（或视频的声音）的可播放 WAV 副本（原件不变）"
    )
    au.add_argument("id", type=int)
    au.add_argument("--out", required=True, help="保存为（.wav），或保存到此文件夹")
    au.set_defaults(handler=cmd_audio)
    fr = es.add_parser(
        "frames", parents=[common], help="视频的关键帧画面（证据册联系表）；选定/取消重点画面（记入存证日志）"
    )
    fr.add_argument("id", type=int)
    fr.add_argument(
        "--pick", action="append", default=[], metavar="TIME", help="选为重点画面，如 00:01:23（可多次）"
    )
    fr.add_argument("--unpick", action="append", default=[], metavar="TIME", help="取消重点画面（可多次）")
    fr.add_argument("--out", type=Path, help="把画面导出为 JPEG 到此文件夹（由原件解码生成，原件不变）")
    fr.set_defaults(handler=cmd_frames)
    mv = es.add_parser("move", parents=[common], help="调整证据册顺序")
    mv.add_argument("id", type=int)
    mv.add_argument("--to", type=int, required=True, help="新位置（从 1 开始）")
    mv.set_defaults(handler=cmd_move)
    tr = es.add_parser("trash", parents=[common], help="移入回收站")
    tr.add_argument("id", type=int)
    tr.set_defaults(handler=cmd_trash)
    rs = es.add_parser("restore", parents=[common], help="从回收站恢复")
    rs.add_argument("id", type=int)
    rs.set_defaults(handler=cmd_restore)
    from kami_desktop.commands.triage import register_suggest

    register_suggest(es, common)

    t = sub.add_parser("trash", parents=[common], help=COMMANDS["trash"])
    ts = t.add_subparsers(dest="trash_cmd", metavar="ACTION", required=True)
    pg = ts.add_parser("purge", parents=[common], help="清空回收站（彻底删除不再被引用的原始文件）")
    pg.add_argument("--case", type=int, dest="case_id")
    pg.set_defaults(handler=cmd_purge)

    v = sub.add_parser("verify", parents=[common], help=COMMANDS["verify"])
    v.add_argument("--case", type=int, dest="case_id")
    v.add_argument("--full", action="store_true", help="同时重算 SM3（较慢）")
    v.add_argument(
        "--against",
        type=Path,
        action="append",
        default=[],
        metavar="BUNDLE_OR_BACKUP_OR_RECEIPT",
        help="核对现在的存证日志是否延续了证据包、备份或回执文件中记录的日志末条（可多次指定）",
    )
    v.set_defaults(handler=cmd_verify)

    lg = sub.add_parser("ledger", parents=[common], help=COMMANDS["ledger"])
    ls2 = lg.add_subparsers(dest="ledger_cmd", metavar="ACTION", required=True)
    sh = ls2.add_parser("show", parents=[common], help="显示存证日志")
    sh.add_argument("--case", type=int, dest="case_id")
    sh.set_defaults(handler=cmd_ledger)


def cmd_import(args) -> Outcome:
    from kami_desktop.core.case.cases import get_case
    from kami_desktop.core.evidence.importer import import_paths

    with open_profile(args) as prof:
        with prof.session() as s:
            get_case(s, args.case_id)
        report = import_paths(
            prof,
            args.case_id,
            list(args.paths),
            category=args.category,
            exhibit_id=args.exhibit_id,
            source=args.source,
        )
    for e in report.errors:
        sys.stderr.write(f"kami: 未导入 {e.path}：{e.reason}\n")
    lines = [
        f"导入 {report.new_count} 个新文件，重复 {report.duplicate_count} 个，失败 {len(report.errors)} 个"
    ]
    lines += [
        f"  证据 {i.exhibit_id}  {i.original_name}  {i.sha256[:16]}…"
        + _import_note(i)
        + (f"  注意：{i.problem}" if i.problem else "")
        for i in report.imported
    ]
    code = 0
    if report.errors:
        code = 2 if not report.imported else 1
    return Outcome(report.to_json(), "\n".join(lines), code)


def _import_note(i) -> str:
    """What became of a file already known: left as it was, or added again beside a trashed exhibit."""
    if i.already_in_case:
        return "（本案已有，未重复添加）"
    if i.trashed_exhibit_id is not None:
        return (
            f"（重复：同一文件在回收站的证据 {i.trashed_exhibit_id} 中，已作为新证据加入；要找回原来那件"
            f"（连同其名称和说明），用 kami exhibit restore {i.trashed_exhibit_id}，再把这件移入回收站）"
        )
    return "（重复：文件已在证据库中，已作为新证据加入本案）" if i.duplicate else ""


def cmd_list(args) -> Outcome:
    from kami_desktop.core.case.cases import get_case
    from kami_desktop.core.evidence.exhibits import exhibit_summary, list_exhibits

    with open_profile(args, write=False) as prof, prof.session() as s:
        get_case(s, args.case_id)
        rows = [
            exhibit_summary(e, None if args.trashed else n)
            for n, e in enumerate(list_exhibits(s, args.case_id, trashed=args.trashed), start=1)
        ]
    text = (
        "\n".join(
            f"{r['number'] or '-':>4}  [{r['id']}] {r['title']}  {r['category_label']}  文件 {len(r['files'])}"
            for r in rows
        )
        or "（没有证据）"
    )
    return Outcome({"exhibits": rows}, text)


def cmd_show(args) -> Outcome:
    from kami_desktop.core.evidence.exhibits import exhibit_summary, get_exhibit
    from kami_desktop.core.evidence.times import chat_times, screen_texts, time_label

    with open_profile(args, write=False) as prof, prof.session() as s:
        ex = get_exhibit(s, args.id)
        data = exhibit_summary(ex)
        screen = screen_texts(s, ex.case_id).get(ex.id, "")
        chat = chat_times(s, ex.case_id).get(ex.id)
        data["time_label"] = time_label(ex.captured_at, ex.files, screen, chat)
    return Outcome(data, _show_text(data))


def _show_text(d: dict) -> str:
    """One exhibit for a person: what the JSON of ``kami exhibit show --json`` holds, in Chinese."""
    from datetime import datetime

    from kami_desktop.core.util.timeutil import CHINA_TZ

    def when(value: str | None) -> str:
        return (
            datetime.fromisoformat(value).astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M:%S") if value else ""
        )

    lines = [f"证据 {d['id']}：{d['title'] or '（未命名）'}" + ("（在回收站中）" if d["trashed"] else "")]
    lines.append(f"  类别：{d['category_label']}")
    lines.append(f"  {d['time_label']}：{when(d['captured_at']) or '未填写'}")
    lines.append(f"  证明目的：{d['purpose'] or '未填写'}")
    lines.append(f"  来源：{d['source'] or '未填写'}")
    for label, key in (("备注", "notes"), ("文字记录", "transcript")):
        if d[key]:
            lines.append(f"  {label}：{d[key]}")
    if d["tags"]:
        lines.append("  标签：" + "、".join(d["tags"]))
    if d["key_frames"]:
        lines.append("  重点画面：" + "  ".join(d["key_frames"]))
    lines.append(f"  文件（{len(d['files'])} 个）：")
    for n, f in enumerate(d["files"], start=1):
        size = f"{f['width']}×{f['height']}，" if f["width"] and f["height"] else ""
        lines.append(f"    {n}. {f['original_name']}（{f['media_type']}，{size}{f['size']} 字节）")
        lines.append(f"       SHA-256：{f['sha256']}")
        lines.append(f"       SM3：{f['sm3']}")
        lines.append(f"       导入时间：{when(f['imported_at'])}")
    problems = [(f["original_name"], f["problem"]) for f in d["files"] if f["problem"]]
    lines.append("  问题：" + ("无" if not problems else ""))
    lines += [f"    {name}：{problem}" for name, problem in problems]
    return "\n".join(lines)


def cmd_edit(args) -> Outcome:
    from kami_desktop.core.evidence.exhibits import edit_exhibit, exhibit_summary

    fields = {
        k: getattr(args, k)
        for k in ("title", "category", "purpose", "source", "captured_at", "notes", "tags", "transcript")
        if getattr(args, k) is not None
    }
    if not fields:
        raise UsageError("没有要修改的内容（例如 --title、--purpose）")
    with open_profile(args) as prof, prof.session() as s:
        data = exhibit_summary(edit_exhibit(s, args.id, **fields))
    return Outcome(data, f"已保存证据 {data['id']}")


def cmd_audio(args) -> Outcome:
    from pathlib import Path

    from kami_desktop.core.evidence.voice import exhibit_wav

    with open_profile(args) as prof, prof.session() as s:
        out = exhibit_wav(prof, s, args.id, Path(args.out))
    return Outcome({"id": args.id, "wav": str(out)}, f"已导出可播放副本：{out}（由原件解码生成，原件未改动）")


def cmd_frames(args) -> Outcome:
    from kami_desktop.core.evidence.frames import exhibit_frame, exhibit_sheet, pick_frames, video_file
    from kami_desktop.core.evidence.video import VideoError, offset_text, parse_offset

    with open_profile(args) as prof:
        with prof.session() as s:
            if args.pick or args.unpick:
                pick_frames(prof, s, args.id, pick=args.pick, unpick=args.unpick)
            v = video_file(s, args.id)
        data: dict = {"id": v.exhibit_id, "file": v.name, "sha256": v.sha256, "picked": list(v.picked)}
        try:
            made = exhibit_sheet(prof, v)
            picked = [exhibit_frame(prof, v, parse_offset(t)) for t in v.picked]
        except VideoError as exc:
            data["error"] = str(exc)
            return Outcome(data, f"证据 {v.exhibit_id}（{v.name}）：{exc}", 1)
    facts = made.facts.as_json()
    data |= {
        "facts": facts,
        "frames": [{"at": offset_text(f.ms, precise=True), "ms": f.ms, "key": f.key} for f in made.frames],
        "note": made.note,
    }
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        written = []
        for kind, frames in (("联系表", made.frames), ("重点画面", picked)):
            for f in frames:
                path = args.out / f"{kind}_{offset_text(f.ms, precise=True).replace(':', '-')}.jpg"
                path.write_bytes(f.jpeg)
                written.append(str(path))
        data["written"] = written
    lines = [
        f"证据 {v.exhibit_id}  {v.name}  时长 {offset_text(round(made.facts.duration * 1000))}  "
        f"{made.facts.width}×{made.facts.height}  {made.facts.codec}",
        "联系表画面：" + "  ".join(x["at"] for x in data["frames"]),
        "重点画面：" + ("  ".join(v.picked) or "（未选）"),
    ]
    if made.note:
        lines.append(f"说明：{made.note}")
    if args.out is not None:
        lines.append(f"已导出 {len(data['written'])} 幅画面到 {args.out}")
    return Outcome(data, "\n".join(lines))


def cmd_move(args) -> Outcome:
    from kami_desktop.core.evidence.exhibits import get_exhibit, list_exhibits, move_exhibit

    with open_profile(args) as prof, prof.session() as s:
        ex = get_exhibit(s, args.id)
        move_exhibit(s, args.id, args.to - 1)
        order = [e.id for e in list_exhibits(s, ex.case_id)]
    return Outcome({"order": order}, "新顺序：" + ", ".join(map(str, order)))


def cmd_trash(args) -> Outcome:
    from kami_desktop.core.evidence.exhibits import exhibit_summary, trash

    with open_profile(args) as prof, prof.session() as s:
        data = exhibit_summary(trash(s, args.id))
    return Outcome(data, f"证据 {args.id} 已移入回收站")


def cmd_restore(args) -> Outcome:
    from kami_desktop.core.evidence.exhibits import exhibit_summary, restore

    with open_profile(args) as prof, prof.session() as s:
        data = exhibit_summary(restore(s, args.id))
    return Outcome(data, f"证据 {args.id} 已恢复")


def cmd_purge(args) -> Outcome:
    from kami_desktop.core.evidence.exhibits import purge

    with open_profile(args) as prof:
        data = purge(prof, args.case_id)
    return Outcome(
        data, f"已彻底删除 {len(data['exhibits'])} 件证据、{len(data['blobs_removed'])} 个原始文件"
    )


def cmd_verify(args) -> Outcome:
    from kami_desktop.core.evidence.verify import verify

    with open_profile(args, write=False) as prof:
        report = verify(prof, args.case_id, full=args.full, against=args.against)  # AnchorError: exit 2
    data = report.to_json()
    if report.ok:
        text = f"校验通过：{report.checked} 个文件，存证日志 {report.ledger_entries} 条完好"
        if report.anchors_checked:
            text += f"，并延续了已交出的 {report.anchors_checked} 个日志末条记录"
        if report.unchecked:
            gaps = "、".join(f"{name}（{n} 项）" for name, n in report.unchecked.items())
            text += f"\n早期版本写入的日志未记录以下内容，无法与日志核对：{gaps}"
        text += "".join(f"\n提示：{n}" for n in report.notices)
    else:
        text = "\n".join(
            [f"发现 {len(report.problems)} 个问题（已检查 {report.checked} 个文件）："]
            + [
                f"  [{p.kind}] 证据 {p.exhibit_id or '-'} {p.sha256 or ''} {p.detail}"
                for p in report.problems
            ]
            + [f"提示：{n}" for n in report.notices]
        )
    return Outcome(data, text, 0 if report.ok else 1)


def cmd_ledger(args) -> Outcome:
    from kami_desktop.core.store import ledger

    with open_profile(args, write=False) as prof, prof.session() as s:
        rows = [ledger.entry_to_json(e) for e in ledger.entries(s, args.case_id)]
        head = ledger.head_hash(s)
    text = "\n".join(
        f"{r['seq']:>5} {r['at']} {r['action']:<18} 案件 {r['case_id'] or '-'} 证据 "
        f"{r['exhibit_id'] or '-'} {r['hash'][:12]}"
        for r in rows
    )
    return Outcome({"entries": rows, "head": head}, text or "（日志为空）")
