"""Last year's plan against this year's: goals kept, added and dropped, targets moved.

Goals are matched by what they say, not by exact wording: both texts are reduced to the
lemmas of their content words and compared as sets (plus the order of their characters),
so "Ordna minst 6 träffar för klubbledare" and "Vi ska ordna minst 8 träffar för
klubbens ledare" are the same goal with a raised target.
"""
from __future__ import annotations

import difflib
import heapq
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .model import Goal, Plan, Target
from .targets import noun_lemma

WORD = regex.compile(r"\p{L}[\p{L}\-]+")
STOPWORDS = frozenset({"och", "att", "som", "för", "med", "till", "på", "av", "i", "en", "ett", "den", "det", "de",
                       "vi", "ska", "skall", "minst", "högst", "cirka", "under", "året", "samt", "vår", "våra",
                       "vårt", "om", "från", "inom", "kunna", "ha", "vara", "är", "har", "bli"})
MATCH_THRESHOLD = 0.45
#: new goals each old goal is compared with, the likeliest by shared content words
MAX_CANDIDATES = 50


@lru_cache(maxsize=8192)
def _lemma(word: str) -> str:
    return noun_lemma(word)


def content(text: str) -> frozenset[str]:
    """The lemmas of a text's content words (numbers and function words left out)."""
    return frozenset(_lemma(w) for w in WORD.findall(text.lower()) if w not in STOPWORDS)


def similarity(a: str, b: str) -> float:
    """How alike two goals are in what they say, 0 to 1."""
    ca, cb = content(a), content(b)
    jaccard = len(ca & cb) / len(ca | cb) if ca | cb else 0.0
    ratio = difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio()
    return max(jaccard, 0.6 * jaccard + 0.4 * ratio)


@dataclass(slots=True)
class TargetChange:
    kind: str  # raised, lowered, changed, added, dropped
    old: Target | None
    new: Target | None

    def describe(self) -> str:
        if self.old and self.new:
            return f"{self.kind}: {self.old.describe()} -> {self.new.describe()} ({self.old.text!r} -> {self.new.text!r})"
        t = self.new or self.old
        return f"{self.kind}: {t.describe()} ({t.text!r})" if t else self.kind


@dataclass(slots=True)
class GoalPair:
    old: Goal
    new: Goal
    similarity: float
    targets: list[TargetChange] = field(default_factory=list)


@dataclass(slots=True)
class PlanDiff:
    kept: list[GoalPair] = field(default_factory=list)
    added: list[Goal] = field(default_factory=list)
    dropped: list[Goal] = field(default_factory=list)
    sections_added: list[str] = field(default_factory=list)
    sections_dropped: list[str] = field(default_factory=list)

    @property
    def changed(self) -> list[GoalPair]:
        return [p for p in self.kept if p.targets or p.old.text != p.new.text]


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """Goals paired greedily, the most alike pair first. Only goals that share a content
    word are compared (no others can reach MATCH_THRESHOLD), each old goal with its
    MAX_CANDIDATES likeliest new ones, and the slow character comparison is made only for
    a pair that could be the next one taken: two plans of thousands of goals take seconds,
    not hours."""
    result = PlanDiff()
    old_goals = [g for _, g in old.goals()]
    new_goals = [g for _, g in new.goals()]
    # similarity <= 0.6 * jaccard + 0.4: below this jaccard a pair cannot reach the threshold
    reachable = (MATCH_THRESHOLD - 0.4) / 0.6
    heap = []
    for i, likely in _likely_pairs([g.text for g in old_goals], [g.text for g in new_goals], reachable):
        for j, jaccard in likely[:MAX_CANDIDATES]:
            heap.append((-(0.6 * jaccard + 0.4), 1, -i, -j, jaccard))  # 1: an upper bound, not yet the score
    heapq.heapify(heap)
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs: dict[int, GoalPair] = {}
    while heap:
        score, bound, i, j, jaccard = heapq.heappop(heap)
        i, j = -i, -j
        if i in used_old or j in used_new:
            continue
        if bound:  # its score now, back in line behind any pair that scores higher
            heapq.heappush(heap, (-_score(jaccard, old_goals[i].text, new_goals[j].text), 0, -i, -j, jaccard))
            continue
        if -score < MATCH_THRESHOLD:
            break
        used_old.add(i)
        used_new.add(j)
        pairs[j] = GoalPair(old_goals[i], new_goals[j], -score, diff_targets(old_goals[i].targets, new_goals[j].targets))
    result.kept = [pairs[j] for j in sorted(pairs)]
    result.added = [g for j, g in enumerate(new_goals) if j not in used_new]
    result.dropped = [g for i, g in enumerate(old_goals) if i not in used_old]
    old_titles = [s.title for s in old.walk_sections() if s.title]
    new_titles = [s.title for s in new.walk_sections() if s.title]
    result.sections_added = _without_like(new_titles, old_titles)
    result.sections_dropped = _without_like(old_titles, new_titles)
    return result


def _score(jaccard: float, a: str, b: str) -> float:
    """``similarity`` with the content words' overlap already known."""
    return max(jaccard, 0.6 * jaccard + 0.4 * difflib.SequenceMatcher(None, a.lower(), b.lower()).ratio())


def _likely_pairs(a: list[str], b: list[str], min_jaccard: float) -> Iterator[tuple[int, list[tuple[int, float]]]]:
    """For each text of ``a``, the texts of ``b`` that share content words with it, by an
    index of their words rather than pair by pair: (index, jaccard) at least
    ``min_jaccard``, likeliest first."""
    words_b = [content(t) for t in b]
    postings: dict[str, list[int]] = {}
    for j, words in enumerate(words_b):
        for w in words:
            postings.setdefault(w, []).append(j)
    for i, text in enumerate(a):
        words = content(text)
        shared: Counter[int] = Counter()
        for w in words:
            shared.update(postings.get(w, ()))
        likely = [(j, n / (len(words) + len(words_b[j]) - n)) for j, n in shared.items()]
        likely = [(j, jac) for j, jac in likely if jac >= min_jaccard]
        likely.sort(key=lambda x: (-x[1], x[0]))
        yield i, likely


def _without_like(titles: list[str], others: list[str]) -> list[str]:
    """The titles with none like them among ``others`` (the same but for case, or
    ``similarity`` of 0.8 or more), compared through the word index, not pair by pair."""
    same = {t.casefold() for t in others}
    reachable = (0.8 - 0.4) / 0.6
    return [title for i, likely in _likely_pairs(titles, others, reachable)
            if (title := titles[i]).casefold() not in same
            and not any(_score(jac, title, others[j]) >= 0.8 for j, jac in likely)]


def diff_targets(old: list[Target], new: list[Target]) -> list[TargetChange]:
    """Pair targets by what they count (quantity, unit, metric, rate), then compare levels."""
    changes = []
    remaining = list(new)
    for o in old:
        match = next((n for n in remaining if _same_measure(o, n)), None)
        if match is None:
            changes.append(TargetChange("dropped", o, None))
            continue
        remaining.remove(match)
        if match.value != o.value or match.value_max != o.value_max:
            up = (match.value_max or match.value) > (o.value_max or o.value)
            changes.append(TargetChange("raised" if up else "lowered", o, match))
        elif (match.comparator, match.per, match.deadline) != (o.comparator, o.per, o.deadline):
            changes.append(TargetChange("changed", o, match))
    changes += [TargetChange("added", None, n) for n in remaining]
    return changes


def _same_measure(a: Target, b: Target) -> bool:
    return (a.quantity, a.unit, a.metric) == (b.quantity, b.unit, b.metric)


# ------------------------------------------------------------------ reports

def report_text(d: PlanDiff) -> str:
    lines = []
    for title in d.sections_added:
        lines.append(f"+ avsnitt: {title}")
    for title in d.sections_dropped:
        lines.append(f"- avsnitt: {title}")
    for g in d.added:
        lines.append(f"+ mål: {g.text}")
    for g in d.dropped:
        lines.append(f"- mål: {g.text}")
    for p in d.changed:
        lines.append(f"~ mål: {p.new.text}")
        if p.old.text != p.new.text:
            lines.append(f"    (förut: {p.old.text})")
        lines += [f"    {c.describe()}" for c in p.targets]
    unchanged = len(d.kept) - len(d.changed)
    lines.append(f"{len(d.kept)} mål kvar ({unchanged} oförändrade), {len(d.added)} nya, {len(d.dropped)} borttagna; "
                 f"{len(d.sections_added)} nya och {len(d.sections_dropped)} borttagna avsnitt")
    return "\n".join(lines) + "\n"


def report_json(d: PlanDiff) -> str:
    def target(t: Target | None):
        return t.to_dict() if t else None

    out = {
        "sections_added": d.sections_added, "sections_dropped": d.sections_dropped,
        "goals_added": [g.text for g in d.added], "goals_dropped": [g.text for g in d.dropped],
        "goals_kept": [{"old": p.old.text, "new": p.new.text, "similarity": round(p.similarity, 3),
                        "targets": [{"change": c.kind, "old": target(c.old), "new": target(c.new)} for c in p.targets]}
                       for p in d.kept],
    }
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
