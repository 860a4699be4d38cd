"""One calendar rule and one interest calculator: the 催告函, ``kami legal deadlines``, the 起诉状 and
``kami legal interest`` state the same dates and the same figures for the same case."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kami_desktop.core.profile import Profile
from tests.core.documents.conftest import docx_text
from tests.core.documents.factory import make_case
from tests.fixtures.cli import run_json

DUE = re.compile(r"即于(\d{4})年(\d{1,2})月(\d{1,2})日（含当日）前")
CN_DATE = r"(\d{4})年(\d{1,2})月(\d{1,2})日"


@pytest.fixture
def case_dir(tmp_path) -> tuple[Path, int]:
    d = tmp_path / "p"
    with Profile.open(d) as prof:
        made = make_case(prof, tmp_path)  # 催告函 sent by EMS on 2025-09-26, first top-up 2025-03-01
    return d, made.case_id


def cn(m: re.Match, at: int = 1) -> date:
    return date(int(m.group(at)), int(m.group(at + 1)), int(m.group(at + 2)))


def generate(d: Path, cid: int, kind: str, out: Path, *extra: str) -> str:
    res = run_json(
        "doc", "generate", "--case", str(cid), "--kind", kind, "--out", str(out), *extra, data_dir=d
    )
    return docx_text(Path(res["files"][0]))


def demand_reply(d: Path, cid: int) -> dict:
    dash = run_json("legal", "deadlines", "--case", str(cid), "--today", "2025-09-27", data_dir=d)
    return next(x for x in dash["deadlines"] if x["key"] == "demand_reply")


def test_the_letter_and_the_deadlines_view_give_the_same_date(case_dir, tmp_path):
    d, cid = case_dir
    sent = ("step", "add", "--case", str(cid), "--kind", "demand_sent", "--on", "2025-09-26")
    run_json(*sent, "--channel", "EMS邮寄", "--reference", "EA123456789CN", data_dir=d)
    letter = generate(d, cid, "demand", tmp_path / "a")
    m = DUE.search(letter)
    view = demand_reply(d, cid)
    # no delivery recorded: both estimate arrival at 09-26 + 3 days (EMS) and count 7 working days
    assert cn(m) == date.fromisoformat(view["due"]) == date(2025, 10, 15)
    assert view["estimated"] is True and view["label"].endswith("（预估）")
    assert "自收到本函之日起7个工作日内" in letter and "按3日送达估算" in letter

    run_json(
        "step", "add", "--case", str(cid), "--kind", "demand_delivered", "--on", "2025-09-30", data_dir=d
    )
    letter = generate(d, cid, "demand", tmp_path / "b")
    m = DUE.search(letter)
    view = demand_reply(d, cid)
    # delivered 09-30: 10-09, 10-10, 10-11 (Sat, 调休), 10-13, 10-14, 10-15, 10-16
    assert cn(m) == date.fromisoformat(view["due"]) == date(2025, 10, 16)
    assert view["estimated"] is False and view["start"] == "2025-09-30"
    assert "自本函送达之日（2025年9月30日）起7个工作日内，即于2025年10月16日（含当日）前" in letter

    complaint = generate(d, cid, "lawsuit", tmp_path / "c", "--date", "2025-11-20", "--court", "某法院")
    assert "自2025年10月17日起至实际清偿之日止" in complaint  # the day after the same deadline
    assert "要求二被告在收到该函之日起7个工作日内退还上述款项，该函于2025年9月30日送达" in complaint


def interest_parts(text: str) -> tuple[date, date, Decimal, str]:
    m = re.search(f"自{CN_DATE}起至实际清偿之日止.*?暂计至{CN_DATE}为([\\d,.]+)元（([^）]*)）", text)
    assert m, text
    return cn(m, 1), cn(m, 4), Decimal(m.group(7).replace(",", "")), m.group(8)


def test_the_complaint_and_kami_legal_interest_give_the_same_figure(case_dir, tmp_path):
    d, cid = case_dir
    text = generate(d, cid, "lawsuit", tmp_path / "a", "--date", "2025-11-20", "--court", "某法院")
    start, end, amount, formula = interest_parts(text)
    formed = cn(re.search(f"按合同成立时（{CN_DATE}）", text))
    assert (start, end, formed) == (date(2025, 10, 16), date(2025, 11, 20), date(2025, 3, 1))
    # 1,798.00 × 3.10% (the LPR of 2025-03-01) × 35 days ÷ 365 = 5.344…
    assert amount == Decimal("5.34") and formula == "1,798.00元×3.10%×35天÷365＝5.34元"
    cli = run_json(
        "legal",
        "interest",
        "--principal",
        "1798.00",
        "--from",
        start.isoformat(),
        "--to",
        end.isoformat(),
        "--lpr-date",
        formed.isoformat(),
        data_dir=d,
    )
    assert (Decimal(cli["interest"]), cli["days"], cli["formula"]) == (amount, 35, formula)


def test_per_period_lpr_splits_at_each_change_and_matches_the_cli(case_dir, tmp_path):
    d, cid = case_dir
    text = generate(
        d,
        cid,
        "lawsuit",
        tmp_path / "a",
        "--date",
        "2025-11-20",
        "--court",
        "某法院",
        "--lpr",
        "per-period",
        "--interest-from",
        "2024-07-01",
    )
    assert "按全国银行间同业拆借中心公布的同期一年期贷款市场报价利率（LPR）计算" in text
    start, end, amount, formula = interest_parts(text)
    # 3.45% for 21 days, 3.35% from 07-22 (91), 3.10% from 10-21 (211), 3.00% from 2025-05-20 (184)
    assert formula == (
        "1,798.00元×3.45%×21天÷365＝3.57元；1,798.00元×3.35%×91天÷365＝15.02元；"
        "1,798.00元×3.10%×211天÷365＝32.22元；1,798.00元×3.00%×184天÷365＝27.19元；合计78.00元"
    )
    assert amount == Decimal("78.00")
    cli = run_json(
        "legal", "interest", "--principal", "1798", "--from", str(start), "--to", str(end), data_dir=d
    )
    assert (Decimal(cli["interest"]), cli["formula"]) == (amount, formula)
    assert [s["rate"] for s in cli["segments"]] == ["3.45", "3.35", "3.10", "3.00"]
