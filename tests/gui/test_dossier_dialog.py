"""The binder dialog: defaults, choosing and ordering exhibits, background build, cancel, preview, print."""

from __future__ import annotations

import pymupdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from kami_desktop.gui.dossier_dialog import DossierDialog
from tests.core.dossier.cases import make_case


@pytest.fixture
def dialog(qtbot, profile, tmp_path, dialogs):
    case = make_case(profile, tmp_path / "src", keys=["chat_png", "jpeg", "note"])
    dlg = DossierDialog(profile, case.case_id)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.checked, timeout=10000):
        pass
    dlg.out_dir.setText(str(tmp_path / "out"))
    dlg.case = case
    yield dlg
    dlg.close()


def _build(qtbot, dlg):
    with qtbot.waitSignal(dlg.built, timeout=30000) as blocker:
        qtbot.mouseClick(dlg.build_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_defaults_copies_court_plus_defendants_plus_self(dialog):
    assert dialog.copies.value() == 1 + 2 + 1  # the case has two defendants
    assert dialog.list.count() == 3 and dialog.report.ok
    assert dialog.cause.text() == "信息网络买卖合同纠纷"
    assert not dialog.print_button.isEnabled()


def test_build_with_chosen_order_then_preview_and_open(qtbot, dialog, monkeypatch):
    dialog.list.item(0).setCheckState(Qt.CheckState.Unchecked)  # leave out the chat screenshots
    dialog.list.setCurrentRow(2)
    dialog.move_selected(-1)  # the note before the recharge screenshot
    dialog.submitter.setText("原告 张三")
    result = _build(qtbot, dialog)
    assert [x.title for x in result.exhibits] == ["情况说明", "充值记录截图"]
    assert result.pdf.is_file() and "原告 张三" in pymupdf.open(result.pdf)[0].get_text()
    assert dialog.print_button.isEnabled() and dialog.page_total.text() == f"/ {result.pages}"
    assert not dialog.preview.pixmap().isNull()
    dialog.page.setValue(result.exhibits[0].first_page)
    assert dialog.preview.pixmap().height() > dialog.preview.pixmap().width()
    opened = []
    monkeypatch.setattr(
        "PySide6.QtGui.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    assert dialog.open_pdf() and dialog.open_folder()
    assert opened == [str(result.pdf), str(result.bundle)]


def test_print_path_renders_every_page_to_a_pdf_printer(qtbot, dialog, tmp_path):
    result = _build(qtbot, dialog)
    from kami_desktop.gui.binder_printer import make_printer

    printer = make_printer(copies=2)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    worker = dialog.print_to(printer, dpi=40)
    with qtbot.waitSignal(worker.signals.finished, timeout=30000):
        pass
    printed = pymupdf.open(tmp_path / "printed.pdf")
    assert printed.page_count == result.pages * 2  # the PDF printer makes no copies itself: painted twice
    assert printed[0].rect.width == pytest.approx(595, abs=1)
    assert "已送往打印机" in dialog.status.text()


def test_page_range_from_the_print_dialog_is_honoured(qtbot, dialog, tmp_path):
    result = _build(qtbot, dialog)
    from kami_desktop.gui.binder_printer import BinderPrinter, make_printer

    printer = make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "range.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert BinderPrinter(result.pdf).paint(printer, dpi=30) == 2
    assert pymupdf.open(tmp_path / "range.pdf").page_count == 2


def test_missing_original_asks_before_building(qtbot, profile, dialog, dialogs):
    from kami_desktop.core.evidence.exhibits import get_exhibit

    with profile.session() as s:
        sha = get_exhibit(s, dialog.case.exhibits["jpeg"]).files[0].blob_sha256
    profile.vault.remove_blob(sha)
    with qtbot.waitSignal(dialog.checked, timeout=10000):
        dialog._check()
    assert dialog.report.blocking and "缺失" in dialog.problems.text()
    result = _build(qtbot, dialog)  # the dialogs fixture answers "yes" to the question
    assert [d[0] for d in dialogs] == ["ask"] and "仍然生成" in dialogs[0][2]
    assert [p["kind"] for p in result.problems] == ["missing"]


def test_cancel_leaves_nothing(qtbot, dialog, tmp_path, monkeypatch):
    from kami_desktop.core.dossier import renderers

    def slow(ctx):
        dialog.worker.cancel()  # as if the user pressed 取消生成 while the first page is laid out
        raise renderers.Decline()

    monkeypatch.setattr(renderers, "_REGISTRY", [renderers.Renderer("slow", lambda f: True, slow)])
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.build_button.isEnabled(), timeout=30000)
    assert dialog.dossier is None and "已取消" in dialog.status.text()
    out = tmp_path / "out"
    assert not out.exists() or list(out.iterdir()) == []


def test_online_filing_files_from_the_dialog(qtbot, dialog):
    dialog.online.setChecked(True)
    result = _build(qtbot, dialog)
    assert [p.name for p in result.online][0] == "证据00_证据目录.pdf"
    assert len(result.online) == len(result.exhibits) + 1 and all(p.is_file() for p in result.online)
    assert "网上立案" in dialog.status.text()


def test_the_advice_is_shown_beside_the_binder_not_in_it(qtbot, profile, tmp_path, dialogs):
    case = make_case(profile, tmp_path / "src", keys=["jpeg", "bill"])
    dlg = DossierDialog(profile, case.case_id)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.checked, timeout=10000):
        pass
    assert "仅供个人对账使用" in dlg.advice.text() and dlg.advice.isVisibleTo(dlg)
    assert "不印在证据册上" in dlg.advice.text()
    dlg.out_dir.setText(str(tmp_path / "out"))
    result = _build(qtbot, dlg)
    assert result.tips is not None and result.tips.is_file()
    assert str(result.tips) in dlg.status.text()
    binder = "".join(page.get_text() for page in pymupdf.open(result.pdf))
    assert "效力较弱" not in binder and "效力较弱" in "".join(p.get_text() for p in pymupdf.open(result.tips))
    dlg.close()
