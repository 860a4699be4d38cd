"""The case workspace: a QTabWidget with one tab per part of the case file.

案件首页 (the case home: what is there, what is missing, the next step; a case opens on it), 证据
(evidence), 账单 (bills), 主张项 (claim items), 聊天记录 (chats) and 维权进度 (the claim's progress). Each view is built as ``View(profile, parent)`` and gets ``view.set_case(case_id)`` whenever the case changes.

The workspace owns the case's ``CaseEvents``: whatever a tab changes (an import of files, a bill or a
chat, an excerpt, an edit, a merge, a claim item) is announced there, and every other tab follows
(the main window's case sidebar too, for its exhibit count)."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from kami_desktop.core.profile import Profile
from kami_desktop.gui.bills_view import BillsView
from kami_desktop.gui.case_events import CaseEvents
from kami_desktop.gui.case_home import CaseHome
from kami_desktop.gui.chat_view import ChatView
from kami_desktop.gui.claims_view import ClaimsView
from kami_desktop.gui.content_search import SearchWarmup
from kami_desktop.gui.evidence_view import EvidenceView
from kami_desktop.gui.ladder_view import LadderView
from kami_desktop.gui.triage_links import connect_triage, show_exhibits


class CaseWorkspace(QTabWidget):
    def __init__(self, profile: Profile, parent=None, thumbs=None) -> None:
        super().__init__(parent)
        self.profile = profile
        self.case_id: int | None = None
        self.events = CaseEvents(self)
        self.evidence = EvidenceView(profile, self, thumbs=thumbs, events=self.events)
        self.bills = BillsView(profile, self)
        self.claims = ClaimsView(profile, self)
        self.chats = ChatView(profile, self)
        self.ladder = LadderView(profile, self)
        self.home = CaseHome(profile, self)  # the case opens here: what is there, what is missing, what next
        self.addTab(self.home, self.tr("案件首页"))
        self.addTab(self.evidence, self.tr("证据"))
        self.addTab(self.bills, self.tr("账单"))
        self.addTab(self.claims, self.tr("主张项"))
        self.addTab(self.chats, self.tr("聊天记录"))
        self.addTab(self.ladder, self.tr("维权进度"))
        for view in (self.evidence, self.bills, self.claims, self.chats):
            # a claim item made on any tab shows at once on 主张项 (and in the 维权进度 checklist)
            view.claims_changed.connect(lambda case, v=view: self.events.notify(case, v))
        for view, done in (
            (self.bills, self.bills.import_finished),
            (self.chats, self.chats.import_finished),
            (self.chats, self.chats.excerpt_created),
        ):
            done.connect(lambda result, v=view: self._changed_by(v) if result is not None else None)
        self.events.changed.connect(self._follow)
        self.warmup = SearchWarmup(profile, self)  # the search index brought up to date in the background
        self.events.changed.connect(lambda case, _source: self.warmup.request(case))
        connect_triage(self)  # screenshots ↔ bill rows, the suggestions' claim offer
        self.chats.voice.open_exhibit.connect(lambda exhibit_id: show_exhibits(self, [exhibit_id]))
        self.evidence.content_hit.connect(self.show_hit)

    def show_hit(self, hit) -> None:
        """A search hit in a chat or a bill (core.search.Hit): its tab, the message or row selected."""
        if hit.kind == "chat":
            self.setCurrentWidget(self.chats)
            self.chats.show_message(hit.where["chat_id"], hit.where["message_id"])
        elif hit.kind == "bill_row":
            self.setCurrentWidget(self.bills)
            self.bills.show_row(hit.where["row_id"])

    @property
    def views(self) -> tuple[EvidenceView, BillsView, ClaimsView, ChatView, LadderView]:
        """The tabs' views, in tab order."""
        return (self.evidence, self.bills, self.claims, self.chats, self.ladder)

    def _changed_by(self, view) -> None:
        self.events.notify(self.case_id, view)

    def _follow(self, case_id: int, source: object) -> None:
        """The case changed: every other tab reloads (off the GUI thread); 维权进度 only when it is
        showing (it refreshes whenever it is opened: its checklist is a second's work on a big case)."""
        if case_id != self.case_id:
            return
        self.home.case_changed()
        for view in self.views:
            if view is source:
                continue  # it has shown its own change
            if isinstance(view, LadderView):
                if view.isVisible():
                    view.refresh()
            else:
                view.reload()

    def set_case(self, case_id: int | None) -> None:
        opened = case_id != self.case_id
        self.case_id = case_id
        self.warmup.request(case_id)
        self.home.set_case(case_id)
        for view in self.views:
            view.set_case(case_id)
        for state in getattr(self, "empty_states", {}).values():
            state.refresh()
        if opened:
            self.setCurrentWidget(self.home)  # a case opens on its home page
