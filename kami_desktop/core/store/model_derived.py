"""Tables of derived data, kept apart from the evidence: text read by OCR and masked copies, both keyed by the
original's SHA-256 and rebuilt or removed with it. ``core.store.model`` imports them, so ``Base.metadata`` (and
Alembic) sees every table and ``from kami_desktop.core.store.model import OcrText`` keeps working.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kami_desktop.core.store.model_base import Base
from kami_desktop.core.store.types import AwareDateTime


class OcrText(Base):
    """Text read from one page of a stored original by OCR: derived data keyed by the blob's SHA-256,
    never part of the evidence. ``lines`` is JSON (see ``core.ocr.model.OcrPage``); ``page`` is 0 for an
    image. One row per (blob, page); re-reading with a newer engine replaces it."""

    __tablename__ = "ocr_texts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    blob_sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256", ondelete="CASCADE"))
    page: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20))  # ok | empty | failed
    engine: Mapped[str] = mapped_column(String(100))  # e.g. rapidocr-onnxruntime 1.4.4 / PP-OCRv4
    width: Mapped[int] = mapped_column(Integer, default=0)  # pixels the boxes refer to
    height: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")  # the lines joined by newlines
    lines: Mapped[str] = mapped_column(Text, default="[]")
    problem: Mapped[str] = mapped_column(Text, default="")  # why it failed, for the user
    read_at: Mapped[datetime] = mapped_column(AwareDateTime)

    __table_args__ = (UniqueConstraint("blob_sha256", "page"),)


class MaskedCopy(Base):
    """A masked copy of an image original, for public complaint sites: a derived file kept apart from
    the vault (``masked/<copy_sha256>.<ext>`` in the data folder), never part of the binder. ``boxes`` is
    JSON: the rectangles masked, in pixels of the image as shown, each with its reason. Rows go with the
    exhibit (purge) and with the original (the foreign keys cascade)."""

    __tablename__ = "masked_copies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    exhibit_id: Mapped[int] = mapped_column(ForeignKey("exhibits.id", ondelete="CASCADE"), index=True)
    blob_sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256", ondelete="CASCADE"), index=True)
    copy_sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(100))  # <copy_sha256>.png | .jpg
    media_type: Mapped[str] = mapped_column(String(50))
    size: Mapped[int] = mapped_column(Integer, default=0)
    width: Mapped[int] = mapped_column(Integer, default=0)
    height: Mapped[int] = mapped_column(Integer, default=0)
    style: Mapped[str] = mapped_column(String(20))  # solid | mosaic
    boxes: Mapped[str] = mapped_column(Text, default="[]")
    created_at: Mapped[datetime] = mapped_column(AwareDateTime)
