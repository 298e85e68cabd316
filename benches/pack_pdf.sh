#!/usr/bin/env bash
# A ~300-page committee pack with ten PDF papers from different producers (Ghostscript, cairo,
# typst, qpdf object streams, a hand-written form, an encrypted file…) making up 100+ pages,
# printed by `peerbrief pack`, beside `qpdf --empty --pages …` merging the same ten PDFs, in the
# same run. Median wall time of RUNS runs (after a warm-up) and peak RSS (`/usr/bin/time -v`).
#
#   benches/pack_pdf.sh [PEERBRIEF_BINARY]   (default: ${CARGO_TARGET_DIR:-target}/release/peerbrief)
#   RUNS=5 benches/pack_pdf.sh
#
# Timing-based: not run by .ci/run. Build first with `cargo build --release` (the CLI-only
# `--no-default-features` build is enough). Needs qpdf, pdfinfo and /usr/bin/time.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=${1:-${PEERBRIEF:-${CARGO_TARGET_DIR:-$repo/target}/release/peerbrief}}
runs=${RUNS:-5}
for tool in qpdf pdfinfo /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "pack_pdf.sh: $tool is needed" >&2; exit 2; }
done
[[ -x $bin ]] || { echo "pack_pdf.sh: no peerbrief binary at $bin" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/papers"
cp "$repo"/samples/*.peerreview "$work/"
fx="$repo/tests/fixtures/pdf"
sp="$repo/samples/papers"
# Ten papers, each one producer's file repeated to 10–14 pages.
sources=("$fx/typst-minutes.pdf" "$fx/gs-report.pdf" "$fx/gs-sizes.pdf" "$fx/cairo-report.pdf" "$fx/qpdf-objstm.pdf"
         "$fx/rotated.pdf" "$fx/form-js.pdf" "$fx/encrypted-open.pdf" "$sp/minutes-2026-01-20.pdf" "$sp/fostering-sufficiency-update.pdf")
papers=()
for i in "${!sources[@]}"; do
    src=${sources[$i]}
    n=$(pdfinfo "$src" | awk '/^Pages:/ {print $2}')
    copies=$(( (12 + n - 1) / n ))
    args=()
    for _ in $(seq "$copies"); do args+=("$src"); done
    qpdf --empty --pages "${args[@]}" -- "$work/papers/paper$i.pdf"
    papers+=("$work/papers/paper$i.pdf")
done
imported=0
for p in "${papers[@]}"; do imported=$((imported + $(pdfinfo "$p" | awk '/^Pages:/ {print $2}'))); done

# Reviews between the papers until the pack has ~300 pages.
reviews=${REVIEWS:-41}
python3 - "$work/bench.peerpack" "$reviews" <<'PY'
import sys
path, reviews = sys.argv[1], int(sys.argv[2])
names = ["worcestershire-2015", "ambleshire-2024", "afonwen-2025-action-plan"]
items = ['        AgendaItem(title: "Apologies", content: Standard("To receive any apologies for absence.")),']
for i in range(reviews):
    items.append(f'        AgendaItem(title: "", content: Review("{names[i % 3]}.peerreview")),')
    if i % (reviews // 10) == 0 and i // (reviews // 10) < 10:
        k = i // (reviews // 10)
        items.append(f'        AgendaItem(title: "Paper {k + 1}", content: Document("papers/paper{k}.pdf")),')
open(path, "w", encoding="utf-8").write("""CommitteePack(
    council: "Ambleshire County Council",
    committee: "Children and Families Overview and Scrutiny Panel",
    date: "2026-03-17",
    marking: OfficialSensitive,
    items: [
""" + "\n".join(items) + "\n    ],\n)\n")
PY

# Runs "$@" RUNS times after a warm-up: median and min wall ms, largest peak RSS in MB.
measure() {
    "$@" >/dev/null 2>&1
    local times=() rss=0
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>&1
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000000 )))
        local r
        r=$(awk '/Maximum resident set size/ {print $6}' "$work/time.txt")
        (( r > rss )) && rss=$r
    done
    median_ms=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    min_ms=$(printf '%s\n' "${times[@]}" | sort -n | head -1)
    rss_mb=$(awk -v k="$rss" 'BEGIN {printf "%.1f", k / 1024}')
}

measure "$bin" pack "$work/bench.peerpack" --private -o "$work/pack.pdf"
pages=$(pdfinfo "$work/pack.pdf" | awk '/^Pages:/ {print $2}')
echo "peerbrief pack: $pages pages ($imported imported from ${#papers[@]} PDFs): median ${median_ms} ms (min ${min_ms}), peak RSS ${rss_mb} MB"
measure "$bin" pack "$work/bench.peerpack" --public -o "$work/public.pdf"
echo "peerbrief pack --public: median ${median_ms} ms (min ${min_ms}), peak RSS ${rss_mb} MB"
measure qpdf --empty --pages "${papers[@]}" -- "$work/qpdf.pdf"
echo "qpdf --empty --pages (the ten PDFs only, $imported pages): median ${median_ms} ms (min ${min_ms}), peak RSS ${rss_mb} MB"
# Linear in pages: the same papers with a third of the reviews.
python3 - "$work/bench.peerpack" <<'PY'
import sys
p = sys.argv[1]
lines = open(p, encoding="utf-8").read().split("\n")
kept, n = [], 0
for l in lines:
    if "Review(" in l:
        n += 1
        if n % 3:
            continue
    kept.append(l)
open(p.replace("bench", "small"), "w", encoding="utf-8").write("\n".join(kept))
PY
measure "$bin" pack "$work/small.peerpack" --private -o "$work/small.pdf"
small_pages=$(pdfinfo "$work/small.pdf" | awk '/^Pages:/ {print $2}')
echo "peerbrief pack (fewer reviews): $small_pages pages: median ${median_ms} ms, peak RSS ${rss_mb} MB"
