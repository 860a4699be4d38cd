"""One base class for the errors a user can act on: the CLI and the GUI catch ``UserError`` and nothing else."""

from __future__ import annotations

import ast
import importlib
import pkgutil

import pytest

import kami_desktop.core as core_pkg
from kami_desktop.core import errors
from kami_desktop.core.errors import UserError

# (module, class, the base it keeps beside UserError, so ``except ValueError`` elsewhere still works)
USER_ERRORS = [
    ("kami_desktop.core.case.cases", "CaseError", ValueError),
    ("kami_desktop.core.case.parties", "PartyError", ValueError),
    ("kami_desktop.core.case.facts", "FactError", ValueError),
    ("kami_desktop.core.case.ladder", "LadderError", ValueError),
    ("kami_desktop.core.store.db", "DatabaseError", RuntimeError),
    ("kami_desktop.core.store.vault", "VaultError", OSError),
    ("kami_desktop.core.evidence.exhibits", "ExhibitError", ValueError),
    ("kami_desktop.core.evidence.importer", "ImportInputError", ValueError),
    ("kami_desktop.core.evidence.anchors", "AnchorError", ValueError),
    ("kami_desktop.core.util.money", "MoneyError", ValueError),
    ("kami_desktop.core.vocab", "VocabError", ValueError),
    ("kami_desktop.core.bills", "BillError", ValueError),
    ("kami_desktop.core.bills.store", "BillStoreError", ValueError),
    ("kami_desktop.core.chats", "ChatError", ValueError),
    ("kami_desktop.core.chats.store", "ChatStoreError", ValueError),
    ("kami_desktop.core.legal.data", "LegalDataError", ValueError),
    ("kami_desktop.core.dossier", "DossierError", ValueError),
    ("kami_desktop.core.dossier", "PreflightError", Exception),
    ("kami_desktop.core.dossier.bundle_verify", "NotABundle", ValueError),
    ("kami_desktop.core.dossier.bundle_verify", "UnsafeBundle", ValueError),
    ("kami_desktop.core.documents", "DocumentError", ValueError),
    ("kami_desktop.core.documents", "AttachmentError", ValueError),
    ("kami_desktop.core.backup", "BackupError", Exception),
]


@pytest.mark.parametrize(("module", "name", "base"), USER_ERRORS, ids=[n for _m, n, _b in USER_ERRORS])
def test_every_feature_error_is_a_user_error_and_keeps_its_base(module, name, base):
    cls = getattr(importlib.import_module(module), name)
    assert issubclass(cls, UserError) and issubclass(cls, base)


def test_every_public_error_class_of_the_core_is_a_user_error():
    """A new ``…Error`` in the core is one the user can read, or it is a bug and must not be named so."""
    found = {}
    for info in pkgutil.walk_packages(core_pkg.__path__, "kami_desktop.core."):
        mod = importlib.import_module(info.name)
        for name, obj in vars(mod).items():
            if (
                isinstance(obj, type)
                and issubclass(obj, BaseException)
                and obj.__module__ == mod.__name__
                and name.endswith("Error")
                and not name.startswith("_")
            ):
                found[name] = obj
    assert len(found) >= 20
    assert sorted(n for n, cls in found.items() if not issubclass(cls, UserError)) == []
    assert {n for _m, n, _b in USER_ERRORS} - {"NotABundle", "UnsafeBundle"} <= set(found)


def test_the_errors_module_imports_nothing_of_the_core():
    """Every layer may raise a UserError, so errors.py must sit below all of them."""
    tree = ast.parse(open(errors.__file__, encoding="utf-8").read())
    imported = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    imported += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert [m for m in imported if m != "__future__"] == []


def test_cli_maps_a_document_error_to_exit_2(tmp_path, capsys):
    from kami_desktop.cli import main

    assert main(["--data-dir", str(tmp_path / "p"), "case", "new", "--title", "t"]) == 0
    rc = main(
        [
            "--data-dir",
            str(tmp_path / "p"),
            "doc",
            "generate",
            "--case",
            "1",
            "--kind",
            "demand",
            "--out",
            str(tmp_path / "o"),
            "--workdays",
            "30",
        ]
    )
    assert rc == 2
    assert "Traceback" not in capsys.readouterr().err


def test_cli_lets_a_bug_through_with_its_traceback(tmp_path, monkeypatch):
    """Only user errors become exit 2; anything else is a bug and is not dressed up as one."""
    from kami_desktop import cli
    from kami_desktop.commands import case

    def broken(args):
        raise KeyError("bug")

    monkeypatch.setattr(case, "cmd_list", broken)
    with pytest.raises(KeyError):
        cli.main(["--data-dir", str(tmp_path / "p"), "case", "list"])
