"""The app is drawn in the light colour scheme, whatever the system's (Windows dark mode included).

Its tiles, banners, bill rows and ladder steps use fixed, light background colours next to palette
colours; under a dark palette their text would turn light on light. ``use_light_scheme(app)`` asks Qt
(6.8 and later) for the light scheme and, should the palette still come out dark (an older Qt, a style
that ignores the hint, an explicitly set dark palette), installs a light palette itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

_LIGHT = {
    Role.Window: "#efefef",
    Role.WindowText: "#000000",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f7f7f7",
    Role.ToolTipBase: "#ffffdc",
    Role.ToolTipText: "#000000",
    Role.PlaceholderText: "#5f5f5f",
    Role.Text: "#000000",
    Role.Button: "#efefef",
    Role.ButtonText: "#000000",
    Role.BrightText: "#ffffff",
    Role.Light: "#ffffff",
    Role.Midlight: "#cacaca",
    Role.Mid: "#b8b8b8",
    Role.Dark: "#9f9f9f",
    Role.Shadow: "#767676",
    Role.Highlight: "#1f6fb2",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#0b57d0",
    Role.LinkVisited: "#6a1b9a",
}
_DISABLED = {Role.WindowText: "#8c8c8c", Role.Text: "#8c8c8c", Role.ButtonText: "#8c8c8c"}


def light_palette() -> QPalette:
    pal = QPalette()
    for role, colour in _LIGHT.items():
        pal.setColor(role, QColor(colour))
    for role, colour in _DISABLED.items():
        pal.setColor(Group.Disabled, role, QColor(colour))
    return pal


def is_dark(pal: QPalette) -> bool:
    """A palette whose window is darker than its text (dark mode)."""
    return pal.color(Role.Window).lightness() < pal.color(Role.WindowText).lightness()


def use_light_scheme(app: QGuiApplication) -> None:
    """Lock ``app`` to the light colour scheme (see the module docstring)."""
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):  # Qt 6.8+
        hints.setColorScheme(Qt.ColorScheme.Light)
    if is_dark(app.palette()):
        app.setPalette(light_palette())


def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an opaque colour."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio (1 to 21); 4.5 is the minimum for body text."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def secondary_text(pal: QPalette) -> QColor:
    """A muted text colour that still reads (WCAG 4.5:1) on the palette's base colour."""
    text, base = pal.color(Role.Text), pal.color(Role.Base)
    mix = QColor(
        round(text.red() * 0.65 + base.red() * 0.35),
        round(text.green() * 0.65 + base.green() * 0.35),
        round(text.blue() * 0.65 + base.blue() * 0.35),
    )
    return mix if contrast_ratio(mix, base) >= 4.5 else text
