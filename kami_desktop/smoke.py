"""``kami-desktop --smoke-test``: an end-to-end check of a build, source or frozen.

It runs with a temporary profile (never the user's data), opens the main window offscreen,
imports a generated screenshot and a generated Alipay bill, builds a small binder, decodes a generated
HEIC photo, SILK/AMR voice messages and an H.264 video, reads the Chinese text of a generated order page
(OCR, with the models inside the bundle), verifies the vault and exits: 0 when every step passed, 1 otherwise,
3 when the watchdog had to stop a hung run.

A windowed Windows build has no stdout or stderr, so the result is reported by the exit code
and a UTF-8 log file (``--smoke-log PATH``, ``KAMI_SMOKE_LOG``, or
``%TEMP%/kami-desktop-smoke.log``). The log ends with ``SMOKE OK`` or ``SMOKE FAILED``; a screenshot
of the main window with the test case open is saved beside it (``<log name>-window.png``).

``--platform NAME`` picks the Qt platform plugin (default ``QT_QPA_PLATFORM``, else ``offscreen``).
With a real one (``--platform windows`` on a desktop session) the run is the minimal one (also asked
for by ``--minimal``): start-up, SM3, translations, the temporary profile, then the main window really
shown (exposed) and closed — it proves the platform plugin (``qwindows.dll``) is in the bundle and works.

Every run checks that Qt's own Chinese translation (``qtbase_zh_CN.qm``) is loaded by the app's
language set-up, and a frozen build must compute SM3 natively (OpenSSL): the pure-Python fallback is
some 750 times slower.
"""

from __future__ import annotations

import faulthandler
import os
import platform
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kami_desktop import __version__, smoke_case, smoke_media
from kami_desktop.resources import migrations_path, package_root, resource_path

# the options and the log, re-exported: callers import them from here
from kami_desktop.smoke_log import DEFAULT_LOG_NAME as DEFAULT_LOG_NAME
from kami_desktop.smoke_log import SmokeLog, default_log_path, log_path_from_argv, parse_smoke_args
from kami_desktop.smoke_log import build_parser as build_parser
from kami_desktop.smoke_media import SmokeFailure
from kami_desktop.smoke_media import check as _check

DEFAULT_TIMEOUT = 180.0  # seconds; KAMI_SMOKE_TIMEOUT overrides
EXIT_OK, EXIT_FAILED, EXIT_HUNG = 0, 1, 3
OFFSCREEN = "offscreen"
SM3_ABC = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"  # GB/T 32905-2016, A.1


# --------------------------------------------------------------------------- the run
class _Smoke:
    def __init__(self, log: SmokeLog, workdir: Path, platform_name: str = OFFSCREEN) -> None:
        self.log = log
        self.workdir = workdir
        self.platform_name = platform_name
        self.failures: list[str] = []
        self.app: Any = None
        self.profile: Any = None
        self.case_id: int | None = None
        self.window: Any = None

    def step(self, name: str, fn: Callable[[], str | None]) -> bool:
        t = time.monotonic()
        try:
            detail = fn()
        except BaseException as exc:  # noqa: BLE001 - every failure is reported, then the next step runs
            self.failures.append(name)
            self.log(f"FAIL {name}: {type(exc).__name__}: {exc}")
            for line in traceback.format_exc().rstrip().splitlines():
                self.log("     " + line)
            if isinstance(exc, KeyboardInterrupt | SystemExit):
                raise
            return False
        self.log(f"ok   {name} ({time.monotonic() - t:.2f}s){': ' + detail if detail else ''}")
        return True

    def pump(self, seconds: float = 0.0) -> None:
        """Let queued events and finished background work reach the window."""
        end = time.monotonic() + seconds
        while True:
            self.app.processEvents()
            if time.monotonic() >= end:
                return
            time.sleep(0.02)

    def _case(self) -> int:
        if self.case_id is None:
            raise SmokeFailure("the temporary profile has no case (its step failed)")
        return self.case_id

    # -- steps ------------------------------------------------------------------------------
    def environment(self) -> str:
        self.log(f"kami_desktop {__version__}, Python {sys.version.split()[0]}, {platform.platform()}")
        self.log(f"frozen={bool(getattr(sys, 'frozen', False))} executable={sys.executable}")
        self.log(f"utf8_mode={sys.flags.utf8_mode} filesystem_encoding={sys.getfilesystemencoding()}")
        self.log(f"package_root={package_root()}")
        self.log(f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', '')}")
        _check(
            migrations_path().joinpath("env.py").is_file(), f"Alembic env.py missing in {migrations_path()}"
        )
        versions = sorted(p.name for p in migrations_path().joinpath("versions").glob("*.py"))
        _check(versions, "no migration scripts in migrations/versions")
        _check(resource_path("data", "lpr.json").is_file(), "resource data/lpr.json missing")
        return f"{len(versions)} migration script(s), resources at {resource_path()}"

    def application(self) -> str:
        """The QApplication exactly as kami-desktop makes it (high DPI, identity, CJK font fallback)."""
        from PySide6.QtGui import QFontDatabase

        from kami_desktop.gui.app import create_application

        self.app = create_application([])
        _check(
            self.app.platformName() == self.platform_name.split(":")[0],  # "name:option=value"
            f"Qt platform '{self.app.platformName()}', asked for '{self.platform_name}'",
        )
        cjk = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        _check(cjk, "no font for Simplified Chinese")
        return f"gui.app.create_application on '{self.app.platformName()}', {len(cjk)} CJK font families"

    def sm3(self) -> str:
        """SM3 through OpenSSL (hashlib): required in a frozen build, reported from the source tree."""
        from kami_desktop.core.util.hashing import SM3_NATIVE, new_sm3

        _check(new_sm3(b"abc").hexdigest() == SM3_ABC, "SM3 of 'abc' is not the GB/T 32905 test vector")
        frozen = bool(getattr(sys, "frozen", False))
        _check(
            SM3_NATIVE or not frozen, "SM3 is the pure-Python fallback in a frozen build (OpenSSL lacks it)"
        )
        impl = "native" if SM3_NATIVE else "pure-Python fallback"
        return f"SM3: {impl}; {_openssl_version()}"

    def translations(self) -> str:
        from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

        from kami_desktop.gui import i18n

        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_zh = QTranslator()
        _check(
            qt_zh.load(QLocale("zh_CN"), "qtbase", "_", qt_dir), f"Qt's qtbase_zh_CN.qm not found in {qt_dir}"
        )
        self.log(f"     qtbase_zh_CN.qm: {qt_zh.filePath()}")
        found = []
        for lang in i18n.LANGUAGES:
            if lang != i18n.DEFAULT_LANGUAGE and i18n.qm_path(lang).is_file():
                _check(
                    i18n.install_translators(self.app, lang), f"{i18n.qm_path(lang)} exists but did not load"
                )
                found.append(lang)
        i18n.install_translators(self.app, i18n.DEFAULT_LANGUAGE)
        cancel = self.app.translate("QPlatformTheme", "Cancel")
        _check(
            cancel == "取消", f"the app's zh_CN set-up did not load qtbase_zh_CN.qm ('Cancel' is '{cancel}')"
        )
        return (
            f"qtbase_zh_CN.qm loaded ('Cancel' → '{cancel}'); "
            f"app translations loaded: {', '.join(found) or 'none built (zh_CN is the source)'}"
        )

    def open_profile(self) -> str:
        from kami_desktop.core.case.cases import create_case
        from kami_desktop.core.profile import Profile

        self.profile = Profile.open(self.workdir / "profile")
        with self.profile.session() as s:
            self.case_id = create_case(s, "冒烟测试：星辰卡盟充值扣款", platform_name="星辰卡盟").id
        return f"profile {self.profile.data_dir}, case {self.case_id}"

    def single_instance(self) -> str:
        from kami_desktop.gui.single_instance import SingleInstance

        guard = SingleInstance(self.profile.data_dir)
        _check(guard.acquire(), "could not take the single-instance lock of a fresh profile")
        second = SingleInstance(self.profile.data_dir)
        _check(not second.acquire(), "a second instance got the lock too")
        guard.release()
        return "lock and local server work"

    def open_window(self) -> str:
        from PySide6.QtCore import QSettings

        from kami_desktop.gui.main_window import MainWindow, app_icon
        from kami_desktop.gui.splash import show_splash

        settings = QSettings(
            str(self.workdir / "settings.ini"), QSettings.Format.IniFormat
        )  # never the user's
        splash = show_splash()
        _check(not splash.grab().isNull(), "the splash window could not be rendered")
        self.window = MainWindow(self.profile, settings)
        _check(not app_icon().isNull(), "the app icon did not load (SVG plugin missing?)")
        self.window.show()
        splash.finish(self.window)
        self.pump()
        end = time.monotonic() + 15
        handle = self.window.windowHandle()
        while (handle is None or not handle.isExposed()) and time.monotonic() < end:
            self.pump(0.05)
            handle = self.window.windowHandle()
        _check(handle is not None and handle.isExposed(), "the main window was never exposed on screen")
        pixmap = self.window.grab()
        _check(not pixmap.isNull(), "the main window could not be rendered")
        return f"MainWindow {pixmap.width()}x{pixmap.height()}, exposed on '{self.app.platformName()}'"

    def import_image(self) -> str:
        """Generated screenshots imported: see ``smoke_case.import_image``."""
        return smoke_case.import_image(self.profile, self._case(), self.workdir)

    def import_bill(self) -> str:
        """A generated Alipay bill imported and parsed: see ``smoke_case.import_bill``."""
        return smoke_case.import_bill(self.profile, self._case(), self.workdir)

    def show_case(self) -> str:
        self.window.set_case(self.case_id)
        self.pump(0.5)  # thumbnails are made in the background
        pixmap = self.window.grab()
        _check(not pixmap.isNull(), "the window could not be rendered with the case open")
        shot = self.log.path.with_name(self.log.path.stem + "-window.png")
        saved = pixmap.save(str(shot), "PNG")
        return f"case {self.case_id} shown" + (f"; screenshot {shot}" if saved else "")

    def build_binder(self) -> str:
        """The binder built and read back: see ``smoke_case.build_binder``."""
        return smoke_case.build_binder(self.profile, self._case(), self.workdir)

    def pdf_and_print(self) -> str:
        """PyMuPDF with CJK text and a QPrinter: see ``smoke_media.pdf_and_print``."""
        return smoke_media.pdf_and_print(self.workdir)

    def media(self) -> str:
        """An iPhone photo (HEIC) and voice messages (SILK, AMR): see ``smoke_media.media``."""
        return smoke_media.media(self.workdir)

    def ocr(self) -> str:
        """The OCR job on a generated order page: see ``smoke_media.ocr``."""
        return smoke_media.ocr(self.profile, self._case(), self.workdir)

    def search(self) -> str:
        """The search index warmed in its own process: see ``smoke_media.search``."""
        return smoke_media.search(self.profile, self._case())

    def video(self) -> str:
        """A screen recording's facts and contact sheet: see ``smoke_media.video``."""
        return smoke_media.video(self.workdir)

    def verify(self) -> str:
        """The vault and the ledger verified: see ``smoke_case.verify``."""
        return smoke_case.verify(self.profile)

    def close(self) -> None:
        if self.window is not None:
            self.window.close()  # the real window stops its background work here
            self.window.deleteLater()
            self.window = None
        if self.app is not None:
            from PySide6.QtCore import QThreadPool

            QThreadPool.globalInstance().waitForDone(10000)
            self.pump()
        if self.profile is not None:
            self.profile.close()
            self.profile = None


def _watchdog(log: SmokeLog, seconds: float) -> threading.Timer:
    def fire() -> None:
        log(f"SMOKE FAILED: no result after {seconds:.0f}s (hung); thread stacks follow")
        faulthandler.dump_traceback(file=log.file, all_threads=True)
        log.file.flush()
        os._exit(EXIT_HUNG)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    return timer


def _openssl_version() -> str:
    import ssl

    return ssl.OPENSSL_VERSION


def run_smoke_test(
    log_path: Path | None = None, platform_name: str | None = None, minimal: bool = False
) -> int:
    """Run every step, write the log, return the process exit code (0 = all steps passed).

    ``platform_name`` is the Qt platform plugin (default: ``QT_QPA_PLATFORM``, else offscreen); any
    other than offscreen makes the minimal run of the module docstring."""
    if platform_name:
        os.environ["QT_QPA_PLATFORM"] = platform_name
    else:
        os.environ.setdefault("QT_QPA_PLATFORM", OFFSCREEN)
    platform_name = os.environ["QT_QPA_PLATFORM"]
    full = platform_name.split(":")[0] == OFFSCREEN and not minimal
    log = SmokeLog(Path(log_path) if log_path else default_log_path())
    faulthandler.enable(file=log.file, all_threads=True)  # a native crash still leaves a trace in the log
    timeout = float(os.environ.get("KAMI_SMOKE_TIMEOUT") or DEFAULT_TIMEOUT)
    timer = _watchdog(log, timeout)
    workdir = Path(tempfile.mkdtemp(prefix="kami-smoke-"))
    old_data_dir = os.environ.get("KAMI_DATA_DIR")
    os.environ["KAMI_DATA_DIR"] = str(
        workdir / "profile"
    )  # anything that asks for the default gets the temp one
    log(f"kami-desktop smoke test, log {log.path}, temporary profile {workdir}")
    log(
        f"Qt platform '{platform_name}': {'full run' if full else 'minimal run (start-up and the main window)'}"
    )
    smoke = _Smoke(log, workdir, platform_name)
    try:
        smoke.step("environment and bundled files", smoke.environment)
        smoke.step("SM3", smoke.sm3)
        if smoke.step("Qt application and fonts", smoke.application):
            smoke.step("translations", smoke.translations)
            if smoke.step("temporary profile (migrations)", smoke.open_profile):
                smoke.step("single instance lock", smoke.single_instance)
                smoke.step("main window", smoke.open_window)
            if full and smoke.profile is not None:
                smoke.step("import generated screenshots", smoke.import_image)
                smoke.step("import generated Alipay bill", smoke.import_bill)
                if smoke.window is not None:
                    smoke.step("case shown in the window", smoke.show_case)
                smoke.step("binder", smoke.build_binder)
                smoke.step("PDF with Chinese text and QPrinter", smoke.pdf_and_print)
                smoke.step("HEIC photo and voice messages", smoke.media)
                if smoke.step("OCR of a generated screenshot", smoke.ocr):
                    smoke.step("search index warmed in its process", smoke.search)
                smoke.step("video contact sheet", smoke.video)
                smoke.step("verify", smoke.verify)
        smoke.step("close", smoke.close)
    except BaseException as exc:  # noqa: BLE001 - reported, never raised out of a windowed process
        smoke.failures.append("run")
        log(f"FAIL run: {type(exc).__name__}: {exc}")
        for line in traceback.format_exc().rstrip().splitlines():
            log("     " + line)
    finally:
        timer.cancel()
        if old_data_dir is None:
            os.environ.pop("KAMI_DATA_DIR", None)
        else:
            os.environ["KAMI_DATA_DIR"] = old_data_dir
        if os.environ.get("KAMI_SMOKE_KEEP"):
            log(f"kept {workdir}")
        else:
            from kami_desktop.core.util.fsutil import remove_tree

            remove_tree(workdir, ignore_errors=True)  # the vault's originals are read-only
    rc = EXIT_FAILED if smoke.failures else EXIT_OK
    log("SMOKE OK" if rc == EXIT_OK else f"SMOKE FAILED: {', '.join(smoke.failures)}")
    faulthandler.disable()
    log.close()
    return rc


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    options = parse_smoke_args(args)
    return run_smoke_test(log_path_from_argv(args), options.platform, options.minimal)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
