# kami_desktop — the README's two commands: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# pytest-xdist workers: the whole suite passes in parallel; CI machines have two cores
WORKERS ?= 2
PYTEST := QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -q -p no:cacheprovider

# Debian packages: Qt offscreen/xcb runtime libs, a CJK font for the UI, poppler-utils (PDF checks), qpdf,
# fonts-noto-cjk (the source of the serif font the PDFs and DOCX files embed, cut by `make fonts`) and
# nsis (makensis: the installer script tests compile it, with the system guard stubbed).
APT_PACKAGES := libglib2.0-0 libgl1 libegl1 libx11-6 libx11-xcb1 libdbus-1-3 libfontconfig1 libfreetype6 \
	libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 fonts-wqy-microhei poppler-utils qpdf \
	fonts-noto-cjk nsis

.PHONY: run test lint format stress hooks bench package apt-deps venv i18n fonts clean

run: venv i18n fonts
	$(VENV)/bin/kami-desktop

test: apt-deps venv i18n fonts lint
	$(PYTEST) -n $(WORKERS)

# the static checks of `make test` (and of the pre-commit hooks): lint, format, types
lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

# rewrite the code the way `make lint` wants it (imports sorted, formatted)
format: venv
	$(VENV)/bin/ruff check --fix-only -q .
	$(VENV)/bin/ruff format .

# the crash/kill trials (marker `slow`) many times over (their time ceiling grows with TRIALS, see
# tests/conftest.py); `make test` runs them 16 times each
TRIALS ?= 100
stress: apt-deps venv i18n fonts
	KAMI_CRASH_TRIALS=$(TRIALS) $(PYTEST) -n $(WORKERS) -m slow

# git pre-commit hooks running the checks of `make lint` on each commit
hooks: venv
	$(PY) -m pip install -q -e '.[dev]'
	$(VENV)/bin/pre-commit install

bench: venv i18n
	@for b in bench/[!_]*.py; do echo "== $$b"; QT_QPA_PLATFORM=offscreen $(PY) $$b || exit 1; done

package: apt-deps venv i18n fonts
	bash packaging/build.sh

apt-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if ! $(PYTHON) -c "import ensurepip, venv" >/dev/null 2>&1; then missing="$$missing python3-venv"; fi; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "Missing Debian packages (install them as root):$$missing"; fi; \
	fi

venv: $(STAMP)

# the OCR engine goes in --no-deps (it declares the GUI OpenCV): see packaging/requirements-ocr.txt
$(STAMP): pyproject.toml packaging/requirements-ocr.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	$(PY) -m pip install -q --no-deps -r packaging/requirements-ocr.txt
	touch $(STAMP)

i18n: venv
	@$(PY) -m kami_desktop.gui.i18n_build 2>/dev/null || true

# Noto Serif CJK SC (from fonts-noto-cjk) cut to CJK + Ext-A + punctuation, TrueType, into
# kami_desktop/resources/fonts (git ignores it); the two weights in parallel, about 1 min the first
# time on two cores, nothing once built
fonts: venv
	@$(PY) packaging/subset_cjk_font.py --weight Regular & regular=$$!; \
	$(PY) packaging/subset_cjk_font.py --weight Bold; bold=$$?; \
	wait $$regular && exit $$bold

clean:
	rm -rf $(VENV) build dist *.egg-info
