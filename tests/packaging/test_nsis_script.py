"""Fast checks of the Windows installer script, without building anything.

The real build (PyInstaller + frozen smoke test + makensis against the frozen folder) is
``make package`` (packaging/build.sh); the Windows-only steps run in .github/workflows/windows-installer.yml.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kami_desktop.core.profile import APP_NAME

ROOT = Path(__file__).resolve().parents[2]
NSI = ROOT / "packaging" / "windows" / "kami_desktop.nsi"
STRINGS = ROOT / "packaging" / "windows" / "strings.nsh"
DATA_DIR_LITERAL = "$LOCALAPPDATA\\" + APP_NAME


def _lines(path: Path) -> list[str]:
    """Script lines without comments (NSIS comments start with ; or #)."""
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        out.append(line)
    return out


NSI_LINES = _lines(NSI)
STRING_LINES = _lines(STRINGS)


def _blocks(kind: str) -> list[tuple[str, list[str]]]:
    """(header line, body lines) of every Section or Function."""
    blocks, current, header = [], None, ""
    for line in NSI_LINES:
        if line.startswith(kind + " ") and current is None:
            header, current = line, []
        elif line == kind + "End" and current is not None:
            blocks.append((header, current))
            current = None
        elif current is not None:
            current.append(line)
    return blocks


def _define(name: str) -> str:
    for line in NSI_LINES:
        m = re.match(rf'!define\s+{name}\s+"([^"]*)"', line)
        if m:
            return m.group(1)
    raise AssertionError(f"no !define {name}")


def test_data_dir_is_the_apps_platformdirs_folder_and_not_the_program_folder():
    assert _define("DATA_DIR") == DATA_DIR_LITERAL
    install_dir = next(line for line in NSI_LINES if line.startswith("InstallDir "))
    assert install_dir == 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_ID}"'
    assert _define("APP_ID") == APP_NAME
    assert "RequestExecutionLevel user" in NSI_LINES


def test_data_dir_path_is_written_once_and_only_the_optional_section_deletes_it():
    text = NSI.read_text(encoding="utf-8") + STRINGS.read_text(encoding="utf-8")
    assert text.count(DATA_DIR_LITERAL + '"') == 1  # the !define; everything else says ${DATA_DIR}
    destructive = [
        (header, line)
        for kind in ("Section", "Function")
        for header, body in _blocks(kind)
        for line in body
        if "${DATA_DIR}" in line and re.match(r"(RMDir|Delete|Rename)\b", line)
    ]
    assert destructive, "the optional removal section must delete ${DATA_DIR}"
    for header, _line in destructive:
        assert header.startswith('Section /o "un.'), (
            f"data folder deleted outside the optional section: {header}"
        )
    # nothing outside sections/functions touches it either
    assert not any(
        re.match(r"(RMDir|Delete)\b", line) and "${DATA_DIR}" in line
        for line in NSI_LINES
        if line not in {ln for _h, b in _blocks("Section") for ln in b}
    )


def test_silent_uninstall_removes_data_only_with_removedata():
    ((header, _body),) = [(h, b) for h, b in _blocks("Section") if "${DATA_DIR}" in " ".join(b)]
    section_id = header.split()[-1]
    oninit = dict(_blocks("Function"))["Function un.onInit"]
    joined = "\n".join(oninit)
    assert '"/REMOVEDATA"' in joined
    assert f"!insertmacro SelectSection ${{{section_id}}}" in joined
    assert header.startswith("Section /o ")  # unselected by default: interactive and silent keep the data


def test_uninstaller_never_deletes_the_install_folder_recursively():
    recursive = [line for line in NSI_LINES if re.match(r"RMDir\s+/r", line, re.IGNORECASE)]
    allowed = {'RMDir /r "$INSTDIR\\${CONTENTS_DIR}"', 'RMDir /r "${DATA_DIR}"'}
    assert set(recursive) <= allowed, recursive
    assert 'RMDir "$INSTDIR"' in NSI_LINES  # only removed when empty


def test_version_comes_from_the_build():
    text = "\n".join(NSI_LINES)
    assert re.search(r"!ifndef VERSION\s*\n\s*!error", text)
    assert 'WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"' in NSI_LINES
    assert "${VERSION}" in _define("OUTFILE")
    assert not re.search(r'"DisplayVersion"\s+"\d', text)  # never a hard-coded version


def test_apps_and_features_entry_is_per_user_and_complete():
    assert _define("UNINST_KEY") == "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\${APP_ID}"
    written = set(re.findall(r'WriteReg(?:Str|DWORD) HKCU "\$\{UNINST_KEY\}" "(\w+)"', "\n".join(NSI_LINES)))
    assert {
        "DisplayName",
        "DisplayVersion",
        "Publisher",
        "DisplayIcon",
        "UninstallString",
        "QuietUninstallString",
        "EstimatedSize",
        "InstallLocation",
    } <= written
    assert not any("HKLM" in line for line in NSI_LINES)
    assert 'DeleteRegKey HKCU "${UNINST_KEY}"' in NSI_LINES


def test_both_languages_chinese_first_and_every_string_translated():
    langs = [m.group(1) for line in NSI_LINES if (m := re.match(r'!insertmacro MUI_LANGUAGE "(\w+)"', line))]
    assert langs == ["SimpChinese", "English"]
    defined: dict[str, set[str]] = {}
    for line in STRING_LINES:
        m = re.match(r"LangString (\w+) \$\{LANG_(\w+)\} ", line)
        assert m, f"unexpected line in strings.nsh: {line}"
        defined.setdefault(m.group(1), set()).add(m.group(2))
    assert all(v == {"SIMPCHINESE", "ENGLISH"} for v in defined.values()), defined
    used = set(re.findall(r"\$\((\w+)\)", NSI.read_text(encoding="utf-8")))
    assert used <= set(defined), used - set(defined)
    assert set(defined) <= used, set(defined) - used


def test_payload_comes_from_defines_so_linux_and_windows_names_both_work():
    files = [line for line in NSI_LINES if line.startswith("File ")]
    assert files == [
        'File "${SOURCE_DIR}\\${GUI_EXE}"',
        'File "${SOURCE_DIR}\\${CLI_EXE}"',
        'File /r "${SOURCE_DIR}\\${CONTENTS_DIR}"',
    ]
    assert _define("GUI_EXE") == "kami-desktop.exe" and _define("CLI_EXE") == "kami.exe"
    assert any(line.startswith('CreateShortCut "$SMPROGRAMS\\${SHORTCUT}"') for line in NSI_LINES)
    desktop = [
        h for h, b in _blocks("Section") if any("$DESKTOP" in ln and "CreateShortCut" in ln for ln in b)
    ]
    assert desktop and "SectionIn RO" not in dict(_blocks("Section"))[desktop[0]]  # optional


def test_upgrade_runs_the_previous_uninstaller_silently_in_place():
    body = "\n".join(dict(_blocks("Function"))["Function RemovePrevious"])
    assert '"InstallLocation"' in body
    assert "ExecWait '\"$0\\${UNINST_EXE}\" /S _?=$0'" in body
    assert "/REMOVEDATA" not in body


def _fake_folder(root: Path, gui: str, cli: str) -> Path:
    folder = root / "kami-desktop"
    (folder / "_internal" / "kami_desktop").mkdir(parents=True)
    (folder / gui).write_bytes(b"MZ gui")
    (folder / cli).write_bytes(b"MZ cli")
    (folder / "_internal" / "kami_desktop" / "x.txt").write_text("x")
    return folder


def _makensis(folder: Path, out: Path, *defines: str) -> subprocess.CompletedProcess:
    cmd = [
        "makensis",
        "-V2",
        "-INPUTCHARSET",
        "UTF8",
        "-DVERSION=1.2.3",
        f"-DSOURCE_DIR={folder}",
        f"-DOUTFILE={out}",
        "-DFAST",
        *defines,
        str(NSI),
    ]
    return subprocess.run(cmd, capture_output=True, encoding="utf-8", timeout=120)


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (Debian package nsis) not installed")
@pytest.mark.parametrize("gui,cli", [("kami-desktop.exe", "kami.exe"), ("kami-desktop", "kami")])
def test_script_compiles_against_a_folder_with_windows_or_linux_names(tmp_path, gui, cli):
    folder = _fake_folder(tmp_path, gui, cli)
    out = tmp_path / "kami_desktop-1.2.3-setup.exe"
    extra = [] if gui.endswith(".exe") else [f"-DGUI_EXE={gui}", f"-DCLI_EXE={cli}"]
    proc = _makensis(folder, out, *extra)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "warning" not in (proc.stdout + proc.stderr).lower()
    assert out.stat().st_size > 10_000


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (Debian package nsis) not installed")
def test_script_fails_when_the_folder_does_not_match(tmp_path):
    folder = _fake_folder(tmp_path, "kami-desktop.exe", "kami.exe")
    (folder / "kami.exe").unlink()
    proc = _makensis(folder, tmp_path / "kami_desktop-1.2.3-setup.exe")
    assert proc.returncode != 0
    proc = _makensis(tmp_path / "missing", tmp_path / "kami_desktop-1.2.3-setup.exe")
    assert proc.returncode != 0
    no_version = subprocess.run(
        ["makensis", "-V1", f"-DSOURCE_DIR={folder}", str(NSI)], capture_output=True, encoding="utf-8"
    )
    assert no_version.returncode != 0


# ------------------------------------------------------------------ system guard (.onInit)
def test_oninit_checks_the_system_before_anything_else_and_refuses_with_exit_code_5():
    functions = dict(_blocks("Function"))
    assert functions["Function .onInit"][0] == "Call CheckSystem"
    guard = functions["Function CheckSystem"]
    joined = "\n".join(guard)
    assert (
        "${If} ${RunningX64}" in joined
        and "${WinVerGetMajor} $1" in joined
        and "${WinVerGetBuild} $2" in joined
    )
    assert "${ElseIf} ${IsNativeARM64}" in joined  # the 32-bit installer is not WOW64 on ARM64
    assert joined.count("SetErrorLevel 5") == 3 and joined.count("Quit") == 3
    assert '"$(NeedsWin11Arm)" /SD IDOK' in joined and "${AndIf} $2 < ${MIN_ARM64_BUILD}" in joined
    assert '"$(Needs64Bit)" /SD IDOK' in joined and '"$(NeedsWin10)" /SD IDOK' in joined  # silent: no box
    assert "${OrIf} $2 < ${MIN_WIN_BUILD}" in joined and "${If} $1 < ${MIN_WIN_MAJOR}" in joined
    assert ("!define MIN_WIN_BUILD 17763") in NSI_LINES and ("!define MIN_WIN_MAJOR 10") in NSI_LINES
    assert {"!include x64.nsh", "!include WinVer.nsh"} <= set(NSI_LINES)


def test_the_refusals_are_explained_in_chinese():
    strings = {
        (m.group(1), m.group(2)): m.group(3)
        for line in STRING_LINES
        if (m := re.match(r'LangString (\w+) \$\{LANG_(\w+)\} "(.*)"$', line))
    }
    assert (
        "64 位" in strings[("Needs64Bit", "SIMPCHINESE")]
        and "安装已取消" in strings[("Needs64Bit", "SIMPCHINESE")]
    )
    old = strings[("NeedsWin10", "SIMPCHINESE")]
    assert "Windows 10 1809" in old and "${MIN_WIN_BUILD}" in old and "$2" in old and "安装已取消" in old


def _guard_build(tmp_path: Path, *stubs: str) -> subprocess.CompletedProcess:
    folder = tmp_path / "app-root" / "kami-desktop"
    if not folder.exists():
        folder = _fake_folder(tmp_path / "app-root", "kami-desktop.exe", "kami.exe")
    cmd = ["makensis", "-V4", "-WX", "-INPUTCHARSET", "UTF8", "-DVERSION=1.2.3", f"-DSOURCE_DIR={folder}",
           f"-DOUTFILE={tmp_path / 'guard.exe'}", "-DFAST", *stubs, str(NSI)]  # fmt: skip
    return subprocess.run(cmd, capture_output=True, encoding="utf-8", timeout=120)


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (Debian package nsis) not installed")
@pytest.mark.parametrize(
    ("is64", "major", "build", "verdict"),
    [
        (0, 10, 19045, "refuses: 32-bit Windows, exit code 5"),
        (0, 6, 7601, "refuses: 32-bit Windows, exit code 5"),  # 32-bit Windows 7: the first reason given
        (1, 6, 9600, "refuses: Windows 6 older than 10, exit code 5"),  # Windows 8.1
        (1, 10, 17134, "refuses: build 17134 older than 17763, exit code 5"),  # Windows 10 1803
        (1, 10, 17763, "accepts: 64-bit Windows 10 build 17763"),  # 1809, the oldest that runs
        (1, 10, 26100, "accepts: 64-bit Windows 10 build 26100"),  # Windows 11 24H2 reports major 10
        (2, 10, 19045, "refuses: ARM64 build 19045 older than 22000, exit code 5"),  # Windows 10 on ARM
        (2, 10, 22631, "accepts: ARM64 Windows 10 build 22631"),  # Windows 11 on ARM emulates x64
    ],
)
def test_the_guard_compiled_with_stubbed_systems(tmp_path, is64, major, build, verdict):
    proc = _guard_build(
        tmp_path, f"-DSTUB_IS64={is64}", f"-DSTUB_WIN_MAJOR={major}", f"-DSTUB_WIN_BUILD={build}"
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out  # -WX: a warning would have failed the build
    guard = [line for line in out.splitlines() if line.startswith("system guard (stubbed): ")]
    assert len(guard) == 1 and guard[0].split(": ", 1)[1].startswith(verdict), guard
    assert (tmp_path / "guard.exe").stat().st_size > 10_000


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (Debian package nsis) not installed")
def test_a_partly_stubbed_guard_does_not_build_and_the_real_one_echoes_nothing(tmp_path):
    proc = _guard_build(tmp_path, "-DSTUB_IS64=1")
    assert proc.returncode != 0 and "stub all three" in proc.stdout + proc.stderr
    real = _guard_build(tmp_path)
    assert real.returncode == 0 and "system guard (stubbed)" not in real.stdout


# ------------------------------------------------------------------ hygiene
def test_removing_the_data_also_removes_the_settings_key_and_only_then():
    assert _define("SETTINGS_KEY") == "Software\\${APP_ID}"
    app = (ROOT / "kami_desktop" / "gui" / "app.py").read_text(encoding="utf-8")
    assert f'setOrganizationName("{_define("APP_ID")}")' in app  # QSettings' key is HKCU\Software\<org>
    sections = dict(_blocks("Section"))
    (data_header,) = [h for h in sections if h.startswith('Section /o "un.')]
    assert 'DeleteRegKey HKCU "${SETTINGS_KEY}"' in sections[data_header]
    others = [ln for h, body in sections.items() if h != data_header for ln in body]
    assert not any("SETTINGS_KEY" in ln for ln in others)


def test_the_headers_build_example_gives_absolute_paths():
    header = [ln for ln in NSI.read_text(encoding="utf-8").splitlines() if ln.startswith(";")][:20]
    example = " ".join(header)
    for name in ("SOURCE_DIR", "APP_ICON", "OUTFILE"):
        values = re.findall(rf"/D{name}=([^\"\]\s]+)", example)
        assert values and all(v.startswith(("%CD%\\", "$PWD\\")) for v in values), (name, values)
