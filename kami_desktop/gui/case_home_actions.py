"""What the 案件首页's buttons do: each action code runs the action the main window already has, and
the empty states' drop zones hand their files to the window's one way in (``import_paths`` → the
dispatcher). ``connect_home(window)`` wires both once the window is built."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kami_desktop.gui.case_home_data import (
    ADD_CLAIM,
    ADD_PARTY,
    DEMAND,
    DOCUMENTS,
    DOSSIER,
    EDIT_CASE,
    GUIDE,
    IMPORT_BILL,
    IMPORT_CHAT,
    IMPORT_SCREENS,
    LADDER,
    ORGANISE,
    PARTIES,
)

if TYPE_CHECKING:
    from kami_desktop.gui.main_window import MainWindow


class HomeActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.ws = window.workspace

    def run(self, code: str) -> None:
        w, ws = self.window, self.ws
        cid = ws.case_id
        if code.startswith(GUIDE):
            from kami_desktop.gui.help_dialog import open_guides

            open_guides(w, code[len(GUIDE) :])
            return
        if cid is None:
            return
        if code == IMPORT_SCREENS:
            w.import_dialog()
        elif code == IMPORT_BILL:
            ws.setCurrentWidget(ws.bills)
            ws.bills.import_bill_file()
        elif code == IMPORT_CHAT:
            ws.setCurrentWidget(ws.chats)
            ws.chats.import_file()
        elif code in (ADD_PARTY, PARTIES):
            ws.setCurrentWidget(ws.ladder)
            ws.ladder.tabs.setCurrentWidget(ws.ladder.parties)
            if code == ADD_PARTY:
                ws.ladder.parties.add_party()
                self._changed()
        elif code == ADD_CLAIM:
            ws.claims.add_item()  # a new item is announced by the claims tab (claims_changed)
        elif code == EDIT_CASE:
            w.sidebar.edit_case()
            self._changed()
        elif code in (DEMAND, DOCUMENTS):
            self.open_documents("demand" if code == DEMAND else None)
        elif code == DOSSIER:
            w.open_dossier()
        elif code == ORGANISE:
            from kami_desktop.gui.suggestion_dialog import organise

            ws.setCurrentWidget(ws.evidence)
            organise(ws.evidence)  # the whole case; what is accepted is announced by the evidence tab
        elif code == LADDER:
            ws.setCurrentWidget(ws.ladder)
            ws.ladder.steps.add_step()
            self._changed()

    def open_documents(self, kind: str | None) -> None:
        from kami_desktop.gui.documents_dialog import DocumentsDialog

        cid = self.ws.case_id
        if cid is None:
            return
        dlg = DocumentsDialog(self.window.profile, cid, self.window)
        if kind is not None:
            dlg.set_kind(kind)
        dlg.exec()
        self._changed()

    def _changed(self) -> None:
        self.ws.events.notify(self.ws.case_id)  # every tab (and this page) reads the case again

    def drop(self, paths: list[str]) -> None:
        """Files dropped on an empty state: the same way in as a drop on the window."""
        self.window.import_paths(paths)

    def imported(self, *_args) -> None:
        """After screenshots were imported from the home page, show them on 证据 to be sorted."""
        if self.ws.currentWidget() is self.ws.home:
            self.ws.setCurrentWidget(self.ws.evidence)


def connect_home(window: MainWindow) -> HomeActions:
    from kami_desktop.gui.empty_state import install_empty_states

    actions = HomeActions(window)
    window.workspace.home.action_requested.connect(actions.run)
    window.imports.finished.connect(actions.imported)
    install_empty_states(window.workspace, actions.drop, actions.run)
    return actions
