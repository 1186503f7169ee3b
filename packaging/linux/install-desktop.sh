#!/usr/bin/env bash
# Put hipmap in the application menu of the current user (no root needed), or take it out again.
#   bash packaging/linux/install-desktop.sh                       menu entry, icons and the *.hipmap.json file type
#   bash packaging/linux/install-desktop.sh --exec PATH           start PATH instead (e.g. a PyInstaller bundle)
#   bash packaging/linux/install-desktop.sh --uninstall           remove what the line above installed
# Files go to ${XDG_DATA_HOME:-~/.local/share}: applications/hipmap.desktop, mime/packages/hipmap.xml and
# icons/hicolor/*/apps/hipmap.{png,svg}. hipmap itself is installed separately (pipx install ., or a bundle);
# by default the entry starts the `hipmap-gui` found on PATH now, written in with its full path, since a desktop
# session's PATH often lacks ~/.local/bin. Uninstalling leaves your pain maps, routines and history alone.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
sizes=(16 32 48 64 128 256)
action=install
exec_cmd=""

usage() { sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --uninstall) action=uninstall ;;
    --exec) [ $# -ge 2 ] || { echo "install-desktop.sh: --exec needs a program" >&2; exit 2; }; exec_cmd="$2"; shift ;;
    --exec=*) exec_cmd="${1#--exec=}" ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install-desktop.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

desktop="$data_home/applications/hipmap.desktop"
mime="$data_home/mime/packages/hipmap.xml"
icons="$data_home/icons/hicolor"

refresh() {  # let the menu, the file manager and the icon theme see the change; each tool is optional
  if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$data_home/mime" >/dev/null 2>&1 || true; fi
  if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database "$data_home/applications" >/dev/null 2>&1 || true; fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$icons/index.theme" ]; then
    gtk-update-icon-cache -f -t -q "$icons" >/dev/null 2>&1 || true
  fi
  touch "$icons" 2>/dev/null || true  # icon themes without a cache notice a newer folder
}

if [ "$action" = uninstall ]; then
  rm -f "$desktop" "$mime" "$icons/scalable/apps/hipmap.svg"
  for n in "${sizes[@]}"; do rm -f "$icons/${n}x${n}/apps/hipmap.png"; done
  mkdir -p "$data_home/mime/packages" "$data_home/applications" "$icons"
  refresh
  echo "hipmap: removed the menu entry, icons and file type from $data_home"
  exit 0
fi

# The program the entry starts: --exec, else hipmap-gui from PATH with its full path, else plain hipmap-gui.
if [ -z "$exec_cmd" ]; then
  if found="$(command -v hipmap-gui 2>/dev/null)" && [ -n "$found" ]; then
    exec_cmd="$found"
  else
    exec_cmd="hipmap-gui"
    echo "hipmap: note: hipmap-gui is not on PATH yet; install hipmap (pipx install .) or give --exec PATH" >&2
  fi
fi
case "$exec_cmd" in
  /*) [ -x "$exec_cmd" ] || echo "hipmap: note: $exec_cmd is not an executable file (yet)" >&2 ;;
esac
# Exec quoting (Desktop Entry spec): a path with spaces or special characters goes in double quotes, with
# \, ", ` and $ escaped; the desktop file's own escaping then doubles each backslash.
quoted="$exec_cmd"
if [[ "$exec_cmd" =~ [^A-Za-z0-9_./+:@,=-] ]]; then
  quoted="$(printf '%s' "$exec_cmd" | sed -e 's/[\\"`$]/\\&/g')"
  quoted="\"$quoted\""
  quoted="$(printf '%s' "$quoted" | sed -e 's/\\/\\\\/g')"
fi
quoted_sed="$(printf '%s' "$quoted" | sed -e 's/[\\&|]/\\&/g')"

mkdir -p "$data_home/applications" "$data_home/mime/packages" "$icons/scalable/apps"
sed -e "s|^Exec=hipmap-gui |Exec=$quoted_sed |" -e "s|^TryExec=hipmap-gui\$|TryExec=$quoted_sed|" \
  "$here/hipmap.desktop" > "$desktop.tmp"
if [[ "$quoted" == \"* ]]; then  # TryExec takes a plain path, not a quoted command line
  sed -i -e "/^TryExec=/d" "$desktop.tmp"
fi
chmod 644 "$desktop.tmp"
mv "$desktop.tmp" "$desktop"
install -m 644 "$here/hipmap-mime.xml" "$mime"
for n in "${sizes[@]}"; do
  install -D -m 644 "$here/icons/hicolor/${n}x${n}/apps/hipmap.png" "$icons/${n}x${n}/apps/hipmap.png"
done
install -m 644 "$root/assets/icons/hipmap.svg" "$icons/scalable/apps/hipmap.svg"
refresh
echo "hipmap: installed $desktop (starts: $exec_cmd)"
echo "hipmap: installed the icons in $icons and the *.hipmap.json file type in $mime"
