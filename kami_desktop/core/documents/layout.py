"""A small document model that both writers render: titles, paragraphs, tables, page breaks.

Each document kind builds a :class:`Doc`; ``docx_writer`` turns it into an editable Word file and
``pdf_writer`` into an A4 PDF, so the two formats always say the same thing.

Missing data is never invented. A builder asks :meth:`Missing.need` for a value; when the value is
empty it gets a visible blank ``【待填写：…】`` back and the label is recorded, so the caller can
return the list of fields the user still has to supply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypedDict, Unpack

PLACEHOLDER_RE = re.compile(r"【待填写：([^】]*)】")


def blank(label: str) -> str:
    return f"【待填写：{label}】"


@dataclass(frozen=True)
class MissingField:
    key: str  # stable id for the UI, e.g. "party.self.id_number"
    label: str  # Chinese, the same text as inside the blank

    def to_json(self) -> dict:
        return {"key": self.key, "label": self.label}


class Missing:
    """Collects the fields a document had to leave blank, in order of first use."""

    def __init__(self) -> None:
        self.fields: list[MissingField] = []

    def need(self, value: object, label: str, key: str = "") -> str:
        """``value`` as text, or a blank for ``label`` (recorded as missing) when it is empty."""
        text = "" if value is None else str(value).strip()
        if text:
            return text
        return self.blank(label, key)

    def blank(self, label: str, key: str = "") -> str:
        self.add(label, key)
        return blank(label)

    def add(self, label: str, key: str = "") -> None:
        if all(f.label != label for f in self.fields):
            self.fields.append(MissingField(key or label, label))

    @property
    def labels(self) -> list[str]:
        return [f.label for f in self.fields]


# --------------------------------------------------------------------------- blocks


@dataclass
class Title:
    text: str
    subtitle: str = ""


@dataclass
class Heading:
    text: str


@dataclass
class Para:
    """A paragraph: ``parts`` is a list of (text, bold). Text may hold blanks and newlines."""

    parts: list[tuple[str, bool]]
    align: str = "justify"  # left | center | right | justify
    indent: bool = True  # first-line indent of two characters
    size: float | None = None  # points; None = the document's body size
    space_before: float = 0.0  # points
    keep: bool = False  # keep on the same page as the next paragraph (signature blocks)

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.parts)


class ParaStyle(TypedDict, total=False):
    """The keyword arguments of :func:`P` and :func:`lead`: :class:`Para`'s fields other than ``parts``."""

    align: str
    indent: bool
    size: float | None
    space_before: float
    keep: bool


def P(text: str, **kw: Unpack[ParaStyle]) -> Para:  # noqa: N802 - reads like markup
    return Para([(text, False)], **kw)


def lead(label: str, text: str, **kw: Unpack[ParaStyle]) -> Para:
    """A paragraph starting with a bold label: ``lead("诉讼请求：", "…")``."""
    kw.setdefault("indent", False)
    return Para([(label, True), (text, False)], **kw)


@dataclass
class Table:
    rows: list[list[str]]
    widths: list[float]  # relative column widths
    header_rows: int = 1
    size: float | None = None  # points; None = a little smaller than the body
    label_columns: tuple[int, ...] = ()  # columns set in bold (form-style tables)
    center_columns: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        n = len(self.widths)
        for row in self.rows:
            if len(row) != n:
                raise ValueError(f"表格行的列数 {len(row)} 与列宽数 {n} 不一致")


@dataclass
class PageBreak:
    pass


Block = Title | Heading | Para | Table | PageBreak


@dataclass
class Doc:
    title: str
    blocks: list[Block] = field(default_factory=list)
    subject: str = ""
    author: str = ""
    keywords: str = ""
    stamp: datetime | None = None  # fixed creation/modification time of the file (reproducible output)
    body_size: float = 12.0  # 小四
    footer: bool = True  # page numbers

    def add(self, *blocks: Block) -> Doc:
        self.blocks.extend(blocks)
        return self

    def texts(self) -> list[str]:
        out: list[str] = []
        for b in self.blocks:
            if isinstance(b, Title):
                out += [b.text, b.subtitle]
            elif isinstance(b, Heading):
                out.append(b.text)
            elif isinstance(b, Para):
                out.append(b.text)
            elif isinstance(b, Table):
                out += [cell for row in b.rows for cell in row]
        return [t for t in out if t]

    def plain_text(self) -> str:
        return "\n".join(self.texts())

    def placeholders(self) -> list[str]:
        """Labels of the blanks left in the document, in order, without repeats."""
        seen: list[str] = []
        for m in PLACEHOLDER_RE.finditer(self.plain_text()):
            if m.group(1) not in seen:
                seen.append(m.group(1))
        return seen


def split_placeholders(text: str) -> list[tuple[str, bool]]:
    """Split text into (segment, is_blank) pieces so writers can highlight the blanks."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in PLACEHOLDER_RE.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], False))
        out.append((m.group(0), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


@dataclass
class Built:
    """What a document builder returns: the document plus notes and warnings for the user (not printed)."""

    doc: Doc
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
