"""Court copies say only what the case supports: no product advice on any court-facing file, the 起诉状
holds its filing pages only, and its facts come from this case (causes, claim items, defendants' bases).

One realistic case (a personal-only Alipay bill, a QQ export whose own messages cannot be told apart, a
MemoTrace chat without the user's name, screenshots, a voice recording) goes through every court-facing
output: the binder PDF, the 证据目录 (DOCX and PDF), the 起诉状 classic and 要素式 (DOCX and PDF) and
the 催告函. Each file is read back and scanned for every advice string the product holds for the case
(``core.evidence.advice``: stored bill and chat warnings, per-kind advice) and for every fixed advice
phrase of the registry, so new advice cannot reach paper unnoticed.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pymupdf
import pytest

from kami_desktop.core.case.cases import update_case
from kami_desktop.core.case.claims import add_item
from kami_desktop.core.case.facts import add_fact
from kami_desktop.core.case.parties import add_party
from kami_desktop.core.chats.store import import_chat
from kami_desktop.core.documents import generate
from kami_desktop.core.dossier.build import build_dossier
from kami_desktop.core.dossier.tips import TIPS
from kami_desktop.core.evidence.advice import ADVICE_PHRASES, case_advice_texts, exhibit_advice
from kami_desktop.core.evidence.exhibits import edit_exhibit, get_exhibit
from tests.core.chats.chat_fixtures import memotrace_txt, qq_txt
from tests.core.documents.conftest import docx_text
from tests.core.dossier.cases import make_case, options

FILED = date(2026, 11, 25)
COURT_KINDS = ("evidence-list", "lawsuit", "lawsuit-elements", "demand")
USER_NOTE = "本人备注：截图时间为北京时间。"


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_pages(path: Path) -> list[str]:
    with pymupdf.open(path) as doc:
        return [page.get_text() for page in doc]


@pytest.fixture(scope="module")
def court_case(tmp_path_factory):
    from kami_desktop.core.profile import Profile

    root = tmp_path_factory.mktemp("court")
    profile = Profile.open(root / "profile")
    built = make_case(profile, root / "src", keys=["chat_png", "jpeg", "long", "bill", "voice"])
    cid = built.case_id
    qq_file = root / "src" / "QQ聊天.txt"
    qq_file.write_bytes(qq_txt())
    built.exhibits["qq"] = import_chat(profile, cid, qq_file).exhibit_id  # a group chat: no 本人 found
    chat_file = root / "src" / "微信聊天.txt"
    chat_file.write_bytes(memotrace_txt())
    wx = import_chat(profile, cid, chat_file).exhibit_id  # no 本人 given: the parser warns
    with profile.session() as s:
        # an exhibit stored before 0007: the import wrote the chat's advice into the notes
        # (which chat carries the hint depends on which conversations name 本人: take the one that does)
        built.exhibits["hinted"] = next(e for e in (built.exhibits["qq"], wx) if exhibit_advice(s, e))
        old_hint = exhibit_advice(s, built.exhibits["hinted"])[0]
        edit_exhibit(s, built.exhibits["hinted"], notes=f"{old_hint}\n{USER_NOTE}")
        update_case(s, cid, causes=["auto_renewal", "undelivered"], discovered_on="2026-05-28")
        add_party(
            s,
            cid,
            "self",
            "张三",
            gender="男",
            birth_date="1990-05-12",
            ethnicity="汉族",
            occupation="职员",
            address="浙江省杭州市西湖区文三路100号",
            id_number="330106199005120011",
            phone="13812345678",
        )
        add_item(
            s,
            cid,
            "deducted",
            "388.00",
            "2026-05-28",
            reason="auto_renewal",
            description="平台以自动续费为由扣除会员费",
            exhibit_ids=[built.exhibits["jpeg"]],
        )
        add_item(
            s,
            cid,
            "undelivered_order",
            "150.00",
            "2026-05-20",
            description="购买的游戏点卡付款后未发放卡密",
            exhibit_ids=[built.exhibits["chat_png"]],
        )
        add_fact(s, cid, "2026-05-29 10:02", "申请退款", "联系平台客服要求退还上述款项", exhibit_ids=[wx])
    return profile, cid, built, root


@pytest.fixture(scope="module")
def outputs(court_case):
    profile, cid, _, root = court_case
    out = root / "out"
    files: dict[str, list[Path]] = {}
    tips: dict[str, list[Path]] = {}
    opts = {"date": FILED.isoformat(), "court": "杭州互联网法院"}
    for kind in COURT_KINDS:
        doc = generate(profile, cid, kind, out, "both", opts)
        files[kind], tips[kind] = doc.paths, doc.advice_paths
    result = build_dossier(profile, cid, options(root / "bundle"))
    files["binder"] = [result.pdf]
    tips["binder"] = [result.tips] if result.tips else []
    return files, tips, result


def read(path: Path) -> str:
    return flat(docx_text(path) if path.suffix == ".docx" else "".join(pdf_pages(path)))


def test_no_advice_reaches_a_court_copy(court_case, outputs):
    profile, cid, built, _ = court_case
    files, tips, _ = outputs
    with profile.session() as s:
        advice = case_advice_texts(s, cid)
        held = {e: exhibit_advice(s, e) for e in built.exhibits.values()}
    # the case really holds advice of each kind, so the scan below means something
    assert any("仅供个人对账使用" in a for a in advice)
    assert any("没有认出本人发送的消息" in a for a in advice)  # a chat whose 本人 was not picked
    assert any("转写稿" in a for a in advice) and held[built.exhibits["voice"]]
    needles = [flat(a) for a in advice] + list(ADVICE_PHRASES)
    scanned = 0
    for paths in files.values():
        for path in paths:
            text = read(path)
            assert len(text) > 200, path
            found = [n for n in needles if n in text]
            assert found == [], f"{path.name}: {found}"
            scanned += 1
    assert scanned == 2 * len(COURT_KINDS) + 1
    # the user's own note on the same exhibit still reaches the court
    assert flat(USER_NOTE) in read(files["binder"][0])
    assert flat(USER_NOTE) in read(files["evidence-list"][0])
    with profile.session() as s:  # and the stored notes are untouched: the filter is on the way out
        assert USER_NOTE in get_exhibit(s, built.exhibits["hinted"]).notes


def test_the_advice_goes_to_separate_files_marked_not_for_filing(court_case, outputs):
    profile, cid, built, _ = court_case
    files, tips, result = outputs
    bundle_tips = read(result.bundle / TIPS)
    assert "不提交法院" in bundle_tips and "仅供个人对账使用" in bundle_tips and "转写稿" in bundle_tips
    manifest = (result.bundle / "manifest.json").read_text(encoding="utf-8")
    assert '"not_for_filing": [\n    "内部提示（不提交法院）.pdf"' in manifest
    assert TIPS in (result.bundle / "校验说明.txt").read_text(encoding="utf-8-sig")
    for kind in ("lawsuit", "lawsuit-elements", "evidence-list"):
        assert [p.suffix for p in tips[kind]] == [".docx", ".pdf"]
        text = read(tips[kind][1])
        assert "不提交法院" in text and "仅供个人对账使用" in text


def test_the_complaint_pdf_holds_its_filing_pages_only(outputs):
    files, _, _ = outputs
    for kind in ("lawsuit", "lawsuit-elements"):
        pdf = files[kind][1]
        pages = pdf_pages(pdf)
        footers = {int(n) for p in pages for n in re.findall(r"共\s*(\d+)\s*页", p)}
        assert footers == {len(pages)}, (kind, footers, len(pages))
        text = flat("".join(pages))
        assert "附页：" not in text and "提交前请阅读" not in text
        # signature and date lines with room to write by hand, copies per defendant
        assert "具状人" in text and "本状副本2份" in text
        assert "具状人" in pages[-1] and "附：" in pages[-1]  # the signature and the 附 list stay together
    docx = docx_text(files["lawsuit"][0])
    assert "具状人（签名）：" + "\u3000" * 8 in docx
    assert "2026年11月25日" in docx


def test_facts_come_from_this_case(outputs):
    files, _, _ = outputs
    for kind in ("lawsuit", "demand", "lawsuit-elements"):
        text = read(files[kind][0])
        assert "余额有效期" not in text and "服务费" not in text, kind  # not a hidden-rule case
        assert "未向原告作出提示和说明" not in text and "未向本人作出提示和说明" not in text
        assert "以“自动续费”为由扣除了" in text and "平台收款后未予交付" in text, kind
    assert "就贵司扣除本人账户余额、收款后未交付商品或服务、拒不退还一事" in read(files["demand"][0])
    lawsuit = read(files["lawsuit"][0])
    # the numbered items add up to the claim
    assert "2026年5月20日，原告付款购买商品或服务共150.00元，平台收款后未予交付；" in lawsuit
    assert "2026年5月28日，平台以“自动续费”为由扣除了原告的账户余额388.00元。" in lawsuit
    assert "2.2026年5月28日，被扣除的余额（自动续费）" in lawsuit
    assert "以上2项合计538.00元（150.00＋388.00＝538.00）" in lawsuit
    assert "返还预付款人民币538.00元" in lawsuit
    assert "2026年5月29日起，原告要求平台退还上述款项" in lawsuit and "多次" not in lawsuit
    # two defendants: no stated basis for the payee, so no 共同 and a blank for the user to fill
    assert "二被告共同" not in lawsuit and "被诉依据" in lawsuit


def test_the_evidence_list_cuts_a_long_note_only_at_a_sentence_end():
    from kami_desktop.core.dossier.frontmatter import brief_note

    long = "第一句说明截图的来源和时间。" * 4 + "第五句很长很长" * 10
    cut = brief_note(long)
    assert cut.endswith("。（全文见证据页备注）") and cut.count("第一句") == 4
    assert brief_note("短备注") == "短备注"
    assert brief_note("没有句号" * 30) == "（见证据页备注）"
