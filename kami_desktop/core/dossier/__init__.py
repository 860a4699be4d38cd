"""The evidence binder (证据册) and its bundle.

Import from the module that holds a name: ``build.build_dossier``, ``precheck.preflight``,
``options.DossierOptions`` / ``DossierResult`` / ``PreflightReport``, ``bundle_verify.verify_bundle``.
The package itself exports only its errors, which need nothing but the standard library, so the
stand-alone bundle checker (``bundle_verify``) loads without the database layer.
"""

from kami_desktop.core.dossier.options import DossierError, PreflightError

__all__ = ["DossierError", "PreflightError"]
