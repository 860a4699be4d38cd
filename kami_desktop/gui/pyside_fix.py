"""Work around a reference-count bug of PySide6 6.12 on Python 3.11.

Every call of a PySide6 method that returns nothing (``painter.save()``, ``widget.setEnabled()``…)
and every ``QModelIndex.data()``/``QComboBox.currentData()`` that yields no value hands back ``None``
without taking a reference to it. On Python 3.12+ ``None`` is immortal and nothing happens; on 3.11
its reference count drops by one per call, and after some tens of thousands of calls (a minute of
scrolling a thumbnail grid) the interpreter aborts with "Fatal Python error: none_dealloc".

``protect_none()`` gives ``None`` the same protection Python 3.12 gives it: a reference count so
large it can never reach zero. It runs when ``kami_desktop.gui`` is imported.
"""

from __future__ import annotations

import sys

HEADROOM = 1 << 40  # ~10^12 leaked references before anything could go wrong


def protect_none() -> bool:
    """Raise None's reference count out of reach (Python < 3.12 only). True if it was raised."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    import ctypes

    refcnt = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is the first field of every object
    if refcnt.value < HEADROOM:
        refcnt.value += HEADROOM
        return True
    return False
