"""What a new user's first case showed in the documents: a deduction reason typed as a whole phrase,
a complaint that said 逾期 before the demand's period had run out, refund requests the user never
recorded, a complaint dated before its interest could start, and a 28-digit number pushing the
主张金额 table past the page's edge."""

from __future__ import annotations

import re

import pymupdf

from kami_desktop.core.bills.money import add_claim
from kami_desktop.core.documents.api import build_document
from kami_desktop.core.documents.context import load_context
from kami_desktop.core.documents.dispute import own_ground
from kami_desktop.core.documents.options import DocOptions
from kami_desktop.core.dossier.build import build_dossier
from tests.core.claims.scenario import make_case
from tests.core.dossier.cases import options


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_a_reason_typed_as_a_whole_phrase_is_not_doubled():
    for typed in ('以"违规处理"为由扣除', "以“违规处理”为由", "违规处理", " 以违规处理为由扣款 "):
        assert own_ground(typed) == "以“违规处理”为由", typed
    assert own_ground("") == "" and own_ground("unexplained") == ""


def test_documents_say_only_what_the_case_records(profile, tmp_path):
    made = make_case(profile, tmp_path / "src")
    with profile.session() as s:
        add_claim(
            s,
            made.case_id,
            "被扣除的余额",
            "388.00",
            "2025-03-10",
            reason='以"违规处理"为由扣除',
            description="余额被扣（交易单号 2026030122001155711407540004）",
        )
        ctx = load_context(s, made.case_id)
    letter, _ = build_document(ctx, "demand", DocOptions.parse({"date": "2025-05-06"}))
    text = flat(letter.doc.plain_text())
    assert "以“违规处理”为由扣除了" in text and "以“以" not in text and "为由扣除”为由" not in text
    for kind in ("complaint-12315", "heimao"):
        built, _ = build_document(ctx, kind, DocOptions.parse({"date": "2025-05-06"}))
        text = flat(built.doc.plain_text())
        assert "逾期未退还" not in text
        if not ctx.facts_of({"refund_request", "request_refund", "申请退款", "要求退款"}):
            assert "多次向平台客服要求退款" not in text
    # a complaint dated before the interest can start: no amount, and the app says why
    built, _ = build_document(
        ctx, "lawsuit", DocOptions.parse({"date": "2025-05-06", "interest_from": "2025-06-01"})
    )
    assert any("催告期限尚未届满" in w for w in built.warnings)
    # the 主张金额 page keeps its table inside the page, a 28-digit number and all
    result = build_dossier(profile, made.case_id, options(tmp_path / "out"))
    doc = pymupdf.open(result.pdf)
    page = next(p for p in doc if "主张金额" in flat(p.get_text()) and "请求返还的本金" in p.get_text())
    right = max(
        span["bbox"][2]
        for block in page.get_text("dict")["blocks"]
        for line in block.get("lines", [])
        for span in line["spans"]
    )
    assert right <= page.rect.width - 36, right  # inside the right margin
