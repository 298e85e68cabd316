#!/usr/bin/env bash
# Runs each fuzz target for a while, seeded with the samples and the bad-input corpus, and prints
# libFuzzer's execution counts. Needs cargo-fuzz (`cargo install cargo-fuzz`); on a stable
# toolchain RUSTC_BOOTSTRAP=1 lets it use the sanitizer flags.
#
#   fuzz/run.sh [seconds per target, default 300]     (TARGETS="import_pdf" to run only some)
# Crashes are saved in fuzz/artifacts/<target>/; add each as a regression test before fixing it.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-300}"
export RUSTC_BOOTSTRAP=1

mkdir -p corpus/load_review corpus/load_pack corpus/lay_out_briefing corpus/import_pdf
cp ../tests/fixtures/pdf/*.pdf ../samples/papers/*.pdf corpus/import_pdf/
cp ../samples/*.peerreview ../tests/corpus/*.peerreview corpus/load_review/
cp ../samples/*.peerpack ../tests/corpus/*.peerpack corpus/load_pack/
for f in ../samples/*.peerreview; do
  # Plain text of a review, fields separated by the record separator the target splits on.
  grep -o '"[^"]*"' "$f" | tr -d '"' | tr '\n' '\036' > "corpus/lay_out_briefing/$(basename "$f").txt"
done

cargo fuzz build -O
for target in ${TARGETS:-load_review load_pack lay_out_briefing import_pdf}; do
  echo "== $target for ${seconds}s"
  cargo fuzz run -O "$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=262144 2>&1 \
    | tee "/tmp/fuzz-$target.log" | grep -E "^#[0-9]+.*(DONE|pulse)|Done|ERROR|panicked" || true
  grep -E "^Done [0-9]+ runs" "/tmp/fuzz-$target.log" || tail -n 5 "/tmp/fuzz-$target.log"
done
