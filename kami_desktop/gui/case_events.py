"""One signal for "this case's stored content changed", so every view shows the same case.

A view that changes a case (an import, an edit, a trash, a merge, a bill or a chat, a claim item)
calls ``events.notify(case_id, self)``; ``CaseEvents.changed`` then tells every follower: the tabs of
the case workspace, the case sidebar (its exhibit count) and, through the evidence tab, the detail
panel. Followers reload from the core themselves; the signal carries no data, only which case and
who changed it (a view that made the change has already shown it and may skip its own reload).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kami_desktop.core.case.facts import exhibit_numbers
from kami_desktop.core.profile import Profile


class CaseEvents(QObject):
    changed = Signal(int, object)  # case id, the object that made the change (or None)

    def notify(self, case_id: int | None, source: object = None) -> None:
        if case_id is not None:
            self.changed.emit(case_id, source)


def exhibit_number(profile: Profile, case_id: int | None, exhibit_id: int) -> int | None:
    """The exhibit's binder number (证据 N: its place in the binder order), never its database id."""
    if case_id is None:
        return None
    with profile.session() as s:
        found = exhibit_numbers(s, case_id).get(exhibit_id)
    return found[0] if found is not None else None
