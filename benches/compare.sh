#!/usr/bin/env bash
# Whole-process comparison: `peerbrief briefing` (the Worcestershire sample) and `peerbrief pack`
# (a ~200-page committee pack) against typst typesetting the same content (from
# benches/review_to_typst.py). Median wall time of RUNS runs and peak RSS (`/usr/bin/time -v`,
# separate runs).
#
#   benches/compare.sh [PEERBRIEF_BINARY]      (default: ${CARGO_TARGET_DIR:-target}/release/peerbrief)
#   RUNS=7 benches/compare.sh
#
# Timing-based and slow: not run by .ci/run. Build first with `cargo build --release`.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${1:-${PEERBRIEF:-${CARGO_TARGET_DIR:-$repo/target}/release/peerbrief}}
runs=${RUNS:-7}
python=${PYTHON:-python3}

if [[ ! -x $bin ]]; then
    echo "compare.sh: no peerbrief binary at $bin (run cargo build --release, or pass its path)" >&2
    exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
    echo "compare.sh: /usr/bin/time is needed for peak RSS (apt-get install -y time)" >&2
    exit 2
fi
if ! command -v pdfinfo >/dev/null; then
    echo "compare.sh: pdfinfo is needed to count pages (apt-get install -y poppler-utils)" >&2
    exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The ~200-page pack: three standard items, the three samples repeated 15 times, one more item.
cp "$repo"/samples/*.peerreview "$work/"
"$python" - "$work/bench.peerpack" <<'EOF'
import sys
names = ["worcestershire-2015", "ambleshire-2024", "afonwen-2025-action-plan"]
std = lambda t, s: f'        AgendaItem(title: "{t}", content: Standard("{s}")),'
items = [
    std("Apologies and named substitutes", "To receive any apologies for absence and to note any named substitutes."),
    std("Declarations of interest", "Members are invited to declare any disclosable pecuniary interests or other "
        "registrable interests in items on this agenda."),
    std("Minutes of the last meeting", "To confirm the minutes of the meeting held on 20 January 2026 as a correct record."),
]
items += [f'        AgendaItem(title: "", content: Review("{names[i % 3]}.peerreview")),' for i in range(45)]
items.append(std("Work programme", "To consider the Panel’s work programme for the rest of the municipal year."))
open(sys.argv[1], "w", encoding="utf-8").write(f"""CommitteePack(
    council: "Ambleshire County Council",
    committee: "Children and Families Overview and Scrutiny Panel",
    date: "2026-03-17",
    time: "10.00 am",
    venue: "Council Chamber, County Hall, Ambleshire",
    members: ["Cllr Rhian Ellis (Chair)", "Cllr David Owusu (Vice-Chair)", "Cllr Siân Pritchard"],
    marking: Official,
    items: [
""" + "\n".join(items) + "\n    ],\n)\n")
EOF

# Runs a command RUNS times (after one warm-up run); sets `median_ms`, `min_ms`, `rss_mb` (the
# largest peak RSS of three more runs under /usr/bin/time) and `inner_ms` (median of what the
# command printed on fd 3, if any). The timed runs are not under /usr/bin/time: its own fork and
# exec added ~1.3 ms to every run (hyperfine, briefing 9.5 -> 10.8 ms), which is not the
# command's time; before issue 13's fourth pass they were.
measure() {
    local times=() rss=0 inner=() start end r line
    "$@" >/dev/null 2>&1 3>/dev/null
    for ((i = 0; i < runs; i++)); do
        start=$EPOCHREALTIME
        "$@" >/dev/null 2>"$work/err.txt" 3>"$work/inner.txt"
        end=$EPOCHREALTIME
        times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", (b - a) * 1000 }')")
        if [[ -s $work/inner.txt ]]; then
            read -r line <"$work/inner.txt"
            inner+=("$line")
        fi
    done
    for ((i = 0; i < 3; i++)); do
        /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/err.txt" 3>/dev/null
        r=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")
        ((r > rss)) && rss=$r
    done
    median_ms=$(printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    min_ms=$(printf '%s\n' "${times[@]}" | sort -g | head -1)
    rss_mb=$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')
    inner_ms=""
    if ((${#inner[@]})); then
        inner_ms=$(printf '%s\n' "${inner[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    fi
}

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }'; }

briefing_in=$repo/samples/worcestershire-2015.peerreview
echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), load:$(uptime | sed 's/.*load average://')"
echo "peerbrief: $bin ($("$bin" --version))"
echo "runs: $runs each (after one warm-up), median wall time; peak RSS is the largest of 3 more runs"
echo

measure "$bin" briefing "$briefing_in" -o "$work/pb-briefing.pdf"
pb_b_ms=$median_ms pb_b_min=$min_ms pb_b_rss=$rss_mb pb_b_pages=$(pages "$work/pb-briefing.pdf")
# --private: exempt items in full, as the typst version prints them.
measure "$bin" pack --private "$work/bench.peerpack" -o "$work/pb-pack.pdf"
pb_p_ms=$median_ms pb_p_min=$min_ms pb_p_rss=$rss_mb pb_p_pages=$(pages "$work/pb-pack.pdf")

printf '%-44s %10s %10s %10s %7s\n' "job" "median ms" "min ms" "peak RSS" "pages"
printf '%-44s %10s %10s %9sM %7s\n' "peerbrief briefing (Worcestershire sample)" "$pb_b_ms" "$pb_b_min" "$pb_b_rss" "$pb_b_pages"
printf '%-44s %10s %10s %9sM %7s\n' "peerbrief pack --private (48 items)" "$pb_p_ms" "$pb_p_min" "$pb_p_rss" "$pb_p_pages"

verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 < t + 0) ? "met" : "MISSED" }'; }
echo
echo "targets: briefing < 50 ms: $(verdict "$pb_b_ms" 50); ~200-page pack < 300 ms: $(verdict "$pb_p_ms" 300)" \
    "($pb_p_pages pages); pack peak RSS < 50 MB: $(verdict "$pb_p_rss" 50)"

if ! "$python" -c 'import typst' 2>/dev/null; then
    echo
    echo "typst: skipped (the Python module is not installed: pip install typst)"
    exit 0
fi
"$python" "$repo/benches/review_to_typst.py" briefing "$briefing_in" "$work/briefing.typ"
"$python" "$repo/benches/review_to_typst.py" pack "$work/bench.peerpack" "$work/pack.typ"
# The whole process (Python start, import, compile, write); the compile call alone goes to fd 3.
compile_typst=(
    "$python" -c '
import os, sys, time, typst
t = time.perf_counter()
typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[3]])
os.write(3, b"%.1f\n" % ((time.perf_counter() - t) * 1000))'
)
measure "$python" -c 'import typst'
py_ms=$median_ms
measure "${compile_typst[@]}" "$work/briefing.typ" "$work/ty-briefing.pdf" "$repo/assets/fonts"
ty_b_ms=$median_ms ty_b_min=$min_ms ty_b_rss=$rss_mb ty_b_inner=$inner_ms ty_b_pages=$(pages "$work/ty-briefing.pdf")
measure "${compile_typst[@]}" "$work/pack.typ" "$work/ty-pack.pdf" "$repo/assets/fonts"
ty_p_ms=$median_ms ty_p_min=$min_ms ty_p_rss=$rss_mb ty_p_inner=$inner_ms ty_p_pages=$(pages "$work/ty-pack.pdf")

echo
echo "typst $("$python" -c 'import typst; print(typst.__version__)') (Python module; python3 start + import typst alone: $py_ms ms)"
printf '%-44s %10s %10s %10s %7s %12s\n' "job" "median ms" "min ms" "peak RSS" "pages" "compile ms"
printf '%-44s %10s %10s %9sM %7s %12s\n' "typst briefing" "$ty_b_ms" "$ty_b_min" "$ty_b_rss" "$ty_b_pages" "$ty_b_inner"
printf '%-44s %10s %10s %9sM %7s %12s\n' "typst pack" "$ty_p_ms" "$ty_p_min" "$ty_p_rss" "$ty_p_pages" "$ty_p_inner"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }
echo
echo "ratios (typst / peerbrief): whole process; typst's compile call alone (no Python start-up)"
echo "  briefing: time $(ratio "$ty_b_ms" "$pb_b_ms")x; $(ratio "$ty_b_inner" "$pb_b_ms")x;" \
    "peak RSS $(ratio "$ty_b_rss" "$pb_b_rss")x"
echo "  pack:     time $(ratio "$ty_p_ms" "$pb_p_ms")x; $(ratio "$ty_p_inner" "$pb_p_ms")x;" \
    "peak RSS $(ratio "$ty_p_rss" "$pb_p_rss")x; time per page $(awk -v a="$ty_p_ms" -v b="$ty_p_pages" \
    -v c="$pb_p_ms" -v d="$pb_p_pages" 'BEGIN { printf "%.1f", (a / b) / (c / d) }')x"
echo "target: briefing <= 1/5 of typst's time: $(awk -v t="$ty_b_ms" -v p="$pb_b_ms" \
    'BEGIN { print (p * 5 <= t) ? "met" : "MISSED" }') (compile call alone: $(awk -v t="$ty_b_inner" \
    -v p="$pb_b_ms" 'BEGIN { print (p * 5 <= t) ? "met" : "MISSED" }'))"
