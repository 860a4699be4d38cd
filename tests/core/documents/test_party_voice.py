"""The user's own first-person words in a court document read as the plaintiff's: 我于… becomes 原告于…
beside every other 原告, quoted words stay as said, and a text about 我们 is quoted as 原告陈述."""

from __future__ import annotations

import re
from datetime import date

import pymupdf

from kami_desktop.core.case.claims import add_item
from kami_desktop.core.case.facts import add_fact
from kami_desktop.core.documents import generate
from kami_desktop.core.util.pronouns import has_first_person, in_party_voice
from tests.core.documents.conftest import docx_text

FILED = date(2025, 11, 20)
FACT = "我于当日发现我的账户余额被扣除，本人随即联系客服，客服回复“我们会尽快处理”"
GROUP = "我们几个玩家的余额都在同一天被扣"
ITEM = "我购买的350元点卡一直没有到账"


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_rules():
    assert in_party_voice("我于5月28日发现我的余额被扣") == "原告于5月28日发现原告的余额被扣"
    assert in_party_voice("本人多次要求退款") == "原告多次要求退款"
    assert in_party_voice("我方要求退款") == "原告要求退款"
    assert in_party_voice("客服说“我这边查一下”") == "客服说“我这边查一下”"  # someone else's words
    assert in_party_voice("客服本人承认扣错了") == "客服本人承认扣错了"
    assert in_party_voice("经过自我检查，依照我国法律") == "经过自我检查，依照我国法律"
    assert in_party_voice(GROUP) == f"原告陈述：“{GROUP}”"
    assert in_party_voice("平台扣除余额388元") == "平台扣除余额388元"
    assert not has_first_person("客服说“我们会处理”") and has_first_person(ITEM)


def test_the_complaint_quotes_the_users_words_as_the_plaintiffs(profile, made, tmp_path):
    with profile.session() as s:
        add_fact(s, made.case_id, "2025-05-28 10:00", "deduction", FACT)
        add_fact(s, made.case_id, "2025-05-29 09:00", "other", GROUP)
        add_item(s, made.case_id, "undelivered_order", "350.00", "2025-03-08", description=ITEM)
    for kind in ("lawsuit", "lawsuit-elements"):
        doc = generate(profile, made.case_id, kind, tmp_path / kind, "both", {"date": FILED.isoformat()})
        docx = flat(docx_text(doc.paths[0]))
        with pymupdf.open(doc.paths[1]) as pdf:
            pdftext = flat("".join(p.get_text() for p in pdf))
        for text in (docx, pdftext):
            assert "原告于当日发现原告的账户余额被扣除，原告随即联系客服，客服回复“我们会尽快处理”" in text, (
                kind
            )
            assert f"原告陈述：“{GROUP}”" in text, kind
            assert "原告购买的350元点卡一直没有到账" in text, kind
            assert "我于当日" not in text and "我购买的" not in text and "本人随即" not in text, kind


def test_the_binders_case_summary_speaks_of_the_plaintiff(tmp_path):
    from kami_desktop.core.dossier.build import build_dossier
    from kami_desktop.core.profile import Profile
    from tests.core.dossier.cases import make_case, options

    with Profile.open(tmp_path / "profile") as prof:
        case = make_case(prof, tmp_path / "src", keys=["chat_png"])
        result = build_dossier(
            prof, case.case_id, options(tmp_path / "out", summary=f"我在被告平台充值。\n{GROUP}。")
        )
    with pymupdf.open(result.pdf) as pdf:
        page = next(p for p in pdf if "案情简述" in p.get_text())
        text = flat(page.get_text())
    assert "原告在被告平台充值。" in text and f"原告陈述：“{GROUP}”" in text and "我在" not in text
