"""The ``kami`` command: thin argument parsing over the core.

Every command accepts ``--json`` and then prints exactly one JSON document on stdout.
Exit codes: 0 success, 1 the check failed / problems found, 2 bad usage or bad input.

Start-up stays cheap: this module and the command modules import only the standard library at their
top level; each handler imports the parts of the core it needs (and with them SQLAlchemy, PyMuPDF…).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path

from kami_desktop import __version__
from kami_desktop.commands import COMMAND_TABLE, command_modules
from kami_desktop.commands._base import (
    ERROR,
    INFO,
    WARNING,
    Outcome,
    command_log,
    command_name,
    emit,
    end_command,
)
from kami_desktop.core.errors import UserError

STARTUP_GC_THRESHOLD = 100_000  # allocations between young-generation collections until settle_startup

TYPE_CHECKING = False  # typing itself costs more start-up than the rest of this module
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


def common_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="输出 JSON")
    common.add_argument(
        "--data-dir", type=Path, default=argparse.SUPPRESS, help="数据目录（默认：本机用户数据目录）"
    )
    return common


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: every command is listed, the one being run gets all its options.

    Importing and registering all command modules costs more than starting the interpreter, so only
    the module of the command named in ``argv`` is imported and registered in full; the others are
    listed by name and help from ``COMMAND_TABLE`` (enough for ``kami --help`` and for argparse's
    "invalid choice" message). Without ``argv`` all are registered.
    """
    common = common_parser()
    parser = argparse.ArgumentParser(
        prog="kami", parents=[common], description="卡盟充值扣款维权助手：证据库、账单对账、证据册（命令行）"
    )
    parser.add_argument("--version", action="version", version=f"kami {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = None if argv is None else _command_word(common, argv)
    for module_name in command_modules():
        words = {w: h for w, (owner, h) in COMMAND_TABLE.items() if owner == module_name}
        if argv is None or wanted in words:
            importlib.import_module(f"kami_desktop.commands.{module_name}").register(sub, common)
        else:
            for name, help_text in words.items():
                sub.add_parser(name, help=help_text)
    return parser


def _command_word(common: argparse.ArgumentParser, argv: list[str]) -> str | None:
    """The command named in ``argv``, found as the full parser finds it (after ``--json``, ``--data-dir X``)."""
    pre = argparse.ArgumentParser(add_help=False, parents=[common], exit_on_error=False)
    pre.add_argument("command", nargs="?")
    try:
        known, _rest = pre.parse_known_args(argv)
    except argparse.ArgumentError:  # e.g. --data-dir without a folder: the full parser says so
        return None
    return known.command


def run() -> int:
    """The ``kami`` process: ``main`` with the start-up garbage-collection policy of a short command.

    Starting the database layer creates some hundred thousand objects that live until the process ends;
    the collector would scan them again and again while they are made (about a tenth of ``kami verify``'s
    start). So the collector waits until the profile is open (``commands._base.settle_startup``), then
    freezes what start-up made and returns to its usual thresholds for the command's own work. Only for
    a real ``kami`` process: ``main`` itself, as tests call it, changes nothing.
    """
    import gc

    gc.set_threshold(STARTUP_GC_THRESHOLD, *gc.get_threshold()[1:])
    return main()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv == ["ocr-reader"]:  # internal: the desktop app's OCR reading process (core.ocr.reader_process)
        from kami_desktop.core.ocr.reader_process import serve

        return serve()
    if argv == [
        "search-warmer"
    ]:  # internal: the desktop app's search index warm-up (core.search.warm_process)
        from kami_desktop.core.search.warm_process import IDLE_EXIT
        from kami_desktop.core.search.warm_process import serve as serve_warm

        return serve_warm(idle=IDLE_EXIT)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    as_json = bool(getattr(args, "json", False))
    handler: Callable[[Any], Outcome] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    name = command_name(args)
    try:
        try:
            outcome = handler(args)
        except UserError as exc:  # the command's own message, written for the user
            return _fail(str(exc), as_json, name)
        except OSError as exc:
            return _fail(os_error_message(exc), as_json, name)
        except KeyboardInterrupt:
            return _fail("已取消", as_json, name, code=130)
        except Exception as exc:
            message = database_error_message(exc, getattr(args, "data_dir", None))
            if message is None:
                command_log(ERROR, "%s failed", name, exc_info=True)
                raise  # a bug: the traceback is the report
            return _fail(message, as_json, name)
        command_log(INFO, "%s finished (exit code %s)", name, outcome.code)
    finally:
        end_command()  # the profile's log closed, the process's own name back
    emit(outcome, as_json)
    return outcome.code


def database_error_message(exc: Exception, data_dir: Path | None) -> str | None:
    """The Chinese explanation of a database driver error (locked, full disk…); None for anything else."""
    sa_exc = sys.modules.get("sqlalchemy.exc")  # not loaded means no database was touched
    if sa_exc is None or not isinstance(exc, sa_exc.DBAPIError):
        return None
    from kami_desktop.core.store.db import explain

    return explain(exc, data_dir or "（默认数据目录）")


def os_error_message(exc: OSError) -> str:
    """A file-system error in Chinese, naming the file."""
    import errno

    name = f"：{exc.filename}" if exc.filename else ""
    reasons = {
        errno.ENOSPC: "磁盘空间不足，请清理磁盘或换一个保存位置后重试",
        errno.EACCES: "没有权限（文件可能被占用或为只读）",
        errno.EPERM: "没有权限（文件可能被占用或为只读）",
        errno.ENOENT: "文件或文件夹不存在",
        errno.EROFS: "磁盘是只读的",
        errno.EEXIST: "文件已存在",
    }
    reason = reasons.get(exc.errno or -1, exc.strerror or str(exc))
    return f"文件操作失败{name}：{reason}"


def _fail(message: str, as_json: bool, name: str = "kami", code: int = 2) -> int:
    command_log(WARNING, "%s refused: %s", name, message)
    sys.stderr.write(f"kami: 错误：{message}\n")
    if as_json:
        sys.stdout.write(json.dumps({"ok": False, "error": message}, ensure_ascii=False) + "\n")
    return code


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(run())
