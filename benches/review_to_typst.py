#!/usr/bin/env python3
"""Writes typst source for the same content PeerBrief prints, for benches/compare.sh.

    review_to_typst.py briefing REVIEW.peerreview OUT.typ
    review_to_typst.py pack MANIFEST.peerpack OUT.typ

It reads the RON text of `.peerreview` / `.peerpack` files (a small parser below: no
dependencies) and mirrors the layout of src/briefing/report.rs and pack.rs: A4, 20 mm side
margins, Liberation Sans 11 pt, a 42 mm side-heading column, numbered paragraphs with hanging
text, bullet and lettered lists, the findings-by-theme table, appendices on fresh pages, running
marking/meeting header and page-number footer, and for packs a cover, an agenda with page
numbers and one report per item. The text is the same; only the typesetter differs.
Exempt items are printed in full (PeerBrief's --private), so both sides typeset the same words.
"""

import re
import sys
from pathlib import Path


# ---------------------------------------------------------------- RON (the subset PeerBrief writes)
class Ron:
    TOKEN = re.compile(r'\s*(?:(//[^\n]*)|("(?:[^"\\]|\\.)*")|([A-Za-z_][A-Za-z0-9_]*)|(-?[0-9][0-9.eE+-]*)|([(){}\[\],:]))', re.S)

    def __init__(self, text):
        self.tokens = []
        pos = 0
        while pos < len(text):
            m = self.TOKEN.match(text, pos)
            if not m:
                if text[pos:].strip() == "":
                    break
                raise ValueError(f"RON: cannot read at {text[pos:pos + 30]!r}")
            pos = m.end()
            if m.group(1):
                continue
            if m.group(2):
                self.tokens.append(("str", unescape(m.group(2)[1:-1])))
            elif m.group(3):
                self.tokens.append(("id", m.group(3)))
            elif m.group(4):
                self.tokens.append(("num", m.group(4)))
            else:
                self.tokens.append(("p", m.group(5)))
        self.i = 0

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else ("eof", None)

    def next(self):
        t = self.peek()
        self.i += 1
        return t

    def expect(self, p):
        t = self.next()
        if t != ("p", p):
            raise ValueError(f"RON: expected {p!r}, got {t!r}")

    def value(self):
        kind, v = self.next()
        if kind in ("str",):
            return v
        if kind == "num":
            return float(v) if any(c in v for c in ".eE") else int(v)
        if kind == "p" and v == "[":
            items = []
            while self.peek() != ("p", "]"):
                items.append(self.value())
                if self.peek() == ("p", ","):
                    self.next()
            self.next()
            return items
        if kind == "p" and v == "(":  # an unnamed struct or tuple
            return self.struct_body(None)
        if kind == "id":
            if v in ("true", "false"):
                return v == "true"
            if v == "None":
                return None
            if self.peek() == ("p", "("):
                self.next()
                if v == "Some":
                    inner = self.value()
                    self.expect(")")
                    return inner
                return self.struct_body(v)
            return v  # a unit enum variant
        raise ValueError(f"RON: unexpected {v!r}")

    def struct_body(self, name):
        # Named fields `a: x, b: y` or positional `x, y` (enum variants such as Standard("…")).
        fields, positional = {}, []
        while self.peek() != ("p", ")"):
            t = self.peek()
            if t[0] == "id" and self.tokens[self.i + 1] == ("p", ":"):
                self.i += 2
                fields[t[1]] = self.value()
            else:
                positional.append(self.value())
            if self.peek() == ("p", ","):
                self.next()
        self.next()
        if positional and not fields:
            return {"_variant": name, "_args": positional}
        fields["_variant"] = name
        return fields


def unescape(s):
    return re.sub(r'\\(u\{[0-9a-fA-F]+\}|.)', lambda m: {"n": "\n", "t": "\t", "r": "\r"}.get(
        m.group(1), chr(int(m.group(1)[2:-1], 16)) if m.group(1).startswith("u{") else m.group(1)), s)


def load(path):
    return Ron(Path(path).read_text(encoding="utf-8")).value()


# ---------------------------------------------------------------- typst output
def esc(text):
    """Plain text as typst markup: every markup character escaped."""
    return re.sub(r'([\\#*_`$<>@\[\]~/"\'=+\-])', r'\\\1', str(text)).replace("\n", " ")


def paragraphs(text):
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text or "") if p.strip()]


def g(d, key, default=""):
    v = d.get(key, default) if isinstance(d, dict) else default
    return default if v is None else v


PREAMBLE = r"""
#let marking = state("marking", "OFFICIAL")
#let meeting = state("meeting", "")
#set document(title: "{title}", author: "{author}")
#set page(paper: "a4", margin: (left: 20mm, right: 20mm, top: 24mm, bottom: 24mm),
  header: context align(center, text(size: 9pt, weight: "bold", marking.get())),
  footer: context [#set text(size: 8pt, fill: rgb("#505a5f")); #grid(columns: (1fr, auto), meeting.get(),
    [Page #counter(page).display() of #counter(page).final().first()])
    #align(center, text(size: 9pt, weight: "bold", fill: black, marking.get()))])
#set text(font: "Liberation Sans", size: 11pt, top-edge: "ascender", bottom-edge: "descender", lang: "en", region: "gb", fill: rgb("#0b0c0c"))
#set par(leading: 0.2em, spacing: 3mm, justify: false)
#let para-no = counter("para")
#let side-col = 42mm
#let num-indent = 8mm
// A paragraph with an optional side heading and an optional number, as PeerBrief prints it.
#let row(side: none, number: none, body) = block(breakable: true, spacing: 3mm, grid(
  columns: (side-col, num-indent, 1fr),
  if side == none [] else [#text(weight: "bold", side)],
  if number == none [] else [#number],
  body))
#let num(side: none, body) = { para-no.step(); context row(side: side, number: [#para-no.get().first().], body) }
#let plain(side: none, body) = row(side: side, number: none, body)
#let item(side: none, marker, body) = block(spacing: 1.5mm, grid(columns: (side-col, num-indent, 6mm, 1fr),
  if side == none [] else [#text(weight: "bold", side)], [], marker, body))
"""


class Out:
    def __init__(self):
        self.parts = []
        self.side = None

    def w(self, s):
        self.parts.append(s)

    def take_side(self):
        s, self.side = self.side, None
        return "" if s is None else f"side: [{esc(s)}], "

    def numbered(self, text):
        if text.strip():
            self.w(f"#num({self.take_side()}[{esc(text)}])\n")

    def plain(self, text, style=""):
        if not text.strip():
            return
        body = f"#text({style})[{esc(text)}]" if style else esc(text)
        self.w(f"#plain({self.take_side()}[{body}])\n")

    def bullets(self, items, marker=lambda i: "•"):
        for i, t in enumerate(items):
            if t.strip():
                self.w(f"#item({self.take_side()}[{esc(marker(i))}], [{esc(t)}])\n")

    def section(self, heading, text):
        ps = paragraphs(text)
        if ps:
            self.side = heading
            for p in ps:
                self.numbered(p)


def short_council(council):
    t = council.strip()
    for suffix in [" County Borough Council", " Metropolitan Borough Council", " County Council", " City Council",
                   " Borough Council", " District Council", " Council"]:
        if t.endswith(suffix):
            return t[: -len(suffix)]
    return t or "Council"


def team_line(m):
    parts = [p for p in [g(m, "name") or "", g(m, "position"), g(m, "organisation")] if p.strip()]
    return f"{g(m, 'role')}: " + ", ".join(parts) if parts else g(m, "role")


def theme_label(review, tid):
    for t in g(review, "themes", []):
        if t["id"] == tid:
            return t["label"] or tid
    return tid


def report(o, review, agenda_item=None):
    o.w('#para-no.update(0)\n')
    o.w(f'#marking.update("{esc(g(review, "marking", "Official")).upper()}")\n')
    meeting = g(review, "meeting", {})
    o.w(f'#block(breakable: false)[#text(size: 14pt, weight: "bold")[{esc(review["council"])}] \\\n'
        f'#text(size: 12pt)[{esc(g(meeting, "panel"))}]')
    agenda = agenda_item or g(meeting, "agenda_item")
    if str(agenda).strip():
        o.w(f' \\\n#text(size: 12pt)[Agenda item {esc(agenda)}]')
    o.w("]\n#v(6mm)\n")
    o.w(f'#block(breakable: false)[#text(size: 13pt, weight: "bold")[{esc(review["title"].upper())}]')
    if g(review, "report_of").strip():
        rep = re.sub(r"^(the |The )", "", review["report_of"])
        o.w(f' \\\n#emph[Report of the {esc(rep)}]')
    o.w(']\n#v(3mm)\n#line(length: 100%, stroke: 0.5pt + rgb("#b1b4b6"))\n#v(5mm)\n')
    o.section("Summary", g(review, "summary"))
    o.section("Background", g(review, "background"))
    about = f"What is a {review['subject'].strip().lower()}?" if g(review, "subject").strip() else "What is a peer review?"
    if len(about) > 60:
        about = "What is a peer review?"
    o.section(about, g(review, "about_peer_review"))
    themes = g(review, "themes", [])
    if themes:
        if not paragraphs(g(review, "about_peer_review")):
            o.side = "Themes"
        o.numbered(g(review, "themes_intro") or "The review looked at these themes:")
        o.bullets([t["label"] for t in themes])
    if g(review, "focus_questions", []) or g(review, "focus_intro").strip():
        o.side = f"{short_council(review['council'])} themes"
        for p in paragraphs(g(review, "focus_intro")):
            o.numbered(p)
        o.bullets(g(review, "focus_questions", []))
    team = g(review, "team", [])
    if team or g(review, "team_intro").strip() or g(review, "method").strip():
        o.side = "Who conducted the review?"
        for p in paragraphs(g(review, "team_intro")):
            o.numbered(p)
        o.bullets([team_line(m) for m in team])
        for p in paragraphs(g(review, "method")):
            o.numbered(p)
    findings(o, review)
    o.section("Conclusion", g(review, "conclusion"))
    recs = g(review, "recommendations", [])
    if g(review, "purpose").strip() or recs:
        o.side = "Purpose of the Meeting"
        for p in paragraphs(g(review, "purpose")):
            o.numbered(p)
        o.bullets(recs, lambda i: f"({chr(ord('a') + i % 26)})")
    appendices = g(review, "appendices", [])
    if appendices:
        o.side = "Supporting Information"
        lst = []
        for i, a in enumerate(appendices):
            if a.get("exempt") is not None:
                p = exempt_number(a["exempt"])
                lst.append(f"Appendix {i + 1} – {a['title']} (exempt: not for publication by virtue of paragraph {p} "
                           "of Part 1 of Schedule 12A to the Local Government Act 1972)")
            else:
                lst.append(f"Appendix {i + 1} – {a['title']}")
        o.numbered("The following appendices are attached to this report:")
        o.bullets(lst)
    contacts(o, review)
    papers = g(review, "background_papers", [])
    if g(review, "background_papers_statement").strip() or papers:
        o.side = "Background Papers"
        for p in paragraphs(g(review, "background_papers_statement")):
            o.plain(p)
        o.bullets([f"{p['text']} ({p['url']})" if p.get("url") else p["text"] for p in papers])
    for i, a in enumerate(appendices):
        if g(a, "body").strip():
            o.w(f'#pagebreak(weak: true)\n#text(size: 13pt, weight: "bold")[{esc(f"Appendix {i + 1}: " + a["title"])}]\n')
            if a.get("exempt") is not None:
                o.w(f'#strong[NOT FOR PUBLICATION by virtue of paragraph {exempt_number(a["exempt"])} of Part 1 of '
                    'Schedule 12A to the Local Government Act 1972.]\n\n')
            for p in paragraphs(a["body"]):
                o.w(f"{esc(p)}\n\n")


def exempt_number(e):
    if isinstance(e, int):
        return e
    m = re.search(r"(\d+)", str(e if not isinstance(e, dict) else e.get("_variant")))
    return m.group(1) if m else e


def findings(o, review):
    fs = g(review, "findings", [])
    if not (fs or g(review, "findings_summary").strip() or g(review, "findings_intro").strip()):
        return
    o.side = "Findings"
    for p in paragraphs(g(review, "findings_intro")):
        o.numbered(p)
    for p in paragraphs(g(review, "findings_summary")):
        o.plain(p, "style: \"italic\"")
    for p in paragraphs(g(review, "findings_note")):
        o.numbered(p)
    for kind, heading in [("Strength", "Key strengths"), ("AreaForConsideration", "Key areas for consideration")]:
        key = [f["text"] for f in fs if f["kind"] == kind and f.get("key")]
        if key:
            o.plain(heading, 'weight: "bold"')
            o.bullets(key)
    if not fs:
        return
    o.numbered("The table below sets out all of the review’s findings by theme.")
    ids = [t["id"] for t in g(review, "themes", [])]
    for f in fs:
        for t in f.get("themes", []):
            if t not in ids:
                ids.append(t)
    o.w('#v(3mm)\n#table(columns: (1fr, 1fr), stroke: 0.5pt + rgb("#b1b4b6"), inset: 4pt, fill: (_, y) => if y == 0 { rgb("#f3f2f1") },\n'
        '  table.header(strong[Strengths], strong[Areas for consideration]),\n')

    def cell(kind, tid):
        items = [f["text"] for f in fs if f["kind"] == kind and
                 ((f.get("themes") or [None])[0] == tid if tid else not f.get("themes"))]
        return items

    for label, tid in [(theme_label(review, i), i) for i in ids] + [("No theme given", None)]:
        s, a = cell("Strength", tid), cell("AreaForConsideration", tid)
        if not s and not a:
            continue
        o.w(f'  table.cell(colspan: 2, fill: rgb("#dee0e2"), strong[{esc(label)}]),\n')
        for items in (s, a):
            o.w("  [" + "".join(f"- {esc(t)}\n" for t in items) + "],\n")
    o.w(")\n#v(2mm)\n")


def contacts(o, review):
    cp = g(review, "contacts", {})
    general, officers = g(cp, "general", []), g(cp, "officers", [])
    if not general and not officers:
        return
    o.side = "Contact Points"
    if g(cp, "general_heading").strip():
        o.plain(cp["general_heading"], 'weight: "bold"')
    for line in general:
        o.plain(f"{line['label']}: {line['value']}")
    if officers:
        o.plain("Specific Contact Points for this report", 'weight: "bold"')
        for off in officers:
            t = f"{off['name']}, {off['job_title']}"
            if g(off, "phone").strip():
                t += f". Tel: {off['phone']}"
            if g(off, "email").strip():
                t += f". Email: {off['email']}"
            o.plain(t)


def meeting_line(review):
    m = g(review, "meeting", {})
    return ", ".join(x for x in [g(m, "panel"), str(g(m, "date") or "")] if x)


def briefing(path, out):
    review = load(path)
    o = Out()
    o.w(PREAMBLE.replace("{title}", esc(review["title"])).replace("{author}", esc(review["council"])))
    o.w(f'#meeting.update("{esc(meeting_line(review))}")\n')
    report(o, review)
    Path(out).write_text("".join(o.parts), encoding="utf-8")


def pack(path, out):
    manifest = load(path)
    base = Path(path).parent
    o = Out()
    meeting = f"{manifest['committee']}, {manifest['date']}"
    o.w(PREAMBLE.replace("{title}", esc(meeting + ": agenda and reports")).replace("{author}", esc(manifest["council"])))
    o.w(f'#meeting.update("{esc(meeting)}")\n#marking.update("{esc(g(manifest, "marking", "Official")).upper()}")\n')
    # Cover.
    o.w(f'#v(40mm)\n#text(size: 16pt, weight: "bold")[{esc(manifest["council"])}]\n\n'
        f'#text(size: 22pt, weight: "bold")[{esc(manifest["committee"])}]\n#v(8mm)\n')
    for label, key in [("Date", "date"), ("Time", "time"), ("Venue", "venue")]:
        o.w(f"*{label}:* {esc(manifest[key])}\n\n")
    o.w("#v(6mm)\n*Membership*\n\n" + "".join(f"{esc(m)} \\\n" for m in manifest["members"]) + "\n")
    items = manifest["items"]
    reviews = []
    for it in items:
        c = it["content"]
        reviews.append(load(base / c["_args"][0]) if c["_variant"] == "Review" else None)

    def title(i):
        t = items[i].get("title", "")
        return t if t.strip() else (reviews[i]["title"] if reviews[i] else "Untitled item")

    # Agenda with page numbers of each item (typst resolves them: the same job PeerBrief does).
    o.w('#pagebreak()\n#text(size: 18pt, weight: "bold")[Agenda]\n#v(4mm)\n#set text(size: 12pt)\n')
    for i, it in enumerate(items):
        t = title(i)
        if it.get("exempt") is not None:
            t += f" (exempt: paragraph {exempt_number(it['exempt'])} of Schedule 12A)"
        o.w(f'#grid(columns: (10mm, 1fr, 18mm), [{i + 1}.], link(<item{i}>)[{esc(t)}], '
            f'align(right, context counter(page).at(<item{i}>).first()))\n#v(3mm)\n')
    o.w("#set text(size: 11pt)\n")
    for i, it in enumerate(items):
        o.w(f"#pagebreak()\n#metadata(none) <item{i}>\n")
        if reviews[i] is not None:
            report(o, reviews[i], str(i + 1))
        else:
            o.w('#para-no.update(0)\n')
            o.w(f'#text(size: 14pt, weight: "bold")[{esc(f"{i + 1}. {title(i)}")}]\n#v(2mm)\n')
            if it.get("exempt") is not None:
                o.w(f'#strong[NOT FOR PUBLICATION by virtue of paragraph {exempt_number(it["exempt"])} of Part 1 '
                    'of Schedule 12A to the Local Government Act 1972.]\n\n')
            for p in paragraphs(it["content"]["_args"][0]):
                o.plain(p)
    Path(out).write_text("".join(o.parts), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("briefing", "pack"):
        sys.exit(__doc__)
    (briefing if sys.argv[1] == "briefing" else pack)(sys.argv[2], sys.argv[3])
