"""Interface language: Simplified Chinese (the source strings) by default, English from .qm files.

The choice is kept in QSettings under ``ui/language``. ``.ts`` sources live in the top-level
``resources/i18n/``; ``python -m kami_desktop.gui.i18n_build`` compiles them into
``kami_desktop/resources/i18n/*.qm``. Every ``*_<lang>.qm`` there is loaded, so a feature may keep
its own source (e.g. ``ladder_en.ts``) next to ``kami_desktop_en.ts`` without merge conflicts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from kami_desktop.resources import resource_path

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
KEY = "ui/language"
_installed: list[QTranslator] = []


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate finds it by this name
    """Mark ``text`` for translation in ``context`` and return it unchanged.

    PySide6's own is typed as returning ``object``; this one says ``str``.
    """
    return text


def current_language(settings: QSettings) -> str:
    lang = str(settings.value(KEY, DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def set_language(settings: QSettings, lang: str) -> None:
    settings.setValue(KEY, lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    settings.sync()


def qm_path(lang: str):
    return resource_path("i18n", f"kami_desktop_{lang}.qm")


def install_translators(app: QCoreApplication, lang: str) -> bool:
    """Install the app's and Qt's own translators for ``lang``; True if the app's .qm was found."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        if lang == "zh_CN"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    )
    qt = QTranslator(app)
    if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    if lang == DEFAULT_LANGUAGE:
        return True
    found = False
    folder = qm_path(lang).parent
    for path in sorted(folder.glob(f"*_{lang}.qm")) if folder.is_dir() else []:
        t = QTranslator(app)
        if t.load(str(path)):
            app.installTranslator(t)
            _installed.append(t)
            found = found or path == qm_path(lang)
    return found
