"""The evidence binder (证据册) and its bundle.

Names are loaded on first use, so ``kami_desktop.core.dossier.bundle_verify`` (the stand-alone bundle
checker) can be imported without pulling in the database layer.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "build_dossier": "build",
    "DossierOptions": "options",
    "DossierResult": "options",
    "DossierError": "options",
    "ExhibitPages": "options",
    "Fact": "options",
    "preflight": "precheck",
    "PreflightError": "precheck",
    "PreflightReport": "precheck",
    "PreflightProblem": "precheck",
    "verify_bundle": "bundle_verify",
    "BundleReport": "bundle_verify",
    "UnsafeBundle": "bundle_verify",
    "NotABundle": "bundle_verify",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    mod = _EXPORTS.get(name)
    if mod is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{mod}"), name)
