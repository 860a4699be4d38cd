"""What every command module shares: the result type, the usage error, the profile, the output.

Command modules import from here (never from ``kami_desktop.cli``, which imports them). This module
and the command modules' top level stay cheap: the database layer, PDF and office libraries are
imported inside the handlers that need them, so ``kami --version`` and pure calculations start fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from kami_desktop.core.errors import UserError

if TYPE_CHECKING:
    from kami_desktop.core.profile import Profile


class UsageError(UserError):
    """Bad usage or bad input: exit code 2 with the message on stderr."""


class Outcome:
    """What a command returns: the JSON document, the human text, and the exit code."""

    def __init__(self, data: Any, text: str | None = None, code: int = 0) -> None:
        self.data = data
        self.text = text
        self.code = code


def open_profile(args: argparse.Namespace) -> Profile:
    """The profile named by ``--data-dir`` (or the default one), migrated and ready."""
    from kami_desktop.core.profile import Profile

    return Profile.open(getattr(args, "data_dir", None))


def emit(outcome: Outcome, as_json: bool) -> None:
    """Print the outcome: exactly one JSON document with ``--json``, else the human text."""
    if as_json or outcome.text is None:
        sys.stdout.write(json.dumps(outcome.data, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        sys.stdout.write(outcome.text.rstrip("\n") + "\n")
