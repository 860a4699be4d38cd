"""The Qt desktop interface (the only package that imports PySide6)."""

from .pyside_fix import protect_none

protect_none()  # before any PySide6 call: see pyside_fix
