"""Bills that would cost a naive parser gigabytes are parsed in bounded memory or refused with a clear
Chinese message naming the file; a refused import changes nothing in the profile. Each file is parsed and
imported in a fresh interpreter whose address space is capped at 1 GiB."""

from __future__ import annotations

import re

import pytest

from kami_desktop.core.bills import parse_bill

try:
    from kami_desktop.core.bills.common import MAX_ROWS, MAX_TRANSACTIONS
except ImportError:
    MAX_ROWS, MAX_TRANSACTIONS = 200_000, 100_000
from kami_desktop.core.profile import Profile
from tests.core.bills.bill_fixtures import wechat_xlsx
from tests.fixtures.evidence import populate, profile_state
from tests.hostile.bill_bombs import (
    alipay_csv_of,
    xlsx_claiming_the_whole_sheet,
    xlsx_far_corner,
    xlsx_far_row,
    xlsx_wide_rows,
    zip_of_empty_rows,
)
from tests.hostile.bounded import run_bounded

CJK = re.compile(r"[\u4e00-\u9fff]")
PARSE_AND_IMPORT = """
from kami_desktop.core.bills import BillError, parse_bill
path, data_dir = args
try:
    bill = parse_bill(path)
    out["parse"] = {"ok": True, "rows": len(bill.transactions)}
except BillError as exc:
    out["parse"] = {"ok": False, "error": str(exc)}
out["parse_peak_mib"] = peak_mib()
if data_dir != "-":
    from kami_desktop.core.bills.store import import_bill
    from kami_desktop.core.profile import Profile

    with Profile.open(data_dir) as p:
        try:
            import_bill(p, 1, path)
            out["import"] = {"ok": True}
        except BillError as exc:
            out["import"] = {"ok": False, "error": str(exc)}
"""


@pytest.fixture
def kept(tmp_path):
    """A profile holding evidence; its full state before the hostile import."""
    data_dir = tmp_path / "kami"
    with Profile.open(data_dir) as p:
        populate(p, tmp_path / "src", shots=1)
    return data_dir, profile_state(data_dir)


def _refused(out: dict, step: str, name: str, *words: str) -> str:
    result = out[step]
    assert result["ok"] is False, out
    message = result["error"]
    assert name in message and CJK.search(message), message
    assert "MemoryError" not in message and "内部错误" not in message, message
    assert all(w in message for w in words), message
    return message


def test_a_two_million_row_csv_is_refused_at_the_cap_in_bounded_memory(kept, tmp_path):
    data_dir, before = kept
    big = alipay_csv_of(tmp_path / "支付宝交易明细(20250101-20251231).csv", 2_000_000)
    assert big.stat().st_size > 186_000_000
    out = run_bounded(PARSE_AND_IMPORT, big, data_dir)
    message = _refused(out, "parse", big.name, str(MAX_TRANSACTIONS), "上限")
    assert _refused(out, "import", big.name) == message
    assert out["parse_peak_mib"] < 600 and out["peak_mib"] < 900, out
    assert profile_state(data_dir) == before


def test_a_bill_right_at_the_cap_is_parsed_in_bounded_memory(tmp_path):
    full = alipay_csv_of(tmp_path / "支付宝交易明细(20250101-20251231).csv", MAX_TRANSACTIONS)
    out = run_bounded(PARSE_AND_IMPORT, full, "-")
    assert out["parse"] == {"ok": True, "rows": MAX_TRANSACTIONS}, out


def test_a_small_zip_of_empty_rows_is_refused_in_bounded_memory(kept, tmp_path):
    data_dir, before = kept
    z = zip_of_empty_rows(tmp_path / "支付宝交易明细(20260301-20260331).zip")
    assert z.stat().st_size < 1024 * 1024
    out = run_bounded(PARSE_AND_IMPORT, z, data_dir)
    _refused(out, "parse", z.name, str(MAX_ROWS), "上限")
    _refused(out, "import", z.name)
    assert out["parse_peak_mib"] < 400 and out["peak_mib"] < 600, out
    assert profile_state(data_dir) == before


@pytest.mark.parametrize(
    "build, words",
    [
        (xlsx_far_corner, ()),
        (xlsx_far_row, (str(MAX_ROWS), "上限")),
        (xlsx_wide_rows, ("列", "上限")),
    ],
    ids=["far-corner", "far-row", "wide-row"],
)
def test_sheets_with_far_away_cells_are_refused_in_bounded_memory(kept, tmp_path, build, words):
    data_dir, before = kept
    sheet = build(tmp_path / "微信支付账单流水文件(20250301-20250331).xlsx")
    assert sheet.stat().st_size < 64 * 1024
    out = run_bounded(PARSE_AND_IMPORT, sheet, data_dir)
    _refused(out, "parse", sheet.name, *words)
    _refused(out, "import", sheet.name)
    assert out["parse_peak_mib"] < 200, out
    assert profile_state(data_dir) == before


def test_a_sheet_that_only_claims_the_whole_grid_is_read_by_its_real_cells(tmp_path):
    honest = tmp_path / "honest.xlsx"
    honest.write_bytes(wechat_xlsx())
    claiming = xlsx_claiming_the_whole_sheet(tmp_path / "claiming.xlsx")
    out = run_bounded(PARSE_AND_IMPORT, claiming, "-")
    assert out["parse"] == {"ok": True, "rows": len(parse_bill(honest).transactions)}, out
    assert out["parse_peak_mib"] < 200, out
    assert [t.to_json() for t in parse_bill(claiming).transactions] == [
        t.to_json() for t in parse_bill(honest).transactions
    ]
