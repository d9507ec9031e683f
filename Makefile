# The two commands from a fresh clone: `make run` sets up and starts the app,
# `make test` sets up and runs the tests. Both create .venv when it is missing,
# reinstall the project when pyproject.toml changes, and install the Debian
# packages they need only when some are missing (apt-get as root, sudo otherwise).
# Each target installs only what it needs: `make run` the app's own dependencies,
# `make test`, `make lint` and `make bundle` the extras of pyproject.toml named
# after them, each remembered by a stamp file of its own in the venv.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# $(call installed,EXTRA): the stamp of the project installed with that extra ("run": none).
installed = $(VENV)/.hero-desktop-installed-$(1)
ARGS ?=
PYTEST_ARGS ?=
DEMO_DB ?= demo.db
# How many heroes `make demo` writes: `make demo COUNT=1000000` for a million.
COUNT ?= 1000
# Set to 1 when the caller has just run apt-get update (as .ci/run does).
APT_UPDATED ?=

# What PySide6's xcb platform plugin and Qt Widgets load from the system (found
# with `ldd .venv/lib/python3.*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so`
# on a bare Debian), and one font so that Qt has text to draw with.
RUNTIME_DEBS := libegl1 libgl1 libglib2.0-0 libdbus-1-3 libfontconfig1 libfreetype6 \
	fonts-dejavu-core libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0 \
	libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0 \
	libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 \
	libxcb-xfixes0 libxcb-xkb1 libxkbcommon0 libxkbcommon-x11-0 libwayland-client0 \
	libwayland-cursor0
# `make bundle`: PyInstaller strips the bundle's libraries and reads their
# dependencies with binutils (strip, readelf).
BUNDLE_DEBS := binutils
# The smoke test starts the installed app on a real X server, types into it and
# takes a screenshot (ImageMagick's import).
# The packaging tests validate the desktop entry and the AppStream metainfo.
# The team-mode tests start their own throwaway PostgreSQL server (initdb, pg_ctl).
# The screen-reader test reads the running app through AT-SPI, as Orca does: its own
# session bus (dbus), the accessibility bus on it (at-spi2-core), and a reader run by
# Debian's python3 (python3-pyatspi).
TEST_DEBS := xvfb xauth xdotool imagemagick desktop-file-utils appstream postgresql \
	dbus at-spi2-core python3-pyatspi $(BUNDLE_DEBS)

# One apt-get at a time: the dependency checks below must not race each other.
.NOTPARALLEL:
.PHONY: run test lint bench bench-10m demo install-desktop bundle system-deps runtime-deps bundle-deps clean \
	translations update-translations

run: runtime-deps $(call installed,run) translations
	$(BIN)/hero-desktop $(ARGS)

test: system-deps $(call installed,test) translations
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(call installed,lint)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy hero_desktop tests
	$(BIN)/lint-imports --no-cache

# The benchmarks need nothing beyond what the app runs on.
bench: $(call installed,run) translations
	$(BIN)/python -m benchmarks

# 1,000,000 and 10,000,000 heroes side by side (builds and caches a 2.3 GB file once,
# about 7 minutes here, under benchmarks/.cache).
bench-10m: $(call installed,run) translations
	$(BIN)/python -m benchmarks --only ten-million

demo: $(call installed,run)
	$(BIN)/hero-desktop-demo $(DEMO_DB) --count $(COUNT)

install-desktop: $(call installed,run)
	$(BIN)/hero-desktop --install-desktop-entry

# A one-folder bundle that runs without Python: dist/hero-desktop/hero-desktop,
# packed as dist/hero-desktop-VERSION-linux-ARCH.tar.gz. PyInstaller keeps its
# cache of stripped libraries under build/, so a rebuild takes seconds.
bundle: bundle-deps $(call installed,bundle) translations
	rm -rf dist/hero-desktop
	PYINSTALLER_CONFIG_DIR=$(CURDIR)/build/pyinstaller-cache $(BIN)/pyinstaller \
		--noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/hero-desktop.spec
	version=$$($(BIN)/python -c 'import hero_desktop; print(hero_desktop.__version__)') && \
	tarball=dist/hero-desktop-$$version-linux-$$(uname -m).tar.gz && \
	tar -C dist --sort=name --owner=0 --group=0 --numeric-owner -cf - hero-desktop \
		| gzip -9n > $$tarball.part && mv $$tarball.part $$tarball && \
	$(BIN)/python -c "$$BUNDLE_SIZES" $$tarball dist/hero-desktop

# What `make bundle` prints last, the figures README.md quotes: the tarball's size, and
# the unpacked folder's as tests/system/test_bundle.py measures it (every file's size).
define BUNDLE_SIZES
import sys
from pathlib import Path
tarball, folder = Path(sys.argv[1]), Path(sys.argv[2])
packed = tarball.stat().st_size
unpacked = sum(path.lstat().st_size for path in folder.rglob("*"))
for what, size in (("packed", packed), ("unpacked", unpacked)):
    print(f"{what}: {size / 10**6:.1f} MB ({size / 2**20:.1f} MiB)")
print(f"({tarball}, {folder}/)")
endef
export BUNDLE_SIZES

# The app's words in German and French, and English plural forms (LANGUAGES lists
# every catalogue). The .ts sources are kept in the repository; the .qm files the
# app loads are built from them by pyside6-lrelease, which ships with PySide6.
TRANSLATIONS := resources/translations
LANGUAGES := en de fr
QM_FILES := $(foreach language,$(LANGUAGES),$(TRANSLATIONS)/hero_desktop_$(language).qm)

translations: $(QM_FILES)

$(TRANSLATIONS)/%.qm: $(TRANSLATIONS)/%.ts | $(call installed,run)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# After changing the app's words: adds new sources to every .ts (unfinished, to be
# translated) and drops those the code no longer has. English keeps only plurals.
update-translations: $(call installed,run)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none -extensions py hero_desktop \
		-ts $(foreach language,$(filter-out en,$(LANGUAGES)),$(TRANSLATIONS)/hero_desktop_$(language).ts)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none -extensions py -pluralonly hero_desktop \
		-ts $(TRANSLATIONS)/hero_desktop_en.ts

system-deps:
	@$(call ensure_debs,$(RUNTIME_DEBS) $(TEST_DEBS))

runtime-deps:
	@$(call ensure_debs,$(RUNTIME_DEBS))

# The bundle takes Qt's system libraries from the build machine: they must be there.
bundle-deps:
	@$(call ensure_debs,$(RUNTIME_DEBS) $(BUNDLE_DEBS))

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

$(BIN)/python: | runtime-deps
	$(PYTHON) -m venv $(VENV)

$(call installed,run): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -e .
	touch $@

$(call installed,%): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -e '.[$*]'
	touch $@

# $(call ensure_debs,PACKAGES): install those of PACKAGES that are not installed,
# plus python3-venv when $(PYTHON) cannot make a venv (Debian splits it out).
# Outside Debian (no dpkg-query) it only says what is expected.
ensure_debs = \
	if ! command -v dpkg-query >/dev/null 2>&1; then \
		echo "Not a Debian system: make sure the equivalents of these are installed: $(1)"; \
		exit 0; \
	fi; \
	missing=""; \
	for pkg in $(1); do \
		dpkg-query -W -f='$${Status}\n' "$$pkg" 2>/dev/null | grep -q ' installed$$' \
			|| missing="$$missing $$pkg"; \
	done; \
	$(PYTHON) -c 'import ensurepip, venv' >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	[ -z "$$missing" ] && exit 0; \
	echo "Installing Debian packages:$$missing"; \
	sudo=""; \
	if [ "$$(id -u)" -ne 0 ]; then \
		command -v sudo >/dev/null 2>&1 \
			|| { echo "Need root or sudo to install:$$missing" >&2; exit 1; }; \
		sudo="sudo"; \
	fi; \
	if [ -z "$(APT_UPDATED)" ]; then $$sudo apt-get update -q; fi; \
	$$sudo env DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -q --no-install-recommends $$missing
