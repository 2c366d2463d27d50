#!/usr/bin/env bash
# Prepares a machine to run Galley: Debian packages, then .venv from uv.lock.
# Idempotent and quick when nothing changed, so `make run` and `make test` call it every time.
set -euo pipefail
cd "$(dirname "$0")/.."

UV_VERSION="0.13.9"
DEB_PACKAGES=(
  # hunspell-fr-comprehensive is the French "toutes variantes" dictionary: it accepts both the traditional and the
  # 1990 reformed spellings (entraînement / entrainement), so neither is reported or "corrected" into the other
  libenchant-2-2 hunspell-fr hunspell-fr-comprehensive hunspell-de-de hunspell-en-us dict-freedict-deu-fra
  # the hunspell command is the baseline the speed benchmark measures `galley check` against (`make bench`)
  hunspell
  libegl1 libgl1 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  libdbus-1-3 libfontconfig1 fonts-dejavu-core
)

say() { printf 'galley setup: %s\n' "$*" >&2; }

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${DEB_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
fi

PYTHON="${PYTHON:-python3}"
if ! command -v "$PYTHON" >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then missing+=(python3); else
    say "Python 3.11 or newer is required and '$PYTHON' was not found."; exit 1; fi
elif ! "$PYTHON" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  if "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && command -v apt-get >/dev/null 2>&1; then
    missing+=(python3-venv)
  elif ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    say "Python 3.11 or newer is required; '$PYTHON' is $("$PYTHON" -V 2>&1)."; exit 1
  fi
fi

if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        say "these Debian packages are missing: ${missing[*]}"
        say "install them as root: apt-get install ${missing[*]}"; exit 1; fi
    fi
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif ! command -v dpkg-query >/dev/null 2>&1; then
    say "this is not a Debian/Ubuntu machine (no apt-get). Galley needs, from your system's packages:"
    say "  the Enchant 2 library with hunspell dictionaries for French, German and English (fr_FR, de_DE, en_US),"
    say "  and Qt's X11/EGL runtime libraries (libEGL, libxkbcommon-x11, xcb-cursor/icccm/keysyms/image/render-util/randr/shape/xinerama/xkb, dbus, fontconfig)."
    say "Install them, then run this command again."
    if ! ldconfig -p 2>/dev/null | grep -q 'libenchant-2'; then exit 1; fi
  fi
fi

# The virtual environment, synchronised from the lock file only when the lock changed.
if [ ! -x .venv/bin/python ]; then
  say "creating .venv"
  "$PYTHON" -m venv .venv
fi
if [ ! -x .venv/bin/uv ] || [ "$(.venv/bin/uv --version 2>/dev/null | cut -d' ' -f2)" != "$UV_VERSION" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check "uv==$UV_VERSION"
fi
stamp=.venv/.galley-lock-sha
want="$(sha256sum uv.lock pyproject.toml | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  say "installing Python packages from uv.lock"
  UV_PROJECT_ENVIRONMENT=.venv .venv/bin/uv sync --frozen --inexact --quiet --python .venv/bin/python
  echo "$want" > "$stamp"
fi

# Qt translations (.ts -> .qm) are built here so the repository holds only sources.
if [ -x .venv/bin/python ] && [ -f scripts/build_translations.py ]; then
  .venv/bin/python scripts/build_translations.py
fi
