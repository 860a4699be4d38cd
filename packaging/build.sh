#!/usr/bin/env bash
# Build the frozen app from packaging/pyinstaller/kami_desktop.spec, smoke-test it, and compile the
# NSIS installer script against it. Called by `make package`; runs in CI (.ci/run) on Linux.
#
# On Linux the frozen folder is a Linux build: it cannot run on Windows, so the installer made here
# only proves that the .nsi and the folder's file list agree (and is compiled uncompressed, -DFAST).
# The real Windows installer is built by .github/workflows/windows-installer.yml.
#
# Usage: packaging/build.sh [--no-build] [--no-nsis] [--compress]
#   --no-build   reuse build/dist/kami-desktop from an earlier run (skip PyInstaller)
#   --no-nsis    skip the installer step
#   --compress   compress the installer with LZMA like a release (slow: ~2 min more)
# Environment: VENV (default .venv), KAMI_SMOKE_TIMEOUT (seconds, default 180)
# Outputs (all under build/, which git ignores):
#   build/dist/kami-desktop/       the frozen folder      build/package-logs/   PyInstaller, smoke and CLI logs
#   build/installer/*.exe, *.ico   installer and icon
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
VENV="${VENV:-.venv}"
PY="$ROOT/$VENV/bin/python"
DIST="$ROOT/build/dist"
APP="$DIST/kami-desktop"
WORK="$ROOT/build/pyinstaller"
LOGS="$ROOT/build/package-logs"
INST="$ROOT/build/installer"
GUI_EXE=kami-desktop
CLI_EXE=kami

DO_BUILD=1 DO_NSIS=1 COMPRESS=0
for arg in "$@"; do
  case "$arg" in
    --no-build) DO_BUILD=0 ;;
    --no-nsis) DO_NSIS=0 ;;
    --compress) COMPRESS=1 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

T0=$SECONDS
step() { printf '\n== [%3ds] %s\n' $((SECONDS - T0)) "$*"; }
die() { echo "build.sh: FAILED: $*" >&2; exit 1; }
mkdir -p "$LOGS" "$INST"

[ -x "$PY" ] || die "no virtualenv at $VENV (run 'make venv' first)"

# ------------------------------------------------------------------ tools (only when missing)
step "tools"
if ! "$PY" - <<'EOF' 2>/dev/null
import sys
from importlib.metadata import version
from packaging.requirements import Requirement
lines = [ln.strip() for ln in open("packaging/requirements-build.txt") if ln.strip() and not ln.startswith("#")]
reqs = [Requirement(ln) for ln in lines]
sys.exit(0 if all(version(r.name) in r.specifier for r in reqs) else 1)
EOF
then
  echo "installing $(grep -v '^#' packaging/requirements-build.txt | xargs) into $VENV"
  "$PY" -m pip install -q -r packaging/requirements-build.txt
fi
"$PY" -m PyInstaller --version | sed 's/^/pyinstaller /'
# The OCR engine goes in --no-deps (it declares the GUI OpenCV): packaging/requirements-ocr.txt
if ! "$PY" - <<'EOF' 2>/dev/null
import sys
from importlib.metadata import version
from packaging.requirements import Requirement
lines = [ln.strip() for ln in open("packaging/requirements-ocr.txt") if ln.strip() and not ln.startswith("#")]
sys.exit(0 if all(version(Requirement(ln).name) in Requirement(ln).specifier for ln in lines) else 1)
EOF
then
  echo "installing $(grep -v '^#' packaging/requirements-ocr.txt | xargs) --no-deps into $VENV"
  "$PY" -m pip install -q --no-deps -r packaging/requirements-ocr.txt
fi
# PyInstaller needs objdump (binutils) on Linux; the installer step needs makensis (nsis).
missing=""
command -v objdump >/dev/null || missing="$missing binutils"
[ "$DO_NSIS" = 0 ] || command -v makensis >/dev/null || missing="$missing nsis"
if [ -n "$missing" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing (apt):$missing"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    die "missing Debian packages:$missing (as root: apt-get install$missing)"
  fi
fi

VERSION=$("$PY" -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])")
VERSION_NUMERIC=$("$PY" -c "import re, sys; n = re.findall(r'\d+', sys.argv[1])[:3]; print('.'.join((n + ['0'] * 4)[:4]))" "$VERSION")
echo "version $VERSION ($VERSION_NUMERIC)"

# ------------------------------------------------------------------ freeze
if [ "$DO_BUILD" = 1 ]; then
  if "$PY" -c "import kami_desktop.gui.i18n_build" 2>/dev/null; then
    step "translations (.qm)"
    "$PY" -m kami_desktop.gui.i18n_build || echo "warning: translation build failed; the bundle has the .qm files that exist"
  fi
  step "fonts: Noto Serif CJK SC subset for the PDFs and DOCX files (packaging/subset_cjk_font.py)"
  "$PY" packaging/subset_cjk_font.py || die "fonts (install the Debian package fonts-noto-cjk)"
  ls -l kami_desktop/resources/fonts/*.ttf | awk '{printf "  %s  %.1f MB\n", $NF, $5 / 1e6}'
  step "PyInstaller (log: build/package-logs/pyinstaller.log)"
  rm -rf "$APP"
  if ! "$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$DIST" --workpath "$WORK" \
      packaging/pyinstaller/kami_desktop.spec >"$LOGS/pyinstaller.log" 2>&1; then
    tail -40 "$LOGS/pyinstaller.log" >&2
    die "PyInstaller"
  fi
  grep -E "^kami_desktop.spec:" "$LOGS/pyinstaller.log" || true
fi
[ -x "$APP/$GUI_EXE" ] && [ -x "$APP/$CLI_EXE" ] || die "$APP has no $GUI_EXE and $CLI_EXE"

# ------------------------------------------------------------------ bundle contents
step "bundle contents"
"$PY" - "$APP" <<'EOF' || die "bundle contents"
import re, sys
from pathlib import Path
app = Path(sys.argv[1]); internal = app / "_internal"
src = Path("kami_desktop")
problems = []
mig = sorted(p.name for p in (src / "migrations/versions").glob("*.py"))
got = sorted(p.name for p in (internal / "kami_desktop/migrations/versions").glob("*.py"))
if mig != got:
    problems.append(f"migrations differ: source {mig}, bundle {got}")
if not list((internal / "kami_desktop/resources/fonts").glob("NotoSerifCJKsc-*-subset.ttf")):
    problems.append("the PDF/DOCX font (resources/fonts/NotoSerifCJKsc-*-subset.ttf) is not in the bundle")
for f in (src / "resources").rglob("*"):
    if f.is_file() and "__pycache__" not in f.parts and f.suffix not in (".ts", ".pyc", ".pro") and f.name != ".gitkeep":
        if not (internal / f).is_file():
            problems.append(f"resource missing from the bundle: {f}")
ocr = internal / "rapidocr_onnxruntime"
for name in ("config.yaml", "models/ch_PP-OCRv4_det_infer.onnx", "models/ch_PP-OCRv4_rec_infer.onnx",
             "models/ch_ppocr_mobile_v2.0_cls_infer.onnx"):
    if not (ocr / name).is_file():
        problems.append(f"OCR file missing from the bundle: rapidocr_onnxruntime/{name}")
if not [p for p in (internal / "onnxruntime").rglob("*") if p.suffix in (".dll", ".so", ".pyd") or ".so." in p.name]:
    problems.append("onnxruntime's native library is not in the bundle")
if list(internal.glob("opencv_python-*.dist-info")) or (internal / "cv2" / "qt").exists():
    problems.append("the GUI build of OpenCV (opencv-python) is in the bundle: use opencv-python-headless")
files = [p for p in app.rglob("*") if p.is_file() and not p.is_symlink()]
banned = re.compile(r"(Qt6(Qml|Quick|Designer|Help|Sql|Pdf)|opengl32sw|/qml/|qtbase_(?!zh_CN|en)\w+\.qm)", re.I)
bad = [str(p.relative_to(app)) for p in files if banned.search(p.as_posix())]
if bad:
    problems.append(f"trimmed Qt parts are back: {bad[:8]}")
size = sum(p.stat().st_size for p in files)
print(f"{app.name}: {len(files)} files, {size / 2**20:.0f} MiB; {len(got)} migrations; resources ok")
for p in problems:
    print("PROBLEM:", p)
sys.exit(1 if problems else 0)
EOF

# ------------------------------------------------------------------ run the frozen programs
# A clean environment (no venv, no PYTHONPATH, HOME and cwd in a temp folder): the frozen app
# must find everything inside its own folder.
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
clean_env=(env -i "PATH=/usr/bin:/bin" "HOME=$TMP/home" "LANG=C.UTF-8" "TMPDIR=$TMP" "QT_QPA_PLATFORM=offscreen")
mkdir -p "$TMP/home"

step "frozen smoke test: $GUI_EXE --smoke-test"
rc=0
(cd "$TMP" && timeout 600 "${clean_env[@]}" "KAMI_SMOKE_TIMEOUT=${KAMI_SMOKE_TIMEOUT:-180}" \
  "$APP/$GUI_EXE" --smoke-test --smoke-log "$LOGS/smoke.log" >/dev/null 2>&1) || rc=$?
cat "$LOGS/smoke.log" 2>/dev/null || echo "(no smoke log written)"
[ "$rc" = 0 ] || die "frozen smoke test exit code $rc (log: build/package-logs/smoke.log)"
tail -1 "$LOGS/smoke.log" | grep -q "SMOKE OK" || die "smoke log does not end with SMOKE OK"

step "frozen CLI: $CLI_EXE --version, verify"
out=$(cd "$TMP" && "${clean_env[@]}" "$APP/$CLI_EXE" --version)
echo "$out"
[ "$out" = "kami $VERSION" ] || die "'$CLI_EXE --version' printed '$out', expected 'kami $VERSION'"
DATA="$TMP/data"
kami() { (cd "$TMP" && "${clean_env[@]}" "$APP/$CLI_EXE" --data-dir "$DATA" "$@"); }
kami verify >"$LOGS/cli-verify-empty.txt" || die "'kami verify' on a new data dir"
cat "$LOGS/cli-verify-empty.txt"
kami case new --title "打包检查" --platform "星辰卡盟" --json >"$LOGS/cli-case.json" || die "kami case new"
"$PY" -c "from PIL import Image; Image.new('RGB', (64, 48), (200, 30, 30)).save('$TMP/截图.png')"
kami import --case 1 "$TMP/截图.png" >"$LOGS/cli-import.txt" || die "kami import"
kami verify --json >"$LOGS/cli-verify.json" || die "kami verify after an import"
"$PY" -c "import json, sys; d = json.load(open(sys.argv[1])); assert d['ok'] and d['checked'] == 1, d; print('kami verify --json: ok, 1 file checked')" \
  "$LOGS/cli-verify.json" || die "kami verify --json result"

# ------------------------------------------------------------------ installer
if [ "$DO_NSIS" = 1 ]; then
  step "NSIS installer script against the frozen folder (makensis $(makensis -VERSION))"
  "$PY" packaging/windows/make_icon.py "$INST/kami_desktop.ico"
  OUT="$INST/kami_desktop-$VERSION-setup-linux-payload.exe"
  nsis_args=(-V2 -INPUTCHARSET UTF8 "-DVERSION=$VERSION" "-DVERSION_NUMERIC=$VERSION_NUMERIC" "-DSOURCE_DIR=$APP"
             "-DGUI_EXE=$GUI_EXE" "-DCLI_EXE=$CLI_EXE" "-DAPP_ICON=$INST/kami_desktop.ico" "-DOUTFILE=$OUT")
  [ "$COMPRESS" = 1 ] || nsis_args+=(-DFAST)
  rm -f "$OUT"
  makensis "${nsis_args[@]}" packaging/windows/kami_desktop.nsi >"$LOGS/makensis.log" 2>&1 || { cat "$LOGS/makensis.log" >&2; die "makensis"; }
  if grep -qi "warning" "$LOGS/makensis.log"; then cat "$LOGS/makensis.log" >&2; die "makensis warnings"; fi
  [ -s "$OUT" ] || die "makensis wrote no installer"
  echo "$(basename "$OUT"): $(( $(stat -c %s "$OUT") / 1048576 )) MiB (Linux payload: a consistency check, not for Windows)"
fi

step "done: $APP ($(du -sh "$APP" | cut -f1)) in $((SECONDS - T0)) s"
