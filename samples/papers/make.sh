#!/bin/sh
# Makes the sample pack's PDF papers from their sources, with programs other than PeerBrief:
# typst (PyPI: `python3 -m venv v && v/bin/pip install typst`) and Ghostscript's ps2pdf.
# The PDFs are committed; rerun this only to change them. TYPST_PY: a python with typst.
set -eu
cd "$(dirname "$0")"
"${TYPST_PY:-python3}" -c "import typst; typst.compile('minutes-2026-01-20.typ', output='minutes-2026-01-20.pdf')"
ps2pdf -dPDFSETTINGS=/prepress fostering-sufficiency-update.ps fostering-sufficiency-update.pdf
ps2pdf -dPDFSETTINGS=/prepress exempt-placement-costs.ps exempt-placement-costs.pdf
ps2pdf -dPDFSETTINGS=/prepress ofsted-focused-visit-letter.ps ofsted-focused-visit-letter.pdf
