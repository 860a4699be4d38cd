"""The errors a user can understand: each carries a Chinese message naming the file and the reason.

Every such error class derives from :class:`UserError` (besides its usual base, e.g. ``ValueError``).
The CLI turns a ``UserError`` into exit code 2 and the GUI into a plain message box; anything else is
a bug (logged, with a dialog naming the log file).

This module imports nothing from the rest of the core, so any module (and the CLI before it has
loaded the database layer) can use it.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can act on; ``str(error)`` is the message to show, in Chinese."""
