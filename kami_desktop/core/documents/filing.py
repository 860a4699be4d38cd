"""The closing block of a filing (具状人 signature, date, 附 list) and the 内部提示 that travels beside it.

A filed 起诉状 holds the filing pages only: its 共N页 counts them. Everything the product has to tell the
user about it (copies, 案由, court, interest basis, what to check) goes into a separate 内部提示 document,
written to its own file and marked as not for filing.
"""

from __future__ import annotations

from datetime import date

from kami_desktop.core.documents.layout import Doc, Heading, P, Para, Title
from kami_desktop.core.documents.texts import date_cn
from kami_desktop.core.legal.copies import evidence_copies

SIGN_GAP = "\u3000" * 8  # room for a handwritten signature
DATE_BLANK = "\u3000" * 4 + "年" + "\u3000" * 3 + "月" + "\u3000" * 3 + "日"
ADVICE_TITLE = "内部提示（仅供本人参考，不提交法院）"
LETTER_ADVICE_TITLE = "内部提示（仅供本人参考，不要寄出）"


def signature_block(signer: str, on: date | None, *, label: str = "具状人（签名）") -> list[Para]:
    """Signature and date lines with room to write by hand (the name is signed, not typed: the party block
    names the signer). ``signer`` is kept for the document's metadata only."""
    del signer
    return [
        Para([(f"{label}：{SIGN_GAP}", False)], align="right", indent=False, space_before=24, keep=True),
        Para(
            [(date_cn(on) if on else DATE_BLANK, False)],
            align="right",
            indent=False,
            space_before=18,
            keep=True,  # the 附 list stays with the signature
        ),
    ]


def attachment_lines(defendants: int, exhibits: int) -> list[Para]:
    """'附：1. 本状副本N份（按被告人数）；2. 证据目录及证据材料一式M份。'"""
    n = max(defendants, 1)
    items = [f"本状副本{n}份（按被告人数提交）"]
    if exhibits:
        items.append(f"证据目录及证据材料一式{evidence_copies(n).filed}份（法院1份，每位被告1份）")
    lines = [
        P(f"附：1. {items[0]}；" if len(items) > 1 else f"附：{items[0]}。", indent=False, space_before=18)
    ]
    if len(items) > 1:
        lines.append(P(f"\u3000\u30002. {items[1]}。", indent=False))
    return lines


def advice_doc(
    title: str, notes: list[str], warnings: list[str], exhibit_advice: list[str], *, to_court: bool = True
) -> Doc:
    """The 内部提示 for one document: its notes, its warnings and the exhibits' advice, numbered. A demand
    letter goes to the platform, not to a court: its 内部提示 says not to send it."""
    heading = ADVICE_TITLE if to_court else LETTER_ADVICE_TITLE
    doc = Doc(title=f"{title}：{heading}", subject=heading, author="", keywords="内部提示,仅供本人参考")
    keep = "不提交法院，不要与诉状一并装订" if to_court else "不要随催告函寄给平台"
    doc.add(Title("内部提示", subtitle=f"（{title}；仅供本人参考，{keep}）"))
    sections = [("提交前请核对", notes), ("需要注意", warnings), ("证据方面的建议", exhibit_advice)]
    for heading, lines in sections:
        if not lines:
            continue
        doc.add(Heading(heading))
        doc.add(*[P(f"{i}. {t}") for i, t in enumerate(lines, start=1)])
    return doc
