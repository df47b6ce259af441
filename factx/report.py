"""A self-contained HTML report: each document with its facts highlighted, and one sortable table of all facts.

No network and no external assets: the CSS and the JavaScript are inline. Facts
may nest (a sum inside a quote), so the text is cut at every fact boundary and
each piece is a <mark> carrying the ids of all facts over it; hovering shows
their normalized values, clicking pins them in a side panel.
"""
from __future__ import annotations

import html
import json
from typing import Iterable

from .facts import FACT_TYPES, Fact
from .views import money_cell

COLOURS = {"money": "#c8f7c5", "date": "#c5e8f7", "attendance": "#f2d7f7", "quote": "#fff3b0"}

CSS = """
body{font:15px/1.55 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:16px 24px;background:#263238;color:#fff}header h1{margin:0 0 4px;font-size:20px}
main{display:grid;grid-template-columns:minmax(0,1fr) 320px;gap:24px;padding:16px 24px}
section.doc{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 18px;margin-bottom:18px}
section.doc h2{font-size:16px;margin:0 0 8px}section.doc h2 small{color:#666;font-weight:normal}
.text{white-space:pre-wrap;word-wrap:break-word}
mark{background:none;border-radius:2px;cursor:pointer;padding:0 1px}
mark.money{background:#c8f7c5}mark.date{background:#c5e8f7}mark.attendance{background:#f2d7f7}
mark.quote{background:#fff3b0}mark.quote.money,mark.quote.date,mark.quote.attendance{box-shadow:inset 0 -3px #e0b000}
mark.pinned{outline:2px solid #d32f2f}
.legend span{display:inline-block;padding:1px 8px;margin-right:6px;border-radius:3px;color:#222}
aside{position:sticky;top:12px;align-self:start;background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px}
aside dl{display:grid;grid-template-columns:auto 1fr;gap:2px 8px;font-size:12px;margin:0 0 10px;
 border-bottom:1px solid #eee;padding-bottom:8px}aside dt{color:#666}aside dd{margin:0;word-break:break-word}
.filters{margin:6px 0 8px;display:flex;gap:8px;align-items:center}.filters input{flex:1;padding:3px 6px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}
th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eceff1;cursor:pointer;user-select:none;position:sticky;top:0}th.asc::after{content:" ▲"}th.desc::after{content:" ▼"}
"""

SCRIPT = """
(function(){
  const facts = JSON.parse(document.getElementById('facts-data').textContent);
  const panel = document.getElementById('detail');
  const FIELDS = ['type', 'text', 'amount', 'amount_max', 'currency', 'qualifier', 'value', 'resolved',
                  'count', 'count_max', 'attendees', 'status', 'speaker', 'role', 'quote', 'kind', 'cue',
                  'start', 'end', 'doc'];
  function describe(ids){
    // One list of field names and values a fact (null fields left out).
    const box = document.createElement('div');
    ids.forEach(i => {
      const dl = document.createElement('dl');
      FIELDS.forEach(name => {
        const v = facts[i][name];
        if (v === undefined || v === null) return;
        const dt = document.createElement('dt'); dt.textContent = name;
        const dd = document.createElement('dd'); dd.textContent = String(v);
        dl.append(dt, dd);
      });
      box.appendChild(dl);
    });
    return box;
  }
  document.querySelectorAll('mark[data-facts]').forEach(m => {
    const ids = m.dataset.facts.split(' ').map(Number);
    m.title = ids.map(i => facts[i].type + ': ' + facts[i].summary).join('\\n');
    m.addEventListener('click', () => {
      document.querySelectorAll('mark.pinned').forEach(x => x.classList.remove('pinned'));
      document.querySelectorAll('mark[data-facts]').forEach(x => {
        if (x.dataset.facts.split(' ').some(i => ids.includes(Number(i)))) x.classList.add('pinned');
      });
      const target = panel.querySelector('.details');
      target.replaceChildren(describe(ids));
    });
  });
  document.querySelectorAll('table.sortable th').forEach((th, col) => {
    th.addEventListener('click', () => {
      const body = th.closest('table').tBodies[0];
      const asc = !th.classList.contains('asc');
      th.parentNode.querySelectorAll('th').forEach(x => x.classList.remove('asc', 'desc'));
      th.classList.add(asc ? 'asc' : 'desc');
      // Numbers sort as numbers, before dates (ISO values sort as written) and then text.
      const key = r => r.cells[col].dataset.sort ?? r.cells[col].textContent;
      const isNum = v => v !== '' && !isNaN(Number(v));
      const rows = Array.from(body.rows);
      rows.sort((a, b) => {
        const x = key(a), y = key(b);
        let c;
        if (isNum(x) && isNum(y)) c = Number(x) - Number(y);
        else if (isNum(x) !== isNum(y)) c = isNum(x) ? -1 : 1;
        else c = x.localeCompare(y, undefined, {numeric: true});
        return asc ? c : -c;
      });
      rows.forEach(r => body.appendChild(r));
    });
  });
  const typeFilter = document.getElementById('type-filter');
  const search = document.getElementById('search');
  function filter(){
    const kind = typeFilter.value, words = search.value.trim().toLowerCase();
    let shown = 0;
    document.querySelectorAll('#facts tbody tr').forEach(r => {
      const ok = (!kind || r.dataset.type === kind) && (!words || r.textContent.toLowerCase().includes(words));
      r.hidden = !ok;
      if (ok) shown++;
    });
    document.getElementById('shown').textContent = shown;
  }
  typeFilter.addEventListener('change', filter);
  search.addEventListener('input', filter);
  const marked = new Set();
  document.querySelectorAll('mark[data-facts]').forEach(m => m.dataset.facts.split(' ').forEach(i => marked.add(i)));
  document.body.dataset.highlighted = marked.size;
  document.body.dataset.facts = facts.length;
})();
"""


def fact_summary(f: Fact) -> str:
    if f.type == "money":
        q = f" ({f.qualifier})" if f.qualifier else ""
        return money_cell(f) + q
    if f.type == "date":
        return f.value + (" (resolved)" if f.resolved else "")
    if f.type == "attendance":
        q = f"{f.qualifier} " if f.qualifier else ""
        return f"{q}{f.count:,} {f.attendees} ({f.status})"
    role = f", {f.role}" if f.role else ""
    return f"{f.speaker}{role} [{f.kind}]"


def highlighted_html(text: str, facts: list[tuple[int, Fact]]) -> str:
    """The text with a <mark> over each piece covered by facts (ids of all facts over it)."""
    cuts = sorted({0, len(text), *(f.start for _, f in facts), *(f.end for _, f in facts)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        over = [(i, f) for i, f in facts if f.start <= a and b <= f.end]
        piece = html.escape(text[a:b])
        if not over:
            out.append(piece)
            continue
        classes = " ".join(sorted({f.type for _, f in over}, key=FACT_TYPES.index))
        ids = " ".join(str(i) for i, _ in over)
        out.append(f'<mark class="{classes}" data-facts="{ids}">{piece}</mark>')
    return "".join(out)


def _cell(value, sort=None) -> str:
    attr = f' data-sort="{html.escape(str(sort))}"' if sort is not None else ""
    return f"<td{attr}>{html.escape('' if value is None else str(value))}</td>"


def render(results: Iterable, texts: dict[str, str], title: str = "factx report") -> str:
    """The whole page. `texts` maps each document id to its original text."""
    results = list(results)
    all_facts: list[dict] = []
    sections, rows = [], []
    for n, result in enumerate(results):
        numbered = []
        for f in result.facts:
            data = f.to_dict()
            data["summary"] = fact_summary(f)
            numbered.append((len(all_facts), f))
            all_facts.append(data)
        date = f" <small>{result.doc_date.isoformat()}</small>" if result.doc_date else ""
        counts = ", ".join(f"{sum(f.type == t for _, f in numbered)} {t}" for t in FACT_TYPES)
        sections.append(
            f'<section class="doc" id="doc-{n}"><h2>{html.escape(result.doc_id)}{date}</h2>'
            f'<p class="counts">{counts}</p>'
            f'<div class="text">{highlighted_html(texts[result.doc_id], numbered)}</div></section>')
        for i, f in numbered:
            rows.append(f'<tr data-type="{f.type}">' + _cell(result.doc_id) + _cell(f.type) + _cell(f.text)
                        + _cell(fact_summary(f), _sort_key(f)) + _cell(f.start, f.start) + "</tr>")
    options = "".join(f'<option value="{t}">{t}</option>' for t in FACT_TYPES)
    legend = "".join(f'<span style="background:{COLOURS[t]}">{t}</span>' for t in FACT_TYPES)
    data = json.dumps(all_facts, ensure_ascii=False).replace("</", "<\\/")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title><style>{CSS}</style></head>
<body>
<header><h1>{html.escape(title)}</h1><div>{len(results)} document(s), {len(all_facts)} facts.
<span class="legend">{legend}</span></div></header>
<main><div>
{''.join(sections)}
<section class="doc"><h2>All facts</h2>
<div class="filters"><select id="type-filter" aria-label="Fact type"><option value="">all types</option>{options}</select>
<input id="search" type="search" placeholder="Search the facts" aria-label="Search the facts">
<span><span id="shown">{len(all_facts)}</span> shown</span></div>
<table class="sortable" id="facts"><thead><tr><th>Document</th><th>Type</th><th>Evidence</th><th>Value</th>
<th>Offset</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>
</div>
<aside id="detail"><strong>Fact details</strong><p>Hover a highlight for its value; click to pin it here.</p><div class="details"></div></aside>
</main>
<script type="application/json" id="facts-data">{data}</script>
<script>{SCRIPT}</script>
</body></html>
"""


def _sort_key(f: Fact):
    if f.type == "money":
        return f.amount
    if f.type == "attendance":
        return f.count
    if f.type == "date":
        return f.value
    return f.speaker
