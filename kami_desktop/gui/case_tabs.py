"""The case workspace: a QTabWidget with one tab per part of the case file.

证据 (evidence), 账单 (bills), 主张项 (claim items), 聊天记录 (chats) and 维权进度 (the claim's progress). Each view is built
as ``View(profile, parent)`` and gets ``view.set_case(case_id)`` whenever the case changes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from kami_desktop.core.profile import Profile
from kami_desktop.gui.bills_view import BillsView
from kami_desktop.gui.chat_view import ChatView
from kami_desktop.gui.claims_view import ClaimsView
from kami_desktop.gui.evidence_view import EvidenceView
from kami_desktop.gui.ladder_view import LadderView


class CaseWorkspace(QTabWidget):
    def __init__(self, profile: Profile, parent=None, thumbs=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.case_id: int | None = None
        self.evidence = EvidenceView(profile, self, thumbs=thumbs)
        self.bills = BillsView(profile, self)
        self.claims = ClaimsView(profile, self)
        self.chats = ChatView(profile, self)
        self.ladder = LadderView(profile, self)
        self.addTab(self.evidence, self.tr("证据"))
        self.addTab(self.bills, self.tr("账单"))
        self.addTab(self.claims, self.tr("主张项"))
        self.addTab(self.chats, self.tr("聊天记录"))
        self.addTab(self.ladder, self.tr("维权进度"))
        for view in (self.evidence, self.bills, self.chats, self.ladder):
            changed = getattr(view, "claims_changed", None)
            if changed is not None:  # a claim item made on another tab shows at once on 主张项
                changed.connect(lambda _case: self.claims.reload())

    @property
    def views(self) -> tuple[EvidenceView, BillsView, ClaimsView, ChatView, LadderView]:
        """The tabs' views, in tab order."""
        return (self.evidence, self.bills, self.claims, self.chats, self.ladder)

    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        for view in self.views:
            view.set_case(case_id)
