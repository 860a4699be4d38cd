"""The errors a user can understand: each carries a Chinese message naming the file and the reason.

The CLI turns them into exit code 2 and the GUI into a plain message box; anything else is a bug
(logged, with a dialog naming the log file).
"""

from __future__ import annotations

import importlib

# (module, class names) of every expected error; modules that are not installed are skipped
_KNOWN = (
    ("kami_desktop.core.case.cases", ("CaseError",)),
    ("kami_desktop.core.store.db", ("DatabaseError",)),
    ("kami_desktop.core.evidence.exhibits", ("ExhibitError",)),
    ("kami_desktop.core.evidence.importer", ("ImportInputError",)),
    ("kami_desktop.core.util.money", ("MoneyError",)),
    ("kami_desktop.core.vocab", ("VocabError",)),
    ("kami_desktop.core.store.vault", ("VaultError",)),
    ("kami_desktop.core.bills", ("BillError",)),
    ("kami_desktop.core.chats", ("ChatError",)),
    ("kami_desktop.core.legal", ("LegalDataError",)),
    ("kami_desktop.core.dossier", ("DossierError", "PreflightError")),
    ("kami_desktop.core.documents", ("DocumentError", "AttachmentError")),
    ("kami_desktop.core.backup", ("BackupError",)),
)


def expected_errors() -> tuple[type[BaseException], ...]:
    found: list[type[BaseException]] = []
    for module, names in _KNOWN:
        try:
            mod = importlib.import_module(module)
        except ImportError:
            continue
        for name in names:
            cls = getattr(mod, name, None)  # packages export their errors (dossier loads them lazily)
            if isinstance(cls, type) and issubclass(cls, BaseException):
                found.append(cls)
    return tuple(found)
