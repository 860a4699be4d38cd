"""Printing the binder: PyMuPDF renders each page, QPainter draws it on a ``QPrinter``.

Works with any printer driver and needs no PDF viewer (Edge, the default PDF handler on Windows,
has no "print" verb). Pages are drawn 1:1 on the full A4 sheet, so the 28 mm binding margin stays
where the binder put it. ``paint`` may run on a worker thread: Qt allows painting on a QPrinter
outside the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pymupdf
from PySide6.QtCore import QEventLoop, QMarginsF, QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from kami_desktop.core.tasks import Cancelled

PRINT_DPI = 300
PREVIEW_DPI = 150


def make_printer(copies: int = 1) -> QPrinter:
    """A high-resolution A4 portrait printer set to the requested number of collated copies."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
        )
    )
    printer.setFullPage(True)
    printer.setCopyCount(max(1, copies))
    printer.setCollateCopies(True)
    printer.setDocName(QApplication.translate("BinderPrinter", "证据册"))
    return printer


class BinderPrinter:
    """Paints the pages of one binder PDF onto a QPrinter."""

    def __init__(self, pdf: Path | str) -> None:
        self.pdf = Path(pdf)
        with pymupdf.open(self.pdf) as doc:
            self.page_count = doc.page_count

    def page_range(self, printer: QPrinter) -> range:
        """The pages chosen in the print dialog (1-based from/to; 0 means all), as 0-based indexes."""
        first, last = printer.fromPage(), printer.toPage()
        if printer.printRange() != QPrinter.PrintRange.PageRange or first <= 0:
            return range(self.page_count)
        return range(first - 1, min(max(last, first), self.page_count))

    def copies_to_paint(self, printer: QPrinter) -> int:
        """Copies the driver does not make itself must be painted again (e.g. PDF output)."""
        return 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())

    def paint(
        self,
        printer: QPrinter,
        dpi: int = PRINT_DPI,
        progress: Callable[[int, int, str], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> int:
        """Draw the selected pages (and copies); returns the number of sheets painted."""
        pages = list(self.page_range(printer)) * self.copies_to_paint(printer)
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError(
                QApplication.translate("BinderPrinter", "打印机无法开始打印（可能已被取消或不可用）")
            )
        painted = 0
        try:
            with pymupdf.open(self.pdf) as doc:
                target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
                for n, index in enumerate(pages):
                    if cancel is not None and cancel():
                        raise Cancelled()
                    if n:
                        printer.newPage()
                    pix = doc[index].get_pixmap(dpi=min(dpi, printer.resolution()), alpha=False)
                    image = QImage(
                        pix.samples, pix.width, pix.height, pix.stride, QImage.Format.Format_RGB888
                    )
                    painter.drawImage(target, image)  # pix stays alive until drawn: QImage borrows its bytes
                    del image, pix
                    painted += 1
                    if progress is not None:
                        progress(
                            painted,
                            len(pages),
                            QApplication.translate("BinderPrinter", "打印第 {page} 页").format(
                                page=index + 1
                            ),
                        )
        finally:
            painter.end()
        return painted


def choose_printer(parent: QWidget | None, pdf: Path, copies: int) -> QPrinter | None:
    """Show the system print dialog; the printer to paint on, or None when the user cancels."""
    printer = make_printer(copies)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QApplication.translate("BinderPrinter", "打印证据册"))
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setMinMax(1, BinderPrinter(pdf).page_count)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


def _until_exposed(widget: QWidget, timeout: float = 0.5) -> None:
    """Let the window system map and expose ``widget`` (nothing else is under way yet: safe)."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        handle = widget.windowHandle()
        if handle is not None and handle.isExposed():
            break
    widget.repaint()


def sheets_caption(pages: int, copies: int) -> str:
    """ "共 27 页 × 3 份": what the preview's "/ 81" is made of."""
    if copies > 1:
        return QApplication.translate("BinderPrinter", "共 {pages} 页 × {copies} 份").format(
            pages=pages, copies=copies
        )
    return QApplication.translate("BinderPrinter", "共 {pages} 页").format(pages=pages)


def preview(parent: QWidget | None, pdf: Path, copies: int, run: bool = True) -> QPrintPreviewDialog:
    """QPrintPreviewDialog over the binder (rendered at screen resolution; printing from it works too).

    Rendering every page takes seconds on the GUI thread (Qt's preview paints up front): a busy cursor
    and a progress window saying "正在准备打印预览：共 27 页 × 3 份" show while it does, and the title
    says what the page counter counts. ``run=False`` returns the dialog unshown (tests show it)."""
    printer = make_printer(copies)
    binder = BinderPrinter(pdf)
    caption = sheets_caption(binder.page_count, binder.copies_to_paint(printer))
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(
        QApplication.translate("BinderPrinter", "打印预览（{caption}）").format(caption=caption)
    )
    busy = QProgressDialog(parent)
    busy.setWindowTitle(QApplication.translate("BinderPrinter", "打印预览"))
    busy.setLabelText(
        QApplication.translate("BinderPrinter", "正在准备打印预览：{caption}……").format(caption=caption)
    )
    busy.setCancelButton(None)  # Qt takes None: no cancel button
    busy.setMinimumDuration(0)
    busy.setAutoClose(False)
    busy.setAutoReset(False)
    dialog.busy = busy  # type: ignore[attr-defined]
    dialog.kept_printer = printer  # type: ignore[attr-defined]  # the dialog only points to it: keep it alive

    def begin() -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        busy.setValue(0)
        busy.show()

    def render(p: QPrinter) -> None:
        # the preview draws every page up front, on the GUI thread, inside Qt's own preview code: no
        # event may be processed meanwhile, so the progress window repaints itself and nothing else
        if not busy.isVisible():
            begin()

        def step(done: int, total: int, _label: str) -> None:
            busy.setMaximum(total)
            busy.setValue(done)  # not window-modal: this processes no events
            busy.repaint()

        try:
            binder.paint(p, dpi=PREVIEW_DPI, progress=step)  # screen resolution keeps it quick
        finally:
            busy.hide()
            QApplication.restoreOverrideCursor()

    begin()
    _until_exposed(busy)  # the busy window is on screen, painted, before the first page is drawn
    dialog.paintRequested.connect(render)
    if run:
        dialog.exec()
    return dialog
