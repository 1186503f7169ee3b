#!/usr/bin/env bash
# Install what hipmap needs and then run it or its tests.
#   bash tools/setup.sh run     install, then open the app
#   bash tools/setup.sh test    install (with test tools), then run the whole test suite
# System libraries that Qt needs are installed with apt-get when they are missing and we are root;
# otherwise the script names them and stops. Python packages go into .venv/ in the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
action="${1:-run}"
shift || true

# Qt's platform plugins (xcb for a desktop, offscreen for tests), fonts, and audio for the routine player.
debs=(python3 python3-venv python3-pip libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3
      libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
      libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libxrender1
      libsm6 libice6 libpulse0 fonts-dejavu-core)

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "hipmap setup: installing system packages: ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "hipmap setup: these system packages are missing; install them first (as root):" >&2
      echo "  sudo apt-get install ${missing[*]}" >&2
      exit 1
    fi
  fi
fi

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
extras=""
[ "$action" = test ] && extras="[test]"
# Reinstall only when pyproject.toml or the wanted extras changed since the last install.
stamp=".venv/.hipmap-installed"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)$extras"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".$extras"
  echo "$want" > "$stamp"
fi

case "$action" in
  run)  exec .venv/bin/python main.py "$@" ;;
  test)
    # One test process per processor, at most four (each holds its own Qt); files stay whole in one process, so
    # a module's costly fixtures are made once. HIPMAP_TEST_WORKERS=0 runs everything in this process.
    workers="${HIPMAP_TEST_WORKERS:-$(nproc 2>/dev/null || echo 2)}"
    [ "$workers" -gt 4 ] && workers=4
    exec .venv/bin/python -m pytest -n "$workers" --dist loadfile "$@" ;;
  *)    echo "usage: bash tools/setup.sh run|test" >&2; exit 2 ;;
esac
