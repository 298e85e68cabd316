#!/usr/bin/env bash
# End-to-end "double-click": under Xvfb + openbox, install the file association into a
# temporary XDG tree, `gio open` a review as a file manager does, wait for the PeerBrief window,
# take a screenshot, then `gio open` a second review and check that it became a second tab of
# the same window (no second process stays).
#
#   tests/e2e/double_click.sh [path/to/peerbrief]     (default: $CARGO_TARGET_DIR or target, debug)
# Artefacts (screenshots, app log) go to $E2E_ARTEFACTS (default target/e2e).
set -euo pipefail
cd "$(dirname "$0")/../.."

target_dir="${CARGO_TARGET_DIR:-target}"
bin="${1:-$target_dir/debug/peerbrief}"
bin="$(realpath "$bin")"
artefacts="$(realpath -m "${E2E_ARTEFACTS:-$target_dir/e2e}")"
mkdir -p "$artefacts"
fail() { echo "double_click: $*" >&2; exit 1; }

for tool in Xvfb openbox xdotool xprop gio import; do
  command -v "$tool" >/dev/null || { echo "double_click: $tool is missing (run scripts/setup.sh)" >&2; exit 1; }
done

tmp="$(mktemp -d)"
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_RUNTIME_DIR="$tmp/run"
export XDG_DATA_DIRS=/usr/local/share:/usr/share HOME="$tmp/home" XDG_CACHE_HOME="$tmp/cache"
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION WAYLAND_DISPLAY
mkdir -p "$XDG_RUNTIME_DIR" "$HOME" && chmod 700 "$XDG_RUNTIME_DIR"

# shellcheck source=tests/e2e/xvfb.sh
. tests/e2e/xvfb.sh
xvfb_pid=""
# Only processes running this very binary (matching the command line would also match this
# script, whose arguments name the binary).
kill_app() {
  local p
  for p in $(pgrep -x peerbrief || true); do
    [ "$(readlink "/proc/$p/exe" 2>/dev/null)" = "$bin" ] && kill "$p" 2>/dev/null || true
  done
}
cleanup() {
  kill_app
  kill "$openbox_pid" "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
start_xvfb
openbox >"$tmp/openbox.log" 2>&1 &
openbox_pid=$!

"$bin" install-desktop --user
[ "$(xdg-mime query default application/x-peerbrief-review)" = org.peerbrief.PeerBrief.desktop ] \
  || { echo "double_click: association not installed" >&2; exit 1; }

cp samples/*.peerreview samples/children-and-families-panel.peerpack "$tmp/"
log="$artefacts/app.log"
: >"$log"

# The UTF-8 title as the window manager shows it (_NET_WM_NAME; xdotool's --name looks at the
# legacy WM_NAME, which winit fills with mangled Latin-1, so it cannot match the em dash).
utf8_title() { xprop -id "$1" _NET_WM_NAME 2>/dev/null | sed -n 's/^_NET_WM_NAME(UTF8_STRING) = "\(.*\)"$/\1/p'; }

wait_for_window() { # exact-title seconds
  local deadline=$(( SECONDS + $2 )) id
  while [ $SECONDS -lt $deadline ]; do
    for id in $(xdotool search --name 'PeerBrief' 2>/dev/null); do
      case "$(utf8_title "$id")" in
        "$1" | "• $1") echo "$id"; return 0 ;;
      esac
    done
    sleep 0.2
  done
  return 1
}

# 1. Double-click the first review.
gio open "$tmp/worcestershire-2015.peerreview" 2>>"$log"
if ! win=$(wait_for_window 'worcestershire-2015.peerreview — PeerBrief' 60); then
  echo "double_click: no window titled 'worcestershire-2015.peerreview — PeerBrief' within 60 s" >&2
  cat "$log" >&2
  exit 1
fi
sleep 1
import -window root "$artefacts/double_click_1.png"
echo "double_click: window $win is up: $(utf8_title "$win")"

# 2. Double-click a second review: it must open as a tab of the same window.
gio open "$tmp/ambleshire-2024.peerreview" 2>>"$log"
if ! win2=$(wait_for_window 'ambleshire-2024.peerreview — PeerBrief' 30); then
  echo "double_click: the second file did not reach the window" >&2
  cat "$log" >&2
  exit 1
fi
sleep 1
import -window root "$artefacts/double_click_2.png"
# Live peerbrief processes (a finished second launch may linger as a zombie in containers).
count=$(ps -eo stat=,comm= | awk '$2 == "peerbrief" && $1 !~ /^Z/' | wc -l)
if [ "$count" != 1 ]; then
  echo "double_click: expected one PeerBrief process, found $count" >&2
  exit 1
fi
if ! grep -q "(tabs: 2)" "$log"; then
  echo "double_click: the app did not log a second tab" >&2
  cat "$log" >&2
  exit 1
fi
[ "$win2" = "$win" ] || { echo "double_click: the second file opened a new window ($win2, not $win)" >&2; exit 1; }

# 3. Double-click the committee pack: it opens as a pack tab (not an error page) in the same window.
[ "$(xdg-mime query filetype "$tmp/children-and-families-panel.peerpack")" = application/x-peerbrief-pack ] \
  || { echo "double_click: .peerpack is not recognised as a pack" >&2; exit 1; }
gio open "$tmp/children-and-families-panel.peerpack" 2>>"$log"
if ! win3=$(wait_for_window 'children-and-families-panel.peerpack — PeerBrief' 30); then
  echo "double_click: the pack did not reach the window" >&2
  cat "$log" >&2
  exit 1
fi
sleep 1
import -window root "$artefacts/double_click_3_pack.png"
grep -q "opened .*children-and-families-panel.peerpack (tabs: 3)" "$log" \
  || { echo "double_click: the pack did not open as a third tab" >&2; cat "$log" >&2; exit 1; }
grep -q "could not be opened" "$log" && { echo "double_click: a file failed to open" >&2; cat "$log" >&2; exit 1; }
[ "$win3" = "$win" ] || { echo "double_click: the pack opened a new window" >&2; exit 1; }
echo "double_click: passed (one process, one window, two reviews and a pack as tabs); screenshots in $artefacts"
