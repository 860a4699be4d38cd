"""kami redact suggest|apply|export|remake: masked copies of image evidence for public complaint sites."""

from __future__ import annotations

from kami_desktop.commands import group_commands
from kami_desktop.commands._base import Outcome, UsageError, open_profile

COMMANDS = group_commands("redact")


def register(sub, common) -> None:
    p = sub.add_parser("redact", parents=[common], help=COMMANDS["redact"])
    rs = p.add_subparsers(dest="redact_cmd", metavar="ACTION", required=True)

    sg = rs.add_parser(
        "suggest", parents=[common], help="按识别出的文字建议遮盖框（手机号、身份证号、银行卡号…）"
    )
    sg.add_argument("exhibit_id", type=int, metavar="EID", help="证据 id")
    sg.add_argument("--orders", action="store_true", help="也遮盖订单号、交易单号（保留末4位）")
    sg.add_argument("--read", action="store_true", help="尚未识别文字的图片先识别")
    sg.set_defaults(handler=cmd_suggest)

    ap = rs.add_parser("apply", parents=[common], help="制作打码副本（原件不变）")
    ap.add_argument("exhibit_id", type=int, metavar="EID", help="证据 id")
    ap.add_argument(
        "--box",
        action="extend",
        nargs="+",
        default=[],
        dest="boxes",
        metavar="X,Y,W,H",
        help="遮盖框：左上角 x,y 和宽、高（像素，按图片显示方向），可多个",
    )
    ap.add_argument("--suggested", action="store_true", help="采用建议的遮盖框（可与 --box 同用）")
    ap.add_argument("--orders", action="store_true", help="建议中包括订单号、交易单号（保留末4位）")
    ap.add_argument("--style", default="solid", help="solid（纯色，默认）或 mosaic（马赛克）")
    ap.add_argument("--file", type=int, default=1, help="证据中的第几张图片（默认第1张）")
    ap.set_defaults(handler=cmd_apply)

    ex = rs.add_parser("export", parents=[common], help="导出上传用的图片文件夹和文件清单")
    ex.add_argument("--case", type=int, required=True, dest="case_id")
    ex.add_argument("--for", required=True, dest="site", help="heimao（黑猫投诉）、jutousu（聚投诉）或 12315")
    ex.add_argument("--out", required=True, help="导出到的文件夹（新的或空的）")
    ex.add_argument("--include-unmasked", action="store_true", help="没有打码副本的文件附上原件（默认跳过）")
    ex.set_defaults(handler=cmd_export)

    rm = rs.add_parser(
        "remake",
        parents=[common],
        help="按存证日志登记的遮盖框重新制作不在本机的打码副本（如从旧版备份恢复后）",
    )
    rm.add_argument("--case", type=int, default=None, dest="case_id", help="只处理这个案件（默认全部）")
    rm.set_defaults(handler=cmd_remake)


def _suggestion_json(sg) -> dict:
    return {
        "exhibit_id": sg.exhibit_id,
        "file_id": sg.file.file_id,
        "sha256": sg.file.sha256,
        "original_name": sg.file.name,
        "width": sg.width,
        "height": sg.height,
        "ocr": sg.ocr,
        "boxes": [{**b.to_json(), "text": b.text} for b in sg.boxes],
        "notes": sg.notes,
    }


def _suggestions(prof, args):
    from kami_desktop.core.redact.copies import OCR_NONE, read_text, suggest

    found = suggest(prof, args.exhibit_id, orders=args.orders)
    if getattr(args, "read", False) and any(sg.ocr == OCR_NONE for sg in found):
        read_text(prof, args.exhibit_id)
        found = suggest(prof, args.exhibit_id, orders=args.orders)
    return found


def cmd_suggest(args) -> Outcome:
    with open_profile(args, write=bool(args.read)) as prof:
        found = [_suggestion_json(sg) for sg in _suggestions(prof, args)]
    lines = []
    for sg in found:
        lines.append(f"{sg['original_name']}（{sg['width']}×{sg['height']}）")
        lines += [f"  {b['x']},{b['y']},{b['w']},{b['h']}  {b['reason']}" for b in sg["boxes"]] or [
            "  （没有建议的遮盖框）"
        ]
        lines += [f"  提示：{n}" for n in sg["notes"]]
    return Outcome({"suggestions": found}, "\n".join(lines))


def cmd_apply(args) -> Outcome:
    from kami_desktop.core.redact.box import parse_box
    from kami_desktop.core.redact.copies import OCR_NONE, image_files, make_copy, suggest
    from kami_desktop.core.redact.export import masked_summary

    boxes = [parse_box(b) for b in args.boxes]
    with open_profile(args) as prof:
        with prof.session() as s:
            files = image_files(s, args.exhibit_id)
        if files and not 1 <= args.file <= len(files):
            raise UsageError(f"这件证据只有 {len(files)} 张图片，--file 应为 1 到 {len(files)}")
        sha = files[args.file - 1].sha256 if files else None
        notes: list[str] = []
        if args.suggested:
            [sg] = suggest(prof, args.exhibit_id, orders=args.orders, sha256=sha)
            if sg.ocr == OCR_NONE and not boxes:
                raise UsageError(
                    "这张图片还没有识别文字，没有建议的遮盖框：先运行 kami redact suggest --read，或用 --box 指定"
                )
            boxes = sg.boxes + boxes
            notes = sg.notes
        if not boxes:
            raise UsageError("没有遮盖框：用 --box X,Y,W,H 指定，或用 --suggested 采用建议的遮盖框")
        info = make_copy(prof, args.exhibit_id, boxes, args.style, sha256=sha)
        path = prof.masked_dir / info.file_name
    clamped = len(info.boxes) < len(boxes) or any(
        (a.x, a.y, a.w, a.h) != (b.x, b.y, b.w, b.h) for a, b in zip(info.boxes, boxes, strict=False)
    )
    if clamped:
        notes.append(f"超出图片（{info.width}×{info.height}）的遮盖框已裁剪到图片范围内")
    data = {
        "id": info.id,
        "exhibit_id": info.exhibit_id,
        "sha256": info.sha256,
        "copy_sha256": info.copy_sha256,
        "path": str(path),
        "media_type": info.media_type,
        "style": info.style,
        "boxes": [b.to_json() for b in info.boxes],
        "notes": notes,
    }
    text = "\n".join(
        [f"已制作打码副本：{path}", f"  原件 SHA-256：{info.sha256}", f"  副本 SHA-256：{info.copy_sha256}"]
        + [f"  遮盖：{masked_summary(info)}"]
        + [f"  提示：{n}" for n in notes]
    )
    return Outcome(data, text)


def cmd_export(args) -> Outcome:
    from pathlib import Path

    from kami_desktop.core.redact.copies import ABSENT
    from kami_desktop.core.redact.export import LIST_NAME, export_for_site

    with open_profile(args) as prof:
        rep = export_for_site(
            prof, args.case_id, args.site, Path(args.out), include_unmasked=args.include_unmasked
        )
    data = {
        "site": rep.site,
        "folder": str(rep.out_dir),
        "list": str(rep.out_dir / LIST_NAME),
        "files": [vars(f) for f in rep.files],
        "skipped": [vars(k) for k in rep.skipped],
        "trashed": rep.trashed,
    }
    text = [f"已导出 {len(rep.files)} 个文件到 {rep.out_dir}（清单：{LIST_NAME}）"]
    text += [f"  跳过 证据{k.number} {k.original_name}：{k.reason}" for k in rep.skipped]
    absent = sum(1 for k in rep.skipped if k.reason == ABSENT)
    if absent:
        data["copies_absent"] = absent
        text.append(
            f"提示：{absent} 个打码副本不在本机（从不含打码副本的旧版备份恢复后会这样；原件完好）。"
            "运行 kami redact remake 按登记的遮盖框重新制作后再导出。"
        )
    return Outcome(data, "\n".join(text))


def cmd_remake(args) -> Outcome:
    from kami_desktop.core.redact.remake import remake_copies

    with open_profile(args) as prof:
        rep = remake_copies(prof, args.case_id)
        folder = prof.masked_dir
    text = []
    if not rep.absent:
        text.append("所有打码副本的文件都在，无需重新制作")
    for r in rep.remade:
        if r.identical:
            text.append(f"已重新制作 证据 {r.exhibit_id}：{folder / r.file_name}（与登记的副本逐字节相同）")
        else:
            text.append(
                f"已重新制作 证据 {r.exhibit_id}：{folder / r.file_name}（像素按同样的遮盖框，"
                f"但编码出的 SHA-256 与原副本 {r.copy_sha256[:12]}… 不同：已作为新副本登记，存证日志新增一条）"
            )
    text += [f"未能重新制作 证据 {n.exhibit_id} {n.file_name}：{n.reason}" for n in rep.not_remade]
    return Outcome(rep.to_json(), "\n".join(text), 1 if rep.not_remade else 0)
