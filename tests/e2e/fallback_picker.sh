#!/usr/bin/env bash
# End-to-end: a desktop with no file chooser service (no xdg-desktop-portal, no session bus) and
# no zenity, as on a minimal or locked-down council build. Under Xvfb + openbox with a fresh
# HOME, start PeerBrief, press Ctrl+N and Ctrl+S, type a file name into PeerBrief's own
# in-window picker, press Enter, and check the .peerreview file exists and loads
# (`peerbrief check`). Then again with a `zenity` that fails at once (a route rfd tries, which
# answers nothing within milliseconds): the quick empty answer must also bring up the picker.
#
#   tests/e2e/fallback_picker.sh [path/to/peerbrief]   (default: $CARGO_TARGET_DIR or target, debug)
# Artefacts (screenshots, app logs) go to $E2E_ARTEFACTS (default target/e2e).
set -euo pipefail
cd "$(dirname "$0")/../.."

target_dir="${CARGO_TARGET_DIR:-target}"
bin="${1:-$target_dir/debug/peerbrief}"
bin="$(realpath "$bin")"
artefacts="$(realpath -m "${E2E_ARTEFACTS:-$target_dir/e2e}")"
mkdir -p "$artefacts"
say() { echo "fallback_picker: $*"; }
fail() { echo "fallback_picker: $*" >&2; exit 1; }

for tool in Xvfb openbox xdotool xprop import; do
  command -v "$tool" >/dev/null || fail "$tool is missing (run scripts/setup.sh)"
done

tmp="$(mktemp -d)"
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_RUNTIME_DIR="$tmp/run"
export XDG_DATA_DIRS=/usr/local/share:/usr/share HOME="$tmp/home" XDG_CACHE_HOME="$tmp/cache"
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION WAYLAND_DISPLAY PEERBRIEF_FILE_DIALOG
# No session bus: no portal can be reached.
unset DBUS_SESSION_BUS_ADDRESS DBUS_SYSTEM_BUS_ADDRESS
mkdir -p "$XDG_RUNTIME_DIR" "$HOME" && chmod 700 "$XDG_RUNTIME_DIR"

# The app's PATH: the usual folders, minus any holding zenity or dbus-launch (which could start
# a session bus on X11).
app_path=""
for dir in /usr/local/sbin /usr/local/bin /usr/sbin /usr/bin /sbin /bin; do
  if [ -e "$dir/zenity" ] || [ -e "$dir/dbus-launch" ]; then
    say "leaving $dir out of the app's PATH (it holds zenity or dbus-launch)"
    continue
  fi
  app_path="${app_path:+$app_path:}$dir"
done
# Prove it: no zenity, no bus launcher, no bus socket.
if PATH="$app_path" command -v zenity >/dev/null 2>&1; then fail "zenity is still on the app's PATH"; fi
if PATH="$app_path" command -v dbus-launch >/dev/null 2>&1; then fail "dbus-launch is still on the app's PATH"; fi
[ ! -e "$XDG_RUNTIME_DIR/bus" ] || fail "a session bus socket exists"
say "no zenity, no dbus-launch, no session bus (PATH=$app_path)"
# Something for the picker to list (and the text file it must leave out).
mkdir -p "$HOME/Documents" "$HOME/Council reviews"
cp samples/worcestershire-2015.peerreview "$HOME/"
echo "not a review" >"$HOME/notes.txt"

# shellcheck source=tests/e2e/xvfb.sh
. tests/e2e/xvfb.sh
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  kill "$openbox_pid" "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
start_xvfb
openbox >"$tmp/openbox.log" 2>&1 &
openbox_pid=$!

# The UTF-8 title (_NET_WM_NAME; see double_click.sh).
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
wait_for_file() { # path seconds
  local deadline=$(( SECONDS + $2 ))
  while [ $SECONDS -lt $deadline ]; do [ -s "$1" ] && return 0; sleep 0.2; done
  return 1
}

# run NAME PATH FILE-STEM: start the app, Ctrl+N, Ctrl+S, type FILE-STEM, Enter; check the file.
run() {
  local name="$1" path="$2" stem="$3" log="$artefacts/fallback_picker_$1.log" win file
  : >"$log"
  PATH="$path" "$bin" --new-window >"$log" 2>&1 &
  app_pid=$!
  win=$(wait_for_window 'PeerBrief' 60) || { cat "$log" >&2; fail "$name: no PeerBrief window within 60 s"; }
  xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
  sleep 1
  xdotool key --window "$win" ctrl+n
  sleep 0.5
  xdotool key --window "$win" ctrl+s
  sleep 1.5
  import -window root "$artefacts/fallback_picker_$name.png"
  # Like a system dialog, the picker keeps the keyboard: Ctrl+Q must not close the window.
  xdotool key --window "$win" ctrl+q
  sleep 0.5
  kill -0 "$app_pid" 2>/dev/null || fail "$name: Ctrl+Q closed the window behind the picker"
  # The suggested name's stem is selected in the file name box: typing replaces it.
  xdotool type --delay 40 "$stem"
  sleep 0.3
  xdotool key Return
  file="$HOME/$stem.peerreview"
  wait_for_file "$file" 15 || { cat "$log" >&2; ls -la "$HOME" >&2; fail "$name: $file was not saved"; }
  "$bin" check "$file" >"$tmp/check.txt" 2>&1 || { cat "$tmp/check.txt" >&2; fail "$name: peerbrief check failed"; }
  wait_for_window "$stem.peerreview — PeerBrief" 10 >/dev/null || fail "$name: the title does not name the saved file"
  sleep 0.5
  import -window root "$artefacts/fallback_picker_${name}_saved.png"
  # Quit (nothing unsaved, so no question) and wait for the process to end.
  xdotool key --window "$win" ctrl+q
  for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$app_pid" 2>/dev/null; then fail "$name: the window did not close on Ctrl+Q"; fi
  app_pid=""
  say "$name: saved and checked $file"
}

# 1. Nothing could show a dialog: PeerBrief knows before asking.
run no_dialog "$app_path" "budget-scrutiny"
grep -q "no xdg-desktop-portal session bus and no zenity" "$artefacts/fallback_picker_no_dialog.log" \
  || { cat "$artefacts/fallback_picker_no_dialog.log" >&2; fail "no_dialog: the reason was not logged"; }

# 2. A zenity that fails at once: rfd answers nothing in milliseconds, so the picker takes over.
mkdir -p "$tmp/fakebin"
printf '#!/bin/sh\nexit 1\n' >"$tmp/fakebin/zenity"
chmod 755 "$tmp/fakebin/zenity"
run quick_none "$tmp/fakebin:$app_path" "children-services"
grep -q "answered nothing after" "$artefacts/fallback_picker_quick_none.log" \
  || { cat "$artefacts/fallback_picker_quick_none.log" >&2; fail "quick_none: the quick empty answer was not noticed"; }

say "passed; screenshots in $artefacts"
