""".github/workflows/windows-installer.yml agrees with the packaging it drives: the spec file and the
executable names it makes, the NSIS script and the defines it knows, the smoke test's options, the
tools the PDF tests need — and its PowerShell is well formed (brackets and quotes balanced, every
native command's exit code checked).

The workflow is read with PyYAML when it is installed, else with tests/packaging/yaml_subset.py (which
must then read it exactly as PyYAML would).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from kami_desktop.smoke import build_parser
from tests.helpers import TOOL_PACKAGES
from tests.packaging import yaml_subset

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "windows-installer.yml"
SPEC = ROOT / "packaging" / "pyinstaller" / "kami_desktop.spec"
NSI = ROOT / "packaging" / "windows" / "kami_desktop.nsi"
TEXT = WORKFLOW.read_text(encoding="utf-8")


def _normalise(data: Any) -> Any:
    if isinstance(data, dict):
        return {("on" if k is True else k): _normalise(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_normalise(v) for v in data]
    return data


def _load() -> dict:
    data = yaml_subset.load(TEXT)
    try:
        import yaml
    except ImportError:
        return data
    assert _normalise(yaml.safe_load(TEXT)) == data  # the fallback reader reads it the same way
    return data


FLOW = _load()
JOB = FLOW["jobs"]["installer"]
STEPS: list[dict] = JOB["steps"]


def step(name_part: str) -> dict:
    found = [s for s in STEPS if name_part in s.get("name", "")]
    assert len(found) == 1, (name_part, [s.get("name") for s in found])
    return found[0]


def index(name_part: str) -> int:
    return STEPS.index(step(name_part))


def spec_constant(name: str) -> str:
    m = re.search(rf'^{name} = "([^"]+)"$', SPEC.read_text(encoding="utf-8"), re.M)
    assert m, name
    return m.group(1)


def test_triggers_runner_and_python():
    assert FLOW["on"]["push"]["tags"] == ["v*"] and "pull_request" in FLOW["on"]
    assert JOB["runs-on"] == "windows-latest" and JOB["defaults"]["run"]["shell"] == "pwsh"
    setup = next(s for s in STEPS if s.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["python-version"] == "3.12"
    assert JOB["env"]["PYTHONUTF8"] == "1" and JOB["env"]["PYTHONIOENCODING"] == "utf-8"


def test_the_tests_run_with_poppler_and_qpdf_installed_from_msys2():
    msys = next(s for s in STEPS if s.get("uses", "").startswith("msys2/setup-msys2@"))
    packages = set(msys["with"]["install"].split())
    assert {"mingw-w64-ucrt-x86_64-poppler", "mingw-w64-ucrt-x86_64-qpdf"} <= packages
    tests = step("Tests")["run"]
    assert "steps.msys2.outputs.msys2-location" in tests and "ucrt64\\bin" in tests
    listed = set(re.search(r"foreach \(\$tool in ([^)]*)\)", tests).group(1).replace('"', "").split(", "))
    used = {t for t in TOOL_PACKAGES if t != "pdfimages"}
    assert used <= listed, used - listed  # every tool the suite runs is checked to be on PATH
    assert "python -m pytest" in tests and "-rs" in tests  # skip reasons are printed
    assert STEPS.index(msys) < index("Tests") < index("PyInstaller")
    # MSYS2's folders go on PATH in the Tests step only: PyInstaller must not find its DLLs
    assert all("msys2-location" not in s.get("run", "") for s in STEPS if s is not step("Tests"))


def test_pyinstaller_spec_and_the_frozen_names_agree():
    run = step("PyInstaller")["run"]
    m = re.search(r"(packaging/pyinstaller/\S+\.spec)", run)
    assert m and (ROOT / m.group(1)) == SPEC and SPEC.is_file()
    assert JOB["env"]["APP"].endswith("\\dist\\" + spec_constant("DIST_NAME"))
    assert "--distpath dist" in run
    gui, cli = spec_constant("GUI_NAME") + ".exe", spec_constant("CLI_NAME") + ".exe"
    exes = set(re.findall(r"\$env:APP\\([\w.-]+\.exe)", TEXT))
    assert exes == {gui, cli}, exes
    assert "qwindows.dll" in run and "qtbase_zh_CN.qm" in run


def test_smoke_runs_use_only_options_the_app_knows():
    known = {opt for action in build_parser()._actions for opt in action.option_strings}
    runs = re.findall(r"kami-desktop\.exe\"? -ArgumentList @\(([^)]*)\)", TEXT)
    runs += re.findall(r'Run "\$inst\\kami-desktop\.exe" @\(([^)]*)\)', TEXT)
    assert len(runs) == 3
    for args in runs:
        flags = set(re.findall(r'"(--[\w-]+)"', args))
        assert "--smoke-test" in flags and flags <= known, flags - known
    desktop = step("real desktop")["run"]
    assert '"--platform", "windows"' in desktop
    for needle in ("SM3: native", r"qtbase_zh_CN\.qm loaded", "exposed on 'windows'"):
        assert needle in desktop
    assert index("offscreen") < index("real desktop") < index("Build the installer")


def test_the_smoke_log_wording_the_workflow_matches_is_what_smoke_writes():
    source = (ROOT / "kami_desktop" / "smoke.py").read_text(encoding="utf-8")
    assert '"native" if SM3_NATIVE' in source and 'f"SM3: {impl}' in source
    assert "qtbase_zh_CN.qm loaded" in source and "exposed on '" in source


def _nsis_args(run: str) -> list[list[str]]:
    """The /D defines of each makensis call, with ``@common`` expanded."""
    common = re.search(r"\$common = @\((.*?)\)\n", run, re.S).group(1)
    common_defs = re.findall(r'"/D(\w+)', common)
    calls = [line for line in run.splitlines() if line.strip().startswith("& $makensis @common")]
    assert len(calls) == 4  # the installer, the upgrade test build, two stubbed system-guard builds
    return [common_defs + re.findall(r'"/D(\w+)', call) for call in calls]


def test_makensis_builds_define_each_name_once_and_only_names_the_script_knows():
    run = step("Build the installer")["run"]
    assert "packaging\\windows\\kami_desktop.nsi" in run and NSI.is_file()
    nsi = NSI.read_text(encoding="utf-8")
    known = {
        name
        for names in re.findall(r"^\s*!if(?:n)?def ([\w |&]+)", nsi, re.M)
        for name in re.findall(r"\w+", names)
    }
    for defines in _nsis_args(run):
        assert len(defines) == len(set(defines)), defines  # VERSION_NUMERIC once, even in the upgrade build
        assert {"VERSION", "VERSION_NUMERIC", "SOURCE_DIR", "OUTFILE"} <= set(defines)
        assert set(defines) <= known, set(defines) - known


def test_signing_is_optional_and_covers_both_executables_and_the_installer():
    tool = step("Signing tool")
    assert "secrets.WINDOWS_CERT_PFX_BASE64" in tool["env"]["CERT_PFX_BASE64"]
    assert "::notice" in tool["run"] and "exit 0" in tool["run"]  # no secret: a note, not a failure
    exes, setup = step("Sign the two executables"), step("Sign the installer")
    for s in (exes, setup):
        assert s["if"] == "steps.signing.outputs.enabled == 'true'"
        assert "secrets.WINDOWS_CERT_PASSWORD" in s["env"]["CERT_PASSWORD"]
        assert "sign /f" in s["run"] and "/tr http" in s["run"] and "verify /pa" in s["run"]
    assert '"$env:APP\\kami-desktop.exe" "$env:APP\\kami.exe"' in exes["run"]
    assert index("Frozen CLI") < index("Sign the two executables") < index("Build the installer")
    assert (
        index("Build the installer") < index("Sign the installer") < index("SHA-256 of the installer")
    )  # hash the signed file
    assert step("Remove the signing certificate")["if"] == "always()"


def test_artifacts_and_release():
    upload = step("Upload the installer")
    paths = upload["with"]["path"].split()
    assert {
        "dist/kami_desktop-*-setup.exe",
        "dist/kami_desktop-*-setup.exe.sha256",
        "dist/smoke-desktop.log",
    } == set(paths)
    assert upload["with"]["if-no-files-found"] == "error"
    assert "certutil -hashfile" in step("SHA-256 of the installer")["run"]
    release = FLOW["jobs"]["release"]
    assert release["needs"] == "installer" and release["if"] == "startsWith(github.ref, 'refs/tags/v')"
    assert release["permissions"] == {"contents": "write"}
    assert JOB["outputs"]["version"] == "${{ steps.version.outputs.version }}"
    download = release["steps"][0]
    assert download["with"]["name"] == upload["with"]["name"].replace(
        "steps.version.outputs.version", "needs.installer.outputs.version"
    )
    attach = release["steps"][1]["run"]
    assert "gh release upload" in attach and "sha256sum -c" in attach
    for name in ("setup.exe", "setup.exe.sha256", "smoke-desktop.log"):
        assert name in attach


def test_the_stubbed_system_guard_builds_are_run_and_must_exit_with_5():
    run = step("Build the installer")["run"]
    for stubs in ('"/DSTUB_IS64=1" "/DSTUB_WIN_MAJOR=10" "/DSTUB_WIN_BUILD=17134"', '"/DSTUB_IS64=0"'):
        assert stubs in run
    install = step("Install silently")["run"]
    assert 'foreach ($guard in "guard-1803-setup.exe", "guard-x86-setup.exe")' in install
    assert "if ($rc -ne 5)" in install
    assert install.index("guard-1803") < install.index('"== install $v"')


def test_the_uninstaller_settings_key_is_checked_both_ways():
    run = step("Install silently")["run"]
    assert 'HKCU:\\Software\\kami_desktop"' in run
    assert (
        "uninstall without /REMOVEDATA removed the settings" in run and "/REMOVEDATA left $settingsKey" in run
    )


# ------------------------------------------------------------------ PowerShell well-formedness
def _scan(script: str) -> list[str]:
    """The brackets of ``script`` outside strings and comments; raises on an unterminated string."""
    out: list[str] = []
    i, n = 0, len(script)
    while i < n:
        ch = script[i]
        if ch == "#" and (i == 0 or script[i - 1] in " \t\n"):
            while i < n and script[i] != "\n":
                i += 1
        elif ch == "'":
            j = i + 1
            while True:
                j = script.find("'", j)
                if j < 0:
                    raise AssertionError(f"unterminated '...' string at {script[i : i + 40]!r}")
                if script[j + 1 : j + 2] == "'":
                    j += 2
                    continue
                break
            i = j
        elif ch == '"':
            j = i + 1
            while j < n and script[j] != '"':
                j += 2 if script[j] == "`" else 1
            if j >= n:
                raise AssertionError(f'unterminated "..." string at {script[i : i + 40]!r}')
            i = j
        elif ch == "`":
            i += 1  # an escaped character
        elif ch in "(){}[]":
            out.append(ch)
        i += 1
    return out


def _balanced(brackets: list[str]) -> bool:
    pairs, stack = {")": "(", "}": "{", "]": "["}, []
    for b in brackets:
        if b in "({[":
            stack.append(b)
        elif not stack or stack.pop() != pairs[b]:
            return False
    return not stack


def _expand(script: str) -> str:
    """GitHub replaces ${{ ... }} before PowerShell sees the script."""
    return re.sub(r"\$\{\{[^}]*\}\}", "X", script)


@pytest.mark.parametrize("number", range(len(STEPS)))
def test_each_powershell_step_is_balanced_and_checks_native_exit_codes(number):
    s = STEPS[number]
    if "run" not in s:
        return
    script = _expand(s["run"])
    assert _balanced(_scan(script)), s["name"]
    lines = [line.strip() for line in script.splitlines()]
    native = re.compile(r"^(python|& \$makensis @common|& \$env:SIGNTOOL|choco|certutil)\b")
    for k, line in enumerate(lines):
        if native.match(line) and " -c " not in line and not line.startswith("& $env:SIGNTOOL verify"):
            following = " ".join(lines[k + 1 : k + 3])
            last = all(not x for x in lines[k + 1 :])
            assert "$LASTEXITCODE" in following or last or s["name"] in ("Translations", "Icon"), (
                s["name"],
                line,
            )


def test_release_step_is_bash_with_strict_mode():
    attach = FLOW["jobs"]["release"]["steps"][1]["run"]
    assert attach.startswith("set -euo pipefail")
    assert FLOW["jobs"]["release"]["runs-on"] == "ubuntu-latest"


def test_the_scanner_finds_broken_powershell():
    assert _balanced(_scan('if ($a) { "x" }'))
    assert not _balanced(_scan('if ($a) { "x" '))
    assert _balanced(_scan('"a `" }" ; $x = @("--a", "`"$log`"")'))
    with pytest.raises(AssertionError):
        _scan('"unterminated')
