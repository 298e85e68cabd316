#!/usr/bin/env bash
# Installs the Debian packages PeerBrief's window, tests and PDF checks need (Debian 12, as root
# or with sudo). Safe to run again: it installs only what is missing.
#
#   window under X11/Wayland: libgl1-mesa-dri libegl1 libxkbcommon-x11-0 (loaded at run time)
#   UI smoke tests:            xvfb openbox xdotool x11-utils imagemagick
#   PDF checks:                poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm) qpdf
#   desktop integration:       desktop-file-utils shared-mime-info xdg-utils libfile-mimeinfo-perl
#   permission tests as root:  util-linux (setpriv); double-click test: libglib2.0-bin (gio)
#   remaking the test PDFs and sample papers (tests/fixtures/pdf/make.sh, samples/papers/make.sh;
#   the PDFs are committed, so tests do not need these): ghostscript (ps2pdf), python3-venv (typst
#   from PyPI); peak RSS in benches/*.sh: time
#   building:                  gcc (the linker rustc calls, and libdeflate's C, built by libdeflater)
set -euo pipefail

packages=(
  libgl1-mesa-dri libegl1 libxkbcommon-x11-0
  xvfb openbox xdotool x11-utils imagemagick
  poppler-utils qpdf
  desktop-file-utils shared-mime-info xdg-utils libfile-mimeinfo-perl
  util-linux libglib2.0-bin
  ghostscript python3-venv time
  gcc
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v cargo >/dev/null; then
  echo "setup: cargo not found; install Rust 1.95 or newer (https://rustup.rs)" >&2
  exit 1
fi
echo "setup: system packages ready"
