#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle: dist/hipmap/hipmap (run it; copy the whole dist/hipmap/ folder).
#   bash packaging/pyinstaller/build.sh            build venv in build/pyinstaller-venv, bundle in dist/hipmap/
#   bash packaging/pyinstaller/build.sh --smoke    then run the bundle's check-data, match and screenshot
# Needs python3 (3.10+) with venv and network access to PyPI for the first build. build/ and dist/ are not committed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
python="${PYTHON:-python3}"
venv="build/pyinstaller-venv"

if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
# hipmap's own dependencies (from pyproject.toml, by installing it) and PyInstaller.
"$venv/bin/python" -m pip install -q --disable-pip-version-check "$root" "pyinstaller>=6.10"
rm -rf build/hipmap dist/hipmap
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --workpath build --distpath dist packaging/pyinstaller/hipmap.spec
broken="$(find dist/hipmap -xtype l)"
if [ -n "$broken" ]; then echo "hipmap: broken links in the bundle:" >&2; echo "$broken" >&2; exit 1; fi
echo "hipmap: bundle in dist/hipmap/ ($(du -sh dist/hipmap | cut -f1)); run dist/hipmap/hipmap"

if [ "${1:-}" = --smoke ]; then
  out="$(mktemp -d)"
  export QT_QPA_PLATFORM=offscreen
  (cd "$out" && "$root/dist/hipmap/hipmap" --version)
  (cd "$out" && "$root/dist/hipmap/hipmap" check-data)
  (cd "$out" && "$root/dist/hipmap/hipmap" match --region lateral_thigh --top 1)
  (cd "$out" && "$root/dist/hipmap/hipmap" screenshot "$out/hipmap.png" --select gluteus_minimus_anterior)
  echo "hipmap: smoke test passed ($out/hipmap.png)"
fi
