"""What every command module shares: the result type, the usage error, the profile, the output.

Command modules import from here (never from ``kami_desktop.cli``, which imports them). This module
and the command modules' top level stay cheap: the database layer, PDF and office libraries are
imported inside the handlers that need them, so ``kami --version`` and pure calculations start fast.
"""

from __future__ import annotations

import argparse
import json
import sys

from kami_desktop.core.errors import UserError

TYPE_CHECKING = False  # not `from typing import …`: typing costs start-up a pure command need not pay
if TYPE_CHECKING:
    from typing import Any

    from kami_desktop.core.profile import Profile


class UsageError(UserError):
    """Bad usage or bad input: exit code 2 with the message on stderr."""


class Outcome:
    """What a command returns: the JSON document, the human text, and the exit code."""

    def __init__(self, data: Any, text: str | None = None, code: int = 0) -> None:
        self.data = data
        self.text = text
        self.code = code


def open_profile(args: argparse.Namespace, *, write: bool = True) -> Profile:
    """The profile named by ``--data-dir`` (or the default one), migrated and ready.

    A command that writes holds the profile's lock until it closes the profile (another writer is told
    this command's name); ``write=False`` only for commands that never change the profile: they run
    beside a writer. Either way the command logs to the profile's log, as the window does.
    """
    from kami_desktop.core.profile import Profile
    from kami_desktop.core.store.lock import set_program
    from kami_desktop.core.util.logs import setup_logging

    previous = set_program(command_name(args))
    _command.setdefault("program", previous)
    prof = Profile.open(getattr(args, "data_dir", None), write=write)
    setup_logging(prof)
    _command["log"] = True
    settle_startup()
    return prof


def settle_startup() -> None:
    """After start-up (libraries loaded, profile open): what start-up made lives to the end, so it is
    frozen out of later collections, and the collector's usual thresholds come back (``cli.run``)."""
    import gc

    if gc.get_threshold()[0] != DEFAULT_GC_THRESHOLD:
        gc.freeze()
        gc.set_threshold(DEFAULT_GC_THRESHOLD, *gc.get_threshold()[1:])


DEFAULT_GC_THRESHOLD = 700  # CPython's young-generation threshold (gc.get_threshold()[0] at start)

# logging's levels, without importing logging (a pure command like `kami legal uscc` never logs)
ERROR, WARNING, INFO = 40, 30, 20

_command: dict[str, Any] = {}  # what open_profile changed for the running command


def command_name(args: argparse.Namespace) -> str:
    """``kami exhibit edit``: the command and its action, never its arguments."""
    words = ["kami", str(getattr(args, "command", None) or "")]
    words += [str(v) for k, v in sorted(vars(args).items()) if k.endswith("_cmd") and v]
    return " ".join(w for w in words if w)


def command_log(level: int, msg: str, *args: Any, exc_info: bool = False) -> None:
    """Log to the profile's log, once the command has opened it (never to stderr)."""
    if _command.get("log"):  # the profile's log is open, so logging is loaded already
        import logging

        logging.getLogger("kami_desktop.cli").log(level, msg, *args, exc_info=exc_info)


def end_command() -> None:
    """Close the log the command opened and give the process its own name back (in-process runs)."""
    if _command.pop("log", False):
        from kami_desktop.core.util.logs import close_logging

        close_logging()
    if "program" in _command:
        from kami_desktop.core.store.lock import set_program

        set_program(_command.pop("program"))


def emit(outcome: Outcome, as_json: bool) -> None:
    """Print the outcome: exactly one JSON document with ``--json``, else the human text."""
    if as_json or outcome.text is None:
        sys.stdout.write(json.dumps(outcome.data, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        sys.stdout.write(outcome.text.rstrip("\n") + "\n")
