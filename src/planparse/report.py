"""``planparse report``: a plan, or a whole district's plans, as one HTML file to look at.

The file is self-contained and opens offline: styles and the table-sorting script are
inline, charts are inline SVG, and a Content-Security-Policy of ``default-src 'none'``
(with the hashes of the one style and one script) keeps the browser from fetching anything.
It reads on a phone (one fluid column) and prints (outline and hints hidden, goals kept
whole on a page).
"""
from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from .check import ADVICE, WORDS, Policy, Verdict, check_plan
from .errors import InputError
from .followup import FollowUp, Outcome
from .i18n import PER_YEAR, Lang, number, reading, status_word, word
from .model import Goal, Plan, Section, Target

PLAN_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
TOP_UNITS = 15

CSS = """
:root{--ink:#1d2b36;--muted:#5b6b78;--line:#d5dde3;--accent:#1f6f9f;--warn:#a4451a;--ok:#2f7d32}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0 auto;
max-width:60rem;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.3rem}h3,h4,h5,h6{font-size:1.05rem}
h2,h3,h4,h5,h6{margin:1.4rem 0 .4rem}
.meta{display:flex;flex-wrap:wrap;gap:.2rem 1.5rem;margin:0;color:var(--muted)}
.meta dt{font-weight:600}.meta dd{margin:0 0 0 .3rem}.meta div{display:flex}
.stats{display:flex;flex-wrap:wrap;gap:1rem;margin:.5rem 0}
.stat{border:1px solid var(--line);border-radius:.4rem;padding:.4rem .8rem;min-width:7rem}
.stat b{display:block;font-size:1.4rem}
svg{max-width:100%;height:auto}svg text{font:12px system-ui,sans-serif;fill:var(--ink)}
.bar{fill:var(--accent)}.track{fill:#e8eef2}
nav ol{padding-left:1.2rem;margin:.2rem 0}
ul.goals{padding-left:1.2rem}li.g{margin:.6rem 0;break-inside:avoid}li.g p{margin:0}
figure{margin:.6rem 0}figcaption{font-weight:600}
.prose{color:var(--muted)}
mark{background:#fff2a8;padding:0 .1rem;border-radius:.2rem}
.r{display:inline-block;font-size:.85em;color:var(--accent);border:1px solid var(--line);border-radius:.3rem;
padding:0 .3rem;margin:0 .2rem;white-space:nowrap}
.gm{font-size:.85em;color:var(--muted);margin:0}
.flag{border-left:4px solid var(--warn);background:#fbeee8;padding:.2rem .6rem;margin:.2rem 0;font-size:.92em}
.fu{font-size:.8em;border-radius:.3rem;padding:0 .3rem;margin-left:.2rem;color:#fff;background:var(--muted)}
.fu.met{background:var(--ok)}.fu.not_met{background:var(--warn)}
.wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right}
th button{font:inherit;font-weight:600;border:0;background:none;padding:0;cursor:pointer;color:inherit}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
tr.failed td{color:var(--warn)}td .f{display:block;font-size:.8em;color:var(--muted)}
article.plan{border-top:3px solid var(--line);margin-top:2rem}
footer{color:var(--muted);font-size:.8em;margin-top:2rem}
@media (max-width:40rem){body{padding:.6rem;font-size:15px}.r{white-space:normal}}
@media print{nav,.hint{display:none}body{max-width:none;padding:0}a{color:inherit;text-decoration:none}
mark{background:none;border-bottom:2px solid #999}article.plan{break-before:page;border:0}.fu{color:#000;background:none;
border:1px solid #000}}
"""

#: sorts the district table by a column's data-v values (numbers when the header says so)
SCRIPT = """
document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("th").forEach(function (th, col) {
    var button = th.querySelector("button");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var up = th.getAttribute("aria-sort") !== "ascending";
      var numeric = th.classList.contains("n");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute("data-v") || "", y = b.cells[col].getAttribute("data-v") || "";
        var d = numeric ? (parseFloat(x || "-1") - parseFloat(y || "-1")) : x.localeCompare(y, "sv");
        return up ? d : -d;
      });
      rows.forEach(function (row) { body.appendChild(row); });
      table.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", up ? "ascending" : "descending");
    });
  });
});
"""


@dataclass(slots=True)
class Failure:
    """A file a batch (or this report) could not read, with the reason."""

    file: str
    error: str


@dataclass(slots=True)
class Corpus:
    plans: list[Plan] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


# ------------------------------------------------------------------ inputs

def gather(paths: list[Path]) -> Corpus:
    """Plans from plan files, planparse JSON and folders (a batch's output folder with its
    errors.jsonl, or a folder of plans). A file named on the command line must be a plan;
    in a folder, other files are passed over."""
    corpus = Corpus()
    for path in paths:
        if path.is_dir():
            _gather_folder(path, corpus)
        elif path.is_file():
            _gather_file(path, corpus, strict=True)
        else:
            raise InputError(f"{path}: no such file or folder")
    if not corpus.plans and not corpus.failures:
        raise InputError("no plans found in " + " ".join(str(p) for p in paths))
    return corpus


def _gather_folder(folder: Path, corpus: Corpus) -> None:
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.name == "errors.jsonl":
            corpus.failures += _failures(path)
        elif path.suffix.lower() in (".json", *PLAN_SUFFIXES):
            _gather_file(path, corpus, strict=False)


def _gather_file(path: Path, corpus: Corpus, *, strict: bool) -> None:
    if path.name == "errors.jsonl":
        corpus.failures += _failures(path)
        return
    if path.suffix.lower() == ".json":
        plan = _plan_json(path)
        if plan is None and strict:
            raise InputError(f"{path}: not planparse JSON")
        if plan is not None:
            corpus.plans.append(plan)
        return
    if path.suffix.lower() not in PLAN_SUFFIXES:
        if strict:
            raise InputError(f"{path}: not a plan (.txt, .md, .docx, .pdf) or planparse JSON")
        return
    from .api import parse

    try:
        corpus.plans.append(parse(path))
    except InputError as e:
        if strict:
            raise InputError(f"{path}: {e}") from None
        corpus.failures.append(Failure(str(path), str(e)))


def _plan_json(path: Path) -> Plan | None:
    try:
        return Plan.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _failures(path: Path) -> list[Failure]:
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            entry = json.loads(line)
            out.append(Failure(str(entry["file"]), str(entry["error"])))
        except (ValueError, KeyError, TypeError):
            continue
    return out


# ------------------------------------------------------------------ documents

def plan_report(plan: Plan, lang: Lang = "sv", followup: FollowUp | None = None) -> str:
    """One plan as a whole HTML document."""
    body = _plan_article(plan, lang, followup, anchor="p", level=1)
    return _document(plan.title or plan.source.file, body, lang)


def district_report(corpus: Corpus, lang: Lang = "sv", followup: FollowUp | None = None) -> str:
    """Every plan as a sortable row, the district's charts, then a page per plan."""
    verdicts = [check_plan(p, Policy(), lang) for p in corpus.plans]
    anchors = [f"p{i}" for i in range(1, len(corpus.plans) + 1)]
    parts = [f"<h1>{word(lang, 'district')}</h1>", _district_stats(corpus, verdicts, lang),
             _district_charts(corpus.plans, verdicts, lang), _district_table(corpus, verdicts, anchors, lang)]
    parts += [_plan_article(p, lang, followup, anchor=a, level=2, verdict=v)
              for p, v, a in zip(corpus.plans, verdicts, anchors)]
    return _document(word(lang, "district"), "\n".join(parts), lang)


def _document(title: str, body: str, lang: Lang) -> str:
    policy = (f"default-src 'none'; style-src '{_hash(CSS)}'; script-src '{_hash(SCRIPT)}'; "
              "img-src data:; base-uri 'none'; form-action 'none'")
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n'
            f'<footer>{word(lang, "made_by")}</footer>\n<script>{SCRIPT}</script>\n</body>\n</html>\n')


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


# ------------------------------------------------------------------ one plan

def _plan_article(plan: Plan, lang: Lang, followup: FollowUp | None, *, anchor: str, level: int,
                  verdict: Verdict | None = None) -> str:
    verdict = verdict or check_plan(plan, Policy(), lang)
    outcomes = followup.for_plan(plan.source.sha256) if followup else {}
    reasons = {id(f.goal): f.reason for f in verdict.findings}
    sections = "".join(_section(s, lang, anchor, level + 1, reasons, outcomes) for s in plan.sections)
    parts = [f'<article class="plan" id="{anchor}">',
             f"<h{level}>{escape(plan.title or plan.source.file)}</h{level}>", _meta(plan, lang),
             _plan_summary(plan, verdict, lang, level + 1)]
    if outcomes:
        parts.append(_followup_table(list(outcomes.values()), followup, lang, level + 1))
    parts += [_outline(plan, lang, anchor, level + 1), sections, "</article>"]
    return "\n".join(parts)


def _meta(plan: Plan, lang: Lang) -> str:
    years = "–".join(str(y) for y in (plan.years[0], plan.years[-1])) if len(plan.years) > 1 else \
        str(plan.year or "–")
    items = [("organization", plan.organization or "–"), ("year", years),
             ("status", status_word(plan.status, lang)), ("date", plan.date or "–"),
             ("source", f"{plan.source.file} ({plan.source.format})")]
    return '<dl class="meta">' + "".join(f"<div><dt>{word(lang, k)}</dt><dd>{escape(v)}</dd></div>"
                                         for k, v in items) + "</dl>"


def _plan_summary(plan: Plan, verdict: Verdict, lang: Lang, level: int) -> str:
    kinds = Counter(t.quantity for _, g in plan.goals() for t in g.targets)
    stats = [(word(lang, "goals"), str(verdict.goals)), (word(lang, "measurable"), str(verdict.measurable)),
             (word(lang, "measurable_share"), f"{verdict.share:.0%}"), (word(lang, "targets"), str(verdict.targets))]
    chart = _bar_chart([(word(lang, k), n, str(n)) for k, n in kinds.most_common()], word(lang, "targets_by_kind"))
    return (f"<section><h{level}>{word(lang, 'summary')}</h{level}>" + _stat_boxes(stats)
            + _meter(verdict.share, word(lang, "measurable_share")) + chart + "</section>")


def _stat_boxes(stats: list[tuple[str, str]]) -> str:
    return '<div class="stats">' + "".join(f'<div class="stat"><b>{escape(v)}</b>{escape(k)}</div>'
                                           for k, v in stats) + "</div>"


def _outline(plan: Plan, lang: Lang, anchor: str, level: int) -> str:
    def items(sections: list[Section]) -> str:
        titled = [s for s in sections if s.title]
        if not titled:
            return ""
        return "<ol>" + "".join(f'<li><a href="#{anchor}-{escape(s.id)}">{escape(s.title or "")}</a>'
                                f"{items(s.sections)}</li>" for s in titled) + "</ol>"

    return f'<nav><h{level}>{word(lang, "outline")}</h{level}>{items(plan.sections)}</nav>'


def _section(s: Section, lang: Lang, anchor: str, level: int, reasons: dict[int, str],
             outcomes: dict[tuple[str, int], Outcome]) -> str:
    h = min(level + s.level - 1, 6)
    title = f"<h{h}>{escape(s.title)}</h{h}>" if s.title else ""
    prose = f'<p class="prose">{escape(s.text)}</p>' if s.text and not s.goals else ""
    goals = ('<ul class="goals">' + "".join(_goal(g, lang, reasons.get(id(g)), outcomes) for g in s.goals)
             + "</ul>") if s.goals else ""
    subs = "".join(_section(c, lang, anchor, level, reasons, outcomes) for c in s.sections)
    return f'<section id="{anchor}-{escape(s.id)}">{title}{prose}{goals}{subs}</section>'


def _goal(g: Goal, lang: Lang, reason: str | None, outcomes: dict[tuple[str, int], Outcome]) -> str:
    where = f"{word(lang, 'line')} {g.location.line}" if g.location.line else \
        (f"{word(lang, 'page')} {g.location.page}" if g.location.page else "")
    facts = [word(lang, g.kind), where] + \
        ([f"{word(lang, 'responsible')}: {', '.join(g.responsible)}"] if g.responsible else [])
    html = f'<li class="g"><p>{marked_text(g, lang, outcomes)}</p>'
    html += '<p class="gm">' + escape(" · ".join(f for f in facts if f)) + "</p>"
    if reason is not None:
        what, how = ADVICE[lang][reason]
        html += (f'<p class="flag"><strong>{word(lang, "no_target")}:</strong> {escape(WORDS[lang]["goal"])} '
                 f"{escape(what)}. <em>{word(lang, 'suggestion')}:</em> {escape(how)}</p>")
    return html + "</li>"


def marked_text(g: Goal, lang: Lang, outcomes: dict[tuple[str, int], Outcome] | None = None) -> str:
    """The goal's own words with each target marked at its span and its reading beside it;
    a target whose span does not fit the text (or overlaps one before it) is read out after."""
    out, pos, trailing = [], 0, []
    for i, t in sorted(enumerate(g.targets), key=lambda it: it[1].span[0]):
        start, end = t.span
        badge = _reading_badge(t, lang, (outcomes or {}).get((g.id, i)))
        if start < pos or g.text[start:end] != t.text:
            trailing.append(badge)
            continue
        out += [escape(g.text[pos:start]), f"<mark>{escape(t.text)}</mark>", badge]
        pos = end
    out.append(escape(g.text[pos:]))
    return "".join(out + trailing)


def _reading_badge(t: Target, lang: Lang, outcome: Outcome | None) -> str:
    badge = f'<span class="r">{escape(reading(t, lang))}</span>'
    if outcome is not None:
        got = f" ({number(outcome.outcome, lang)})" if outcome.outcome is not None else ""
        badge += f'<span class="fu {outcome.result}">{word(lang, outcome.result)}{escape(got)}</span>'
    return badge


def _followup_table(outcomes: list[Outcome], followup: FollowUp, lang: Lang, level: int) -> str:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[o.section].append(o)
    rows = [(section or word(lang, "untitled"), followup.totals(group)) for section, group in groups.items()]
    rows.append((word(lang, "all"), followup.totals(outcomes)))
    results = ("met", "not_met", "not_reported", "dropped")
    head = f"<th>{word(lang, 'section')}</th>" + "".join(f'<th class="n">{word(lang, r)}</th>' for r in results)
    body = "".join("<tr><td>" + escape(name) + "</td>" + "".join(f'<td class="n">{c[r]}</td>' for r in results)
                   + "</tr>" for name, c in rows)
    return (f"<section><h{level}>{word(lang, 'followup')}</h{level}><div class=\"wrap\"><table>"
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div></section>")


# ------------------------------------------------------------------ charts

def _bar_chart(items: list[tuple[str, float, str]], title: str, scale: float | None = None) -> str:
    """Horizontal bars, one per (label, value, shown value); an empty list draws nothing."""
    if not items:
        return ""
    top = scale or max(v for _, v, _ in items) or 1
    row, label_w, bar_w = 20, 150, 230
    bars = []
    for i, (label, value, shown) in enumerate(items):
        y = i * row
        width = max(value / top * bar_w, 0)
        bars.append(f'<text x="0" y="{y + 14}">{escape(_clip(label, 24))}</text>'
                    f'<rect class="track" x="{label_w}" y="{y + 3}" width="{bar_w}" height="14"/>'
                    f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{width:.1f}" height="14"/>'
                    f'<text x="{label_w + bar_w + 6}" y="{y + 14}">{escape(shown)}</text>')
    height = len(items) * row + 4
    return (f'<figure><figcaption>{escape(title)}</figcaption><svg viewBox="0 0 460 {height}" width="460" '
            f'height="{height}" role="img" aria-label="{escape(title)}">{"".join(bars)}</svg></figure>')


def _meter(share: float, title: str) -> str:
    return _bar_chart([(title, share, f"{share:.0%}")], title, scale=1.0).replace(
        f"<figcaption>{escape(title)}</figcaption>", "")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ------------------------------------------------------------------ the district

def _district_stats(corpus: Corpus, verdicts: list[Verdict], lang: Lang) -> str:
    goals = sum(v.goals for v in verdicts)
    measurable = sum(v.measurable for v in verdicts)
    stats = [(word(lang, "plans"), str(len(corpus.plans))), (word(lang, "failed"), str(len(corpus.failures))),
             (word(lang, "goals"), str(goals)),
             (word(lang, "measurable_share"), f"{measurable / goals:.0%}" if goals else "–"),
             (word(lang, "targets"), str(sum(v.targets for v in verdicts)))]
    return _stat_boxes(stats)


def _district_charts(plans: list[Plan], verdicts: list[Verdict], lang: Lang) -> str:
    per_org: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for plan, v in zip(plans, verdicts):
        counts = per_org[plan.organization or plan.source.file]
        counts[0] += v.measurable
        counts[1] += v.goals
    shares = sorted(((org, m / g if g else 0.0) for org, (m, g) in per_org.items()), key=lambda x: (-x[1], x[0]))
    share_chart = _bar_chart([(org, s, f"{s:.0%}") for org, s in shares], word(lang, "share_per_org"), scale=1.0)
    totals = unit_totals(plans)
    unit_chart = _bar_chart([(unit, total, f"{number(round(total, 1), lang)} ({n})")
                             for unit, (total, n) in totals[:TOP_UNITS]], word(lang, "top_units"))
    return share_chart + unit_chart


def unit_totals(plans: list[Plan]) -> list[tuple[str, tuple[float, int]]]:
    """Counted units by how much the plans promise in all: (unit, (total, number of targets)),
    most targets first. A count per period adds up over a year; a range counts its lower bound."""
    totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
    for plan in plans:
        for _, goal in plan.goals():
            for t in goal.targets:
                if t.quantity == "count" and t.unit and t.change not in ("decrease_by", "decrease_to"):
                    entry = totals[t.unit]
                    entry[0] += t.value * (PER_YEAR.get(t.per, 1) if t.per else 1)
                    entry[1] += 1
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))
    return [(unit, (total, int(n))) for unit, (total, n) in ranked]


_COLUMNS = (("organization", False), ("year", True), ("format", False), ("goals", True),
            ("measurable_share", True), ("targets", True), ("error", False))


def _district_table(corpus: Corpus, verdicts: list[Verdict], anchors: list[str], lang: Lang) -> str:
    head = "".join(f'<th{" class=n" if num else ""}><button type="button">{word(lang, key)}</button></th>'
                   for key, num in _COLUMNS)
    rows = [_plan_row(p, v, a, lang) for p, v, a in zip(corpus.plans, verdicts, anchors)]
    rows += [_failure_row(f) for f in corpus.failures]
    return (f'<p class="hint">{word(lang, "sort_hint")}</p><div class="wrap"><table class="sortable">'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def _plan_row(plan: Plan, v: Verdict, anchor: str, lang: Lang) -> str:
    org = plan.organization or plan.source.file
    name = f'<a href="#{anchor}">{escape(org)}</a><span class="f">{escape(plan.source.file)}</span>'
    cells = [(name, org.lower()), (str(plan.year or "–"), str(plan.year or "")),
             (plan.source.format, plan.source.format), (str(v.goals), str(v.goals)),
             (f"{v.share:.0%}" if v.goals else "–", f"{v.share:.4f}" if v.goals else ""),
             (str(v.targets), str(v.targets)), ("", "")]
    return "<tr>" + "".join(_cell(shown, key, num) for (shown, key), (_, num) in zip(cells, _COLUMNS)) + "</tr>"


def _failure_row(f: Failure) -> str:
    name = Path(f.file).name
    cells = [escape(name), "", Path(f.file).suffix.lstrip(".").lower(), "", "", "", escape(f.error)]
    keys = [name.lower(), "", Path(f.file).suffix.lstrip(".").lower(), "", "", "", f.error.lower()]
    return '<tr class="failed">' + "".join(_cell(c, k, num) for c, k, (_, num) in zip(cells, keys, _COLUMNS)) + \
        "</tr>"


def _cell(shown: str, key: str, numeric: bool) -> str:
    return f'<td{" class=n" if numeric else ""} data-v="{escape(key)}">{shown}</td>'
