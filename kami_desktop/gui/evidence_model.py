"""The one item model behind the evidence grid and the detail table.

Rows come from ``core.store.rows.exhibit_rows`` (one SQL query, loaded off the GUI thread); ``data()``
never touches the database. Sorting, filtering and grouping are done here in Python on the loaded
rows (10,000 rows sort in milliseconds), so both views always show the same arrangement. With
grouping on, a header row (``GroupHeader``) starts each category.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal

from kami_desktop.core.store.rows import ExhibitRow
from kami_desktop.core.vocab import CATEGORIES
from kami_desktop.gui.formatting import category_label, group_title, human_size, kind_of, local_time
from kami_desktop.gui.thumbnails import ThumbnailCache

EXHIBIT_MIME = "application/x-kami-exhibit-ids"
ExhibitIdRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
HeaderRole = Qt.ItemDataRole.UserRole + 3
ThumbRole = Qt.ItemDataRole.UserRole + 4

SORT_POSITION, SORT_CAPTURED, SORT_IMPORTED = "position", "captured", "imported"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class GroupHeader:
    category: str
    count: int


class EvidenceModel(QAbstractTableModel):
    """Columns: 编号, 名称, 类别, 拍摄时间, 导入时间, 文件数, 大小, 类型, 原始文件名."""

    (
        COL_NUMBER,
        COL_TITLE,
        COL_CATEGORY,
        COL_CAPTURED,
        COL_IMPORTED,
        COL_FILES,
        COL_SIZE,
        COL_KIND,
        COL_NAME,
    ) = range(9)
    reorder_requested = Signal(list, object)  # dragged exhibit ids, id to insert before (None = at the end)
    arrangement_changed = Signal()

    def __init__(self, thumbs: ThumbnailCache | None = None, parent=None) -> None:
        super().__init__(parent)
        self.thumbs = thumbs
        self._all: list[ExhibitRow] = []
        self._visible: list[ExhibitRow | GroupHeader] = []
        self._row_of: dict[int, int] = {}
        self._rows_by_sha: dict[str, list[int]] | None = None
        self._search: dict[int, str] = {}
        self.sort_key = SORT_POSITION
        self.descending = False
        self.category: str | None = None
        self.text = ""
        self.content_matches: set[int] = set()  # exhibits the content search found (set_content_matches)
        self.grouped = False
        if thumbs is not None:
            thumbs.ready.connect(self._thumb_ready)

    # ------------------------------------------------------------------ loading
    def set_rows(self, rows: list[ExhibitRow]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._search = {}
        self._arrange()
        self.endResetModel()
        self.arrangement_changed.emit()

    def update_rows(self, rows: list[ExhibitRow]) -> None:
        """Replace some rows in place (after an edit) keeping the others and the arrangement."""
        fresh = {r.id: r for r in rows}
        if not fresh:
            return
        self._all = [replace(fresh[r.id], number=r.number) if r.id in fresh else r for r in self._all]
        for rid in fresh:
            self._search.pop(rid, None)
        self.layoutAboutToBeChanged.emit()
        self._arrange()
        self.layoutChanged.emit()
        self.dataChanged.emit(
            self.index(0, 0), self.index(max(0, self.rowCount() - 1), self.columnCount() - 1)
        )
        self.arrangement_changed.emit()

    def all_rows(self) -> list[ExhibitRow]:
        return list(self._all)

    def exhibit_count(self) -> int:
        return len(self._all)

    # ------------------------------------------------------------------ arrangement
    def set_sort(self, key: str, descending: bool = False) -> None:
        self.sort_key, self.descending = key, descending
        self._rearrange()

    def set_filter(self, category: str | None = None, text: str | None = None) -> None:
        self.category = category or None
        if text is not None:
            self.text = text.strip().lower()
        self._rearrange()

    def set_content_matches(self, ids: set[int]) -> None:
        """Exhibits whose content (OCR text, chats, bill rows) matched the search text: shown as well."""
        if ids != self.content_matches:
            self.content_matches = set(ids)
            if self.text:
                self._rearrange()

    def set_grouped(self, grouped: bool) -> None:
        self.grouped = grouped
        self._rearrange()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:  # header clicks
        key = {self.COL_CAPTURED: SORT_CAPTURED, self.COL_IMPORTED: SORT_IMPORTED}.get(column, SORT_POSITION)
        self.set_sort(key, order == Qt.SortOrder.DescendingOrder)

    def can_reorder(self) -> bool:
        return self.sort_key == SORT_POSITION and not self.descending

    def _rearrange(self) -> None:
        self.beginResetModel()
        self._arrange()
        self.endResetModel()
        self.arrangement_changed.emit()

    def _key(self):
        if self.sort_key == SORT_CAPTURED:
            return lambda r: (r.captured_at is None, r.captured_at or _EPOCH, r.number)
        if self.sort_key == SORT_IMPORTED:
            return lambda r: (r.imported_at or r.created_at, r.number)
        return lambda r: r.number

    def _text_of(self, r: ExhibitRow) -> str:
        t = self._search.get(r.id)
        if t is None:
            t = self._search[r.id] = f"{r.number} " + r.search_text()
        return t

    def _arrange(self) -> None:
        rows = self._all
        if self.category:
            rows = [r for r in rows if r.category == self.category]
        if self.text:
            needle = self.text
            rows = [r for r in rows if needle in self._text_of(r) or r.id in self.content_matches]
        rows = sorted(rows, key=self._key(), reverse=self.descending)
        if self.grouped:
            out: list[ExhibitRow | GroupHeader] = []
            by_cat: dict[str, list[ExhibitRow]] = {}
            for r in rows:
                by_cat.setdefault(r.category, []).append(r)
            for cat in [*CATEGORIES, *sorted(set(by_cat) - set(CATEGORIES))]:
                if by_cat.get(cat):
                    out.append(GroupHeader(cat, len(by_cat[cat])))
                    out.extend(by_cat[cat])
            self._visible = out
        else:
            self._visible = list(rows)
        self._row_of = {x.id: i for i, x in enumerate(self._visible) if isinstance(x, ExhibitRow)}
        self._rows_by_sha = None

    # ------------------------------------------------------------------ lookups
    def row_for_id(self, exhibit_id: int) -> int:
        return self._row_of.get(exhibit_id, -1)

    def item(self, row: int) -> ExhibitRow | GroupHeader | None:
        return self._visible[row] if 0 <= row < len(self._visible) else None

    def exhibit_at(self, row: int) -> ExhibitRow | None:
        x = self.item(row)
        return x if isinstance(x, ExhibitRow) else None

    def thumbnail(self, row: int):
        """The thumbnail image of a row, or None while it is being made (delegates call this directly:
        PySide6 6.12 loses a reference to None on every ``QModelIndex.data()`` that returns nothing)."""
        r = self.exhibit_at(row)
        return (
            self.thumbs.image(r.first_sha256, r.first_media_type) if r is not None and self.thumbs else None
        )

    def visible_ids(self) -> list[int]:
        return [x.id for x in self._visible if isinstance(x, ExhibitRow)]

    def _thumb_ready(self, sha: str) -> None:
        if self._rows_by_sha is None:
            self._rows_by_sha = {}
            for i, x in enumerate(self._visible):
                if isinstance(x, ExhibitRow) and x.first_sha256:
                    self._rows_by_sha.setdefault(x.first_sha256, []).append(i)
        for row in self._rows_by_sha.get(sha, ()):
            idx = self.index(row, self.COL_TITLE)
            self.dataChanged.emit(idx, idx, [ThumbRole, Qt.ItemDataRole.DecorationRole])

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 9

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        names = (
            self.tr("编号"),
            self.tr("名称"),
            self.tr("类别"),
            self.tr("拍摄时间"),
            self.tr("导入时间"),
            self.tr("文件数"),
            self.tr("大小"),
            self.tr("类型"),
            self.tr("原始文件名"),
        )
        return names[section] if 0 <= section < len(names) else None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self.can_reorder() else Qt.ItemFlag.NoItemFlags
        x = self._visible[index.row()]
        if isinstance(x, GroupHeader):
            return Qt.ItemFlag.ItemIsEnabled
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.can_reorder():
            f |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return f

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._visible):
            return None
        x = self._visible[index.row()]
        col = index.column()
        if isinstance(x, GroupHeader):
            if role == HeaderRole:
                return x.category
            if role == Qt.ItemDataRole.DisplayRole and col in (self.COL_NUMBER, self.COL_TITLE):
                return group_title(category_label(x.category), x.count) if col == self.COL_NUMBER else ""
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(x, col)
        if role == ExhibitIdRole:
            return x.id
        if role == RowRole:
            return x
        if role == ThumbRole:
            return self.thumbs.image(x.first_sha256, x.first_media_type) if self.thumbs else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return x.problem or x.title
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (
            self.COL_NUMBER,
            self.COL_FILES,
            self.COL_SIZE,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, r: ExhibitRow, col: int):
        if col == self.COL_NUMBER:
            return str(r.number)
        if col == self.COL_TITLE:
            return r.title
        if col == self.COL_CATEGORY:
            return category_label(r.category)
        if col == self.COL_CAPTURED:
            return local_time(r.captured_at)
        if col == self.COL_IMPORTED:
            return local_time(r.imported_at or r.created_at)
        if col == self.COL_FILES:
            return str(r.file_count)
        if col == self.COL_SIZE:
            return human_size(r.total_size)
        if col == self.COL_KIND:
            return kind_of(r.first_media_type)
        if col == self.COL_NAME:
            return r.first_name
        return None

    # ------------------------------------------------------------------ drag to reorder
    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def supportedDragActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [EXHIBIT_MIME]

    def mimeData(self, indexes) -> QMimeData:
        ids: list[int] = []
        for idx in sorted(indexes, key=lambda i: i.row()):
            r = self.exhibit_at(idx.row())
            if r is not None and r.id not in ids:
                ids.append(r.id)
        md = QMimeData()
        md.setData(EXHIBIT_MIME, json.dumps(ids).encode())
        return md

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return self.can_reorder() and data is not None and data.hasFormat(EXHIBIT_MIME)

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            ids = [int(i) for i in json.loads(bytes(data.data(EXHIBIT_MIME)).decode())]
        except ValueError:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._visible))
        before = None
        for x in self._visible[target:]:
            if isinstance(x, ExhibitRow) and x.id not in ids:
                before = x.id
                break
        self.reorder_requested.emit(ids, before)
        return False  # the view must not remove the dragged rows: the reload rearranges them

    def persistent(self, row: int) -> QPersistentModelIndex:
        return QPersistentModelIndex(self.index(row, 0))


def reordered(all_ids: list[int], moved: list[int], before: int | None) -> list[int]:
    """The full binder order after moving ``moved`` (in that order) just before ``before``."""
    rest = [i for i in all_ids if i not in set(moved)]
    at = rest.index(before) if before in rest else len(rest)
    return rest[:at] + [i for i in moved if i in set(all_ids)] + rest[at:]
