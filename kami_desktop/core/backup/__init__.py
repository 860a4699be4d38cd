"""备份与恢复 (backup and restore), Qt-free.

- ``create_backup(profile, out, overwrite=False, progress=, cancel=) -> BackupReport``
- ``verify_backup(path, progress=, cancel=) -> BackupCheck`` (every hash, nothing written)
- ``inspect_backup(path) -> BackupCheck`` (manifest only, for a dialog)
- ``restore_backup(path, data_dir, force=False, progress=, cancel=) -> RestoreReport``
- ``BackupError`` (message for the user), ``RestoreRefused`` (target holds data, no ``force``)

Progress is reported in KiB. See docs/backup.md for the format.
"""

from kami_desktop.core.backup.create import BackupReport, create_backup
from kami_desktop.core.backup.manifest import (
    BackupError,
    FileEntry,
    Manifest,
    SourceProblem,
    parse_manifest,
    render_manifest,
)
from kami_desktop.core.backup.restore import (
    BackupCheck,
    RestoreRefused,
    RestoreReport,
    inspect_backup,
    profile_state,
    restore_backup,
    verify_backup,
)

__all__ = [
    "BackupCheck",
    "BackupError",
    "BackupReport",
    "FileEntry",
    "Manifest",
    "RestoreRefused",
    "RestoreReport",
    "SourceProblem",
    "create_backup",
    "inspect_backup",
    "parse_manifest",
    "profile_state",
    "render_manifest",
    "restore_backup",
    "verify_backup",
]
