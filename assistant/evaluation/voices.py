"""Scorers for the coach's words on text in voices unlike ours (evals/datasets/voices/).

Each scorer is a function of a coach and the rows of one set. It asks the coach, checks the answer
against what a user cares about, and returns a dict with the rate(s), ``n``, a count of each failure
reason and the failing examples (input, output, why), worst first. The checks are keyword based:
each row names the stems that must (or must not) appear, so a scorer never needs the coach's own
patterns to judge it. A stem matches at the start of a word ("evict" matches "eviction"), ignoring
case and the difference between straight and curly apostrophes.
"""

from __future__ import annotations

import inspect
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from assistant.coach import Coach
from assistant.errors import InputError
from assistant.evaluation.scorers import MALFORMED, REQUEST, classification_report

Row = dict[str, Any]
Result = dict[str, Any]

ULTIMATUM = "ultimatum"
PASTE_RUN = 8  # this many words in a row copied from the source counts as pasting it
MAX_ASK_WORDS = 30
WORST = 10
# the method's fallback mutual goal: fine when the goals share nothing, a miss when they do
GENERIC_GOAL_MARKERS = ("from where we are stuck", "from where we're stuck")
PROCESS_TALK = re.compile(r"\bask[- ]and[- ]offer\b|\bone ask and one offer\b|\ban ask and an offer\b", re.I)
MEDIATOR = re.compile(r"\bmediat(?:or|ors|ion|e)\b", re.I)
# "im" and "ive" too: texting drops the apostrophe ("ill" is left out: it is also a word)
FIRST_PERSON = re.compile(r"(?<![\w'])(?:I|I'm|I'll|I've|I'd|im|ive|my|me|mine|myself)(?![\w'])", re.I)
LOWERCASE_I = re.compile(r"(?<![\w'])i(?:'m|'ll|'d|'ve)?(?![\w'])")
# how people say which demand matters most: an ask that still says it wrapped the sentence, not the demand
PRIORITY_WORDING = re.compile(
    r"\b(?:is|'s|are) (?:my|our|the) (?:priority|big one|main thing|urgent one|one)\b|\bmost (?:important|urgent|pressing)\b|"
    r"\bkeeps? me up\b|\bmatters? most\b|\bif i had to pick\b|\bmore than anything\b|\bcomes? first\b|"
    r"\bwhat i need you to hear\b|\blosing sleep\b|\bdoing my head in\b|\bi will not compromise\b",
    re.I,
)
SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*\s+(?=\S)")
FACILITATOR_LINE = "Facilitator: Welcome, everyone. I will keep time and hand over to each of you in turn."


# ---------------------------------------------------------------- text helpers


def normalise(text: str) -> str:
    """Lower case, curly apostrophes and quotes made straight."""
    return text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"').lower()


# texting spellings the coach spells out ("tell ur ex" -> "tell your ex"): the need is kept, in full words
_SPELLED_OUT = {"ur": "your", "u": "you", "pls": "please", "plz": "please"}


def _spelled_out(text: str) -> str:
    return re.sub(r"(?<![a-z0-9'])(ur|u|pls|plz)(?![a-z0-9'])", lambda m: _SPELLED_OUT[m.group(1)], normalise(text))


def has_stem(text: str, stem: str) -> bool:
    """True when ``stem`` starts a word (or a phrase) in ``text``, texting spellings read as the words they
    stand for ("ur ex" is kept by "your ex")."""
    return re.search(r"(?<![a-z0-9])" + re.escape(_spelled_out(stem)), _spelled_out(text)) is not None


def stems_found(text: str, stems: Iterable[str]) -> list[str]:
    return [s for s in stems if has_stem(text, s)]


def missing_groups(text: str, groups: Sequence[Sequence[str]]) -> list[list[str]]:
    """The keyword groups of which ``text`` mentions no stem."""
    return [list(g) for g in groups if not stems_found(text, g)]


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9£$€%]+(?:'[a-z]+)?", normalise(text))


def pasted_run(text: str, source: str, run: int = PASTE_RUN, min_words: int = 5) -> str | None:
    """The first ``run`` words in a row of ``source`` found in ``text`` (the whole source when it is
    shorter than ``run`` but at least ``min_words`` long); None when nothing was pasted."""
    src, out = words(source), words(text)
    n = min(run, len(src))
    if n < min_words or len(out) < n:
        return None
    grams = {tuple(out[i : i + n]) for i in range(len(out) - n + 1)}
    for i in range(len(src) - n + 1):
        if tuple(src[i : i + n]) in grams:
            return " ".join(src[i : i + n])
    return None


def longest_run(text: str, source: str) -> list[str]:
    """The longest run of words of ``source`` that ``text`` repeats word for word."""
    src, out = words(source), words(text)
    best: list[str] = []
    at: dict[str, list[int]] = {}
    for j, w in enumerate(out):
        at.setdefault(w, []).append(j)
    for i, w in enumerate(src):
        for j in at.get(w, []):
            k = 0
            while i + k < len(src) and j + k < len(out) and src[i + k] == out[j + k]:
                k += 1
            if k > len(best):
                best = src[i : i + k]
    return best


def is_raw_copy(text: str, source: str) -> str | None:
    """The copied words when ``text`` is ``source`` pasted (a run of 8 words or more that is also at least
    six tenths of it; all of it when it is shorter than 8 words but at least 4); None otherwise."""
    n = len(words(source))
    run = longest_run(text, source)
    need = max(4, min(n, max(PASTE_RUN, -(-6 * n // 10))))
    return " ".join(run) if n and len(run) >= need else None


def doubled_phrase(text: str) -> str | None:
    """A phrase of three or more words said twice back to back ("what matters to me is this: what
    matters to me is this"), or the reframe prefix said twice anywhere; None when there is none."""
    toks = words(text)
    for k in range(3, len(toks) // 2 + 1):
        for i in range(len(toks) - 2 * k + 1):
            if toks[i : i + k] == toks[i + k : i + 2 * k]:
                return " ".join(toks[i : i + k])
    if normalise(text).count("what matters to me") > 1:
        return "what matters to me"
    return None


def case_problem(text: str) -> str | None:
    """Why ``text`` is not in sentence case (a lowercase "i", a lowercase first letter), or None."""
    stripped = text.strip()
    if stripped and stripped[0].isalpha() and stripped[0].islower():
        return f"starts in lower case: {stripped[:20]!r}"
    m = LOWERCASE_I.search(text.replace("\u2019", "'"))
    return f"lowercase {m.group(0)!r}" if m else None


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text.strip()) if s.strip()]


def reframes_of(verdict: Any) -> list[str]:
    """The reframes a verdict offers: ``verdict.reframes`` when it has any, else ``[verdict.reframe]``
    (a verdict built with only ``reframe`` still has an empty ``reframes`` list)."""
    many = getattr(verdict, "reframes", None)
    found = list(many) if many else [getattr(verdict, "reframe", None)]
    return [r for r in found if isinstance(r, str) and r.strip()]


def _rate(good: int, n: int) -> float:
    return round(good / n, 3) if n else 0.0


def _worst_first(failures: list[Row]) -> list[Row]:
    return sorted(failures, key=lambda f: -len(f["why"]))


def _demand_label(row: Row, j: int) -> str:
    return str(row["demands"][j]["text"])


# ---------------------------------------------------------------- reframes


def reframe_problems(reframe: str, row: Row, check: Callable[[str], str]) -> list[tuple[str, str]]:
    """(reason, detail) for each way one reframe of an ultimatum fails the user; empty when it is safe.

    ``check`` gives the drift level of a text (the coach's own check_message)."""
    out: list[tuple[str, str]] = []
    kept = stems_found(reframe, row.get("consequence_keywords") or [])
    if kept:
        out.append(("keeps_consequence", f"still says {', '.join(repr(k) for k in kept)}"))
    lost = missing_groups(reframe, row.get("need_keywords") or [])
    if lost:
        out.append(("drops_need", "mentions none of " + "; ".join("/".join(g) for g in lost)))
    twice = doubled_phrase(reframe)
    if twice:
        out.append(("doubled_prefix", f"says {twice!r} twice"))
    case = case_problem(reframe)
    if case:
        out.append(("not_sentence_case", case))
    # wrapping the original (most of it word for word) fails; keeping the need's own words does not:
    # "I need a response on my accommodation request by Friday" is the need, said as the person said it
    pasted = is_raw_copy(reframe, row["text"])
    if pasted:
        out.append(("pastes_original", f"copies {pasted!r}"))
    level = check(reframe)
    if level == ULTIMATUM:
        out.append(("reads_as_ultimatum", "the coach's own check calls the reframe an ultimatum"))
    return out


def score_reframe_safety(coach: Coach, rows: Sequence[Row]) -> Result:
    """Of the ultimatums: flagged, at least one reframe offered, and every reframe keeps each need
    group, carries no consequence, is not a doubled prefix, keeps sentence case, does not wrap the
    original (a run of six tenths of it, at least 8 words) and reads as open or firm to the coach itself."""
    ults = [r for r in rows if r["label"] == ULTIMATUM]

    def level_of(text: str) -> str:
        return coach.check_message(text).level

    reasons: Counter[str] = Counter()
    by_kind: dict[str, list[bool]] = {}
    failures: list[Row] = []
    passed = 0
    for row in ults:
        verdict = coach.check_message(row["text"])
        offered = reframes_of(verdict)
        why: list[str] = []
        hit: set[str] = set()
        if verdict.level != ULTIMATUM:
            hit.add("not_flagged")
            why.append(f"not_flagged: read as {verdict.level}")
        if not offered:
            hit.add("no_reframe")
            why.append("no_reframe: nothing offered in its place")
        for i, reframe in enumerate(offered):
            for reason, detail in reframe_problems(reframe, row, level_of):
                hit.add(reason)
                why.append(f"{reason}: reframe {i + 1} {detail}")
        reasons.update(hit)
        ok = not why
        passed += int(ok)
        by_kind.setdefault(row["kind"], []).append(ok)
        if not ok:
            failures.append({"id": row["id"], "input": row["text"], "output": offered, "why": why})
    return {
        "n": len(ults),
        "rate": _rate(passed, len(ults)),
        "reasons": dict(reasons.most_common()),
        "by_kind": {k: {"n": len(v), "rate": _rate(sum(v), len(v))} for k, v in sorted(by_kind.items())},
        "failures": _worst_first(failures),
    }


def score_false_alarms(coach: Coach, rows: Sequence[Row]) -> Result:
    """Of the messages that are not ultimatums (generous offers with their own date or amount, firm
    limits, kind finals, plain requests): the share called an ultimatum and the share given any
    reframe (both should be 0); plus precision and recall for "ultimatum" over the whole set."""
    gold: list[str] = []
    pred: list[str] = []
    flagged = reframed = 0
    by_kind: dict[str, list[bool]] = {}
    failures: list[Row] = []
    others = 0
    for row in rows:
        verdict = coach.check_message(row["text"])
        gold.append(row["label"])
        pred.append(verdict.level)
        if row["label"] == ULTIMATUM:
            continue
        others += 1
        offered = reframes_of(verdict)
        why = []
        if verdict.level == ULTIMATUM:
            why.append("called an ultimatum")
        if offered:
            why.append("given a reframe")
        flagged += int(verdict.level == ULTIMATUM)
        reframed += int(bool(offered))
        by_kind.setdefault(row["kind"], []).append(bool(why))
        if why:
            failures.append({"id": row["id"], "input": row["text"], "output": offered, "why": why})
    report = classification_report(gold, pred)
    return {
        "n": others,
        "called_ultimatum_rate": _rate(flagged, others),
        "reframed_rate": _rate(reframed, others),
        "by_kind": {k: {"n": len(v), "false_alarm_rate": _rate(sum(v), len(v))} for k, v in sorted(by_kind.items())},
        "ultimatum_precision": report["per_level"][ULTIMATUM]["precision"],
        "ultimatum_recall": report["per_level"][ULTIMATUM]["recall"],
        "per_level": report["per_level"],
        "confusion": report["confusion"],
        "failures": _worst_first(failures),
    }


# ---------------------------------------------------------------- shrink


def demands_in(text: str, row: Row) -> list[int]:
    """Indexes of the row's demands that ``text`` mentions (by each demand's keywords)."""
    return [j for j, d in enumerate(row["demands"]) if stems_found(text, d["keywords"])]


def shrink_problems(ask: str, parked: Sequence[str], row: Row) -> tuple[list[str], list[str]]:
    """(focus problems, other problems) of one shrunk ask; both empty when it passes."""
    in_ask = demands_in(ask, row)
    priority = row.get("priority")
    focus: list[str] = []
    if priority is not None and priority not in in_ask:
        focus.append(f"misses_priority: the stated priority ({_demand_label(row, priority)}) is not in the ask")
    chosen = priority if priority is not None else (in_ask[0] if len(in_ask) == 1 else None)
    extra = [j for j in in_ask if j != chosen] if chosen is not None else in_ask[1:]
    if extra:
        focus.append("carries_other_demands: " + "; ".join(_demand_label(row, j) for j in extra))
    if not in_ask and priority is None:
        focus.append("names_no_demand: the ask mentions none of the demands")
    other: list[str] = []
    body = ask.strip()
    if len(sentences(body)) != 1:
        other.append(f"not_one_sentence: {len(sentences(body))} sentences")
    if not (body.endswith("?") or REQUEST.match(body)):
        other.append("not_a_request: neither a question nor a request form")
    wording = PRIORITY_WORDING.search(normalise(body))
    malformed = MALFORMED.search(body.replace(" I ", " ").replace("I'", ""))
    if wording:
        other.append(f"ill_formed: wraps how the priority was said ({wording.group(0)!r}), not the demand")
    elif malformed:
        other.append(f"ill_formed: {malformed.group(0)!r}")
    blame = stems_found(body, row.get("blame_keywords") or [])
    if blame:
        other.append("keeps_blame: " + ", ".join(repr(b) for b in blame))
    if len(body.split()) > MAX_ASK_WORDS:
        other.append(f"too_long: {len(body.split())} words")
    keep = chosen if chosen is not None else (in_ask[0] if in_ask else None)
    for j in range(len(row["demands"])):
        if j == keep:
            continue
        times = sum(1 for p in parked if j in demands_in(p, row))
        if times != 1:
            other.append(f"parked_{'missing' if times == 0 else 'repeated'}: {_demand_label(row, j)} parked {times}x")
    for p in parked:
        if len(demands_in(p, row)) > 1:
            other.append(f"parked_not_clean: one parked item holds several demands: {p!r}")
    return focus, other


def score_shrink_focus(coach: Coach, rows: Sequence[Row]) -> Result:
    """Focus: the ask keeps the stated priority and none of the other demands (with no priority: exactly
    one demand). Pass: focus, one sentence, a request, well formed (not the priority sentence wrapped), no blame, at most 30 words, and each other demand
    parked exactly once, each parked item holding one demand. Clutter: the share of parked items that name
    none of the listed demands."""
    focused = passed = 0
    parked_items = clutter = 0
    reasons: Counter[str] = Counter()
    by_form: dict[str, list[bool]] = {}
    failures: list[Row] = []
    for row in rows:
        try:
            result = coach.shrink(row["input"])
        except InputError as refused:  # demands the coach could not find are a failure to report, not a crash
            reasons.update({"no_demands_found"})
            by_form.setdefault("list" if isinstance(row["input"], list) else "paragraph", []).append(False)
            failures.append(
                {
                    "id": row["id"],
                    "input": row["input"],
                    "output": None,
                    "why": [f"no_demands_found: {refused}"],
                    "focus_ok": False,
                }
            )
            continue
        parked = list(getattr(result, "parked", []) or [])
        # clutter: a parked item that is none of the listed demands (a greeting, a sign-off, a name called)
        parked_items += len(parked)
        clutter += sum(1 for p in parked if not demands_in(p, row))
        focus, other = shrink_problems(result.ask, parked, row)
        why = focus + other
        reasons.update({w.split(":", 1)[0] for w in why})
        focused += int(not focus)
        passed += int(not why)
        form = "list" if isinstance(row["input"], list) else "paragraph"
        by_form.setdefault(form, []).append(not why)
        if why:
            failures.append(
                {
                    "id": row["id"],
                    "input": row["input"],
                    "output": {"ask": result.ask, "parked": parked, "interest": getattr(result, "interest", None)},
                    "why": why,
                    "focus_ok": not focus,
                }
            )
    n = len(rows)
    return {
        "n": n,
        "focus_rate": _rate(focused, n),
        "pass_rate": _rate(passed, n),
        "parked_clutter_rate": _rate(clutter, parked_items),
        "reasons": dict(reasons.most_common()),
        "pass_by_form": {k: {"n": len(v), "rate": _rate(sum(v), len(v))} for k, v in sorted(by_form.items())},
        "failures": sorted(_worst_first(failures), key=lambda f: f["focus_ok"]),
    }


# ---------------------------------------------------------------- restatement


def restate_problems(text: str, row: Row) -> list[str]:
    why: list[str] = []
    for label, key in (("ask", "ask_keywords"), ("offer", "offer_keywords")):
        lost = missing_groups(text, row.get(key) or [])
        if lost:
            why.append(f"drops_{label}: mentions none of " + "; ".join("/".join(g) for g in lost))
    person = FIRST_PERSON.search(text.replace("\u2019", "'"))
    if person:
        why.append(f"first_person: says {person.group(0)!r}")
    threat = stems_found(text, row.get("threat_keywords") or [])
    if threat:
        why.append("keeps_threat: " + ", ".join(repr(t) for t in threat))
    blame = stems_found(text, row.get("blame_keywords") or [])
    if blame:
        why.append("keeps_blame: " + ", ".join(repr(b) for b in blame))
    pasted = is_raw_copy(text, row["ask"])
    if pasted:
        why.append(f"raw_ask: pastes the ask ({pasted!r})")
    if not text.strip():
        why.append("empty")
    return why


def score_restatement(coach: Coach, rows: Sequence[Row]) -> Result:
    """The restatement covers the ask and the offer, is in the third person, carries no threat or
    blame, and is not the raw ask with a name in front. The ask and the offer are given apart, as a
    party's sealed entry holds them."""
    reasons: Counter[str] = Counter()
    failures: list[Row] = []
    passed = 0
    for row in rows:
        position = f"{row['ask']} {row['offer']}"
        said = coach.restate(row["name"], row["ask"], row["offer"])
        text = str(getattr(said, "text", said))
        why = restate_problems(text, row)
        reasons.update({w.split(":", 1)[0] for w in why})
        passed += int(not why)
        if why:
            failures.append(
                {"id": row["id"], "input": {"name": row["name"], "position": position}, "output": text, "why": why}
            )
    return {
        "n": len(rows),
        "rate": _rate(passed, len(rows)),
        "reasons": dict(reasons.most_common()),
        "failures": _worst_first(failures),
    }


# ---------------------------------------------------------------- mutual goal


def is_generic_goal(text: str) -> bool:
    return any(m in normalise(text) for m in GENERIC_GOAL_MARKERS)


def score_mutual_goal(coach: Coach, rows: Sequence[Row]) -> Result:
    """When the goals share something: the mutual goal mentions every shared group and is not the
    generic fallback (nor one sentence the coach gives to three or more different pairs). When they
    share nothing: any calm goal passes (non-empty, and the coach does not read it as an ultimatum)."""
    outputs = {row["id"]: str(getattr(g, "text", g)) for row in rows for g in [coach.mutual_goal(row["goals"])]}
    repeats = Counter(normalise(t).strip() for r, t in ((r, outputs[r["id"]]) for r in rows) if not r["shares_nothing"])
    reasons: Counter[str] = Counter()
    failures: list[Row] = []
    passed = 0
    for row in rows:
        text = outputs[row["id"]]
        why: list[str] = []
        if not text.strip():
            why.append("empty")
        elif coach.check_message(text).level == ULTIMATUM:
            why.append("not_calm: the coach reads it as an ultimatum")
        if not row["shares_nothing"]:
            lost = missing_groups(text, row.get("shared_keywords") or [])
            if lost:
                why.append("misses_shared: mentions none of " + "; ".join("/".join(g) for g in lost))
            if is_generic_goal(text) or repeats[normalise(text).strip()] >= 3:
                why.append("generic: the fallback goal although the goals share something")
        reasons.update({w.split(":", 1)[0] for w in why})
        passed += int(not why)
        if why:
            failures.append({"id": row["id"], "input": row["goals"], "output": text, "why": why})
    sharing = [r for r in rows if not r["shares_nothing"]]
    shared_ok = sum(1 for r in sharing if all(f["id"] != r["id"] for f in failures))
    return {
        "n": len(rows),
        "rate": _rate(passed, len(rows)),
        "sharing_n": len(sharing),
        "sharing_rate": _rate(shared_ok, len(sharing)),
        "reasons": dict(reasons.most_common()),
        "failures": _worst_first(failures),
    }


# ---------------------------------------------------------------- offers


def session_record(row: Row) -> str:
    """A shared record in the shape the session builds (title and stage), with a facilitator's line
    when the session is facilitated, so a coach can tell a facilitator is present."""
    lines = [f"Session: {row['situation']}", f"Stage: {row.get('stage') or 'prepare'}, round 1"]
    if row.get("facilitated"):
        lines.append(FACILITATOR_LINE)
    return "\n".join(lines)


def _offers_for(coach: Coach, row: Row) -> list[Any]:
    kwargs: dict[str, Any] = {"record": session_record(row), "stage": row.get("stage") or "prepare"}
    try:
        if "facilitated" in inspect.signature(coach.suggest_offers).parameters:
            kwargs["facilitated"] = bool(row.get("facilitated"))
    except (TypeError, ValueError):  # a wrapped coach without a readable signature
        pass
    return list(coach.suggest_offers(row["situation"], row.get("party_goal"), row.get("their_ask"), **kwargs))


def offers_problems(texts: Sequence[str], row: Row) -> list[str]:
    why: list[str] = []
    if not texts:
        return ["no_offers: the coach suggested nothing"]
    goal = row.get("party_goal") or ""
    for t in texts:
        pasted = pasted_run(t, goal) if goal else None
        if pasted:
            why.append(f"pastes_goal: {pasted!r} in {t!r}")
        if row.get("facilitated") and MEDIATOR.search(t):
            why.append(f"mediator_in_facilitated: {t!r}")
        if PROCESS_TALK.search(t):
            why.append(f"restates_process: {t!r}")
    if row.get("topic_keywords") and not any(not missing_groups(t, row["topic_keywords"]) for t in texts):
        why.append("off_topic: no offer mentions " + "; ".join("/".join(g) for g in row["topic_keywords"]))
    answers = [t for t in texts if not missing_groups(t, row.get("their_ask_keywords") or [])]
    if row.get("their_ask") and row.get("their_ask_keywords") and not answers:
        why.append(f"ignores_their_ask: no offer answers {row['their_ask']!r}")
    return why


def score_offers(coach: Coach, rows: Sequence[Row]) -> Result:
    """No offer pastes the party's goal, none suggests a mediator in a facilitated session, none
    restates the ask-and-offer process, at least one is on the topic, and when the other side's ask is
    known at least one answers it."""
    reasons: Counter[str] = Counter()
    failures: list[Row] = []
    passed = 0
    for row in rows:
        texts = [o.text for o in _offers_for(coach, row)]
        why = offers_problems(texts, row)
        reasons.update({w.split(":", 1)[0] for w in why})
        passed += int(not why)
        if why:
            inp = {k: row.get(k) for k in ("situation", "party_goal", "their_ask", "facilitated", "stage")}
            failures.append({"id": row["id"], "input": inp, "output": texts, "why": why})
    return {
        "n": len(rows),
        "rate": _rate(passed, len(rows)),
        "reasons": dict(reasons.most_common()),
        "failures": _worst_first(failures),
    }


# ---------------------------------------------------------------- the sets

# set file stem -> the measures run on it
MEASURES: dict[str, dict[str, Callable[[Coach, Sequence[Row]], Result]]] = {
    "reframe": {"reframe_safety": score_reframe_safety, "false_alarms": score_false_alarms},
    "shrink": {"shrink_focus": score_shrink_focus},
    "restate": {"restatement": score_restatement},
    "mutual_goal": {"mutual_goal": score_mutual_goal},
    "offers": {"offers": score_offers},
}


def headline_lines(split: str, measures: dict[str, Any]) -> list[str]:
    """One line per measure for the printed summary; 'not present' for a missing set."""
    lines = []
    for name, r in measures.items():
        if not isinstance(r, dict):
            lines.append(f"  {split} {name}: {r}")
        elif name == "reframe_safety":
            lines.append(f"  {split} reframe safety {r['rate']:.3f} (n={r['n']}) failures by reason {r['reasons']}")
        elif name == "false_alarms":
            lines.append(
                f"  {split} false alarms: called ultimatum {r['called_ultimatum_rate']:.3f}, given a reframe "
                f"{r['reframed_rate']:.3f} (n={r['n']}); ultimatum P {r['ultimatum_precision']:.3f} "
                f"R {r['ultimatum_recall']:.3f}"
            )
        elif name == "shrink_focus":
            lines.append(
                f"  {split} shrink focus {r['focus_rate']:.3f}, pass {r['pass_rate']:.3f} (n={r['n']}), "
                f"parked clutter {r['parked_clutter_rate']:.3f}; failures by reason {r['reasons']}"
            )
        else:
            lines.append(
                f"  {split} {name.replace('_', ' ')} {r['rate']:.3f} (n={r['n']}) failures by reason {r['reasons']}"
            )
    return lines
