"""The ``kami`` command: thin argument parsing over the core.

Every command accepts ``--json`` and then prints exactly one JSON document on stdout.
Exit codes: 0 success, 1 the check failed / problems found, 2 bad usage or bad input.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError as SQLAlchemyDBError

from kami_desktop import __version__

# command modules under kami_desktop.commands, in help order
COMMAND_MODULES = ["case", "evidence"]
OPTIONAL_COMMAND_MODULES = ["bill", "claim", "chat", "dossier", "legal", "doc", "backup", "party", "fact"]


class UsageError(Exception):
    """Bad usage or bad input: exit code 2 with the message on stderr."""


class Outcome:
    """What a command returns: the JSON document, the human text, and the exit code."""

    def __init__(self, data: Any, text: str | None = None, code: int = 0) -> None:
        self.data = data
        self.text = text
        self.code = code


def common_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="输出 JSON")
    common.add_argument(
        "--data-dir", type=Path, default=argparse.SUPPRESS, help="数据目录（默认：本机用户数据目录）"
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = common_parser()
    parser = argparse.ArgumentParser(
        prog="kami", parents=[common], description="卡盟充值扣款维权助手：证据库、账单对账、证据册（命令行）"
    )
    parser.add_argument("--version", action="version", version=f"kami {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"kami_desktop.commands.{name}").register(sub, common)
    for name in OPTIONAL_COMMAND_MODULES:
        try:
            mod = importlib.import_module(f"kami_desktop.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"kami_desktop.commands.{name}":
                raise
            continue
        mod.register(sub, common)
    return parser


def open_profile(args):
    from kami_desktop.core.profile import Profile

    return Profile.open(getattr(args, "data_dir", None))


def emit(outcome: Outcome, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(outcome.data, ensure_ascii=False, indent=2, default=str) + "\n")
    elif outcome.text is not None:
        sys.stdout.write(outcome.text.rstrip("\n") + "\n")
    else:
        sys.stdout.write(json.dumps(outcome.data, ensure_ascii=False, indent=2, default=str) + "\n")


def _expected_errors() -> tuple[type[BaseException], ...]:
    from kami_desktop.core.errors import expected_errors

    return (UsageError, *expected_errors())


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    as_json = bool(getattr(args, "json", False))
    handler: Callable[[Any], Outcome] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        outcome = handler(args)
    except _expected_errors() as exc:
        return _fail(str(exc), as_json)
    except SQLAlchemyDBError as exc:
        from kami_desktop.core.store.db import explain

        return _fail(explain(exc, getattr(args, "data_dir", None) or "（默认数据目录）"), as_json)
    except OSError as exc:
        return _fail(os_error_message(exc), as_json)
    except KeyboardInterrupt:
        return _fail("已取消", as_json, code=130)
    emit(outcome, as_json)
    return outcome.code


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


def _fail(message: str, as_json: bool, code: int = 2) -> int:
    sys.stderr.write(f"kami: 错误：{message}\n")
    if as_json:
        sys.stdout.write(json.dumps({"ok": False, "error": message}, ensure_ascii=False) + "\n")
    return code


if __name__ == "__main__":  # pragma: no cover
    # run the imported module's main, so command modules and this one share one UsageError class
    from kami_desktop.cli import main as _main

    raise SystemExit(_main())
