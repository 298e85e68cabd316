#!/usr/bin/env bash
# Start-up: time from process start to the first painted frame, under Xvfb (software GL),
# median of RUNS runs, with no file and with the Worcestershire sample (a double-click).
#
#   benches/startup.sh [PEERBRIEF_BINARY]      (default: ${CARGO_TARGET_DIR:-target}/release/peerbrief)
#   RUNS=5 benches/startup.sh
#
# Two numbers per run: what the app prints with PEERBRIEF_TRACE_STARTUP=1 (from the first line
# of `main` to the start of the first frame), and the wall time from launching the process
# to that line reaching this script (adds exec, dynamic loading, and up to 5 ms of polling).
# Each run is a fresh `--new-window` process with private runtime, data and config folders,
# killed after its first frame. Timing-based: not run by .ci/run.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${1:-${PEERBRIEF:-${CARGO_TARGET_DIR:-$repo/target}/release/peerbrief}}
runs=${RUNS:-5}

if [[ ! -x $bin ]]; then
    echo "startup.sh: no peerbrief binary at $bin (run cargo build --release, or pass its path)" >&2
    exit 2
fi
for tool in Xvfb openbox; do
    if ! command -v "$tool" >/dev/null; then
        echo "startup.sh: $tool is needed (apt-get install -y xvfb openbox)" >&2
        exit 2
    fi
done

work=$(mktemp -d)
xvfb_pid="" wm_pid="" app_pid=""
cleanup() {
    [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null || true
    [[ -n $wm_pid ]] && kill "$wm_pid" 2>/dev/null || true
    [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# A free display number.
display=99
while [[ -e /tmp/.X$display-lock || -e /tmp/.X11-unix/X$display ]]; do
    display=$((display + 1))
done
Xvfb ":$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do
    [[ -e /tmp/.X11-unix/X$display ]] && break
    sleep 0.05
done
if [[ ! -e /tmp/.X11-unix/X$display ]]; then
    echo "startup.sh: Xvfb did not start on :$display" >&2
    exit 1
fi
export DISPLAY=":$display"
openbox >"$work/openbox.log" 2>&1 &
wm_pid=$!
sleep 0.5

mkdir -m 0700 "$work/runtime"
export XDG_RUNTIME_DIR=$work/runtime XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
export PEERBRIEF_TRACE_STARTUP=1

# One run: sets `internal_ms` and `external_ms`.
one_run() {
    local log=$work/run.log start line="" end
    : >"$log"
    start=$EPOCHREALTIME
    "$bin" --new-window "$@" 2>"$log" >/dev/null &
    app_pid=$!
    for _ in $(seq 2000); do
        line=$(grep -m1 'first frame after' "$log" || true)
        [[ -n $line ]] && break
        if ! kill -0 "$app_pid" 2>/dev/null; then
            echo "startup.sh: peerbrief exited before its first frame:" >&2
            cat "$log" >&2
            exit 1
        fi
        sleep 0.005
    done
    end=$EPOCHREALTIME
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
    if [[ -z $line ]]; then
        echo "startup.sh: no first frame within 10 s" >&2
        cat "$log" >&2
        exit 1
    fi
    internal_ms=$(sed -E 's/.*first frame after ([0-9]+) ms.*/\1/' <<<"$line")
    external_ms=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.0f", (b - a) * 1000 }')
}

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), load:$(uptime | sed 's/.*load average://')"
echo "peerbrief: $bin ($("$bin" --version)); Xvfb :$display 1280x800, openbox; $runs runs each after one warm-up"
for case in "no file" "sample"; do
    args=()
    [[ $case == sample ]] && args=("$repo/samples/worcestershire-2015.peerreview")
    one_run "${args[@]}"
    internal=() external=()
    for ((i = 0; i < runs; i++)); do
        one_run "${args[@]}"
        internal+=("$internal_ms")
        external+=("$external_ms")
    done
    med=$(median "${internal[@]}")
    printf '%-8s first frame: median %s ms from main (runs: %s); launch to line seen: median %s ms (runs: %s); target < 500 ms: %s\n' \
        "$case" "$med" "${internal[*]}" "$(median "${external[@]}")" "${external[*]}" \
        "$( ((med < 500)) && echo met || echo MISSED)"
done
