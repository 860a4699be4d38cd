"""The smoke test's case steps: the temporary profile's case filled and checked the way a user's would
be (screenshots and an Alipay bill imported, a binder built and read back, the vault verified).
``kami_desktop.smoke`` runs them as steps of its ``_Smoke``; each takes the temporary profile (and its
case and working folder) and returns the line it logs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kami_desktop.smoke_media import check
from kami_desktop.smoke_samples import make_alipay_bill, make_screenshot

if TYPE_CHECKING:
    from kami_desktop.core.profile import Profile


def import_image(profile: Profile, case_id: int, workdir: Path) -> str:
    """Two generated screenshots imported as 资金 exhibits: stored, typed as images, no problem noted."""
    from kami_desktop.core.evidence.importer import import_paths

    shots: list[Path | str] = [
        make_screenshot(workdir / "支付成功截图.png"),
        make_screenshot(workdir / "订单页面.jpg"),
    ]
    report = import_paths(profile, case_id, shots, category="funds", source="冒烟测试")
    check(not report.errors, f"import errors: {report.errors}")
    check(report.new_count == 2, f"expected 2 new files, got {report.new_count}")
    for item in report.imported:
        check(item.media_type.startswith("image/"), f"{item.original_name}: media type {item.media_type}")
        check(not item.problem, f"{item.original_name}: {item.problem}")
    return ", ".join(f"{i.original_name} {i.media_type} {i.sha256[:12]}" for i in report.imported)


def import_bill(profile: Profile, case_id: int, workdir: Path) -> str:
    """A generated Alipay export stored with its rows, and parsed again: three rows, 300.00 paid."""
    from kami_desktop.core.bills import parse_bill
    from kami_desktop.core.bills.store import import_bill as store_bill

    bill_path = make_alipay_bill(workdir / "支付宝交易明细(20260301-20260331).csv")
    result = store_bill(profile, case_id, bill_path)
    check(result.rows == 3, f"bill import stored {result.rows} rows")
    bill = parse_bill(bill_path)
    check(bill.source == "alipay", f"parsed as {bill.source}")
    check(len(bill.transactions) == 3, f"expected 3 transactions, got {len(bill.transactions)}")
    paid = sum(t.amount for t in bill.transactions if t.direction == "支出")
    check(str(paid) == "300.00", f"paid total {paid}")
    return f"bills.store.import_bill; {bill.layout}, {len(bill.transactions)} rows, paid {paid}"


def build_binder(profile: Profile, case_id: int, workdir: Path) -> str:
    """The binder of the case, read back: pages, Chinese text (the fonts are in the build)."""
    import pymupdf

    from kami_desktop.core.dossier.build import build_dossier
    from kami_desktop.core.dossier.options import DossierOptions

    result = build_dossier(profile, case_id, DossierOptions(out_dir=workdir / "out"))
    pdf = Path(result.pdf)
    check(pdf.is_file() and pdf.stat().st_size > 0, f"no binder PDF at {pdf}")
    with pymupdf.open(pdf) as doc:
        pages = doc.page_count
        text = "".join(page.get_text() for page in doc)
    check(pages >= 1, "binder has no pages")
    check("证据" in text, "binder text has no Chinese (fonts missing?)")
    extra = f", zip {result.zip.stat().st_size} bytes" if result.zip else ""
    return f"{pdf.name}: {pages} page(s), {pdf.stat().st_size} bytes{extra}"


def verify(profile: Profile) -> str:
    """The full verify of the temporary profile: every original re-hashed, the ledger checked."""
    from kami_desktop.core.evidence.verify import verify as verify_profile

    report = verify_profile(profile, full=True)
    check(report.ok, f"verify found problems: {[p.detail for p in report.problems]}")
    check(report.checked >= 3, f"verify checked only {report.checked} file(s)")
    return f"{report.checked} file(s), {report.ledger_entries} ledger entries"
