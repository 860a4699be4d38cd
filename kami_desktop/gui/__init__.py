"""Qt face of kami_desktop. The only package that imports PySide6."""
