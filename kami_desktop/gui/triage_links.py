"""The link between screenshots and bill rows, both ways across the case's tabs.

On the 账单 tab a row's context menu lists the screenshots that match it (对应的截图：证据 N…) and opens
them on the 证据 tab; the detail panel's 在账单中查看 opens a matched row on the 账单 tab. The workspace
wires both with ``connect_triage``; the matching itself is ``core.triage.bill_match``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from kami_desktop.core.triage.bill_match import BillMatch, screenshots_of_row
from kami_desktop.gui.formatting import join_list


def row_screenshots(profile: Any, case_id: int, bill_row_id: int) -> list[BillMatch]:
    with profile.session() as s:
        return screenshots_of_row(s, case_id, bill_row_id)


def add_screenshot_actions(view: Any, menu: QMenu, ref: Any) -> None:
    """The 账单 tab's row menu: the screenshots matching the row (``ref``: the row's RowRef)."""
    if ref is None or view.case_id is None:
        return
    matches = row_screenshots(view.profile, view.case_id, ref.bill_row_id)
    if not matches:
        return
    ids = list(dict.fromkeys(m.exhibit_id for m in matches))
    names = join_list(
        [
            QCoreApplication.translate("TriageLinks", "证据 {n}").format(n=m.exhibit_number or "?")
            for m in matches
        ]
    )
    action = menu.addAction(
        QCoreApplication.translate("TriageLinks", "对应的截图：{names}").format(names=names),
        lambda: view.show_exhibits.emit(ids),
    )
    action.setToolTip("\n".join(m.reason for m in matches))


def show_bill_row(workspace: Any, bill_id: int, row: int) -> None:
    bills = workspace.bills
    workspace.setCurrentWidget(bills)
    at = bills.model.row_of(bill_id, row)
    if at is None and bills.platform_only.isChecked():  # hidden by 只看平台交易
        bills.platform_only.setChecked(False)
        at = bills.model.row_of(bill_id, row)
    if at is not None:
        bills.select_row(at)


def show_exhibits(workspace: Any, ids: list[int]) -> None:
    workspace.setCurrentWidget(workspace.evidence)
    workspace.evidence.select_ids(ids)


def connect_triage(workspace: Any) -> None:
    """Wire the detail panel's suggestions and the 账单 tab's screenshots into the workspace."""
    panel = workspace.evidence.detail.suggestions
    panel.open_bill_row.connect(lambda bill_id, row: show_bill_row(workspace, bill_id, row))
    panel.claims_changed.connect(lambda case_id: workspace.events.notify(case_id, panel))
    workspace.bills.show_exhibits.connect(lambda ids: show_exhibits(workspace, ids))
