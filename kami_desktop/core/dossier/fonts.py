"""The faces one binder is set in: the bundled serif font cut to the characters the binder prints.

Every table and transcript of the binder is laid out by MuPDF on its own (``Story``), and each layout
embeds the font it uses; so does each reopening of the work file. With the whole font (12.5 MB per
weight) that is what made a large binder slow and heavy. The binder is therefore set in a cut of the
font (``cjkfont.serif_subset``) made from the characters it is going to print: its own wording (the
string constants of the dossier modules), everything the case snapshot and the options hold, and the
text of the files printed as text. Glyphs and advances are those of the whole font, so the pages look
the same.

Every piece of text goes through ``FontSet.note`` on its way to a page; a character the cut lacks (and
the whole font has) is remembered, and the binder is written again with it (``binder.write_binder``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import sys
import types
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from pathlib import PurePath

import pymupdf

from kami_desktop.core.util.cjkfont import (
    SERIF_FILES,
    SUBSET_ALWAYS,
    font_archive,
    is_bundled,
    serif_chars,
    serif_font,
    serif_subset,
)


@dataclass
class FontSet:
    regular: pymupdf.Font
    bold: pymupdf.Font
    archive: pymupdf.Archive  # both faces under their file names, for ``Story``
    covered: frozenset[str] | None = None  # None: the whole font
    missing: set[str] = field(default_factory=set)  # characters the cut lacked when they were printed

    def note(self, text: str) -> None:
        """Remember characters of ``text`` that the whole font has and this cut lacks."""
        if self.covered is None:
            return
        extra = set(text) - self.covered
        if extra:
            self.missing |= extra & serif_chars()  # (rare: the whole font's characters only read here)


@functools.lru_cache(maxsize=1)
def whole_fonts() -> FontSet:
    return FontSet(serif_font("Regular"), serif_font("Bold"), font_archive())


def cut_fonts(chars: Iterable[str]) -> FontSet:
    """The two faces cut to ``chars``; the whole font when it was not built (nothing to cut)."""
    if not is_bundled():
        return whole_fonts()
    wanted = frozenset(chars)
    data = {weight: serif_subset(weight, wanted) for weight in SERIF_FILES}
    archive = pymupdf.Archive()
    for weight, name in SERIF_FILES.items():
        archive.add((data[weight], name))
    return FontSet(
        pymupdf.Font(fontbuffer=data["Regular"]),
        pymupdf.Font(fontbuffer=data["Bold"]),
        archive,
        wanted | frozenset(SUBSET_ALWAYS),
    )


_CURRENT: ContextVar[FontSet | None] = ContextVar("binder_fonts", default=None)


def current() -> FontSet:
    """The faces of the binder being written (the whole font outside of one)."""
    return _CURRENT.get() or whole_fonts()


@contextlib.contextmanager
def using(fonts: FontSet) -> Iterator[FontSet]:
    token = _CURRENT.set(fonts)
    try:
        yield fonts
    finally:
        _CURRENT.reset(token)


# ------------------------------------------------------------------------------ what a binder prints
_PLAIN = (int, float, Decimal, bytes, date, datetime, time, PurePath, type(None), bool)


def strings_of(obj: object, out: set[str], _seen: set[int] | None = None, _depth: int = 0) -> set[str]:
    """Every character of every string inside ``obj`` (dataclasses, containers, plain objects)."""
    seen = set() if _seen is None else _seen
    if isinstance(obj, str):
        out.update(obj)
        return out
    if isinstance(obj, Enum):
        return strings_of(obj.value, out, seen, _depth)
    if isinstance(obj, _PLAIN) or _depth > 12 or id(obj) in seen:
        return out
    seen.add(id(obj))
    if isinstance(obj, dict):
        items: Iterable[object] = [x for kv in obj.items() for x in kv]
    elif isinstance(obj, (list, tuple, set, frozenset)):
        items = obj
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        items = [getattr(obj, f.name, None) for f in dataclasses.fields(obj)]
    elif hasattr(obj, "__dict__") and not isinstance(obj, (type, types.ModuleType)):
        items = [v for k, v in vars(obj).items() if not k.startswith("_")]
    else:
        return out
    for item in items:
        strings_of(item, out, seen, _depth + 1)
    return out


def _code_strings(code: types.CodeType, out: set[str]) -> None:
    for const in code.co_consts:
        if isinstance(const, str):
            out.update(const)
        elif isinstance(const, types.CodeType):
            _code_strings(const, out)
        elif isinstance(const, (tuple, frozenset)):
            strings_of(const, out)


_WORDING_MODULES = ("kami_desktop.core.dossier", "kami_desktop.core.vocab", "kami_desktop.core.bills.sheets")


def wording() -> set[str]:
    """The characters of the binder's own wording: string constants of the modules that write it."""
    out: set[str] = set()
    for name, mod in list(sys.modules.items()):
        if mod is None or not name.startswith(_WORDING_MODULES):
            continue
        for value in list(vars(mod).values()):
            if isinstance(value, types.FunctionType) and value.__module__ == name:
                _code_strings(value.__code__, out)
            elif isinstance(value, type) and value.__module__ == name:
                for attr in vars(value).values():
                    fn = getattr(attr, "__func__", attr)
                    fn = getattr(fn, "fget", fn)
                    if isinstance(fn, types.FunctionType):
                        _code_strings(fn.__code__, out)
            else:
                strings_of(value, out, _depth=10)  # module constants, one level into containers
    return out
