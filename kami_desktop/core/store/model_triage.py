"""The user's decisions about the suggestions read from OCR text (``core.triage``): a suggestion dismissed
(忽略) for one field of one exhibit. ``core.store.model`` imports it, so ``Base.metadata`` (and Alembic) sees
the table and ``from kami_desktop.core.store.model import SuggestionDismissal`` works.

Unlike the OCR rows these are the user's choices about the case: each one is written with a ledger entry
(``suggestion.dismiss`` / ``suggestion.undismiss``) and ``verify`` compares the table with the replay.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kami_desktop.core.store.model_base import Base
from kami_desktop.core.store.types import AwareDateTime


class SuggestionDismissal(Base):
    """A suggested ``field`` of an exhibit the user dismissed. ``text_key`` is the digest of the exhibit's
    OCR text it was suggested from: once the text differs (a file re-read, merged in, moved out) the
    dismissal no longer applies and a new suggestion may be offered. ``shown`` is what was offered."""

    __tablename__ = "suggestion_dismissals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    exhibit_id: Mapped[int] = mapped_column(ForeignKey("exhibits.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(20))  # category | title | purpose | captured_at
    text_key: Mapped[str] = mapped_column(String(64))
    shown: Mapped[str] = mapped_column(Text, default="")
    dismissed_at: Mapped[datetime] = mapped_column(AwareDateTime)

    __table_args__ = (UniqueConstraint("exhibit_id", "field"),)
