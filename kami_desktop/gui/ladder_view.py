"""The 维权进度 tab: dashboard and steps on the left; timeline, parties and readiness on the right; and
生成文书… which opens the documents dialog.

Built as ``LadderView(profile, parent)``; ``set_case(case_id)`` loads a case (None clears). Every panel
that changes data emits ``changed`` and the whole view reloads, since one change (a party, a step, a
fact) moves the deadlines and the readiness checklist too. Reloads also happen when the tab is shown,
so evidence imported in another tab is counted. The dashboard (deadlines, steps) and the readiness
checklist are computed on a worker thread (a second on a 10,000-exhibit case); ``loaded`` says they
are shown."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget

from kami_desktop.core.case.ladder import dashboard
from kami_desktop.core.case.readiness import readiness
from kami_desktop.core.profile import Profile
from kami_desktop.gui import messages
from kami_desktop.gui.deadlines_panel import DeadlinesPanel
from kami_desktop.gui.documents_dialog import DocumentsDialog
from kami_desktop.gui.ladder_steps_panel import LadderStepsPanel
from kami_desktop.gui.parties_panel import PartiesPanel
from kami_desktop.gui.readiness_panel import ReadinessPanel
from kami_desktop.gui.timeline_panel import TimelinePanel
from kami_desktop.gui.workers import TaskFailure, guarded, start_task


def progress_of(profile: Profile, case_id: int, today: date | None):
    """The dashboard and the readiness checklist of a case (run on a worker)."""
    dash = dashboard(profile, case_id, today)
    with profile.session() as s:
        return dash, readiness(s, case_id)


class LadderView(QWidget):
    loaded = Signal()  # the dashboard and the checklist of the current case are shown

    def __init__(self, profile: Profile, parent=None) -> None:
        super().__init__(parent)
        self._generation = 0
        self.setObjectName("ladderView")
        self.profile = profile
        self.case_id: int | None = None
        self.today: date | None = None  # None: the real today (tests set a fixed day)
        self.deadlines = DeadlinesPanel(self)
        self.steps = LadderStepsPanel(profile, self)
        self.timeline = TimelinePanel(profile, self)
        self.parties = PartiesPanel(profile, self)
        self.readiness = ReadinessPanel(self)
        self.documents_button = QPushButton(self.tr("生成文书…"))
        self.documents_button.clicked.connect(self.open_documents)
        self.placeholder = QLabel(self.tr("请先在左侧选择或新建一个案件。"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.deadlines)
        ll.addWidget(self.steps, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.timeline, self.tr("时间线"))
        self.tabs.addTab(self.parties, self.tr("当事人"))
        self.tabs.addTab(self.readiness, self.tr("证据准备"))
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(left)
        self.split.addWidget(self.tabs)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split.setSizes([560, 840])
        self.tabs.setCornerWidget(self.documents_button, Qt.Corner.TopRightCorner)
        lay = QVBoxLayout(self)
        lay.addWidget(self.placeholder)
        lay.addWidget(self.split, 1)
        for panel in (self.steps, self.timeline, self.parties):
            panel.changed.connect(self.refresh)
        self.set_case(None)

    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.steps.case_id = case_id
        self.timeline.case_id = case_id
        self.parties.case_id = case_id
        if self.window() is not self and not self.isVisible():
            return  # a hidden tab: showEvent loads the case when the user opens it (keeps case switching fast)
        self.refresh()

    def refresh(self) -> None:
        case_id = self.case_id
        has_case = case_id is not None
        self.placeholder.setVisible(not has_case)
        self.split.setVisible(has_case)
        self.documents_button.setEnabled(has_case)
        if case_id is None:
            self.deadlines.clear()
            self.readiness.clear()
            self.steps.show_steps(None, [])
            self._generation += 1
            self.loaded.emit()
            return
        self._generation += 1
        gen = self._generation
        start_task(
            progress_of,
            self.profile,
            case_id,
            self.today,
            with_progress=False,
            with_cancel=False,
            on_result=guarded(self, lambda result: self._show_progress(gen, *result)),
            on_error=guarded(self, lambda failure: self._progress_failed(gen, failure)),
        )
        self.timeline.refresh()
        self.parties.refresh()

    def _show_progress(self, gen: int, dash, ready) -> None:
        if gen != self._generation:
            return  # another case (or a newer change) is being computed
        self.deadlines.show_dashboard(dash)
        self.steps.show_steps(self.case_id, dash.steps)
        self.readiness.show_readiness(ready)
        self.loaded.emit()

    def _progress_failed(self, gen: int, failure: TaskFailure) -> None:
        if gen != self._generation:
            return
        if isinstance(failure.exception, messages.EXPECTED):  # e.g. the case was deleted meanwhile
            messages.show_error(self, failure.exception)
        else:
            messages.show_error(self, failure.exception, failure.traceback)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.case_id is not None:
            self.refresh()

    def open_documents(self) -> None:
        if self.case_id is None:
            return
        DocumentsDialog(self.profile, self.case_id, self).exec()
        self.refresh()
