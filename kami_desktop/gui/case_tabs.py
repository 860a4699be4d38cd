"""The case workspace: a QTabWidget whose first tab is 证据; other features add tabs here.

Each entry of ``EXTRA_TABS`` is (module, class, title). The module is imported lazily and skipped
when it is not installed; the view is built as ``View(profile, parent)`` and gets
``view.set_case(case_id)`` whenever the case changes.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from kami_desktop.core.profile import Profile
from kami_desktop.gui.evidence_view import EvidenceView

log = logging.getLogger(__name__)

EXTRA_TABS = [
    ("kami_desktop.gui.bills_view", "BillsView", "账单"),
    ("kami_desktop.gui.claims_view", "ClaimsView", "主张项"),
    ("kami_desktop.gui.chat_view", "ChatView", "聊天记录"),
    ("kami_desktop.gui.ladder_view", "LadderView", "维权进度"),
]
# lupdate collects the tab titles from these markers
_TITLES = (
    QT_TRANSLATE_NOOP("CaseWorkspace", "账单"),
    QT_TRANSLATE_NOOP("CaseWorkspace", "主张项"),
    QT_TRANSLATE_NOOP("CaseWorkspace", "聊天记录"),
    QT_TRANSLATE_NOOP("CaseWorkspace", "维权进度"),
)


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


class CaseWorkspace(QTabWidget):
    def __init__(self, profile: Profile, parent=None, thumbs=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.case_id: int | None = None
        self.evidence = EvidenceView(profile, self, thumbs=thumbs)
        self.addTab(self.evidence, self.tr("证据"))
        self.extra_views: list[QWidget] = []
        for module_name, class_name, title in EXTRA_TABS:
            if not _module_exists(module_name):
                continue
            try:
                view_class = getattr(importlib.import_module(module_name), class_name)
                view = view_class(profile, self)
            except Exception:  # a broken feature tab must not take the evidence tab down
                log.exception("could not load tab %s.%s", module_name, class_name)
                continue
            self.extra_views.append(view)
            self.addTab(view, QCoreApplication.translate("CaseWorkspace", title))
        claims = next((v for v in self.extra_views if type(v).__name__ == "ClaimsView"), None)
        if claims is not None:  # a claim item made on another tab shows at once on 主张项
            for view in [self.evidence, *self.extra_views]:
                if view is not claims and hasattr(view, "claims_changed"):
                    view.claims_changed.connect(lambda _case, c=claims: c.reload())

    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.evidence.set_case(case_id)
        for view in self.extra_views:
            try:
                view.set_case(case_id)
            except Exception:
                log.exception("tab %s failed on set_case", type(view).__name__)
