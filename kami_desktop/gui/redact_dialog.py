"""制作打码副本: one review screen per image of the selected exhibits, with the boxes the core proposes
(each with its reason) to check, add, move, resize or delete, the style (纯色 / 马赛克), 上一张 / 下一张 and
保存副本. The masking, the copy and its ledger entry are the core's (``core.redact``); the original is
never changed. An image without OCR text yet says so and offers to read it (or to mask by hand).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Signal
from PySide6.QtGui import QGuiApplication, QImage, QImageReader
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kami_desktop.core.profile import Profile
from kami_desktop.core.redact.box import Box
from kami_desktop.core.redact.copies import (
    OCR_NONE,
    CopyInfo,
    Suggestion,
    copies_of_exhibit,
    make_copy,
    read_text,
    review_items,
)
from kami_desktop.core.redact.export import SITES
from kami_desktop.core.redact.mask import MOSAIC, SOLID, preview_png
from kami_desktop.gui import messages
from kami_desktop.gui.i18n import QT_TRANSLATE_NOOP
from kami_desktop.gui.redact_canvas import CanvasBox, MaskCanvas
from kami_desktop.gui.redact_export import export_copies
from kami_desktop.gui.workers import TaskFailure, guarded, start_task

SCREEN_PIXELS = 12_000_000  # a bigger picture is shown from a smaller copy (the copy is made in full)


class _Page:
    def __init__(self, number: int | None, title: str, sg: Suggestion) -> None:
        self.number = number
        self.title = title
        self.sg = sg
        self.boxes = [CanvasBox(QRect(b.x, b.y, b.w, b.h), b.kind, b.reason) for b in sg.boxes]
        self.saved: CopyInfo | None = None
        self.changed = False  # boxes or style changed by the user since the page was opened or saved


class RedactDialog(QDialog):
    copy_saved = Signal(int)  # exhibit id

    def __init__(
        self,
        profile: Profile,
        exhibit_ids: list[int],
        parent: QWidget | None = None,
        case_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.exhibit_ids = list(exhibit_ids)
        self.case_id = case_id
        self.setWindowTitle(self.tr("制作打码副本"))
        self.resize(self._fitting(QSize(1100, 760)))
        self.pages: list[_Page] = []
        self.index = 0
        self.busy = False

        self.canvas = MaskCanvas()
        self.canvas.boxes_changed.connect(self._boxes_changed)
        self.canvas.selection_changed.connect(self._canvas_selected)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.skipped = QLabel()
        self.skipped.setWordWrap(True)
        self.box_list = QListWidget()
        self.box_list.currentRowChanged.connect(self._list_selected)
        self.delete_button = QPushButton(self.tr("删除所选框（Del）"))
        self.delete_button.clicked.connect(self.canvas.delete_selected)
        self.orders = QCheckBox(self.tr("也遮盖订单号、交易单号（保留末4位）"))
        self.orders.toggled.connect(self._reload)
        self.style_box = QComboBox()
        self.style_box.addItem(self.tr("纯色遮盖"), SOLID)
        self.style_box.addItem(self.tr("马赛克"), MOSAIC)
        self.style_box.currentIndexChanged.connect(self._style_changed)
        self.ocr_button = QPushButton(self.tr("识别文字"))
        self.ocr_button.clicked.connect(self.read_text)
        self.prev_button = QPushButton(self.tr("上一张"))
        self.prev_button.clicked.connect(lambda: self.show_page(self.index - 1))
        self.next_button = QPushButton(self.tr("下一张"))
        self.next_button.clicked.connect(lambda: self.show_page(self.index + 1))
        self.save_button = QPushButton(self.tr("保存副本"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.site_box = QComboBox()
        for code, label in SITES.items():
            self.site_box.addItem(self.tr(label), code)
        self.export_button = QPushButton(self.tr("导出上传文件夹…"))
        self.export_button.setToolTip(
            self.tr(
                "把本案的打码副本和文件清单导出到一个文件夹，供上传；没有副本的图片不导出，只在清单中列出。"
            )
        )
        self.export_button.clicked.connect(self.export)
        self.export_button.setVisible(case_id is not None)
        self.site_box.setVisible(case_id is not None)
        self.close_button = close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)

        side = QVBoxLayout()
        side.addWidget(self.heading)
        side.addWidget(self.notes)
        hint = QLabel(
            self.tr(
                "遮盖框（在图片空白处拖动可添加；拖动框可移动，拖动角可调整大小）。"
                "框在这里半透明，便于核对；保存的副本中完全遮盖："
            )
        )
        hint.setWordWrap(True)
        side.addWidget(hint)
        side.addWidget(self.box_list, 1)
        side.addWidget(self.delete_button)
        side.addWidget(self.orders)
        style_row = QHBoxLayout()
        style_row.addWidget(QLabel(self.tr("遮盖方式：")))
        style_row.addWidget(self.style_box, 1)
        side.addLayout(style_row)
        side.addWidget(self.ocr_button)
        side.addWidget(self.skipped)
        side.addWidget(self.status)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(330)
        body = QHBoxLayout()
        body.addWidget(self.canvas, 1)
        body.addWidget(side_widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.prev_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.site_box)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self._reload()

    def _fitting(self, wanted: QSize) -> QSize:
        """``wanted``, made smaller on a small screen (1366×768 laptops) so 保存副本 and 关闭 stay in view."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return wanted
        free = screen.availableGeometry()
        return QSize(min(wanted.width(), free.width() - 40), min(wanted.height(), free.height() - 60))

    def unsaved_pages(self) -> list[_Page]:
        return [p for p in self.pages if p.changed]

    def done(self, result: int) -> None:  # 关闭, Esc and the window's close button all come here
        left = self.unsaved_pages()
        if left and not self.busy:
            text = self.tr(
                "有 {n} 张图片的遮盖框改动还没有保存为副本，关闭后这些改动会丢失。仍要关闭吗？"
            ).format(n=len(left))
            if not messages.ask(self, self.tr("制作打码副本"), text):
                return
            for p in left:
                p.changed = False
        super().done(result)

    # ------------------------------------------------------------------ pages
    def _reload(self) -> None:
        """(Re)read the proposals for the selection; boxes already edited on a page are kept."""
        edited = {(p.sg.exhibit_id, p.sg.file.sha256): p for p in self.pages}
        items = review_items(self.profile, self.exhibit_ids, orders=self.orders.isChecked())
        saved = self._saved_copies() if not edited else {}
        pages, skipped = [], []
        for item in items:
            if item.problem:
                skipped.append(self._named(item.number, item.title) + "：" + item.problem)
            for sg in item.suggestions:
                old = edited.get((sg.exhibit_id, sg.file.sha256))
                page = _Page(item.number, item.title, sg)
                if old is not None:  # the boxes drawn by hand stay; the proposals are read again
                    manual = [b for b in old.boxes if b.kind == "manual"]
                    page.boxes = [b for b in page.boxes if b.kind != "manual"] + manual
                    page.saved = old.saved
                    page.changed = old.changed
                elif (sg.exhibit_id, sg.file.sha256) in saved:  # start from the copy made last time
                    page.saved = info = saved[(sg.exhibit_id, sg.file.sha256)]
                    page.boxes = [CanvasBox(QRect(b.x, b.y, b.w, b.h), b.kind, b.reason) for b in info.boxes]
                pages.append(page)
        self.pages = pages
        self.skipped.setText(self.tr("未包括：") + "\n".join(skipped) if skipped else "")
        self.show_page(min(self.index, max(0, len(pages) - 1)))

    def _saved_copies(self) -> dict[tuple[int, str], CopyInfo]:
        """{(exhibit id, original's SHA-256): the newest copy} of the exhibits shown."""
        with self.profile.session() as s:
            return {
                (c.exhibit_id, c.sha256): c for eid in self.exhibit_ids for c in copies_of_exhibit(s, eid)
            }

    def _named(self, number: int | None, title: str) -> str:
        head = self.tr("证据{n}").format(n=number) if number else self.tr("回收站中的证据")
        return f"{head}《{title}》"

    def _load_image(self, page: _Page) -> QImage:
        path = self.profile.blob_path(page.sg.file.sha256)
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        w, h = page.sg.width, page.sg.height
        if w * h > SCREEN_PIXELS:
            f = (SCREEN_PIXELS / (w * h)) ** 0.5
            reader.setScaledSize(QSize(max(1, int(w * f)), max(1, int(h * f))))
        image = reader.read()
        if image.isNull():  # a format Qt cannot read (HEIC): the core decodes it
            try:
                image = QImage.fromData(preview_png(path, page.sg.file.name))
            except messages.EXPECTED as exc:
                self.status.setText(str(exc))
        return image

    def show_page(self, index: int) -> None:
        self.index = index
        has = 0 <= index < len(self.pages)
        for w in (self.save_button, self.delete_button, self.box_list, self.style_box, self.canvas):
            w.setEnabled(has and not self.busy)
        self.export_button.setEnabled(not self.busy)
        self.prev_button.setEnabled(has and index > 0 and not self.busy)
        self.next_button.setEnabled(has and index < len(self.pages) - 1 and not self.busy)
        if not has:
            self.heading.setText(self.tr("所选证据中没有可以打码的图片。"))
            self.notes.clear()
            self.ocr_button.hide()
            self.canvas.set_image(QImage(), QSize(0, 0), [])
            self._fill_list()
            return
        page = self.pages[index]
        self.heading.setText(
            self.tr("{exhibit} 的 {file}（第 {i} / {n} 张）").format(
                exhibit=self._named(page.number, page.title),
                file=page.sg.file.name,
                i=index + 1,
                n=len(self.pages),
            )
        )
        notes = list(page.sg.notes)
        if page.sg.ocr == OCR_NONE:
            notes = [
                self.tr("这张图片还没有识别文字：可以先“识别文字”，也可以直接在图片上框选要遮盖的内容。")
            ]
        self.notes.setText("\n".join(notes))
        self.ocr_button.setVisible(page.sg.ocr == OCR_NONE)
        self.ocr_button.setEnabled(not self.busy)
        self.canvas.set_image(self._load_image(page), QSize(page.sg.width, page.sg.height), page.boxes)
        self.canvas.mosaic = self.style_box.currentData() == MOSAIC
        self._fill_list()
        self.status.setText(self._status_text(page))

    # ------------------------------------------------------------------ the list of boxes
    def _fill_list(self) -> None:
        self.box_list.blockSignals(True)
        self.box_list.clear()
        for b in self.canvas.boxes:
            r = b.rect
            item = QListWidgetItem(f"{b.reason}  ({r.x()}, {r.y()}, {r.width()}×{r.height()})")
            item.setToolTip(b.reason)
            self.box_list.addItem(item)
        self.box_list.setCurrentRow(self.canvas.selected)
        self.box_list.blockSignals(False)

    def _boxes_changed(self) -> None:
        self._fill_list()
        self._page_changed()

    def _page_changed(self) -> None:
        if 0 <= self.index < len(self.pages):
            page = self.pages[self.index]
            page.changed = True
            self.status.setText(self._status_text(page))

    def _status_text(self, page: _Page) -> str:
        if page.saved is not None and page.changed:
            return self.tr(
                "遮盖框改动后还没有保存：已保存的副本是改动之前的样子；点“保存副本”另存一份新的副本。"
            )
        return self._saved_text(page) if page.saved else ""

    def _canvas_selected(self, index: int) -> None:
        self.box_list.blockSignals(True)
        self.box_list.setCurrentRow(index)
        self.box_list.blockSignals(False)

    def _list_selected(self, row: int) -> None:
        self.canvas.select(row)

    def _style_changed(self) -> None:
        self.canvas.mosaic = self.style_box.currentData() == MOSAIC
        self.canvas.update()
        if 0 <= self.index < len(self.pages) and self.pages[self.index].saved is not None:
            self._page_changed()  # the saved copy is in the other style

    # ------------------------------------------------------------------ work in the core
    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.show_page(self.index)

    def _failed(self, failure: TaskFailure) -> None:
        messages.show_error(self, failure.exception, failure.traceback)

    def read_text(self) -> None:
        if not (0 <= self.index < len(self.pages)):
            return
        self.status.setText(self.tr("正在识别文字…"))
        self._set_busy(True)
        start_task(
            read_text,
            self.profile,
            self.pages[self.index].sg.exhibit_id,
            with_progress=False,
            with_cancel=False,
            on_error=guarded(self, self._failed),
            on_finished=guarded(self, self._read_done),
        )

    def _read_done(self) -> None:
        self.busy = False
        self.status.clear()
        self._reload()

    def save(self) -> None:
        if not (0 <= self.index < len(self.pages)) or self.busy:
            return
        page = self.pages[self.index]
        if not page.boxes:
            messages.warn(
                self, self.tr("制作打码副本"), self.tr("还没有遮盖框：请在图片上框选要遮盖的内容。")
            )
            return
        boxes = [
            Box(b.rect.x(), b.rect.y(), b.rect.width(), b.rect.height())
            if b.kind == "manual"  # recorded in the product's words, whatever the interface language
            else Box(b.rect.x(), b.rect.y(), b.rect.width(), b.rect.height(), b.kind, b.reason)
            for b in page.boxes
        ]
        self.status.setText(self.tr("正在保存副本…"))
        self._set_busy(True)
        start_task(
            make_copy,
            self.profile,
            page.sg.exhibit_id,
            boxes,
            self.style_box.currentData(),
            sha256=page.sg.file.sha256,
            with_progress=False,
            with_cancel=False,
            on_result=guarded(self, lambda info, p=page: self._saved(p, info)),
            on_error=guarded(self, self._failed),
            on_finished=guarded(self, lambda: self._set_busy(False)),
        )

    def _saved(self, page: _Page, info: CopyInfo) -> None:
        page.saved = info
        page.changed = False
        self.copy_saved.emit(info.exhibit_id)

    def _saved_text(self, page: _Page) -> str:
        info = page.saved
        assert info is not None
        return self.tr("已保存打码副本（{n} 处，{style}），原件未改动。副本 SHA-256：{sha}…").format(
            n=len(info.boxes),
            style=self.style_box.itemText(0 if info.style == SOLID else 1),
            sha=info.copy_sha256[:16],
        )

    # ------------------------------------------------------------------ the folder for a site
    def choose_folder(self) -> str:  # tests replace this
        return QFileDialog.getExistingDirectory(self, self.tr("导出到哪个文件夹"))

    def export(self) -> None:
        export_copies(self)


_SITE_NAMES = (
    QT_TRANSLATE_NOOP("RedactDialog", "黑猫投诉"),
    QT_TRANSLATE_NOOP("RedactDialog", "聚投诉"),
    QT_TRANSLATE_NOOP("RedactDialog", "全国12315平台"),
)
