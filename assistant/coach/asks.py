"""Asks: shrink a long list of demands into one clear request, and name the interest it serves."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from assistant.coach.drift import clean_text
from assistant.coach.language import (
    PHONE_FOOTER,
    SUBJECT_FORM,
    base_form,
    clause_starts,
    gerund,
    join,
    lower_initial,
    starts_with_verb,
    tag,
    unshouted,
    without_hesitations,
    without_quoted_lines,
)
from assistant.coach.phrasing import Phrasing
from assistant.coach.protocol import OFFLINE, Origin
from assistant.errors import InputError
from assistant.retrieval.embedding import MiniLMEmbedder

PRIORITY_CUES = re.compile(
    r"\b(?:above all(?: else)?|what (?:really |truly )?matters(?: most)?(?: to me)?|the main thing|"
    r"main thing|most of all|more than anything(?: else)?|the one thing|the only thing|"
    r"(?:most|more) important(?:ly)?|if i could (?:only )?(?:change|ask for|have) (?:just )?one thing|"
    r"number one|first and foremost|my (?:top|biggest|real|main) (?:priority|ask|need|concern|issue)|"
    r"the big(?:gest)? (?:one|thing)|top priority|priority|"
    r"(?:the )?(?:one )?thing that (?:really |truly )?matters(?: most)?|what i (?:want|need) most)\b",
    re.I,
)
_SPLIT = re.compile(
    r"\n+|(?<=[.!?;])\s+|\s*(?:^|\s)(?:\d+[.)]|[-*•])\s+|,?\s+\band also\b\s*|,?\s+\bplus\b\s+|"
    r",?\s+\balso,?\s+(?=(?:i|you|we|stop|please|no|the|my|your)\b)",
    re.I,
)
_CUE_WORDS = (
    r"(?:if i could (?:only )?(?:change|ask for|have) (?:just )?one thing|above all(?: else)?|more than anything(?: else)?|"
    r"most of all|first and foremost|(?:the )?(?:main|most important|one|biggest|big|real) thing|"
    r"what (?:really |truly )?matters(?: most)?(?: to (?:me|us|them|our \w+))?|"
    r"(?:the )?(?:one )?thing that (?:really |truly )?matters(?: most)?(?: to (?:me|us|them|our \w+))?|"
    r"what (?:i'm|i am|we're|we are) (?:really )?asking(?: for)?|my (?:top|biggest|real|main) (?:priority|ask|need|concern|issue)|what i (?:want|need) most(?: of all)?|"
    r"(?:most|more) importantly|number one|top priority|(?:the )?deal[- ]?breaker(?: for (?:me|us))?|"
    # "That is more important to me than anything else", "more important than the rest put together"
    r"more important(?: to (?:me|us))? than (?:anything|everything|the rest|all the rest)(?: else)?(?: put together)?)"
)
_LEAD_CUE = re.compile(
    r"^\s*(?:and\s+|but\s+)*(?:(?:for me|to me|for us|honestly|personally|really|tbh|basically)[,\s]+)?"
    + _CUE_WORDS
    # "the main thing for me is", "what matters to our family is"
    + r"(?:\s+(?:for|to)\s+(?:me|us|him|her|them|(?:my|our)\s+\w+))?"
    + r"(?:\s+(?:i'm|i am|we're|we are|i|we) (?:asking(?: for)?|saying|after|hoping for|want|need))?\s*(?:,\s*|:\s*|\s+)?"
    r"(?:(?:it|that)?\s*(?:would be|is|was|'s|will be)\b\s*)?(?:that\b\s*|for\b\s*|this\b:?\s*)?",
    re.I,
)
_TRAIL_CUE = re.compile(
    r"[,;]?\s*(?:and\s+)?(?:(?:that'?s|that is|this is|it'?s|which is|is)\s+(?:the\s+|my\s+)?)?"
    + _CUE_WORDS
    + r"(?:\s+(?:to me|for me|here|else))?\s*[.!]*\s*$",
    re.I,
)
_MID_CUE = re.compile(r",\s*" + _CUE_WORDS + r"(?:\s+else)?\s*,", re.I)
_FILLER = re.compile(
    r"^\s*(?:(?:and|also|plus|oh and|ok so|so|honestly|look|frankly|seriously|i mean|and then|then|but|"
    r"apart from that|besides that|besides|other than that|on top of that|as well as that|after that|"
    # "Friendly reminder to book the big room": how it is said, not what is asked
    r"(?:a\s+)?(?:friendly|gentle|quick|polite|just a|final) reminder(?: to (?:all|everyone|everybody))?(?=\s+to\s+\w))\b"
    r"(?:\s+to(?=\s+\w))?[,\s]*)+",
    re.I,
)
_REQUEST_START = re.compile(
    r"^(?:could you|would you|can you|will you|please|i'm asking|i am asking|could we|"
    r"would you be willing|can we)\b",
    re.I,
)

INTERESTS: dict[str, str] = {
    "time together and feeling close": "spending time together, attention, feeling close, date nights, being present",
    "a fair share of the load": "chores, housework, dishes, cleaning, fair split of work and responsibilities",
    "being respected and heard": "respect, being listened to, not interrupted, tone, being taken seriously, credit",
    "financial security": "money, rent, bills, pay, salary, budget, spending, debt, costs, price, invoice",
    "rest and health": "sleep, rest, exhaustion, health, stress, burnout, breaks, quiet evenings",
    "reliability and trust": "keeping promises, being on time, following through, honesty, telling the truth",
    "predictability and planning": "schedules, plans, notice in advance, knowing what happens when, deadlines",
    "the children's wellbeing": "kids, children, school, custody, pickups, bedtime, parenting, consistency for the kids",
    "flexibility and autonomy": "working from home, choosing my hours, freedom, flexibility, remote work, control over my time",
    "privacy and personal space": "space, privacy, boundaries, guests, my room, alone time, not going through my things",
    "peace and quiet at home": "noise, music, parties, late nights, neighbours, quiet hours",
    "recognition and fair reward": "raise, promotion, recognition, equity, bonus, fair pay for contribution, title",
    "safety": "safety, security, feeling safe, risk, health risk, locks",
    "a say in decisions": "being consulted, decisions made together, a vote, involvement, transparency",
}


@dataclass(frozen=True)
class ShrunkAsk:
    """One ask distilled from many demands."""

    ask: str
    interest: str
    parked: list[str]
    chosen: str
    honoured_priority: bool
    origin: Origin = OFFLINE


_CLAUSE_LIST = re.compile(r",\s*(?:and\s+|also\s+|plus\s+)?(?=(?:you|your|u|the|my|our|every)\b)", re.I)
_SUBORDINATE = re.compile(r"^(?:when|if|because|since|although|though|as|after|before|while|unless|whenever)\b", re.I)


def _split_clause_list(sentence: str) -> list[str]:
    """'You never X, you always Y, and you keep Z' is three demands; 'When you're late, I worry' is one."""
    if _SUBORDINATE.match(sentence.strip()) or not re.match(r"^\s*(?:you|your|u)\b", sentence, re.I):
        return [sentence] if not re.match(r"^\s*(?:the|my|our)\b", sentence, re.I) else _split_you(sentence)
    pieces = _CLAUSE_LIST.split(sentence)
    if len(pieces) < 2 or any(len(p.split()) < 3 for p in pieces):
        return [sentence]
    return pieces


def _split_you(sentence: str) -> list[str]:
    """'The bathroom is a mess, and you never buy toilet roll': split only before 'you'."""
    pieces = re.split(r",\s*(?:and\s+|also\s+|plus\s+)?(?=(?:you|your)\b)", sentence, flags=re.I)
    return pieces if len(pieces) > 1 and all(len(p.split()) >= 3 for p in pieces) else [sentence]


def split_demands(demands: str | Sequence[str]) -> list[str]:
    """Turn free text or a list into separate demands (bullets, lines, sentences, 'and also', clause lists)."""
    if isinstance(demands, str):
        text = clean_text(demands, "list of demands")
        parts = [c for p in _SPLIT.split(text) if p for c in _split_clause_list(p)]
    elif isinstance(demands, Sequence) and not isinstance(demands, bytes | bytearray):
        if not all(isinstance(d, str) for d in demands):
            raise InputError("Each demand must be text.")
        parts = [p for d in demands for p in _SPLIT.split(d.replace("\x00", ""))]
    else:
        raise InputError("Demands must be text or a list of texts.")
    out: list[str] = []
    for part in parts:
        if part is None:
            continue
        part = _FILLER.sub("", part.strip(" \t-*•,;")).strip()
        if len(part) >= 3 and re.search(r"[^\W\d_]", part):
            out.append(part)
    if not out:
        raise InputError("There are no demands in that text: write what you want, one per line.")
    return out


def _flip_habit(clause: str) -> str:
    """'you always leave X' -> 'stop leaving X'; 'you never help' -> 'help'."""
    m = re.match(r"^(?:you|u)\s+(?:always|constantly|keep|keep on|continually)\s+(\w+)(.*)$", clause, re.I)
    if m:
        return f"stop {gerund(m.group(1))}{m.group(2)}"
    m = re.match(r"^(?:you|u)\s+(?:never|don't ever|do not ever|hardly ever|rarely)\s+(.*)$", clause, re.I)
    if m:
        # keep the action, drop the grievance that follows it ("... so I have no idea what was promised")
        action = re.split(r"\s+(?:so|which|and then|even though|because)\s+", m.group(1), maxsplit=1)[0]
        action = re.sub(r"\bany(thing|one|where)\b", r"some\1", action)
        return f"{action} more often" if len(action.split()) <= 3 else action
    m = re.match(r"^(?:you|u)\s+(?:don't|do not|won't|will not|can't|didn't)\s+(.*)$", clause, re.I)
    if m:
        return m.group(1)
    return clause


_ASK_FORMS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"^(?:i|we)?\s*(?:really\s+|just\s+|all\s+)?(?:need|want|would like|'d like|expect|ask)\s+(?:you|u)\s+to\s+(.+)$",
            re.I,
        ),
        "action",
    ),
    (
        re.compile(
            r"^(?:you|u)\s+(?:need|have|ought|got)\s+to\s+(.+)$|^(?:you|u)\s+(?:should|must|gotta)\s+(.+)$", re.I
        ),
        "action",
    ),
    (re.compile(r"^(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?(.+?)\??$", re.I), "action"),
    (re.compile(r"^please\s+(.+)$", re.I), "action"),
    (
        re.compile(r"^(i|we)\s+(?:really\s+|just\s+|also\s+)?(?:need|want|would like|'d like)\s+to\s+(.+)$", re.I),
        "self",
    ),
    (
        re.compile(
            r"^(i|we)\s+(?:really\s+|just\s+|also\s+)?(?:need|want|would like|'d like|deserve|expect)\s+(.+)$", re.I
        ),
        "have",
    ),
    (re.compile(r"^no more\s+(.+)$", re.I), "nomore"),
    (re.compile(r"^stop\s+(.+)$", re.I), "stop"),
    (re.compile(r"^(?:we|let's|lets)\s+(?:need|should|have|must)?\s*(?:to\s+)?(.+)$", re.I), "we"),
]
_NOUN_START = re.compile(
    r"^(?:more|less|fewer|a|an|the|some|no|better|fair|fairer|equal|proper|real|regular|"
    r"decent|clear|weekly|monthly|daily|my|our|an?other)\b|^\w+\s+(?:from|for|of|at|in|on|with|by)\b",
    re.I,
)
_IMPERATIVE = re.compile(
    r"^(?:pay|give|let|tell|call|text|come|be|make|keep|put|take|clean|help|stop|start|do|get|share|"
    r"split|pick|drop|set|agree|show|ask|check|move|turn|leave|respect|listen|spend|schedule|include|"
    r"return|fix|cover|honou?r|consult|sign|raise|allow|bring|book|plan|send|answer|reply|update|"
    r"commit|support|hire|cut|limit|reduce|increase|offer|provide|lower|repair|replace|finish|invite|remember|"
    r"visit|warn|clear|pass|tidy|wash|walk|feed|cook|join|respond|involve|credit|acknowledge|apologi[sz]e|"
    r"admit|stay|wait|notify|inform|copy|sort|keep|buy|phone|ring|email|tell|treat|talk|speak|write|"
    r"arrive|collect|pay|read|sit|look|think|try|use|wear|put|cancel|close|open|lock|unlock)\b",
    re.I,
)
_IMPERATIVE_WORDS = frozenset(re.findall(r"[a-z]{2,}", _IMPERATIVE.pattern))


_IRREGULAR_ING = {
    "took": "taking", "made": "making", "gave": "giving", "sold": "selling", "told": "telling", "sent": "sending",
    "put": "putting", "left": "leaving", "brought": "bringing", "let": "letting", "spent": "spending",
    "went": "going", "did": "doing", "got": "getting", "paid": "paying", "said": "saying", "forgot": "forgetting",
    "bought": "buying", "kept": "keeping", "ran": "running", "wrote": "writing", "broke": "breaking",
    "threw": "throwing", "lent": "lending", "hid": "hiding", "read": "reading", "sent out": "sending out",
}  # fmt: skip
_WITHOUT = re.compile(
    r"^(?:you|u)\s+(?:just\s+|even\s+|also\s+)?(\w+)\s+(.+?)\s+without\s+(?:even\s+|first\s+|ever\s+)?"
    r"(asking|telling|consulting|checking with|discussing it with|talking to|warning|letting)"
    r"(?:\s+(me|us|the \w+|anyone|him|her|them|either of us))?(?:\s+know)?(?:\s+first)?(.*)$",
    re.I,
)
_WITHOUT_VERB = {
    "asking": "ask", "telling": "tell", "consulting": "consult", "checking with": "check with",
    "discussing it with": "discuss it with", "talking to": "talk to", "warning": "warn", "letting": "let",
}  # fmt: skip
_THIRD_NEVER = re.compile(
    r"^((?:the |our |my |your |his |her )?(?!you\b|i\b|we\b|it\b)[a-z]+(?: [a-z]+)?)\s+(?:never|rarely|hardly ever)\s+(\w+)\s+(.+)$",
    re.I,
)
_YOUR_KEEPS = re.compile(r"^(your (?:\w+ ){0,2}?\w+) keeps? (\w+ing)\b(.*)$", re.I)
_YOUR_DOES = re.compile(r"^(your (?:\w+ ){0,2}?\w+) (?!is\b|was\b|has\b|does\b)(\w+s)\b(.*)$", re.I)
_PASSIVE = re.compile(
    r"^(?!you\b|i\b|we\b)(.+?)\s+(was|were|is|are|has been|have been|keeps? being|gets?)\s+"
    r"(?!supposed\b|used\b)(\w+ed|paid|told|given|made|sent|kept|left|put|taken|refused)\b(.*)$",
    re.I,
)
_COMPLAINT_MARK = re.compile(
    r"\b(?:always|again|every (?:single )?\w+|constantly|still|never|all the time|keeps?|left|dumped|ignored|blocked|"
    r"thrown|taken|refused|parked|ruined|broken)\b",
    re.I,
)
_THERE_IS = re.compile(r"^there(?:'s| is| are)\s+(.+)$", re.I)
_TO_BE = re.compile(
    r"^(?:(?:i|we)\s+(?:really\s+)?need\s+)?for\s+(.+?)\s+to be\s+(.+)$|^(?:i|we) need (.+?) to be (.+)$", re.I
)
_YOU_TO = re.compile(r"^(?:for\s+)?(?:you|u) to (.+)$", re.I)
_US_TO = re.compile(r"^(?:i|we)(?:'d| would)?\s*(?:want|like|love|need) (?:us|we) to (.+)$|^for us to (.+)$", re.I)


def _past_to_gerund(word: str) -> str:
    w = word.lower()
    if w in _IRREGULAR_ING:
        return _IRREGULAR_ING[w]
    if w.endswith("ied"):
        return w[:-3] + "ying"
    if w.endswith("eed"):
        return w[:-1] + "ing"
    if w.endswith("ed"):
        return w[:-2] + "ing"
    return gerund(w)


def _base_from_third(verb: str) -> str:
    v = verb.lower()
    if v.endswith("ies"):
        return v[:-3] + "y"
    if v.endswith(("ches", "shes", "sses", "xes", "oes")):
        return v[:-2]
    return v[:-1] if v.endswith("s") and not v.endswith("ss") else v


_WITHOUT_NOUN = re.compile(
    r"^(?:you|u)(?:'ve| have)?\s+(?:just\s+)?(\w+)\s+(.+?)\s+without\s+(?:any\s+|a\s+|my\s+|our\s+)?"
    r"(permission|notice|warning|consent|a word|discussion|consultation|agreement|receipts?)\b(.*)$",
    re.I,
)
_NOUN_FIX = {
    "permission": "ask permission before",
    "notice": "give notice before",
    "warning": "warn us before",
    "consent": "ask for consent before",
    "a word": "say a word before",
    "discussion": "discuss it before",
    "consultation": "consult us before",
    "agreement": "agree it with us before",
    "receipt": "show receipts when",
    "receipts": "show receipts when",
}
_PRESENT_HABIT = re.compile(
    r"^(?:you|u)\s+(?!(?:are|were|was|is|have|has|had|do|did|does|can|could|will|would|should|must|might|may|"
    r"need|want|know|think|say|said|feel|seem|mean|get|got|also)\b)([a-z]+)\b(.*)$",
    re.I,
)
# one occasion named: "on the 3rd", "on Friday", "tomorrow", "next week" (a habit says "every", "always")
_ONE_OFF = re.compile(
    r"\b(?:on (?:the )?\d{1,2}(?:st|nd|rd|th)\b|on (?:mon|tues|wednes|thurs|fri|satur|sun)day\b|tomorrow\b|tonight\b|"
    r"this (?:coming )?(?:week|weekend|month|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|next (?:week|weekend|month|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)(?![^.?!]*\b(?:every|always|each)\b)",
    re.I,
)
_PAST_COMPLAINT = re.compile(
    r"^(?:you|u)(?:'ve| have)?\s+(\w+ed|took|made|gave|sold|sent|put|left|spent|went|did|got|paid|bought|lent)\b(.*)$",
    re.I,
)
_STARTED = re.compile(r"^(?:you|u)(?:'ve| have)? (?:started|begun|taken to) (\w+ing\b.*)$", re.I)
_NOT_DONE = re.compile(r"^(?!you\b)(.+?)\s+(hasn't|haven't|has not|have not) been (\w+ed)\b.*$", re.I)
_YOUR_MODAL = re.compile(r"^(your (?:\w+ ){0,2}?\w+) (?:will|would|could|might) (\w+)(.*)$", re.I)
_NEEDS = re.compile(r"^([A-Z][a-z]+|he|she|they|the kids|the children|our \w+|my \w+) needs? (?!to\b)(.+)$")
_WE_HAVE = re.compile(r"^we (?:really |just |also )?(?:need|want|would like|'d like) (?!to\b)(.+)$", re.I)
_WE_TO = re.compile(
    r"^we (?:really |just |also )?(?:need|want|would like|'d like|have|should|must) (?:to )?(.+)$", re.I
)
_GETTING = re.compile(r"^(?:getting|having) (.+)$", re.I)


_THING_SHOULD_BE = re.compile(
    r"^(?P<subj>(?:the|my|our|your|his|her|their|a|an)\s[^,]{1,50}?)\s+(?:should|must|needs? to|has to|have to|ought to)\s+"
    r"be\s+(?P<rest>.+)$",
    re.I,
)
# a thing said to need doing: "the March invoice needs reissuing", "the gutters need clearing before winter"
_NEEDS_DOING = re.compile(
    r"^(?P<subj>(?:the|my|our|your|his|her|their)\s(?:(?!\band\b)[^,]){1,50}?)\s+(?:still\s+|really\s+)?needs?\s+"
    r"(?P<doing>(?!doing\b|being\b|having\b|getting\b)[a-z]+ing)\b(?P<rest>[^,]*)$",
    re.I,
)
# a letter's request lead: "we would ask that you", "I must request that you"
_ASK_THAT_YOU = r"(?:i|we) (?:would |must |'d )?(?:ask|request) that (?:you|u)"
_WANTED_STATE = re.compile(
    r"^(?:the|my|our|your|his|her|their)\s(?:(?!\b(?:is|are|was|were|has|have|had|not|never|no|nobody|nothing)\b)[^,]){1,50}?\s+"
    # what is done to put a thing right, never what went wrong with it ("the car scratched", "my bike stolen")
    r"(?:fixed|repaired|sorted(?: out)?|cleaned|cleared|mended|returned|paid|done|replaced|removed|collected|treated|"
    r"serviced|painted|cut(?: back)?|trimmed|settled|dealt with|put (?:straight|right)|seen to|looked at|checked|"
    r"inspected|signed|sent|back|finished|emptied|unblocked|moved|fitted|installed|refunded|confirmed|resolved)"
    r"(?:\s+(?:before|by|within|asap|properly|once and for all|now|soon|in time)\b.*)?$",
    re.I,
)
_THING_IS = re.compile(
    r"^(?P<subj>(?:the|my|our|your|his|her|their)\s[^,]{1,40}?)(?:\s+(?:which|that|who))?\s+(?P<verb>is|are|has|have|was|were|keeps?|'s)\s+(?P<rest>.+)$",
    re.I,
)


def _reshape(text: str, desired: bool, complaint_said: bool = False) -> str | None:
    """Requests for the common shapes of a complaint, or None when none fits."""
    m = _THING_SHOULD_BE.match(text)
    if m:  # "the borehole should be repaired" -> "Could the borehole be repaired?"
        return f"Could {m.group('subj')[0].lower() + m.group('subj')[1:]} be {m.group('rest')}?"
    m = _NEEDS_DOING.match(text)
    if m:  # "the March invoice needs reissuing with our PO number on it" -> "Could you reissue the March invoice..."
        return f"Could you {base_form(m.group('doing'))} {lower_initial(m.group('subj'))}{m.group('rest')}?"
    m = _WITHOUT_NOUN.match(text)
    if m:
        return f"Could you {_NOUN_FIX[m.group(3).lower()]} {_past_to_gerund(m.group(1))} {m.group(2)}?"
    m = _STARTED.match(text)
    if m:
        return f"Could you stop {m.group(1)}?"
    m = _WITHOUT.match(text)
    if m:
        who = m.group(4) or ("us" if re.search(r"\b(?:our|us|we)\b", text, re.I) else "me")
        verb = _WITHOUT_VERB[m.group(3).lower()]
        if verb == "let":
            return f"Could you let {who} know before {_past_to_gerund(m.group(1))} {m.group(2)}?"
        return f"Could you {verb} {who} before {_past_to_gerund(m.group(1))} {m.group(2)}?"
    m = _YOU_TO.match(text)
    if m:
        return f"Could you {m.group(1)}?"
    m = _US_TO.match(text)
    if m:
        return f"Could we {m.group(1) or m.group(2)}?"
    m = _TO_BE.match(text)
    if m:
        what, how = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        return f"Could you make sure {what} is {how}?"
    if desired and re.match(r"^(?:you|u)\s+\w+", text, re.I):
        rest = re.sub(r"^(?:you|u)\s+", "", text, flags=re.I)
        return f"Could you {rest}?"
    m = _WE_HAVE.match(text)
    if m:
        return f"Could we have {m.group(1)}?"
    m = _WE_TO.match(text)
    if m:
        return f"Could we {m.group(1)}?"
    m = _GETTING.match(text)
    if m:
        return f"Could we agree on {m.group(1)}?"
    m = _NEEDS.match(text)
    if m:
        return f"Could we make sure {m.group(1)} has {m.group(2)}?"
    m = _YOUR_MODAL.match(text)
    if m:
        return f"Could we find a way for {m.group(1).lower()} not to {m.group(2)}{m.group(3)}?"
    if desired:
        m = _YOUR_DOES.match(text)
        if m:
            return f"Could you make sure {m.group(1).lower()} {m.group(2)}{m.group(3)}?"
    m = _NOT_DONE.match(text)
    if m:
        plural = m.group(2).lower().startswith("have")
        return f"Could we make sure {m.group(1)[0].lower() + m.group(1)[1:]} {'are' if plural else 'is'} {m.group(3)} regularly?"
    m = _YOUR_KEEPS.match(text)
    if m:
        stops = "stop" if re.search(r"[^s]s$", m.group(1)) else "stops"
        return f"Could you make sure {m.group(1).lower()} {stops} {m.group(2)}{m.group(3)}?"
    m = _YOUR_DOES.match(text)
    if m and not m.group(2).lower().endswith("ss"):
        return f"Could you make sure {m.group(1).lower()} no longer {m.group(2)}{m.group(3)}?"
    m = _PASSIVE.match(text) if not starts_with_verb(text) else None  # "book deliveries ... as our dock is shared"
    if m and re.search(r"\b(?:that|which|who)$", m.group(1).strip(), re.I):
        m = None  # "the $10,000 bonus that was promised" names a thing: its 'was' says nothing of a complaint
    if m:
        plural = m.group(2).lower() in {"were", "are", "have been", "keep being"}
        # "the bins are always left out" is a complaint to stop; "decisions are made at a meeting" is a wish
        complaint = desired is False and (
            complaint_said
            or _COMPLAINT_MARK.search(text)
            or m.group(2).lower() in {"was", "were", "has been", "have been", "keep being", "keeps being"}
        )
        said = m.group(1) if tag(m.group(1))[0].tag in {"NNP", "NNPS"} else lower_initial(m.group(1))
        return f"Could we agree that {said} {'are' if plural else 'is'} {'no longer ' if complaint else ''}{m.group(3)}{m.group(4)}?"
    m = _THERE_IS.match(text)
    if m:
        return f"Could we find a fix together for {m.group(1)}?"
    m = _STARTED.match(text)
    if m:
        return f"Could you stop {m.group(1)}?"
    m = _PAST_COMPLAINT.match(text)
    if m:
        return f"Could you check with me before {_past_to_gerund(m.group(1))}{m.group(2)} again?"
    m = _PRESENT_HABIT.match(text)
    if m and not desired and _ONE_OFF.search(m.group(2)):
        # "You take her to the cardiologist on the 3rd": one occasion named, so an instruction, not a habit
        return f"Could you {m.group(1).lower()}{m.group(2)}?"
    if m and not desired and (m.group(1).lower() not in _IRREGULAR_ING or m.group(1).lower() in {"let", "put", "read"}):
        return f"Could you stop {gerund(m.group(1))}{m.group(2)}?"
    if _WANTED_STATE.match(text):  # "the mice dealt with", "the garage settled before it is too late"
        return f"Could we get {text[0].lower() + text[1:]}?"
    if re.match(r"^(?:the|your|this|that)\b", text, re.I) and not re.search(
        r"\b(?:is|are|was|were|has|have|had|does|do|did|will|would|keeps?|goes|gets)\b", text, re.I
    ):
        return _from_words(text) or f"Could we find a solution together for {text[0].lower() + text[1:]}?"
    return None


def _tidy(ask: str) -> str:
    """Capital I, no doubled spaces, no dangling joiner before the question mark."""
    ask = re.sub(r"\bi\b", "I", ask)
    ask = re.sub(r"\b(?:i|I)'(d|m|ll|ve)\b", lambda m: "I'" + m.group(1), ask)
    ask = re.sub(r"[,;\s]+(?:and|or|but|that|so)?\s*\?$", "?", ask)
    ask = re.sub(r"\s{2,}", " ", ask)
    return ask[0].upper() + ask[1:] if ask else ask


def without_asides(text: str) -> str:
    """A demand without the sighs and jabs said around it ('for once', 'like a normal person', 'ever again')."""
    text = re.sub(
        r"\b(?:for once|for god'?s sake|ffs|seriously|honestly|for crying out loud|"
        r"like a normal person|for a change|ever again|already|any ?more)\b,?\s*",
        "",
        text,
        flags=re.I,
    )
    return re.sub(r"\s{2,}", " ", text).strip(" ,")


def to_request(demand: str) -> str:
    """Phrase one demand as a single-sentence request to the other side, without blame."""
    return _tidy(_to_request(demand))


def _subjunctive(text: str) -> str | None:
    """What a letter asks of someone else: "your children refrain from kicking the ball" / "your guests
    should not block the lane" -> "Could your children refrain from...?"; None for any other shape ("the
    back door lock keeps sticking" is a complaint: its verb is not the base form)."""
    words = [w for w in tag(text) if w.text.strip()]
    if not words or not re.match(r"^(?:the|our|my|your|his|her|their|these|those)$", words[0].text, re.I):
        return None
    verb = next((k for k, w in enumerate(words) if w.tag.startswith("VB") or w.tag == "MD"), None)
    if verb is None or verb < 1 or verb > 7 or any(w.tag in {"IN", "TO", ","} for w in words[:verb]):
        return None
    k = verb
    if words[k].tag == "MD" and words[k].lower in {"should", "must", "shall", "could", "would"}:
        k += 1  # "the rota could be posted a week ahead", said after 'if' as a wish
    negated = k < len(words) and words[k].lower == "not"
    k += negated
    if k >= len(words) or words[k].tag not in {"VB", "VBP"} or words[k].lower in {"is", "are", "have", "do"}:
        return None
    at = re.search(r"\b" + re.escape(words[verb].text) + r"\b", text)
    rest = re.search(r"\b" + re.escape(words[k].text) + r"\b", text[at.start() :] if at else text)
    if at is None or rest is None:
        return None
    who = text[: at.start()].strip()
    tail = text[at.start() + rest.start() :].strip(" .!?")
    return f"Could {who[0].lower() + who[1:]} {'not ' if negated else ''}{tail}?"


# what a letter requests: "the lift (to) be repaired within 14 days", "the borehole should be repaired"
_WISHED_BE = re.compile(
    # "the borehole should be repaired": the shortest subject, so a modal before "be" is never part of it
    r"^((?:the|our|my|your|all|any|a|an)\s+[\w' -]{1,40}?)\s+"
    r"(?:to\s+|(?:should|must|shall|has to|have to|needs? to|ought to)\s+)?be\s+(\w+ed\b.*|\w+en\b.*|made\b.*|paid\b.*|kept\b.*|shared\b.*)$",
    re.I,
)


def _to_request(demand: str) -> str:
    # "I'd like my ladder back" is read as "I would like ...": a wish, asked as a question below
    text = re.sub(r"^(i|we)['’]d (like|love)\b", r"\1 would \2", demand.strip(), flags=re.I)
    # "I'd like Karen to stop telling everyone..." asks Karen: "Could Karen stop telling everyone...?"
    other = re.match(
        r"^(?:i|we) (?:would like|want|need) (?P<who>(?-i:[A-Z][\w'-]+)|him|her|them|(?:the|your|my|our|his|their) "
        r"[\w' -]{1,25}?) to (?P<what>(?!be\b)\w.+?)[.!?]*$",
        text,
        re.I,
    )
    # "I have not had a receipt for the £200" asks for it: "Could I have a receipt for the £200?"
    lacking = re.match(
        r"^(i|we) (?:still )?(?:have not|haven'?t|have never|never|did not|didn'?t) (?:yet )?(?:had|got|gotten|received|"
        r"get|receive|been given|been sent)\s+(?P<what>(?:a|an|the|my|our|any)\b.+?)(?:\s+yet)?[.!?]*$",
        text,
        re.I,
    )
    if lacking:
        what = re.sub(r"^any\b", "a", lacking.group("what"), flags=re.I)
        return f"Could {'we' if lacking.group(1).lower() == 'we' else 'I'} have {what}?"
    if other and other.group("who").lower() not in {"i", "you"}:
        who = SUBJECT_FORM.get(other.group("who").lower(), other.group("who"))
        return f"Could {who} {other.group('what')}?"
    text = _MID_CUE.sub("", text)
    stripped = _LEAD_CUE.sub("", text)
    desired = stripped != text
    text = _TRAIL_CUE.sub("", stripped)
    # "you must pay back the money" asks for the paying back: "Could you pay back the money?"
    text = re.sub(
        r"^(?:you|u)\s+(?:really\s+)?(?:must|need to|have to|should|gotta|got to|ought to)\s+", "", text, flags=re.I
    )
    text = re.sub(r"^(?:is|:)\s+", "", text, flags=re.I).strip(" ,.;:!-—")
    # "We would ask that you fix the gate" asks for the fixing: "Could you fix the gate?"
    text = re.sub(rf"^{_ASK_THAT_YOU}\s+", "you to ", text, flags=re.I)
    # keep one sentence: the first clause that carries the demand
    text = re.split(r"(?<=[.!?])\s+", text)[0].strip(" .!?")
    text = re.sub(r",\s*(?:it|that|which)\s+(?:has|is|was|'s)\b.*$", "", text, flags=re.I)
    # a feeling said after the demand is not part of the ask: "pay the electric on time, I'm sick of covering it"
    text = re.sub(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:i'?m|i am|i've|i have|it'?s|it is)\b.*$", "", text, flags=re.I)
    text = re.sub(
        r"^(?:please|kindly)\s+(?=(?:stop|don'?t|do|be|give|let|tell|make|keep|pay|come|call|text|send|ensure|"
        r"confirm|share|issue|process|arrange|return|fix|repair)\b)",
        "",
        text,
        flags=re.I,
    )
    text = without_asides(text)
    if not text:
        return ""
    # "getting the mould in the bedroom sorted (because my son has asthma)", "the fence fixed": a thing and the
    # state wanted for it -> "Could we get the mould in the bedroom sorted, because my son has asthma?"
    done = re.match(
        r"^(?!(?:(?!\b(?:because|since|as|cos)\b).)*\b(?:be|been|is|are|was|were|will|would|should|must|can|could|so|and|but|not|never|no)\b|(?:(?!\b(?:because|since|as|cos)\b).)*n't\b)"
        r"(?:getting\s+|having\s+)?((?:the|my|our|your|his|her|their|a|an|that|this)\s+[\w' -]{1,50}?\s+"
        r"(?:sorted(?: out)?|fixed|done|repaired|replaced|cleaned(?: up)?|cleared|paid(?: back)?|signed|returned|"
        r"finished|treated|removed))(\s*,?\s+(?:because|since|as|cos)\b.*)?$",
        text,
        re.I,
    )
    if done:
        why = f", {done.group(2).strip(' ,')}" if done.group(2) else ""
        return f"Could we get {lower_initial(done.group(1))}{why}?"
    # "the lift be repaired within 14 days" (what a letter requests): "Could the lift be repaired...?"
    wished = _WISHED_BE.match(text)
    someone = re.match(
        r"^(someone|somebody|one of you|one of us|everyone|everybody)\s+(?!is\b|has\b|was\b)(\w+)\b(.*)$", text, re.I
    )
    if someone and starts_with_verb(someone.group(2)):  # "someone own the release notes"
        return f"Could {someone.group(1).lower()} {someone.group(2)}{someone.group(3)}?"
    if wished:
        return f"Could {wished.group(1)[0].lower() + wished.group(1)[1:]} be {wished.group(2)}?"
    subjunctive = _subjunctive(text)
    if subjunctive:
        return subjunctive
    m = _THIRD_NEVER.match(text)
    if m:
        who = m.group(1)
        if re.match(r"^(?:the|our|my|your|his|her|management|staff)\b", who, re.I):
            who = who[0].lower() + who[1:]
        return f"Could {who} {_base_from_third(m.group(2))} {m.group(3)}?"
    asked = re.match(r"^(?:you|u)\s+((?:stop|quit|start|give up)\s+\w+ing\b.*|not\s+\w+\b.*)$", text, re.I)
    if asked:  # "(that) you stop letting your mum..." is already the change asked for
        return f"Could you {asked.group(1)}?"
    text = _flip_habit(text)
    said_as = text  # before the habit words go: "the rent is always paid late" is a complaint
    text = re.sub(r"\b(?:always|never|constantly|every single time)\b\s*", "", text, flags=re.I).strip()
    reshaped = _reshape(text, desired, complaint_said=bool(_COMPLAINT_MARK.search(said_as)))
    if reshaped:
        return reshaped
    if _REQUEST_START.match(text):
        core = re.sub(r"\?$", "", text)
        return core[0].upper() + core[1:] + "?"
    for pattern, form in _ASK_FORMS:
        m = pattern.match(text)
        if not m:
            continue
        body = next(g for g in m.groups() if g is not None).strip(" .!?")
        if form in {"self", "have"}:
            body = m.group(2)
        if form == "action":
            return f"Could you {body}?"
        if form == "self":
            who = "I" if m.group(1).lower() == "i" else "we"
            return f"Could {who} {m.group(2).strip(' .!?')}?"
        if form == "have":
            who = "I" if m.group(1).lower() == "i" else "we"
            return f"Could {who} have {m.group(2).strip(' .!?')}?"
        if form == "nomore":
            return f"Could we agree on no more {body}?"
        if form == "stop":
            return f"Could you stop {body}?"
        if form == "we":
            return f"Could we {body}?"
    if re.search(r"\b(?:should|must|needs? to|has to|have to|ought to)\b", text, re.I) and not re.match(
        r"^(?:you|u)\b", text, re.I
    ):
        return f"Could we agree that {text[0].lower() + text[1:]}?"
    m = _THING_IS.match(text)
    if (
        m and not desired
    ):  # "the boiler has been on and off" -> "Could we sort out the boiler, which has been on and off?"
        verb = "is" if m.group("verb") == "'s" else m.group("verb")
        return f"Could we sort out {m.group('subj')[0].lower() + m.group('subj')[1:]}, which {verb} {m.group('rest')}?"
    if _NOUN_START.match(text):
        return f"Could we agree on {text[0].lower() + text[1:]}?"
    if re.match(r"^stop\b", text, re.I) or _IMPERATIVE.match(text):
        return f"Could you {text[0].lower() + text[1:]}?"
    being = re.match(r"^(?:you're|you are|u r|ur)\s+(.+)$", text, re.I)
    if being:
        return f"Could we work out together how to change this: being {being.group(1)}?"
    return _from_words(text) or f"Could we work out a change together on this: {text[0].lower() + text[1:]}?"


# said before what is asked and adding nothing to it: "pls", "for the love of God", "actually", "maybe"
_ASK_FILLER = re.compile(
    r"^(?:(?:pls|plz|please|kindly|actually|maybe|perhaps|just|honestly|seriously|for the love of god|"
    r"for god'?s sake|for once)\b[\s,]*)+",
    re.I,
)
_ASKED_ALREADY = re.compile(
    r"^(?:can|could|would|will)\s+(?:you|u|we|someone|somebody|anyone|everyone|the|my|our|your|this|that)\b", re.I
)
_DONT = re.compile(r"^(?:don'?t|do not|dont|never|not)\s+(?=\w)", re.I)
# a thing that is a trouble in itself: what is asked is that it be sorted, not agreed on
_TROUBLES = frozenset(
    [
        "damp",
        "mould",
        "mold",
        "leak",
        "leaks",
        "noise",
        "music",
        "smell",
        "mess",
        "rubbish",
        "rats",
        "mice",
        "pests",
        "draught",
        "crack",
        "cracks",
        "barking",
        "parking",
        "flooding",
        "flood",
        "rot",
        "infestation",
    ]
)


def _from_words(text: str) -> str | None:
    """A request read from the words' own grammar, for what no shape above fits: an order ("refund the
    deposit", "don't use my pans") is asked of the other side, a thing wanted ("30-day payment terms") is
    agreed on, a thing with its change ("meetings moved to evenings", "coaches stop shouting") is asked for;
    None for a statement ("he is crying at home"), which holds no request to phrase."""
    said = _ASK_FILLER.sub("", text).strip(" ,.;:!-—")
    if not said.split():
        return None
    if _ASKED_ALREADY.match(said):  # "can the rota go up on Thursday" is already a request
        return said[0].upper() + said[1:].rstrip(" ?.!") + "?"
    dont = _DONT.match(said)
    if dont:
        rest = said[dont.end() :]
        return f"Could you please not {rest}?" if starts_with_verb(rest) else None
    if starts_with_verb(said):
        return f"Could you {lower_initial(said)}?"
    words = [w for w in tag(said) if w.tag not in {"``", "''"}]
    verb = next((i for i, w in enumerate(words) if w.is_verb and w.tag != "VBG"), None)
    if verb is None:
        if not words or words[0].tag not in {"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "PRP$", "CD"}:
            return None
        # a name or a greeting ("Funmi and Dele Bakare", "my dear Vicar") is no thing to agree on
        nouns = [w.lower for w in words if w.tag in {"NN", "NNS"}]
        if re.match(r"^(?:my\s+)?(?:dear|dearest|respected)\b", said, re.I):
            return None
        if not nouns or any(w.tag in {"POS", "VBG"} or w.text == "," or w.lower in {"needs", "keeps"} for w in words):
            return None  # "the front door lock sticks and needs replacing" is a statement the tagger misread
        what = lower_initial(said) if words[0].tag != "NNP" else said
        if any(n in _TROUBLES for n in nouns[:2]):
            return f"Could we sort out {what}?"
        if any(
            w.lower in {"out", "off", "away", "back", "down", "up"}
            and not (i + 1 < len(words) and words[i + 1].tag.startswith("NN"))  # "the back bedroom" is a place
            for i, w in enumerate(words[1:], 1)
        ):
            return f"Could we get {what}?"  # "your bike out of the hallway": a thing and where it should be
        return f"Could we agree on {what}?"
    subject, v = words[:verb], words[verb]
    if (
        not subject
        or len(subject) > 5
        or any(w.tag in {"PRP", "EX", "WP", "WDT", "IN", "RB", "VBG", ","} for w in subject)
        or subject[-1].tag == "POS"
        or (v.lemma.lower() in {"be", "have", "do"} and v.tag != "VB")
    ):
        return None  # "he is crying at home", "there's no heating", "the intercom's still broken": a statement
    who = join(subject)
    who = who if subject[0].tag == "NNP" else lower_initial(who)
    after = words[verb + 1 :]
    rest = join(after)
    if any(w.text == "," for w in after):
        return None  # what follows a comma may be anything: not guessed at
    if v.tag == "VB" or (v.tag == "VBP" and subject[-1].tag in {"NNS", "NNPS"}):
        return f"Could {who} {v.text} {rest}".rstrip() + "?"  # "coaches stop shouting", "homework be set"
    if (
        v.tag in {"VBN", "VBD"}
        and v.lower != v.lemma.lower()
        and v.lower.endswith("ed")
        and (not after or after[0].tag in {"IN", "RB", "RP", "TO"})  # "the meeting agreed the insurance": no
    ):
        return f"Could {who} be {v.text} {rest}".rstrip() + "?"  # "meetings moved to evenings"
    return None


_LIST_LEAD = re.compile(
    r"^(?:(?:i|we)\s+(?:really\s+|just\s+|also\s+|honestly\s+)?(?:want|need|would like|'d like|expect|ask|would love)\s+"
    r"(?P<who1>him|her|them|you|u|my \w+|our \w+|the \w+|(?!(?:us|me|we|it|this|that)\b)[A-Z][a-z]+)\s+to\s+"
    # "we'd like the coordinator to...": contracted, only to someone by role (a name may be who gets something:
    # "I'd like Tom to have the car"), never a chance or the time
    r"|(?:i|we)['’]d (?:really\s+)?like\s+(?P<who3>(?:the|my|our) (?!(?:opportunity|chance|time|option|right|"
    r"freedom|space|money|ability|decision|matter|issue)\b)\w+|him|her|them|you|u)\s+to\s+"
    r"|(?P<who2>he|she|they|you|u|my \w+|our \w+|the \w+|[A-Z][a-z]+)\s+(?:really\s+)?(?:should|must|needs? to|has to|have to|"
    r"ought to|could|can|will|'ll|better|'d better|had better|has got to|have got to|gotta)\s+(?:also\s+)?"
    r"|(?:(?:i'?d|i would|we'?d|we would|i should|we should|i shall|we shall) (?:be (?:most |very |so )?(?:grateful|obliged)|"
    r"appreciate it) if you (?:could|would)(?:\s+please)?|kindly|" + _ASK_THAT_YOU + r"|"
    r"(?:please|could you|can you|would you|will you)(?:\s+(?:please|possibly|kindly|be so kind as to))?)\s+"
    # ("I'd like the money returned, the bike fixed, and an apology": 'd said without a space)
    r"|(?P<have>(?:i|we)(?:\s+(?:really\s+|just\s+|also\s+)?(?:want|need|would like|expect|deserve)|['’]d\s+(?:really\s+)?like)"
    r"\s+(?!to\b)))",
    re.I,
)
_THIRD = {"him": "you", "his": "your", "himself": "yourself", "he": "you", "she": "you", "hers": "yours",
          "herself": "yourself", "they": "you", "them": "you", "their": "your", "theirs": "yours",
          "themselves": "yourselves"}  # fmt: skip
_CONTEXT = re.compile(
    r"^(?:i'?m|i am|i feel|i felt|i've|i have been|we've been|we have been|it'?s been|this has been|i just|i love|"
    r"i don'?t know|i'?m not sure|i honestly|we'?re|we are|i was|we were|thanks|thank you|hi|hello|dear|sorry|"
    r"anyway|that'?s all|to be honest|tbh|long story short|so yeah|idk|ugh|lol)\b",
    re.I,
)
_REQUEST_WORDS = re.compile(
    r"\b(?:should|must|need|needs|want|wants|please|stop|no more|have to|has to|got to|gotta|expect|could you|"
    r"can you|would you|never|always|keeps?|won'?t|doesn'?t|don'?t|isn'?t|aren'?t|broken|leak\w*|mould|mold|damp)\b",
    re.I,
)
_PIECES = re.compile(r"\s*,\s*(?:and\s+|or\s+|also\s+|plus\s+|then\s+)?|\s+(?:and|plus|as well as|and also)\s+", re.I)
_YOU_AND = re.compile(
    r"\s+(?:and|but)\s+(?=(?:never|always|don'?t|doesn'?t|won'?t|keeps?|constantly|still|then)\b)", re.I
)


@dataclass
class _Demand:
    text: str
    priority: bool = False
    who: str | None = None  # third-person addressee the demand was said about ("him"), made "you" in the ask


def _sentences(text: str) -> list[str]:
    # "Mr T. Bajwa", "Dr. Okafor", "St. Mary's": an initial or a title does not end a sentence
    # (written without the stop, as British usage allows: "Mr T Bajwa", "Dr Okafor")
    text = re.sub(r"\b([A-Z]|Mr|Mrs|Ms|Dr|St|Prof|No|Jr|Sr)\.\s+(?=[A-Z])", "\\1 ", text)
    text = re.sub(
        r"\b([Nn]o|[Nn]os)\.\s*(?=\d)", "\\1 ", text
    )  # "the streetlight outside no. 12": a number, not a stop
    # a priority said in brackets marks the item before it: "the furnace (that's the big one, we're cold)"
    # ...and one that opens a line marks that line: "• (biggest one) get the floodlights fixed"
    text = re.sub(
        r"(?m)^([ \t]*)\(([^()]{0,80})\)[ \t]*",
        lambda m: m.group(1) + ("Most importantly, " if _BRACKET_CUE.search(m.group(2)) else ""),
        text,
    )
    text = re.sub(r"[ \t]*\(([^()]{0,80})\)", lambda m: _bracketed(m.group(1)), text)
    text = re.sub(r"\s+&\s+", ", and ", text)  # "the window wont shut & the alarm keeps chirping"
    text = re.sub(r"\s+[:;]-?[)(DP]\s*", ". ", text)  # a smiley ends what was said before it
    parts = re.split(r"(?<=[.!?])\s+|\n+|;\s*|\s+[-–—]\s+|(?<=[a-z])\s*\.{2,}\s*", text.strip())
    out = []
    for p in parts:
        p = re.sub(r"^\s*(?:\d+[.)]|[-*•])\s+", "", p).strip(" \t,")
        p = re.sub(r"[\s,]+(?:and|or|&)$", "", p, flags=re.I)  # "(c) credit the panels, and (d) ...": the 'and' joins
        if p:
            out.extend(_run_on(p))
    return out


# a clause with its own subject and verb after ", and ...": where a long spoken run-on sentence
# ("the boiler's making that noise again, and the window won't shut, and there's the thing with the
# bins...") holds one complaint per clause
_OWN_CLAUSE = re.compile(
    r",\s*(?:and|but|so)\s+(?:(?:honestly|also|then|plus|basically|like|yeah)\s+)*"
    r"(?=(?:could|can|would) (?:you|u)\b|please\b|(?:the|there|my|our|his|her|their|it|you|u|he|she|they)\b[^,]{0,40}?"
    r"(?:\b(?:is|are|was|were|won'?t|isn'?t|aren'?t|keeps?|need|needs|have to|has to|got to|must|never|always|"
    r"has|have|hasn'?t|haven'?t|needs?|can'?t|doesn'?t|don'?t)\b|'s\b))",
    re.I,
)


def _run_on(sentence: str) -> list[str]:
    """A long run-on sentence split at its own clauses; a short one, or one with nothing to split, whole."""
    if len(sentence.split()) < 25 or ":" in sentence:
        return [sentence]  # a list after a colon is split where its items are
    pieces = [x.strip(" ,") for x in _OWN_CLAUSE.split(sentence)]
    if len(pieces) < 2 or any(len(x.split()) < 3 for x in pieces):
        return [sentence]
    return pieces


_BRACKET_CUE = re.compile(
    r"\b(?:(?:the )?(?:big|main|key|biggest|important|urgent) (?:one|thing)|most important|main thing|priority|above all|"
    r"most of all|matters most|the one|most particularly|in particular|especially)\b",
    re.I,
)


def _bracketed(inside: str) -> str:
    """What a bracket adds to an item: a priority cue is kept (as 'the big one'), an aside is dropped."""
    cue = _BRACKET_CUE.search(inside)
    return f" {cue.group(0).lower()}" if cue else ""


def _pieces(rest: str, verbs: bool) -> list[str]:
    """'do the dishes, stop being late and call his mother less' -> three pieces (each must start right)."""
    raw = [p.strip(" ,.!?") for p in _PIECES.split(rest) if p and p.strip(" ,.!?")]
    if len(raw) < 2:
        return [rest.strip(" ,.!?")]
    merged: list[str] = []
    for piece in raw:
        # "and most of all you must pay back the money": the cue and the modal lead a piece of its own
        bare = re.sub(
            r"^(?:(?:most of all|above all|especially|mainly|most importantly|more than anything)\s+)?"
            r"(?:(?:you|u)\s+(?:must|need to|have to|should|gotta)\s+)?",
            "",
            piece,
            flags=re.I,
        )
        # "to stop putting him out", said again after each comma of "I want the school to phone me, to stop...":
        # the marker repeated, not part of the item
        if verbs and merged and re.match(r"^to\s+\w", piece, re.I) and starts_with_verb(merged[0]):
            piece = bare = piece[3:].lstrip()
        starts_ok = starts_with_verb(bare) if verbs else not starts_with_verb(piece)
        # "our own changing room, not the one with no showers": what it is not says which one, no item of its own
        contrast = re.match(
            r"^(?:not|rather than|instead of)\s+(?:the|a|an|that|this|those|these|one|any|my|your|our)\b", piece, re.I
        )
        if merged and (not starts_ok or (len(piece.split()) < 2 and not verbs) or contrast):
            # a reason or a condition joins the item it belongs to as said, not with "and"
            glue = (
                ", "
                if _SUBORDINATE.match(piece)
                or contrast
                or re.match(r"^(?:so|cos|coz)\b", piece, re.I)
                # "Fix the heating in bay 3, it's freezing": how things are, said beside the item
                or re.match(r"^(?:it|that|this|he|she|they)(?:'s|’s| is| are|'re|’re)\s", piece, re.I)
                else " and "
            )
            merged[-1] = f"{merged[-1]}{glue}{piece}"
        else:
            merged.append(piece)
    return merged


# a list whose items each start with the same marker: "I must ask that X, that Y and that Z", "what I
# want is for you to X, and for us to Y, and for you to Z"
_MARKED_ITEM = re.compile(
    r"(?P<lead>^|,\s*|\s+)(?:(?:and|also|then|plus|um+|uh+|like|i dunno|honestly)\b,?\s*)*"
    r"(?P<mark>that|if|for (?:you|u|us|him|her|them) to)\s+(?=\w)",
    re.I,
)


def _wished(clause: str) -> str:
    """A wish said after 'if' in the past, in the base form a request needs: 'the calls stopped' -> 'the
    calls stop', "the heating weren't set so low" -> 'the heating not be set so low' ('could' stays)."""
    words = [w for w in tag(clause) if w.text.strip()]
    k = next((i for i, w in enumerate(words) if w.tag.startswith("VB") or w.tag == "MD"), None)
    if not k:
        return clause
    verb, rest = words[k], words[k + 1 :]
    at = re.search(r"\b" + re.escape(verb.text) + r"(?=n['’]t\b|(?!\w))", clause, re.I)
    if at is None:
        return clause
    head = clause[: at.start()].strip()
    if words[0].tag in {"NN", "NNS"}:  # "if handovers could happen in person": the handovers meant
        head = f"the {head}"
    if verb.tag != "VBD":
        return f"{head} {clause[at.start() :].strip()}"
    # "didn't leave" -> "not leave": the auxiliary goes, its negation stays
    negated_do = verb.lemma.lower() == "do" and bool(rest) and rest[0].lower in {"n't", "not"}
    base = "" if negated_do else verb.lemma.lower()
    if rest and rest[0].lower in {"n't", "not"}:
        base, rest = f"not {base}".strip(), rest[1:]
    tail = clause[at.end() :].strip() if rest else ""
    tail = re.sub(r"^(?:n['’]t|not)\s*", "", tail) if base.startswith("not") else tail
    return " ".join(x for x in (head, base, tail) if x)


def _marked_items(sentence: str) -> list[str] | None:
    """The items of a list that repeats its marker after commas, each as said after its marker ('that'
    dropped, 'for you to' kept); None when the sentence is not such a list."""
    found = [m for m in _MARKED_ITEM.finditer(sentence)]
    kinds = {m.group("mark").split()[0].lower() for m in found}
    if len(found) < 2 or len(kinds) != 1 or any(not m.group("lead").strip() for m in found[1:]):
        return None
    items = []
    for m, nxt in zip(found, [*found[1:], None], strict=True):
        body = sentence[m.end() : nxt.start() if nxt else len(sentence)].strip(" ,.;")
        body = re.sub(r"(?:,?\s*\b(?:and|also|then|plus|um+|like)\b)+$", "", body, flags=re.I).strip(" ,")
        mark = m.group("mark").lower()
        items.append(_wished(body) if mark == "if" else body if mark == "that" else f"{mark} {body}")
    # what follows the last marked item with its own subject is an item of its own ("..., and that you stop X,
    # and also we need to sort out who pays for the trip")
    last, *more = re.split(
        r",\s*(?:and\s+)?(?:also\s+)?(?=(?:we|i)\s+(?:need|want|have|must|should|'d like)\b)",
        items.pop(),
        maxsplit=1,
        flags=re.I,
    )
    items += [last, *more]
    return items if all(len(i.split()) >= 2 for i in items) else None


# a line that only calls the readers ("lads.", "To whoever reads these.")
_CALLED_ONLY = re.compile(
    r"^(?:(?:hi|hey|hiya|ok|okay|right|oi)\s+)?(?:lads|guys|girls|ladies|folks|everyone|everybody|all|team|people|fellas|"
    r"y'?all|you lot|gents|to whoever (?:reads|is reading|gets) (?:this|these))\W*$",
    re.I,
)
# a greeting, a blessing or a goodbye said alone: "Good evening choir members", "God bless", "Take care all"
_GREETED_ONLY = re.compile(
    r"^(?:(?:good (?:morning|afternoon|evening|day)|hi|hiya|hello|hey|morning|evening|greetings|welcome)\b"
    r"(?![\w\s,'’-]*\b(?:please|pls|can|could|would|need|must|should|don'?t|stop)\b)[\w\s,!'’-]{0,30}|"
    r"(?:god bless(?: you)?(?: all)?|(?:stay )?blessed|blessings|thanks(?: all| everyone| so much| again)?|"
    r"thank you(?: all| everyone| so much)?|many thanks|cheers(?: all)?|take care(?: all| everyone)?|"
    r"have a (?:good|great|nice|lovely) (?:day|week|weekend|evening|one))(?:\s*,?\s*(?-i:[A-Z])\w*)?)[\s.!😊🙏🏾🙏]*$",
    re.I,
)
# when, said before a list of wants: "For the next date", "From January", "Next season"
_WHEN_RUNUP = re.compile(
    r"^(?:for|from|at|on|in|by|after|before|once|starting|this|next|going forward|moving forward|from now on)\b"
    r"[^,.;:]{0,40}?,?\s+(?=(?:i|we)\s+(?:really\s+|just\s+|also\s+)?(?:need|want|would like|expect)\b)",
    re.I,
)
# what starts a clause, not a thing wanted: "it's been sitting there", "you borrowed it", "maybe we split", "as we said"
_NOT_A_THING = re.compile(
    r"^(?:i|you|u|we|he|she|they|it|it's|its|it’s|that's|there's|maybe|perhaps|as|not|because|so|also|always|"
    r"and|but|which|who|if|when)\b",
    re.I,
)


def _demands_in(sentence: str) -> list[_Demand]:
    """The separate demands in one sentence: a lead ('I want him to', 'He should', 'Please') and its list."""
    marked = _marked_items(sentence)
    if marked:
        return [_Demand(i) for i in marked]
    m = _LIST_LEAD.match(sentence)
    runup = None if m else _WHEN_RUNUP.match(sentence)
    after = _LIST_LEAD.match(sentence[runup.end() :]) if runup else None
    if runup and after and after.group("have") and "," in sentence[runup.end() :]:
        # "For the next date we need a soundcheck at 6, our rider honoured and...": when, said before a list of things
        sentence = sentence[runup.end() :]
        m = _LIST_LEAD.match(sentence)
    if (
        m
        and m.group("have")
        and re.search(r"['’]d\s+(?:really\s+)?like\s*$", m.group("have"), re.I)
        and any(_NOT_A_THING.match(p.strip(" ,")) for p in re.split(r",\s*(?:and\s+)?", sentence[m.end() :])[1:])
    ):
        # "I'd like that old truck moved, it's been sitting there since May": said as clauses, not a list of things
        m = None
    if m and m.end() < len(sentence) and re.match(r"^be\b", sentence[m.end() :], re.I):
        return [_Demand(sentence)]  # "the borehole should be repaired": the subject is the demand
    if m and m.end() < len(sentence):
        rest = sentence[m.end() :]
        who = (m.group("who1") or m.group("who2") or m.group("who3") or "").lower() or None
        if m.group("have"):
            return [
                _Demand(
                    p if re.match(r"^(?:i|we)\s+(?:need|want|would like|'d like)\b", p, re.I) else f"{m.group(0)}{p}"
                )
                for p in _pieces(rest, verbs=False)
            ]
        pieces = _pieces(rest, verbs=True)
        third = who if who and who not in {"you", "u", "we", "i"} else None
        if third and len(pieces) == 1 and m.group("who1") and third not in _THIRD:
            return [_Demand(sentence)]  # "I'd like Karen to stop telling everyone...": who is asked stays said
        if who in {"you", "u"} or third:
            return [_Demand(p, who=third) for p in pieces]
        return [_Demand(f"{m.group(0)}{p}") if len(pieces) == 1 else _Demand(p) for p in pieces]
    if starts_with_verb(sentence):
        return [_Demand(p) for p in _pieces(sentence, verbs=True)]
    # a list of orders whose first verb the tagger misreads ("hoover your room, stop leaving your dishes in the
    # sink, put the recycling out on a Tuesday and tell your pal to stop smoking"): the others start with verbs
    listed = [p.strip(" ,.!?") for p in re.split(r",\s*(?:and\s+)?|\s+and\s+(?=\w+\s)", sentence) if p.strip(" ,.!?")]
    if (
        len(listed) >= 3
        and all(2 <= len(p.split()) <= 15 for p in listed)
        and all(starts_with_verb(p) for p in listed[1:])
        and not re.match(r"^(?:i|we|you|u|he|she|they|it|the|my|our|your|this|that|sorry|thanks)\b", listed[0], re.I)
        and not _SUBORDINATE.match(listed[0])  # "If it rains, bring the washing in, ...": a condition, not an order
    ):
        return [_Demand(p) for p in listed]
    if re.match(r"^(?:you|u)\b", sentence, re.I) and not _SUBORDINATE.match(sentence):
        out = []
        for clause in _split_clause_list(sentence):
            first, *more = _YOU_AND.split(clause)
            out.append(_Demand(first))
            out.extend(_Demand(f"you {c}") for c in more)
        return out
    if not _SUBORDINATE.match(sentence) and "," in sentence:
        clauses = [c.strip(" ,.") for c in re.split(r",\s*(?:and\s+|but\s+)?", sentence) if c.strip(" ,.")]
        if len(clauses) > 1 and all(len(c.split()) >= 3 and any(w.is_verb for w in tag(c)) for c in clauses):
            return [_Demand(c) for c in clauses]
        # a bare list of three or more short items: "Bedtime 7:30, no phones at dinner, homework before telly"
        if (
            len(clauses) >= 3
            and not re.match(r"^(?:i|we|you|u|he|she|they|it)\b", sentence, re.I)
            and all(2 <= len(c.split()) <= 8 and not _LEAD_CUE.match(c) for c in clauses)
        ):
            return [_Demand(c) for c in clauses]
    return [_Demand(sentence)]


# words that say how much something matters, or who says so, not what it is
_RANK_WORDS = frozenset(
    [
        "first",
        "most",
        "mostly",
        "main",
        "mainly",
        "priority",
        "biggest",
        "big",
        "important",
        "matters",
        "matter",
        "troubles",
        "trouble",
        "worries",
        "worry",
        "bothers",
        "bother",
        "members",
        "member",
        "say",
        "says",
        "said",
        "come",
        "comes",
        "really",
        "honestly",
        "above",
        "all",
        "especially",
        "particularly",
        "urgent",
        "one",
        "thing",
        "things",
        "week",
        "item",
        "concern",
        "concerns",
        "need",
        "needs",
        "want",
        "wants",
    ]
)


def _unranked_stems(text: str) -> set[str]:
    """_stems without the words that rank ("members", "main"), whole words: "membership" is a thing, not "members"."""
    return {w[:5] for w in _content(text) if w not in _RANK_WORDS}


_HEADING = re.compile(
    r"^(?:(?-i:[^a-z]{4,})|effective immediately|(?:.{0,80}\b)?(?:the following|as follows)|"
    r"for the next [\w ]{1,30}meeting)$",
    re.I,
)


# what is said around a list and is no demand in it: a sign-off with a name ("With love, Mum"), a greeting or
# who is writing ("It's Aisha from the top flat"), the list's own introduction ("Lads, few things from me"),
# what someone is called ("He's a little toad"), a piece cut off before its verb ("We ask that")
_AROUND_A_LIST = re.compile(
    r"^(?:(?:with )?love|best(?: wishes)?|(?:kind |warm )?regards|respectfully|cheers|thanks|many thanks|yours(?: \w+)?|"
    r"your (?:\w+ )?(?:aunt|uncle|sister|brother|mother|father|mum|dad|son|daughter|friend|neighbour|nephew|niece|cousin))"
    r",?\s+(?-i:[A-Z])[\w.'-]*(?:\s+(?-i:[A-Z])[\w.'-]*)*$|"
    r"^(?:hi|hey|hiya|hello|morning|evening|good (?:morning|afternoon|evening))\b[\w\s,!.-]{0,30}$|"
    r"^(?:it'?s|this is) (?-i:[A-Z])\w+(?: from [\w\s]+)?$|"
    r"^.{0,40}\b(?:a )?(?:few|couple(?: of)?|some|two|three|four|five|several|the following) (?:small )?"
    r"(?:things|points|matters|requests|proposals|issues|asks|changes)\b.{0,30}$|"
    r"^(?:you'?re|you are|ur|he'?s|he is|hes|she'?s|she is|the (?:wo)?man'?s)\s+(?:such |actually |just |so )?"
    r"(?:a|an|the most)\s+(?!(?:bit|little bit|lot)\b)[\w\s,-]{2,40}$|"
    r"^(?=(?:\S+\s+){0,7}\S+$).*\b(?:that|to|(?:asking|want|need|request) is)$",
    re.I,
)


# what is said about the list rather than in it: "The rest can wait", "the rest I'll survive", "Other points",
# and the other side's own words quoted back ('"It's just for a week," you said')
_AROUND_THE_ASK = re.compile(
    r"^(?:the rest (?:can|will|i'?ll|i can|is just|are just|is|are|don'?t|doesn'?t|we can)\b.*|(?:the )?others? (?:can|will) wait\b.*|wait|wait (?:till|until) (?:spring|summer|autumn|winter|later|then|next \w+|"
    r"the new year|after \w+)\W*|wait (?:a bit|a while)\W*|(?:other|further|additional|more|minor) "
    r"(?:points|things|issues|matters|requests|bits)\W*|[\"“‘][^\"”’]*|(?:[\"“‘][^\"”’]*)?[\"”’]\s*,?\s*(?:you|he|she|they) (?:said|told)\b.*)$",
    re.I,
)


def _told_as_happened(item: str) -> bool:
    """A statement of what happened, asking nothing: "The wardrobe door was snapped clean off", "Two boxes are
    missing altogether" (a past or passive verb, no request word, no order)."""
    # only a thing said to have happened ("The wardrobe door was...", "Two boxes are..."): "You never..." and
    # "My overtime hasn't been paid" are complaints a list makes its demands of
    if not re.match(r"^(?:the|a|an|two|three|four|some|\d+)\s", item, re.I):
        return False
    if starts_with_verb(item) or re.search(
        r"\b(?:should|must|need|needs|want|wants|please|stop|no more|have to|has to|could you|can you|would you|"
        r"i'?d like|we'?d like)\b",
        item,
        re.I,
    ):
        return False
    if re.search(r"\b(?:be|will|would|shall)\b", item, re.I):
        return False  # "the aircon be repaired", "the premium will be maintained": a state wished for
    words = [w for w in tag(item) if w.text.strip()]
    # said in the past: "was snapped", "got out twice", "have been cold since June" (a bare participle,
    # "the ramp cleared of chairs", is a state wished for)
    past = re.search(
        r"\b(?:was|were|(?:has|have|had|'s)\s+been|got|went|came)\b(?!\s+(?:to|going to)\b)", item, re.I
    ) and not re.search(r"\band\s+(?:the|a|an|my|your)\s+\w+\s+\w+ed\b", item, re.I)
    return bool(past) and len(words) <= 25


def _same_thing(told: str, asked: str) -> bool:
    """Whether a statement and a demand are about the same thing: a content word in common beyond the
    generic ones."""
    nouns = _stems(" ".join(w.text for w in tag(told) if w.tag in {"NN", "NNS"}))
    return bool((_unranked_stems(told) & _unranked_stems(asked) & nouns) - _GENERIC_STEMS)


def _not_parked(item: str, chosen: str) -> bool:
    """True for what is not a demand of its own beside the chosen one: a heading ("MEMO TO ALL KITCHEN
    USERS", "Effective immediately"), what is said around the list (a greeting, a sign-off, its introduction,
    a name called), or the chosen demand said again with how much it matters ("Our members say the lifts
    come first", "Mostly the bins", a cut-off copy of it)."""
    if _HEADING.match(item.strip(" .:")) or (
        _AROUND_A_LIST.match(item.strip(" .!?")) and not starts_with_verb(item)
    ):  # "Fix the two issues with the boiler" is a demand, whatever its words
        return True
    own = _unranked_stems(item)
    asked = _stems(chosen) | {w[:5] for w in re.findall(r"[a-z]+", chosen.lower())}
    return bool(own) and own <= asked


def _content(text: str) -> set[str]:
    return {
        w.lemma.lower()
        for w in tag(text)
        if (w.tag.startswith("NN") or w.tag.startswith("VB") or w.tag.startswith("JJ") or w.tag == "CD")
        and w.lemma.lower() not in _WEAK_WORDS
        # ("OT", "HR", "GP", "PE": a short name in capitals is a thing)
        and (len(w.text) > 2 or (len(w.text) == 2 and w.text.isupper() and w.text not in _SHORT_CAPS))
    }


_SHORT_CAPS = frozenset(
    {"OK", "AM", "PM", "NO", "SO", "UK", "US", "MY", "ME", "WE", "HE", "IT", "IS", "TO", "DO", "OR", "IF"}
)


_WEAK_WORDS = frozenset(
    [
        "be",
        "have",
        "do",
        "get",
        "make",
        "keep",
        "want",
        "need",
        "thing",
        "one",
        "issue",
        "priority",
        "stuff",
        "lot",
        "way",
        "time",
        "matter",
        "night",
        "sort",
        "first",
        "most",
        "important",
        "main",
        "big",
        "biggest",
        "real",
        "home",
        "live",
        "pick",
        "choose",
        "go",
    ]
)


# how a written list opens: "we the tenants are requesting that:", "my requests are as follows:", "we need: (a)"
_INTRO = re.compile(
    r"^(?P<intro>[^:]{0,160}?\b(?:request|requests|requesting|requested|need|needs|want|wants|ask|asking|asks|following|"
    r"things|tings|as follows|demands?|conditions?|terms|points|issues|list|requirements?|priorities|seeks?|proposes?|asks|"
    r"wish(?:es|list)?|wish list|changes|suggestions|ideas|rules|favou?rs|complaints|concerns|grievances|gripes|"
    r"niggles|bits|items|order of (?:importance|priority|urgency)|priority order)\b[^:]{0,60}?):\s*(?P<rest>.+)$",
    re.I,
)
_ITEM_MARK = re.compile(r"\s*;\s*(?:and\s+)?|\s*,?\s*(?:and\s+)?\((?:[a-h]|i{1,3}|iv|vi{0,3}|\d{1,2})\)\s*", re.I)
_ORDINAL_LEAD = re.compile(
    r"^(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth|finally|lastly|next)\b[,:]?\s*", re.I
)
_VOCATIVE_LEAD = re.compile(
    r"^(?:landlord|sir|madam|ma'?am|miss|chef|boss|coach|mate|babes?|bro|sis|guys|team|hi team|hi all|my friend|respected \w+|"
    r"to whom it may concern|"
    r"(?:my )?(?:dear|hi|hello|hey|hiya) (?:(?:mr|mrs|ms|miss|dr|prof)\.? )?\w+(?: \w+)?|oga|so basically|right|ok(?:ay)?)"
    r"\s*[,!:-]\s*",
    re.I,
)
# a list of clauses each with its own subject and "should/must": "the borehole should be repaired, the gate should..."
_SUBJECT_MODAL = re.compile(
    r",\s*(?:and\s+|also\s+)?(?=(?:the|my|your|our|his|her|their|he|she|they|you|u|i|we|(?-i:[A-Z][a-z]+))\b[^,]{0,50}?\b"
    r"(?:should|must|needs?|has to|have to|ought to|want|wants|would like|'d like)\b)|,\s*also\s+|"
    # "i want you to stop reading my messages and i want my curfew to be 11": a new 'I want' is a new demand
    r"\s+and\s+(?=(?:i|we)\s+(?:also\s+|really\s+)?(?:want|need|would like|'d like)\s+(?!to\b|(?:you|u)\s+to\b))",
    re.I,
)
_RUN_UP = re.compile(
    r"^(?:per my (?:last|previous) (?:email|message|note)|as discussed|as agreed|following (?:today'?s|our|the) (?:call|meeting|chat)"
    r"|further to (?:our|my|your) (?:\w+ )?(?:call|meeting|email|letter|conversation|discussion))[,\s]+"
    r"|^please\s+(?=(?:the|my|our|your)\b)",
    re.I,
)
_WOULD_BE_GREAT = re.compile(r"^it (?:would|'d) be (?:really )?(?:great|good|nice|helpful|lovely|ideal) if\s+", re.I)
_ORDINAL_REF = re.compile(
    r"(?:^|\b(?:the|that|this)\s+)(first|second|third|fourth|last|final) (?:one|thing|point|item|"
    r"of (?:these|those|them|the (?:\w+ )?(?:things|points|items|requests|matters)))\b"
    r"|\bthe (number one)\b(?! (?:thing|priority|issue))"
    # "The matter I regard as most important is the first, for reasons you will understand."
    r"|\b(?:is|are|'s|be)\s+the\s+(first|second|third|fourth|last|final)\b(?=\s*(?:[,.;:!?]|$))",
    re.I,
)
_ORDINAL_INDEX = {"first": 0, "second": 1, "third": 2, "fourth": 3, "last": -1, "final": -1, "number one": 0}
# a shrug said instead of an answer: "Dunno.", "Not sure tbh."
_SHRUG = r"dunno|don'?t know|not sure|no idea|idk"
_NOT_A_DEMAND = re.compile(
    r"^(?:(?:i|we) (?:ask|have|want to raise|need to raise)(?: \w+){0,3} (?:things|points|issues)\b|"
    r"(?:just )?(?:a few|few|some|two|three|four|five|several|couple of|a couple of)(?: \w+)? (?:things|points|issues)\b|"
    r"happy to (?:discuss|talk|chat)|hope (?:you'?re|you are|all is|everything'?s|things are) (?:well|good|ok(?:ay)?)\b|"
    r"(?:i|we) (?:write|am writing|are writing)\b|(?:i'?m|we'?re) writing\b|on behalf of\b|"
    r"(?:i|we) (?:want|would like|wish|need) to (?:request|ask|raise|say)\b.*\b(?:following|things|points)\b|"
    # "I want to name some needs", "we'd like to share a few asks": the list's own introduction
    r"(?:.{0,60}\b)?(?:i|we)(?: really)? (?:want|would like|'d like|wish|need) to (?:name|share|list|flag|mention|"
    r"set out|voice) (?:some|a few|my|our|these|the following|a couple of|two|three|four)(?: \w+)? (?:needs|requests|asks|"
    r"wishes|concerns|issues|things|points|boundaries)\W*$|"
    r"(?:many )?thanks|kind regards|regards|cheers|best wishes|yours (?:sincerely|faithfully|truly|ever)|"
    r"(?:ok(?:ay)?,? )?(?:thanks,? )?bye\b|love,? \w+$|(?:that'?s it|that'?s all),? (?:i think|really)?$|i remain\b|"
    # a list's own heading: "Stuff the club needs to fix:", "things that need to change"
    r"(?:stuff|things|what)(?: \w+){0,4} (?:needs?|has|have) to (?:fix|change|sort|improve|happen|stop)\w*\W*$|"
    # a list's own heading: "The Branch hereby sets out the following demands"
    r".{0,60}\b(?:the following|as follows)(?: \w+)?\s*:?\s*$|"
    # "My requests:", "Our demands", "Terms": the name of a list said before it
    r"(?:(?:my|our|the|his|her|their)\s+)?(?:\w+\s+)?(?:requests|demands|asks|conditions|terms|points|concerns|"
    r"issues|list|wishes)(?:,?\s+(?:in (?:(?:rough|no particular) )?order(?: of (?:importance|priority))?|by priority|"
    r"ranked))?\s*:?\s*$|"
    # a greeting or a call for attention said alone: "Good day", "Listen here, Dwayne"
    r"(?:good day|listen(?: here| up)?|look here)(?:\s*,\s*[\w ]{1,20})?[.!]*$|"
    # a ranking question's non-answer: "Dunno.", "Not sure tbh.", "Whatever you think is fair."
    r"(?:" + _SHRUG + r"|whatever you think(?: is (?:fair|best|right))?)\b[\w\s]{0,8}[.!?]*$|"
    r"(?:hi|hiya|hello|hey)\b.{0,20}\b(?:it'?s|this is) \w+)",
    re.I,
)


# what announces a list, said on its own once the list is split off: "staff have asked for", "we would like"
_ANNOUNCES = re.compile(
    r"\b(?:asked for|ask for|asking for|would like|'d like|want|need|are|include|includes|the following|"
    # "we would ask that you (a) ... (b) ...": the request's lead, with the items after it
    r"(?:i|we) (?:would |must |'d )?(?:ask|request|like)(?: that)?(?: you)?)\s*:?\s*$",
    re.I,
)
# when or why it is being said, with no verb: "following the team survey", "further to our call"
_OCCASION = re.compile(
    r"^(?:following|further to|after|regarding|re|as per|as discussed)\b(?!.*\b(?:is|are|was|were|will|can|could|should|must)\b)",
    re.I,
)


_LIST_COLON = re.compile(r"(?<!\d):(?!\d)")


def _prepared(sentences: Sequence[str]) -> list[str]:
    """Sentences with greetings, list intros and ordinals taken off, and written lists split into items."""
    out: list[str] = []
    for raw in sentences:
        sentence = _RUN_UP.sub("", _VOCATIVE_LEAD.sub("", raw.strip()).strip()).strip()
        if sentence.endswith(":") and _INTRO.match(f"{sentence} ..."):
            continue  # "things i need from u mum:" on a line of its own heads the list, and asks nothing
        if re.fullmatch(r"(?:to whom it may concern|dear sir(?: or madam|/madam)?|dear madam)\W*", sentence, re.I):
            continue  # a letter's greeting on its own line asks nothing
        intro = _INTRO.match(sentence)
        pieces = [sentence]
        wish = _WOULD_BE_GREAT.match(sentence)
        if wish:  # "it would be great if X, if Y, and if Z"
            pieces = [
                p for p in re.split(r",?\s*(?:and\s+)?\bif\s+", sentence[wish.end() :], flags=re.I) if p.strip(" ,.")
            ]
        elif intro and len(intro.group("rest").split()) >= 2:
            rest = intro.group("rest")
            pieces = [p for p in _ITEM_MARK.split(rest) if p and p.strip(" ,.;")]
            if len(pieces) == 1:  # "as follows: the tank cleaning, the deposit receipt, and painting of the room"
                commas = [p for p in re.split(r",\s*(?:and\s+)?", rest) if p.strip(" ,.")]
                if len(commas) >= 3 and all(len(p.split()) >= 2 for p in commas):
                    pieces = commas
        elif _ITEM_MARK.search(sentence):
            pieces = [p for p in _ITEM_MARK.split(sentence) if p and p.strip(" ,.;")]
        elif _LIST_COLON.search(sentence):  # "I hope you can: send..., visit...", never a time's "7:30"
            lead, rest = _LIST_COLON.split(sentence, maxsplit=1)
            listed = _pieces(rest.strip(), verbs=True)
            if len(listed) < 2 and not re.search(
                r"\b(?:most|main|priority|important|matters?|biggest|key)\b", lead, re.I
            ):
                # (a lead that ranks "the most important is the fees: half is yours, on time" is not a list's)
                # "I would like: the photographs, to see the will myself, and that the flat..."
                listed = [p for p in re.split(r",\s*(?:and\s+)?", rest.strip()) if p.strip(" ,.")]
                listed = listed if len(listed) >= 3 and all(len(p.split()) >= 2 for p in listed) else []
                listed = [re.sub(r"^to\s+(?=\w)", "", p.strip(), flags=re.I) for p in listed]
            if len(lead.split()) <= 20 and len(listed) >= 2:
                pieces = listed
        for piece in pieces:
            piece = _ORDINAL_LEAD.sub("", piece.strip(" ,;")).strip()
            # ("that the bins be emptied" is a demand; "That is more important to me" points back)
            piece = re.sub(r"^(?:and\s+)?that\s+(?!(?:is|was|would be|will be)\b)", "", piece, flags=re.I)
            if not piece:
                continue
            if len(piece.split()) <= 10 and (_ANNOUNCES.search(piece) or _OCCASION.match(piece)):
                continue  # "staff have asked for", "following the team survey": what leads in, not a demand
            heading = _NOT_A_DEMAND.match(_FILLER.sub("", piece))
            asked = re.search(
                r"\b(?:request|ask|asking|requesting|propose|proposing)\s+that\s+(?P<rest>.+)$", piece, re.I
            )
            if heading and asked:
                # "I write to request that the bench be repaired, that the bins be emptied, and that...": the
                # letter's lead goes, each 'that' is a demand
                said = re.split(r",?\s*(?:and\s+)?\bthat\s+", asked.group("rest"), flags=re.I)
                out.extend(c.strip(" ,.") for c in said if c.strip(" ,."))
                continue
            if heading:
                # "a few things, the intercom's still broken...": the heading goes, what follows its comma stays
                rest = re.match(r"^[^,:;]{0,40}?\b(?:things|points|issues)\s*[,:;]\s*(?P<rest>.+)$", piece, re.I)
                # "hi Mr Patel its Gemma in number 9 I need the boiler looking at...": texted without a stop, the
                # greeting goes and what is asked after it stays
                after = _FILLER.sub("", piece)[heading.end() :].strip(" ,.;:-")
                if rest is None and len(after.split()) >= 6 and _REQUEST_WORDS.search(after):
                    piece = re.sub(
                        r"^(?:in|at|from)\s+(?:number|no\.?|flat|unit|apt\.?)\s*\w+\s+", "", after, flags=re.I
                    )
                elif rest is None or len(rest.group("rest").split()) < 4:
                    continue
                else:
                    piece = rest.group("rest")
            chunks = [c.strip(" ,") for c in _SUBJECT_MODAL.split(piece) if c.strip(" ,")]
            # "Above all, I need you to...": a lead of a few words with no verb belongs to what follows
            while len(chunks) > 1 and len(chunks[0].split()) <= 3 and not any(w.is_verb for w in tag(chunks[0])):
                chunks[:2] = [f"{chunks[0]}, {chunks[1]}"]
            out.extend(chunks)
    return out


# how people rank one thing above the rest, said of it: "my principal concern", "our most serious concern",
# "the urgent one", "by far my main worry"
_RANK = (
    r"(?:main|big|biggest|greatest|principal|chief|primary|real|key|top|first|urgent|important|serious|pressing|"
    r"crucial|major|only|number one|overriding|most \w+)"
)
_SUBJECT_IS_CUE = re.compile(
    r"^(?:(?:for me|to me|really|honestly|if i'?m honest|tbh|of (?:these|those|all (?:of )?(?:these|those|this|that|them)|"
    r"the (?:above|lot|three|four|five))|out of (?:these|those|all (?:of )?(?:these|those|this|that|them)))[,\s]+)*"
    r"(?P<what>.+?)\s*(?:is|'s|are)\s+"
    r"(?:(?:for me|to me|for us|honestly|really|definitely|by far|easily|probably|clearly|absolutely|genuinely|"
    r"certainly|without (?:a )?doubt)\s+)*"
    r"(?:the one(?! who)|what (?:i|we)(?:'m| am|'re| are)? (?:really |actually |most |genuinely )?\w+|the thing (?:i|we)|"
    r"(?:my|our) (?:priority|main|big|biggest|top|number|first)|(?:my|our|the) " + _RANK + r"(?:\s+\w+)?\s+"
    r"(?:one|thing|issue|priority|concern|worry|problem|bit|part|request|ask|demand|point)|"
    r"(?:the )?most (?:important|urgent|pressing)|the priority|top priority)\b",
    re.I,
)
_CUE_IS_OBJECT = re.compile(
    r"^(?:above all|most (?:urgent|important|pressing)|more than anything|if i could change one thing|"
    # "What's killing me is the heating bill", "What I actually need is the certificate"
    r"what(?:'s| is) (?:really |actually )?(?:killing|bothering|getting to) (?:me|us) is|"
    # ("What I want is for you to X, for us to Y and Z" is a list's lead: only a ranking word makes it a ranking)
    r"what (?:i|we) (?:really|actually|most) (?:need|want) is|what (?:i|we) (?:need|want) most is)\b"
    r"(?:\s+(?:for me|to me|for us))?[,\s]*(?:(?:is|it'?d be|it would be|would be)\s+)?(?P<what>[^,]+?)\s*(?:,|\bas\b|\bbecause\b|$)",
    re.I,
)
_CONCERN_IS = re.compile(
    r"^(?:(?:my|our|her|his|their|the|our client'?s|my client'?s)\s+)(?:\w+\s+)?(?:concern|priority|worry|ask|issue|point|need)"
    r"\s+(?:is|are)\s+(?P<what>[^,]+?)\s*(?:,|\bas\b|\bbecause\b|$)",
    re.I,
)
_REGARDS_AS = re.compile(
    r"\b(?:regards?|treats?|sees?|considers?)\s+(?P<what>.+?)\s+as\s+(?:the|our|my)\b|\bgive priority to\s+(?P<what2>.+?)(?:\s+as\b|,|$)"
    r"|\bthat\s+(?P<what3>.+?)\s+be treated as\b",
    re.I,
)


# what ranks a demand, said where the demand would be: "the X point is non-negotiable"
_RANKING_ONLY = re.compile(
    r"^(?:(?:absolutely|really|totally|completely|simply)\s+)?(?:non[- ]?negotiable|essential|crucial|critical|vital|key|"
    r"paramount|a must|a priority|the priority|top priority|(?:the )?most important|urgent|a deal[- ]?breaker)$",
    re.I,
)


def reference_of(sentence: str) -> str | None:
    """The demand a priority sentence points at ('The 400's the big one' -> 'The 400'), or None."""
    s = sentence.strip(" .!?")
    for pattern in (_REGARDS_AS, _CUE_IS_OBJECT, _CONCERN_IS, _SUBJECT_IS_CUE):
        m = pattern.search(s) if pattern is _REGARDS_AS else pattern.match(s)
        if m:
            what = next(g for g in m.groups() if g)
            if pattern is _CONCERN_IS and _RANKING_ONLY.match(what):
                # "The DBS point is non-negotiable": the point named is the demand, not the word that ranks it
                what = s[: m.start("what")].rsplit(" ", 2)[0]
            what = re.sub(r"^for (?:you|u) to\s+", "", what, flags=re.I)  # "what I really want is for you to call"
            if 0 < len(what.split()) <= 8:
                return what.strip(" ,")
    return None


def _reference_only(sentence: str, priority: re.Pattern[str]) -> bool:
    """A sentence that only says which demand matters ('For me the hot water is most important because...',
    'The pump's the one doing my head in'): once the cue, the reason and the glue are gone, a short
    noun phrase with no verb of its own is left."""
    words = [w for w in tag(_bare_reference(sentence, priority)) if w.text.strip(" ,.!?:;'")]
    if not words or len(words) > 7:
        return False
    return not any(w.is_verb and w.lemma.lower() not in {"be", "have", "do"} for w in words)


def _pointer_joined(sentences: list[str], priority: re.Pattern[str]) -> list[str]:
    """A cue that only points ("thats the one.") said after a short phrase that names a demand ("the messages thing
    tho."): one sentence, so the phrase is read as the pointer's, not as a demand of its own."""
    out: list[str] = []
    for sentence in sentences:
        bare = priority.sub(" ", sentence)
        if (
            out
            and priority.search(sentence)
            and not _stems(bare) - _POINTER_WORDS - _CUE_FILLER
            and not _ORDINAL_REF.search(sentence)  # "the first is the most important" points at a place in the list
            and len(out[-1].split()) <= 6
            and not priority.search(out[-1])
            and re.match(r"^(?:the|my|our|your)\b", out[-1].strip(), re.I)
        ):
            out[-1] = f"{out[-1].strip().rstrip('.!')}, {sentence.strip()}"
            continue
        out.append(sentence)
    return out


def _bare_reference(sentence: str, priority: re.Pattern[str]) -> str:
    """A priority sentence without its cue, its reason and the glue that says it ranks ('I consider the overtime
    payment to be the most serious matter' -> 'the overtime payment the')."""
    bare = priority.sub(" ", sentence)
    bare = re.sub(r"\b(?:because|as|since|cos|coz|so|we have been|i have|i've)\b.*$", "", bare, flags=re.I)
    bare = re.sub(
        r"\b(?:for me|to me|for us|to us|really|honestly|truly|is|are|'s|was|the one|what i need you to hear|"
        r"doing my head in|the one doing my head in|kindly give|give|to|matter|matters|thing|for|"
        # "I consider the overtime payment to be the most serious matter": how the ranking is said
        r"(?:i|we)\s+(?:would\s+|'d\s+)?(?:consider|regard|see|say|think|feel|believe)|to be|as)\b",
        " ",
        bare,
        flags=re.I,
    )
    return bare.strip(" ,.!?:;")


_KEYCAP = re.compile(r"(\d)\ufe0f?\u20e3")
_PICTURES = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u23E9-\u23FF\uFE0F\u200D]+")
# an item number inside running text: "1. ", "2) ", "(3) ", "(b) ", "(iii) ", or a bare digit after a colon or comma
_MARKER = re.compile(
    r"(?:^|(?<=[\s:;,]))(?:\((?P<p>\d{1,2}|[a-h]|iv|v|i{1,3})\)|(?P<d>\d{1,2})[.)]|(?P<l>[a-h]|iv|v|i{1,3})\))"
    # ("my priority is (c), as I have overpaid": a bracketed mark pointing back may end its clause)
    r"(?:\s+|(?<=\))(?=[,.;!?]))"
    r"|(?:^|(?<=[:;,])\s*|(?<=[:;,]\s))(?P<b>\d)\s+(?=[a-z])"
    # said aloud: "what we're asking is, one, the changing rooms..., two, someone does..., and three, ..."
    r"|(?:^|(?<=[:;,])\s*|(?<=[:;,]\s)|(?<=\bis\s)|(?<=\band\s))(?P<w>one|two|three|four|five|six|first(?:ly)?|"
    r"second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?)\s*[,:]\s*"
    # "number one tell me when... number two stop..."
    r"|(?:^|(?<=\s))number\s+(?P<n>one|two|three|four|five|six|\d)\b[\s,:]*"
    # texting without punctuation: "my stuff is 1 more game time 2 stop shouting 3 new bibs" (three at least)
    r"|(?<=\s)(?P<loose>\d)\s+(?=[a-z])",
    re.I,
)
_SPOKEN = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "fir": 1,
    "sec": 2,
    "thi": 3,
    "fou": 4,
    "fif": 5,
}
# a pointer back to a numbered item: "no 2", "number 3", "item (a)", "point 2", "#2"
_POINTER = re.compile(
    r"(?:\b(?:item|point|no\.?|number|num|clause|paragraph|para|request|demand)|#)\s*"
    r"(?:\((?P<p>\d{1,2}|[a-h]|iv|v|i{1,3})\)|(?P<d>\d{1,2})\b)",
    re.I,
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5}


def _marker_value(m: re.Match[str]) -> int:
    groups = m.groupdict()
    spoken = (groups.get("w") or groups.get("n") or "").lower()
    if spoken and not spoken.isdigit():
        return _SPOKEN.get(spoken, _SPOKEN.get(spoken[:3], 0))
    token = (
        spoken or groups.get("p") or groups.get("d") or groups.get("l") or groups.get("b") or groups.get("loose") or ""
    )
    token = token.lower()
    if token.isdigit():
        return int(token)
    if (token in _ROMAN and (groups.get("p") or groups.get("l")) and token != "v") or token in {"ii", "iii", "iv"}:
        return _ROMAN[token]
    return ord(token[0]) - ord("a") + 1


def numbered_items(text: str) -> str:
    """A list numbered inside running text ('1 stop calling me out, 2 give me the sheets...') put one
    item to a line, and a later 'no 2' / '(b)' / '2️⃣' that points back replaced by that item's words,
    so that 'honestly no 2 is the one' names the demand it means. Pictures are dropped."""
    text = _KEYCAP.sub(r" \1. ", text)
    # a picture between words parts them as a new line would: "no phones in bed 📵 u walk the dog 🐕 ..."
    text = re.sub(r"(?<=\w)\s*" + _PICTURES.pattern + r"\s+(?=\w)", "\n", text)
    text = _PICTURES.sub(" ", text)
    text = re.sub(r"\s*[•·▪◦]\s*", "\n", text)  # bullets written inline: one item to a line
    marks = list(_MARKER.finditer(text))
    # a list numbered "1." "2." at the starts of lines: a bare number inside an item ("Rotas out 2 weeks
    # ahead") is an amount, not the next marker
    written = [m for m in marks if (m.group("d") or m.group("p")) and (m.start() == 0 or text[m.start() - 1] == "\n")]
    if len(written) >= 2:
        marks = [m for m in marks if not (m.group("loose") or m.group("b"))]
    expected, bounds, refs = 1, [], []
    for m in marks:
        value = _marker_value(m)
        if value == expected:
            bounds.append((m, value))
            expected += 1
        elif 0 < value < expected and len(bounds) >= 2:
            refs.append((m, value))
    if bounds and sum(1 for m, _ in bounds if m.group("loose")) and len(bounds) < 3:
        bounds, refs = [], []  # "pay 1 month now and 2 next week": two loose numbers are amounts, not a list
    if len(bounds) >= 2:
        taken = {m.start() for m, _ in refs}
        for m in _POINTER.finditer(text):
            inner = next((r for r, _ in refs if m.start() <= r.start() < m.end()), None)
            if inner is not None:  # "item (a)": the pointer word goes with the marker it holds
                refs = [(m if r is inner else r, v) for r, v in refs]
            elif m.start() not in taken and m.start() > bounds[1][0].start():
                value = _marker_value(m)
                if 0 < value <= len(bounds):
                    refs.append((m, value))
    if len(bounds) < 2:
        return re.sub(r"[ \t]{2,}", " ", text)
    items: dict[int, str] = {}
    for i, (m, value) in enumerate(bounds):
        end = bounds[i + 1][0].start() if i + 1 < len(bounds) else len(text)
        for r, _ in refs:  # an item ends where a reference to an earlier one begins
            if m.end() <= r.start() < end:
                end = r.start()
        items[value] = text[m.end() : end].strip(" ,;.\n\t")
    out, last = [], 0
    reasoned = False
    for m, value in sorted(bounds + refs, key=lambda x: x[0].start()):
        said = _said_as_reason(text[last : m.start()]) if reasoned else text[last : m.start()]
        reasoned = False
        if last == 0 and re.search(r"(?:^|[.!?\n]\s*)(?:[\w']+\s+){0,6}(?:is|are)\s*$", said, re.I):
            # "ok so my list is 1 ... 2 ...": what announces the list is not a demand of its own
            said = re.sub(r"(?:[\w']+\s+){0,6}(?:is|are)\s*$", "", said, flags=re.I)
        out.append(said)
        if (m, value) in refs:
            # "my priority is (c), as...": said after what ranks it, the item's words stay in that sentence
            inline = re.search(
                r"\b(?:priority|important|matters?|main|biggest|big (?:one|thing|deal)|urgent|concern)\b[^.!?\n]*\b(?:is|are)\s*$",
                said,
                re.I,
            )
            # the item's own first sentence: "a review of the decision. My priority is" ends at its stop
            item = re.split(
                r"(?<=[.!?])(?<!\b[A-Z]\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)\s+(?=[A-Z])",
                items.get(value, ""),
                maxsplit=1,
            )[0].rstrip(".!?")
            out.append(f"{'' if inline else chr(10)}{' '.join(item.split()[: 12 if inline else 6])} ")
            reasoned = inline is not None
        else:
            out.append("\n")
        last = m.end()
    out.append(_said_as_reason(text[last:]) if reasoned else text[last:])
    return re.sub(r"[ \t]{2,}", " ", "".join(out)).strip()


def _said_as_reason(said: str) -> str:
    """ "The big one for me is number 2, I found out about Spain from her teacher": a clause spliced on after the
    item pointed at says why, as "as..." would."""
    return re.sub(r"^\s*[,;:–—-]\s*(?=(?:i|we|he|she|they|it's|its|that's)\b)", ", as ", said, flags=re.I)


def parse_demands(
    demands: str | Sequence[str], priority: re.Pattern[str], blame: re.Pattern[str]
) -> tuple[list[_Demand], int | None]:
    """The separate demands in free text or a list, and which one the person marked as mattering most."""
    found, chosen, _ = read_demands(demands, priority, blame)
    return [replace(d, text=_ungrouped(d.text)) for d in found], chosen


_REST_SAID = (
    r"(?:and\s+|but\s+|so\s+)?(?:everything|anything|all|the rest|the others?|other stuff|"
    r"the other (?:stuff|things?|bits?))(?:\s+else)?\s+(?:(?:we|i|you)\s+)?"
    r"(?:is|are|'s|can|could|comes?|matters?|will|should|may|might)\b[^.!?]*"
)
_REST_REMARK = re.compile(r"(?<=\w)\s*[,;–—-]\s*" + _REST_SAID + r"(?=[.!?]*\s*$)", re.I)
# ...or said as a sentence of its own: "The report is what matters most; the others can come later."
_REST_ONLY = re.compile(r"^\s*" + _REST_SAID + r"[.!?]*\s*$", re.I)
# "Mice first, obviously", "The lock comes first": a short thing named, then 'first', marks the priority
_FIRST = re.compile(
    r"^(?P<np>(?!(?:i|we|you|u|he|she|they|it|this|that|and|but|so|then|well|ok|okay)\b)[\w'’-]+(?: [\w'’-]+){0,3}?) "
    r"(?:(?:comes?|goes?|is|are|has to be|needs to be) )?first\b(?!\s+(?:of|thing|time|one|and foremost|up|off|to)\b)"
    r"(?P<rest>\s*(?:[,.!;:]|$).*)$",
    re.I,
)


_JUDGEMENT = re.compile(
    r"^(?:and\s+|but\s+)?(?:you|u|he|she|they)(?:'re|'s| are| is| r| was| were|'ve been| have been|'s been| has been)\s",
    re.I,
)
# who someone is, said with nothing for them to do: "See you, you're an absolute clatty midden", "You are the worst
# landlord in Bristol" (not "you're always late", "you're not paying")
_ONLY_A_NAME_CALLED = re.compile(
    r"^(?:(?:see (?:here|you)|look|honestly|and|but|frankly)[,\s]+)*(?:[A-Z][a-z]+,\s*)?(?:you|u|ye)(?:'re| are| r|'ve been| have been)\s+"
    r"(?:(?:such|so|an?|the|absolute(?:ly)?|total(?:ly)?|complete(?:ly)?|just|literally|actually|honestly|truly|most|"
    r"biggest|worst|laziest|an absolute)\s+)+[\w' -]{2,40}$",
    re.I,
)


# dialect and texting spellings that hide a list's verbs and joins from the tagger: "hoover yer room, stop leavin
# yer dishes in the sink an tell yer pal tae stop", "u walk the dog", "I need y'all to keep them chickens"
_DIALECT = {
    "yer": "your",
    "ye": "you",
    "oot": "out",
    "tae": "to",
    "y'all": "you",
    "yall": "you",
    "u": "you",
    "ur": "your",
    # Caribbean and West African spellings of the pointers: "all dah junk food", "dat gyal" ("de" stays: Spanish
    # and French say it too)
    "dat": "that",
    "dah": "that",
    "dis": "this",
    "wid": "with",
}
_DIALECT_WORD = re.compile(
    r"(?<![\w'’])(?:" + "|".join(re.escape(w) for w in sorted(_DIALECT, key=len, reverse=True)) + r")(?![\w'’])", re.I
)
_AN_AND = re.compile(
    # 'an' is an article only before a vowel sound, so before a lower-case consonant (not 'h': "an hour") it is 'and'
    r"(?-i:\ban(?=\s+(?!h)[bcdfgjklmnpqrstvwxyz][a-z]))|\ban(?=\s+(?:ask|answer|empty|explain|own up|apologise|agree|"
    r"arrange|every|all|our|it|if|i|we|you|ye|that|the|this|these|those|yer|your|my|his|her|their|no|never)\b)",
    re.I,
)


def _without_closing_hashtags(line: str) -> str:
    """A line without the hashtags that close it ("... nice-to-have. #Growth #Leadership"); "flat #4" keeps its number."""
    words = line.rstrip().split(" ")
    said = len(words)
    while len(words) > 1 and re.fullmatch(r"#[^\W\d_]\w*", words[-1]):
        words.pop()
    return " ".join(words) if len(words) < said else line


def _plain_words(text: str) -> str:
    """Dialect and texting spellings of the words that join a list, in plain spelling."""
    text = _DIALECT_WORD.sub(lambda m: _DIALECT[m.group(0).lower()], text)
    text = re.sub(r"(?<![\w'’])t['’](?=[a-z]{2})", "the ", text)  # Yorkshire "t'sink", "t'heating bill"
    # Scots "Ah want...", "ah'm askin": the 'I' (not "Ah well", "ah, sorry")
    text = re.sub(r"(?<![\w'’])(?-i:[Aa]h)(?=\s+(?:want|need|would)\b)", "I", text)
    text = "\n".join(_without_closing_hashtags(line) for line in text.split("\n"))
    # "Want the roster sorted, the lights fixed...": the 'I' left off the front of a sentence
    text = re.sub(
        r"(^|[.!?]\s+|\n\s*)(Want|Need|Would like)\s+(?=(?:the|a|an|my|our|some|you|u|him|her|them)\b)",
        lambda m: f"{m.group(1)}I {m.group(2).lower()} ",
        text,
    )
    return _AN_AND.sub("and", text)


# a letter's sign-off on a line of its own and everything under it (the name, the role): no demand in it
_SIGNED_OFF = re.compile(
    r"\b" + PHONE_FOOTER + r"\W*$|"
    r"\n\s*(?:kind regards|warm regards|best regards|regards|best wishes|with (?:every )?(?:good|best) wishes?|"
    r"yours (?:sincerely|faithfully|truly|ever)|many thanks|thanks(?: so much)?|thank you|cheers|with love|love|"
    # ...and under it only names and roles ("Funmi and Dele Bakare", "Branch Secretary"), never a PS with a demand
    r"best|warmly|sincerely|i remain[^\n]{0,40})\s*[,.!]?\s*(?:\n\s*(?-i:[A-Z])[\w.'&-]*(?:[ \t]+(?:(?-i:[A-Z])[\w.'&-]*|and|&|of|"
    r"x{1,3}))*[ \t]*,?){0,3}\s*$|"
    # "Yours,\nBill Travers", and a sign-off said at the end of the last line: "... TILL SPRING. YOURS, MRS E. PARRY"
    r"(?:\n[ \t]*|(?<=[.!?])[ \t]+)(?:yours|kind regards|regards|best wishes|love|thanks|many thanks|cheers)[ \t]*,[ \t]*\n?[ \t]*"
    r"(?:(?:mrs|mr|ms|miss|dr|mx)\.?\s+)?(?-i:[A-Z])[\w.'-]*(?:[ \t]+(?-i:[A-Z])[\w.'-]*){0,3}\s*$",
    re.I,
)


# a thousands separator ("£1,200") is no list comma: held as another mark while the demands are read,
# given back in what is shown
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_GROUPED = "\u066c"


def _grouped(text: str) -> str:
    return _THOUSANDS.sub(_GROUPED, text)


def _ungrouped(text: str) -> str:
    return text.replace(_GROUPED, ",")


def read_demands(
    demands: str | Sequence[str], priority: re.Pattern[str], blame: re.Pattern[str]
) -> tuple[list[_Demand], int | None, list[str]]:
    """parse_demands, with the priority sentences whose words name no demand ("the money is the main
    thing" beside "pay me back the 40 quid"), for a reader of meaning to place."""
    if isinstance(demands, str):
        text = numbered_items(
            without_hesitations(
                unshouted(
                    _plain_words(
                        _SIGNED_OFF.sub("", without_quoted_lines(_grouped(clean_text(demands, "list of demands"))))
                    )
                )
            )
        )
        sentences = _sentences(text)
        listed = False
    elif isinstance(demands, Sequence) and not isinstance(demands, bytes | bytearray):
        if not all(isinstance(d, str) for d in demands):
            raise InputError("Each demand must be text.")
        sentences = [
            s
            for d in demands
            if d.replace("\x00", "").strip()
            for s in _sentences(without_hesitations(unshouted(_grouped(d.replace("\x00", "")))))
        ]
        listed = True
    else:
        raise InputError("Demands must be text or a list of texts.")
    found: list[_Demand] = []
    references: list[str] = []
    last_before: _Demand | None = None
    # "the early delivery is what matters most, everything else is secondary": what ranks the rest says nothing of
    # what matters most
    sentences = [_REST_REMARK.sub("", sentence) if priority.search(sentence) else sentence for sentence in sentences]
    sentences = [sentence for sentence in sentences if not _REST_ONLY.match(sentence)]
    sentences = [piece for sentence in sentences for piece in _unstopped(sentence)]
    sentences = [piece for sentence in sentences for piece in _said_without_stops(sentence)]
    sentences = _answered(sentences, priority)
    # "Ranking: guests notice > quiet hours > shelf": the first ranked is the one that matters most
    # ...said on its own, the ranking is the list too: "Holidays > weekends > birthdays"
    ranked_alone = len(sentences) == 1 and bool(_ARROW_RANKING.match(sentences[0]))
    sentences = [piece for sentence in sentences for piece in _ranking_said(sentence, ranked_alone)]
    # "Shutter's the one, honestly": the one named, said as it is pointed at
    sentences = [_NAMED_THE_ONE.sub(r"\g<what> is the one that matters", sentence) for sentence in sentences]
    # "The rent split is the dealbreaker": said as the main thing is
    sentences = [_DEALBREAKER.sub("is the main thing", sentence) for sentence in sentences]
    sentences = [_FIRST.sub(r"\g<np> most important\g<rest>", sentence) for sentence in sentences]
    sentences = [
        piece
        for sentence in sentences
        for piece in _after_intro_cue(
            _REPORTED_RANKING.sub("", sentence) if priority.search(sentence) else sentence, priority
        )
    ]
    sentences = [piece for sentence in sentences for piece in _inline_cue(sentence, priority)]
    sentences = _pointer_joined(sentences, priority)
    for sentence in _prepared(sentences):
        sentence = _FILLER.sub("", sentence).strip()
        if (
            len(sentence) < 3
            or not re.search(r"[^\W\d_]", sentence)
            or _CALLED_ONLY.match(sentence)
            or _GREETED_ONLY.match(sentence)
        ):
            continue
        cue = priority.search(sentence)
        pointed = reference_of(sentence)
        if listed and pointed and not _ORDINAL_REF.search(sentence):  # a listed item that says it matters most
            found.append(_Demand(pointed, priority=True))
            continue
        back = _POINTS_BACK.match(sentence)
        if cue and found and back and cue.start() <= back.end() + 12 and re.search(r"\bthan\b", sentence, re.I):
            # "That is more important to me than anything else, one of them has the medals in it": 'that' is the
            # demand said before, and what follows the comma is why
            references.append(sentence.split(",")[0])
            if last_before is None:
                last_before = found[-1]
            continue
        if pointed or (cue and (_reference_only(sentence, priority) or _ORDINAL_REF.search(sentence))):
            references.append(pointed or sentence)
            if found and last_before is None:
                last_before = found[-1]  # "That last thing is the one...": the last said before it, not after
            continue
        if cue:
            bare = priority.sub(" ", sentence)
            bare = _LEAD_CUE.sub("", _TRAIL_CUE.sub("", sentence)).strip(" ,.:;!?")
            if re.search(r"\b(?:is|was|'s)\s+that\s+(?:you|u)\s+", sentence, re.I):
                # "what matters is that you tell me first": wished for, so said as the request itself
                bare = re.sub(
                    r"^(?:that\s+)?(?:you|u)\s+(?!(?:are|were|have|had|never|always|keep)\b)", "", bare, flags=re.I
                )
            if not _demand_shaped(bare) or _refers_back(sentence):
                references.append(sentence)
                continue
            items = _demands_in(bare)
            items = [d for d in items if _names_something(d.text, priority)] or items  # "we need that one"
            as_said = _demands_in(sentence)
            marked = [d for d in as_said if priority.search(d.text)]
            for d in items:
                d.priority = not marked or any(
                    _names_something(d.text, priority) & _names_something(x.text, priority) for x in marked
                )
            if marked and items and not any(d.priority for d in items):
                # the cue is a piece of its own that names nothing ("..., that one most of all"):
                # it marks the piece said next to it, the one before it unless it leads the sentence
                leads = as_said.index(marked[0]) == 0
                items[0 if leads else -1].priority = True
            earlier = _listed_before(items, found, priority)
            if earlier is not None:
                # "Above all, the invoicing needs fixing" after "Invoices that match the PO": the ranking names
                # a demand already listed, which is the one chosen (said as listed, not said twice)
                earlier.priority = True
                found.extend(d for d in items if not d.priority)
                continue
            found.extend(items)
            continue
        if _CONTEXT.match(sentence) and not _REQUEST_WORDS.search(sentence):
            continue
        found.extend(_demands_in(sentence))
    for d in found:
        d.text = _FILLER.sub("", d.text).strip(" ,.;:")
        # "keep the music down after ten, and, most importantly, stop...": the 'and' left when the cue went
        d.text = re.sub(r"(?:[\s,]+(?:and|or|&))+$", "", d.text, flags=re.I).strip(" ,.;:")
    found = [d for d in found if len(d.text) >= 3 and re.search(r"[^\W\d_]", d.text)]
    # a reason or an aside split off at its comma ("as the tenancy requires", "which is a bit scary at
    # night", "where he is easily distracted") is not a demand of its own
    asides = [
        d
        for d in found
        if not d.priority and (_ASIDE.match(d.text) or (_STORY.match(d.text) and not _REQUEST_WORDS.search(d.text)))
    ]
    if asides and len(asides) < len(found):
        found = [d for d in found if d not in asides]
    # what is said of the whole list ("We ask that you resolve these points", "I want all of it handled this
    # week", "I don't much care what order") is no demand of its own beside the ones it sums up
    summed = [
        d
        for d in found
        if not d.priority
        and len(d.text.split()) <= 10
        and _WHOLE_LIST.search(d.text)
        # only the whole list and the words any demand uses: "return my tools, all of them" names the tools
        and not _content(_WHOLE_LIST.sub(" ", d.text)) - _SUMMING_WORDS
    ]
    if summed and len(found) - len(summed) >= 2:
        found = [d for d in found if d not in summed]
    # a demand that is only blame ("stop being so lazy") says nothing the other side can do
    # ...nor does a judgement of who they are ("You are the most selfish flatmate I've ever lived with",
    # "you're selfish and you know it"): taking the blame word out would leave "the most flatmate"
    kept = [
        d
        for d in found
        if _content(blame.sub(" ", d.text)) - {"stop", "so", "such"}
        and not (_JUDGEMENT.match(d.text) and blame.search(d.text))
        and not _ONLY_A_NAME_CALLED.match(d.text)
    ]
    found = kept or found
    if not found:
        if references:
            found = [_Demand(_LEAD_CUE.sub("", r).strip(" ,.") or r, priority=True) for r in references]
        else:
            raise InputError("There are no demands in that text: write what you want, one per line.")
    chosen = next((i for i, d in enumerate(found) if d.priority), None)
    ordinal = next((m for r in references for m in [_ORDINAL_REF.search(r)] if m), None)
    if chosen is None and ordinal:
        at = _ORDINAL_INDEX[next(g for g in ordinal.groups() if g).lower()]
        if at == -1 and last_before is not None and any(d is last_before for d in found):
            at = next(i for i, d in enumerate(found) if d is last_before)
        if -len(found) <= at < len(found):
            chosen = at % len(found)
    if chosen is None and last_before is not None and any(d is last_before for d in found):
        # "I want the boxes found. That is more important to me than anything else.": 'that' is the demand said
        # just before it, however many are said after
        backs = [
            r
            for r in references
            if re.match(r"^(?:that|this|it)(?:'s|’s|\s+is|\s+was)\b.*\bthan\b", r.strip(), re.I)
            and not _stems(priority.sub(" ", r)) - _POINTER_WORDS - _ALL_ELSE
        ]
        if backs:
            chosen = next(i for i, d in enumerate(found) if d is last_before)
    if chosen is None and references and all(not _stems(priority.sub(" ", r)) - _POINTER_WORDS for r in references):
        chosen = len(found) - 1  # "Bedtime, phones, homework, handovers on time. That's the one.": the last said
    if chosen is None and references:
        # a priority sentence that names a demand nobody else named is that demand: "The main thing
        # I'm asking is that your cat stops using our vegetable patch", "Fix the lock, that's my priority"
        for ref in references:
            # what the sentence names, without its reason ("...because the wall is going green")
            # ...and without what follows its first comma ("the late nights, they're wrecked on Mondays")
            core = re.split(
                r",?\s+\b(?:because|since|cos|coz|as)\b|,\s*(?:(?:man|mate|like|honestly|pal|love),\s*)?"
                r"(?=(?:they|he|she|it|we|i|the \w+'?s?)(?:'re|'s|’s| is| are| was| were|'m| am| gets| get)\b)",
                ref,
                maxsplit=1,
                flags=re.I,
            )[0]
            # (what says it ranks is no word of the demand: "I consider X to be the most serious matter")
            named = _bare_reference(core, priority)
            own = _stems(named) - _POINTER_WORDS
            covered = max((_shared(named, d.text) for d in found), default=0)
            said = _demand_of_reference(ref, priority) if len(own) >= 2 and covered * 3 <= len(own) else None
            if said:
                found.append(_Demand(said, priority=True))
                chosen = len(found) - 1
                break
    if chosen is None and references:
        scores = []
        for ref in references:
            # the words that name the demand weigh more than the reason said after them: "the bike, man, the
            # bairn's getting woken every day" names the motorbike, not the day
            head, _, rest = priority.sub(" ", ref).partition(",")
            scores.append([2 * _shared(head, d.text) + _shared(rest, d.text) for d in found])
        best = max(((s, i) for row in scores for i, s in enumerate(row)), default=(0, 0))
        if best[0] > 0:
            chosen = best[1]
    if chosen is None and len(found) >= 3:
        # a short line that says one item matters, in words no cue list holds ("Bruise thing is non-negotiable",
        # "Das Wichtigste: the jokes", "It's the bill, this one is really making me crazy"), read as a demand:
        # it points at the one item it shares words with, when it shares them with that one alone
        for j, d in enumerate(found):
            if len(d.text.split()) > 14 or not _SALIENT.search(d.text):
                continue
            said = _SALIENT.sub(" ", d.text)
            overlap = [i for i, other in enumerate(found) if i != j and _shared(said, other.text)]
            if len(overlap) == 1:
                chosen = overlap[0] - (1 if overlap[0] > j else 0)
                found.pop(j)
                break
    if chosen is None and isinstance(demands, str) and (_RANKED_LIST.search(demands) or ranked_alone):
        chosen = 0  # "My requests, in order of priority: 1. ... 2. ...": the first one said matters most
    unresolved = [priority.sub(" ", r).strip(" ,.") for r in references] if chosen is None else []
    return found, chosen, [r for r in unresolved if _stems(r) - _POINTER_WORDS - _CUE_FILLER - _GENERIC_STEMS]


# words that say an item matters, in the many ways people say it (read only of a short line that points at one
# item by a word it shares with that item alone)
_SALIENT = re.compile(
    r"\b(?:non[- ]?negotiable|most important|more important|the most|wichtigste\w*|primero|importante?|"
    r"the only (?:one|thing)|what matters|matters (?:most|more)|the big(?:gest)? (?:one|thing)|"
    r"(?:my|our|the) (?:main|top) (?:one|thing|priority)|deal[- ]?breaker|red line|the one i care about)\b",
    re.I,
)


# what happened, said beside a demand as its reason: "you borrowed it in 2019", "it's been sittin there since Labor
# Day", "my wife's got the asthma", and a lead glued onto one ("I need I got a job Monday"); a promise reported
# ("you said you'd pay me back") is a demand, not a story
_STORY = re.compile(
    # only what points back at the demand beside it ("you borrowed it"): "you took my parking space" is a demand
    r"^(?:(?:you|u|he|she|they|we|i)\s+(?:borrowed|took|brought|lent|bought|had|left|got)\s+(?:it|them|that|those|this)\b|"
    r"(?:my|our|his|her|their) \w+(?:'s|’s| has) got\b|it'?s been\b|(?:i|we) (?:need|want) (?:i|he|she|it|they|we)\b)",
    re.I,
)
_ASIDE = re.compile(
    r"^(?:as(?!\s+(?:soon|well|long|best|far|much|many|of\b))|because|since|cos|coz|which|where|whereas|"
    r"given that)\b",
    re.I,
)
_WISHED_YOU = re.compile(r"^(?:you|u)\s+(?!(?:are|were|have|had|never|always|keep|don'?t)\b)", re.I)


# what heads a ranking said with arrows: "Ranking: guests notice > quiet hours > shelf"
_RANKING_HEAD = r"(?:my\s+)?(?:ranking|ranked|priorities|priority order|order)\s*[:-]\s*"
_ARROW_RANKING = re.compile(
    r"^(?:" + _RANKING_HEAD + r")?(?P<first>[^>:]{2,60}?)\s*(?:>+|→|->)\s*[^>]{2,60}(?:(?:>+|→|->)\s*[^>]{2,60})*$",
    re.I,
)


# "I want three things sorted: money first, then the car, then the books"
_FIRST_THEN = re.compile(
    r"^(?:[^:]{0,60}:\s*)?(?P<first>[^,:]{2,60}?)\s+first\s*,\s*(?:and\s+)?then\s+(?P<rest>[^,]{2,60}?(?:,?\s*(?:and\s+)?then\s+[^,]{2,60}?)+)\W*$",
    re.I,
)


def _ranking_said(sentence: str, alone: bool) -> list[str]:
    """A ranking said in order ("money first, then the car, then the books") is the list, first first; one said
    with arrows names the one that matters most, and said on its own it is the list too ("Holidays > weekends >
    birthdays"), so the others are demands of their own."""
    then = _FIRST_THEN.match(sentence)
    if then:  # "money first, then the car, then the books": the order said with 'first' and 'then'
        rest = [x.strip(" .") for x in re.split(r",?\s*\b(?:and\s+)?then\s+", then.group("rest")) if x.strip(" .")]
        return [f"In order of importance: {'; '.join([then.group('first').strip(), *rest])}."]
    first = _ARROW_RANKING.match(sentence)
    if first is None:
        return [sentence]
    if not alone:
        return [f"Most importantly, {first.group('first').strip()}."]
    body = re.sub(r"^" + _RANKING_HEAD, "", sentence, flags=re.I)
    ranked = [x.strip(" .") for x in re.split(r"\s*(?:>+|→|->)\s*", body) if x.strip(" .")]
    return [f"In order of importance: {'; '.join(ranked)}."]


_DEALBREAKER = re.compile(r"\b(?:is|['’]s)\s+(?:the|my|our)\s+deal[- ]?breaker(?:\s+for\s+(?:me|us))?\b", re.I)
_NAMED_THE_ONE = re.compile(
    r"^(?P<what>(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)['’]s the one\b(?!\s+(?:who|that|which)\b)", re.I
)
_RANKED_LIST = re.compile(
    r"\bin (?:order of (?:importance|priority|urgency)|priority order)\b|\b(?:most important|top|highest|biggest) first\b",
    re.I,
)
_SUMMING_WORDS = frozenset(
    [
        "want",
        "need",
        "ask",
        "asking",
        "handled",
        "handle",
        "fixed",
        "fix",
        "sorted",
        "sort",
        "resolve",
        "resolved",
        "dealt",
        "deal",
        "done",
        "care",
        "much",
        "order",
        "week",
        "today",
        "tomorrow",
        "now",
        "asap",
        "please",
        "one",
        "time",
        "fixing",
        "sorting",
        "points",
        "things",
        "issues",
        "lot",
    ]
)
_WHOLE_LIST = re.compile(
    r"\b(?:(?:these|those|the above|all the above) (?:points|things|issues|problems|matters)|all of (?:it|this|that|"
    r"them|these|the above)|all (?:it|them|these|the above)\b|all (?:ah |a )?(?:this|that)(?= needs?\b| to be\b|[,.!]|$)|"
    r"the lot|(?:don'?t|do not) (?:much |really )?care (?:what|which) "
    r"order|in (?:any|no particular) order)\b",
    re.I,
)


def _as_wished(text: str) -> str:
    """'you tell me before guests stay', said after 'what matters is that', as the request itself."""
    return _WISHED_YOU.sub("", text)


def _demand_of_reference(sentence: str, priority: re.Pattern[str]) -> str | None:
    """The demand inside a sentence that says it matters most, without the saying: 'My top priority is
    that you stop X' -> 'you stop X'; 'Fix the lock, that is my top priority' -> 'Fix the lock'."""
    s = sentence.strip(" .!?")
    cue = priority.search(s)
    if cue is None:  # already the part that names the demand ("that you stop using my room")
        s = re.sub(r"^(?:that|for)\s+", "", s, flags=re.I)
        s = _as_wished(s)
        return s if len(s.split()) >= 2 else None
    # the cue leads when nothing before it names anything ("Above all, ...", "Honestly my top priority is ..."); in
    # "The OT money most important lah, the rest can tahan" the demand is what came before it, however short
    named_before = _names_something(s[: cue.start()], priority) - _CUE_FILLER
    lead = _LEAD_CUE.match(s)
    if lead and lead.end() > cue.start() and not named_before:
        # "Above all I want the business of the cottage put straight before it is too late": all after the
        # cue and its 'I want' / 'is that' (never from a later 'is' inside the demand)
        what = s[lead.end() :]
    elif (
        cue.start() <= len(s) // 3 and not named_before
    ):  # the cue leads: what follows 'is (that)', 'would be', 'is getting'
        m = re.search(
            r"\b(?:is|are|'s|would be|will be|was)\s+(?:that\s+|for\s+|getting\s+|having\s+|to\s+)?",
            s[cue.end() :],
            re.I,
        )
        what = s[cue.end() + m.end() :] if m else s[cue.end() :].lstrip(" ,:")
    else:  # the cue trails: what came before the clause that holds it
        head = s[: cue.start()]
        cut = max(head.rfind(","), head.rfind(" - "))
        what = head[:cut] if cut > 0 else head
    what = re.split(
        r",?\s+\b(?:because|since|as|cos|coz|given)\b|,\s+(?=it\b|that\b|which\b)", what, maxsplit=1, flags=re.I
    )[0]
    what = what.strip(" ,.:;")
    # "that you tell me before guests stay" is wished for, not a complaint: said as the request itself
    what = _as_wished(what)
    return what if len(what.split()) >= 2 else None


# what a pointer is made of when it names nothing: "that's the one", "this one above all"
_POINTER_WORDS = frozenset({"that", "this", "one", "thing", "honestly", "really", "mainly", "main", "big", "just"})
# a sentence that starts by pointing back at what was said before it
_POINTS_BACK = re.compile(
    r"^(?:that|this|it)(?:'s|’s|\s+is|\s+was)\s+(?:(?:really|definitely|honestly|by far)\s+)?", re.I
)
# what a comparison ranks a demand above: "than anything else", "than the rest put together"
_ALL_ELSE = frozenset({"anyth", "every", "else", "rest", "put", "toget", "other", "all"})


_LEAD_STEMS = frozenset({"need", "want", "would", "like", "asking", "ask"})
# what a clause that only marks priority says besides the cue ("which we consider the most serious
# matter", "most importantly for me and I think for many of us")
_CUE_FILLER = frozenset(
    {"consi", "matte", "issue", "point", "item", "regar", "think", "feel", "many", "reall", "care", "absol", "defin"}
    | {"perso", "which", "hones", "frank", "truth", "say", "would", "proba", "certa"}
)
_CLAUSE_CUT = re.compile(r"\s*,\s*")
# words a priority sentence uses without naming a demand ("if I could only change one thing")
_GENERIC_STEMS = frozenset({"chang", "pick", "choos", "only", "could", "sort", "fix", "thing", "ask", "get", "want"})


# texted without stops: where a ranking of what was just listed starts ("... in front of them that last one is
# the one that matters most", "... two days ahead the first aid kit is the big one")
_RUN_ON_RANK = re.compile(
    r"\s+(?=(?:(?:honestly|tbh|but|and|so|though)\s+)?(?:the|that|this|my|our)\s+(?:[\w'-]+\s+){0,4}?"
    r"(?:is|'s|are)\s+(?:the|my|our|by far the)\s+(?:\w+\s+)?(?:one|thing|issue|priority|concern)\b)",
    re.I,
)
# ...and where each demand starts when every one is led the same way: "I need you to X I need you to Y"
_RUN_ON_LEAD = re.compile(
    r"\b(?:and\s+|so\s+)?(?:i|we) (?:need|want|would like|'d like) (?:(?:you|u) to\b|(?!to\b|us\b|you\b|u\b)(?=\w))",
    re.I,
)


def _unstopped(sentence: str) -> list[str]:
    """A long sentence texted without stops, cut where a ranking starts and where each same-led demand does."""
    if len(sentence.split()) < 15 or re.search(r"[,;:]", sentence):  # a punctuated sentence is cut elsewhere
        return [sentence]
    # a cut that would leave a scrap ("Ngl", "Credit for") is no boundary
    cuts: list[int] = []
    for m in _RUN_ON_RANK.finditer(sentence):
        if len(sentence[(cuts[-1] if cuts else 0) : m.start()].split()) >= 4:  # no scrap between two cuts
            cuts.append(m.start())
    bounds = [0, *cuts, len(sentence)]
    pieces = [sentence[a:b].strip() for a, b in itertools.pairwise(bounds) if sentence[a:b].strip()]
    out: list[str] = []
    for piece in pieces:
        leads = list(_RUN_ON_LEAD.finditer(piece))
        if len(leads) >= 2 and not re.search(r"[,;]", piece):
            cuts = [m.start() for m in leads if m.start() > 0]
            bounds = [0, *cuts, len(piece)]
            out.extend(piece[a:b].strip() for a, b in itertools.pairwise(bounds) if piece[a:b].strip())
        else:
            out.append(piece)
    return out


def _answered(sentences: list[str], priority: re.Pattern[str]) -> list[str]:
    """A ranking asked as a question and answered in the next sentence ("If I had to pick ONE needle-mover? The
    pricing review seat.", "The main thing? The rent.") is one ranking of what the answer names."""
    out: list[str] = []
    for sentence in sentences:
        before = out[-1] if out else ""
        if (
            before.rstrip().endswith("?")
            and priority.search(before)
            and len(before.split()) <= 10
            # the question only ranks ("The main thing?"): "If nothing else, could you aim for 8:30?" asks itself
            and len(_stems(priority.sub(" ", before)) - _POINTER_WORDS - _CUE_FILLER - _GENERIC_STEMS) <= 1
            and 1 <= len(sentence.split()) <= 8
            and not priority.search(sentence)
            and not _NOT_A_DEMAND.match(sentence.strip())
            # an answer names something ("The pricing review seat"), not "Dunno", "Not sure tbh", "Whatever is fair"
            and not re.match(
                r"^(?:" + _SHRUG + r"|whatever|hmm+|all of (?:them|it)|everything|both)\b", sentence.strip(), re.I
            )
            and any(w.tag.startswith("NN") for w in tag(sentence))
        ):
            out[-1] = f"Most importantly, {sentence.strip()}"
            continue
        out.append(sentence)
    return out


_RANKING_IF = re.compile(
    r"(?:\b(?:but|and|so)\s+)?(?:(?:honestly|tbh|really)\s+)?(?P<cue>\bif (?:you|u|we) (?:only )?(?:do|did|fix|change|sort) "
    r"(?:one thing|nothing else|1 thing)\b)",
    re.I,
)


def _said_without_stops(sentence: str) -> list[str]:
    """A long sentence said with hardly a stop ("the bins are left out all week and the wee lad's ball keeps
    coming over and the car alarm goes off every night the car alarm is the big one"), cut where each clause
    with its own subject starts, as the parser reads it; a sentence punctuated as usual is cut elsewhere."""
    if len(sentence.split()) < 25 or len(re.findall(r"[,;:]", sentence)) > 1:
        return [sentence]
    if re.match(
        r"^(?:(?:hi|hey|so|and|also|please)[\s,]+)*(?:could|can|would|will) (?:you|u)\b|^please\b", sentence, re.I
    ):
        return [sentence]  # "could you please make sure that the invoice is paid because...": one request and its why
    # ...and where a ranking starts ("...on empty again but honestly if you did nothing else just put your phone away")
    ranking = [m.start() for m in _RANKING_IF.finditer(sentence) if m.start() > 0]
    bounds = sorted({0, *clause_starts(sentence), *ranking, len(sentence)})
    pieces: list[str] = []
    for a, b in itertools.pairwise(bounds):
        piece = re.sub(r"[\s,]+(?:and|but|so|or)$", "", sentence[a:b].strip(), flags=re.I).strip(" ,")
        if pieces and len(pieces[-1].split()) < 4:  # a scrap ("right so chef", "it's") leads what follows
            pieces[-1] = f"{pieces[-1]} {piece}".strip()
        elif piece:
            pieces.append(piece)
    if len(pieces) > 1 and len(pieces[-1].split()) < 3:
        pieces[-2:] = [f"{pieces[-2]} {pieces[-1]}"]
    return pieces if len(pieces) >= 3 else [sentence]


# a ranking reported for someone else: "She told me, weeping, that the money is the heaviest of these"
_REPORTED_RANKING = re.compile(
    r"^(?:and\s+)?(?!(?:you|i|we)\b)(?:she|he|they|(?-i:[A-Z][a-z]+))\s+(?:told me|tells me|said|says|has told me)(?:,[^,]{1,25},)?\s+"
    r"that\s+(?=\w)",
    re.I,
)
# a ranking said as a condition or a choice first: "If I'm picking one, and I suppose I have to, it's the rent",
# "If ye ask me whit comes first, it's the heatin", "Of all of these, the lorries are what's making people ill",
# "Now if you only do one of them, do the burnin"
_RANKING_INTRO = re.compile(
    r"^(?:(?:now|but|and|so|ok(?:ay)?|well|honestly|tbh)[\s,]+){0,3}(?:if|of all|out of all)\b", re.I
)
_HEDGE_SEGMENT = re.compile(
    r"^(?:and|but|though|i suppose|i guess|i think|honestly|to be honest|tbh|really|i mean)\b", re.I
)
_POINTING_LEAD = re.compile(r"^(?:then\s+)?(?:it'?s|it is|its|that'?s|that is|it(?:'d| would) be|then)\s+", re.I)


def _after_intro_cue(sentence: str, priority: re.Pattern[str]) -> list[str]:
    """What a ranking said after its intro names, marked as the one that matters most (and what is said after it,
    on its own); any other sentence as is."""
    if not _RANKING_INTRO.match(sentence):
        return [sentence]
    cue = priority.search(sentence)
    if cue is None:
        return [sentence]
    comma = sentence.find(",", cue.end())
    between = sentence[cue.end() : comma if comma >= 0 else len(sentence)]
    said = re.sub(r"^[\s,:-]*(?:(?:thing|1 thing)\b\s*)?(?:(?:just|then|please|pls|honestly)\s+)*", "", between).strip(
        " .!?"
    )
    # "make it the saturday till" points; "if I could only change one thing, it would be..." is the cue said on
    pointing = re.match(r"^(?:make it|let it be|go with|pick|choose)\b", said, re.I) or re.search(
        r"\b(?:one|1) (?:thing|change|ask|request)\b|\bnothing else\b", said, re.I
    )
    if not pointing and not _POINTING_LEAD.match(said + " ") and len(said.split()) >= 2 and starts_with_verb(said):
        said = re.sub(r"[\s,]+(?:the )?rest\b.*$", "", said, flags=re.I)  # "... the rest we can talk about"
        rest = sentence[comma + 1 :].strip() if comma >= 0 else ""
        # "if you do one thing just show up on time, rest is fine"; what follows the comma is heard on its own
        return [f"Most importantly, {said}.", *([rest] if rest else [])]
    if (
        comma < 0
        or "," in sentence[: cue.start()]
        or len(sentence[: cue.start()].split()) > 8
        # "If I had to pick it's the late nights, they're wrecked": what it points at was said before the comma
        or len(between.split()) > 3
        or _POINTING_LEAD.search(between.strip() + " ")
    ):
        return [sentence]
    segments = [x.strip() for x in sentence[comma + 1 :].split(",")]
    while len(segments) > 1 and _HEDGE_SEGMENT.match(segments[0]) and len(segments[0].split()) <= 6:
        segments.pop(0)
    rest = _POINTING_LEAD.sub("", ", ".join(segments)).strip(" .!?")
    if len(rest.split()) < 1 or not re.search(r"[^\W\d_]{3}", rest):
        return [sentence]
    return [f"Most importantly, {rest}."]


def _inline_cue(sentence: str, priority: re.Pattern[str]) -> list[str]:
    """A clause that only marks priority, said inside a sentence, moved onto the clause it marks:
    "X, which we consider the most serious matter, given Y" -> "Most importantly, X, given Y";
    "and, this is the one I really care about, Z" -> "Most importantly, Z"."""
    cuts = [0, *(m.end() for m in _CLAUSE_CUT.finditer(sentence))]
    spans = [(a, (cuts[i + 1] if i + 1 < len(cuts) else len(sentence))) for i, a in enumerate(cuts)]
    if len(spans) < 2:
        return [sentence]
    for i, (a, b) in enumerate(spans):
        clause = sentence[a:b].strip(" ,")
        if not priority.search(clause) or _names_something(clause, priority) - _CUE_FILLER:
            continue
        if _ORDINAL_REF.search(clause):
            return [sentence]  # "The matter I regard as most important is the first, for reasons...": it points back
        if re.match(r"(?:which|that)\b", clause, re.I) and i > 0:  # marks the clause before it
            start = spans[i - 1][0]
            head, marked, tail = sentence[:start], sentence[start:a], sentence[b:]
        elif i + 1 < len(spans):  # said first: marks what follows
            head, marked, tail = sentence[:a], sentence[b:], ""
        else:
            continue
        marked = re.sub(r"^(?:and|but|also)\s+", "", marked.strip(" ,"), flags=re.I)
        out = [head.strip(" ,;"), f"Most importantly, {marked}", tail.strip(" ,;")]
        return [x for x in out if re.search(r"[^\W\d_]{3}", x) and not re.fullmatch(r"(?:and|but|also|so)", x, re.I)]
    return [sentence]


# verbs any demand can use ("fix", "sort", "stop"): sharing one names no demand in particular
_ANY_DEMAND_STEMS = frozenset(
    {"stop", "fix", "fixin", "fixed", "sort", "sorte", "need", "needs", "neede", "do", "make", "put", "take", "give"}
    | {"keep", "pleas", "start", "getti", "done", "happe", "stay", "right", "proper", "first"}
)


def _listed_before(items: Sequence[_Demand], found: Sequence[_Demand], priority: re.Pattern[str]) -> _Demand | None:
    """The one demand listed earlier that the marked demand of a ranking sentence names (sharing a word
    no other earlier demand shares as much), or None when it names a demand of its own."""
    marked = [d for d in items if d.priority]
    if len(marked) != 1 or len(found) < 2:
        return None
    named = {w for w in _names_something(marked[0].text, priority) - _GENERIC_STEMS - _ANY_DEMAND_STEMS if len(w) >= 4}
    if not named:
        return None
    scores = [len(named & (_stems(d.text) - _ANY_DEMAND_STEMS)) for d in found]
    best = max(scores)
    # most of what it names: "the polytunnel decisions made at a meeting" is not the earlier "Tuesday's meeting"
    if best == 0 or scores.count(best) > 1 or best * 2 < len(named):
        return None
    return found[scores.index(best)]


def _names_something(text: str, priority: re.Pattern[str]) -> set[str]:
    """The stems a piece names besides the priority cue, pointers and its lead ('we need', 'I want')."""
    return _stems(priority.sub(" ", text)) - _POINTER_WORDS - _LEAD_STEMS


def _shared(reference: str, demand: str) -> int:
    """How many words a priority sentence shares with a demand: the same stem, or a word said inside a
    longer one ('the bike' and 'that motorbike', 'the names' and 'calling him names')."""
    theirs = _stems(demand)
    words = _content(demand)
    own = _stems(reference)
    inside = {
        w[:5]
        for w in _content(reference)
        if len(w) >= 4 and w[:5] not in theirs and any(w in x and x != w for x in words)
    }
    return len(own & theirs) + len(inside)


def _stems(text: str) -> set[str]:
    """Content words cut to five letters, so 'the shouting' meets 'stop shouting at me' and 'reimbursement'
    meets 'reimbursed'."""
    return {w[:5] for w in _content(text)}


def _refers_back(sentence: str) -> bool:
    """'The rent is what keeps me up at night', 'X is my priority', 'X is the one we can't go home without'."""
    return bool(
        re.search(
            # ...texted without the apostrophe too: "thats what actually hurts", "its the one i need"
            r"(?:\b(?:is|are|'s|was)|^(?:thats|its|dats))\s+(?:what|the one|the thing|my|our|the (?:main|real|big|biggest|top))\b",
            sentence,
            re.I,
        )
        and not re.match(r"^(?:the )?(?:most important|main|one|big|biggest|real) (?:thing|one)\b", sentence, re.I)
    )


def _demand_shaped(text: str) -> bool:
    return bool(
        _LIST_LEAD.match(text)
        or starts_with_verb(text)
        or re.match(r"^(?:you|u|he|she|they)\b", text, re.I)
        or _REQUEST_WORDS.search(text)
        or _WANTED_DONE.match(text)
    )


# what should happen, said as a clause: "that the broken fence be repaired without delay",
# "decisions about the polytunnel are made at a meeting"
_WANTED_DONE = re.compile(
    r"^(?:that\s+)?(?!(?:i|we|it|this|that|there)\b)[\w' ]{2,60}?\s+(?:be|are|is|get|gets)\s+(?:\w+ly\s+)?"
    r"(?:\w+ed|done|made|paid|kept|put|shut|cut|sent|given|taken|seen|shown|read|set)\b",
    re.I,
)


_KEEP_S = frozenset(
    [
        "discuss",
        "pass",
        "miss",
        "focus",
        "guess",
        "address",
        "process",
        "express",
        "stress",
        "access",
        "boss",
        "bus",
        "less",
        "unless",
        "us",
        "this",
        "yes",
        "plus",
        "always",
        "perhaps",
        "was",
        "is",
        "has",
        "does",
        "goes",
    ]
)
_YOU_IRREGULAR = {"goes": "go", "does": "do", "has": "have", "is": "are", "was": "were"}


def _you_verb(m: re.Match[str]) -> str:
    verb = m.group(1)
    low = verb.lower()
    if low in _YOU_IRREGULAR:
        return f"you {_YOU_IRREGULAR[low]}"
    if low in _KEEP_S or not low.endswith("s") or low.endswith("ss"):
        return m.group(0)
    if re.search(r"(?:ch|sh|x|z)es$", low):
        return f"you {verb[:-2]}"
    return f"you {verb[:-1]}"


# who is asked when they are a body, not a person: "the school should phone me when he's not in" is about the
# child, so 'he' stays
_A_BODY = re.compile(
    r"^(?:the|my|our|your)\s+(?:school|council|company|firm|management|committee|office|agency|nursery|club|board|"
    r"group|team|hospital|surgery|gym|association|department|bank|church|shop|store|university|college|"
    r"hoa|trust|practice|clinic|garage|site)$",
    re.I,
)


def _to_second_person(text: str, who: str | None) -> str:
    if not who or _A_BODY.match(who):
        return text
    text = re.sub(
        r"\b(" + "|".join(_THIRD) + r")\b", lambda m: _THIRD.get(m.group(1).lower(), m.group(1)), text, flags=re.I
    )
    text = re.sub(r"\byou['’]s\b", "you're", text, flags=re.I)  # "he's late" -> "you're late"
    return re.sub(r"\byou (\w+)\b", _you_verb, text)  # "before you goes on leave" -> "before you go on leave"


def _clean_demand(text: str, blame: re.Pattern[str]) -> str:
    text = blame.sub("", text)
    # "..., he's a bully": a verdict on a person said after the item is blame, not part of it
    text = re.sub(
        r",\s+(?:he|she|they)(?:'s|’s| is| are|'re|’re)\s+(?:(?:a|an|such a|so|just|really|a total|a complete)\s+)?"
        r"[\w-]+\W*$",
        "",
        text,
        flags=re.I,
    )
    # "Most important: the March invoice needs reissuing", "Beyond that, could you...": how it is ranked, not what
    text = re.sub(
        r"^(?:most important(?:ly)?|above all|top priority|priority(?: one| #?1)?|number one|first and foremost|"
        r"(?:my |the )?(?:main|top|first|biggest) (?:thing|priority|one|issue))\s*[:—–-]\s*|"
        r"^(?:beyond that|besides that|other than that|on top of that|after that|also|and also)\s*,\s*",
        "",
        text,
        flags=re.I,
    )
    # "..., jake ur so [inconsiderate], ...": the blame word gone, the name and 'you're so' said with it go too
    text = re.sub(
        r",\s*(?:[a-z]+\s+)?(?:you'?re|youre|your|ur|u r|you are)\s+(?:so|such an?|really|just|being|too|very)?\s*(?=,|$)",
        "",
        text,
        flags=re.I,
    )
    text = re.sub(r"\b(?:a|an)\s+(?=(?:mess|state|pigsty|tip|dump)\b)", "a ", text)
    # the blame word gone, what framed it goes too: "stop being so [lazy] about the bins" -> "sort out the bins",
    text = re.sub(r"\bstop being\s+(?:(?:so|such|too|really|very)\s+)?about\s+", "sort out ", text, flags=re.I)
    # "stop being so [rude] with my mum", "don't be so [nasty] to her" -> "be kinder to my mum"
    text = re.sub(
        r"\b(?:stop being|quit being|don'?t be|do not be)\s+(?:(?:so|such|too|really|very)\s+)?(?:with|to|towards|around)\s+",
        "be kinder to ",
        text,
        flags=re.I,
    )
    return re.sub(r"\s{2,}", " ", text).strip(" ,.;:")


class AskShrinker:
    """Chooses the one demand that matters and phrases it as a request, parking the rest."""

    def __init__(self, embedder: MiniLMEmbedder, phrasing: Phrasing) -> None:
        self.embedder = embedder
        self.phrasing = phrasing
        self._interest_names = list(phrasing.interests)
        self._interest_vectors = embedder.embed([f"{name}: {desc}" for name, desc in phrasing.interests.items()])

    def demands(self, demands: str | Sequence[str]) -> list[str]:
        """The separate demands, each once, cleanly (as the parked list shows them)."""
        found, _ = parse_demands(demands, self.phrasing.priority_pattern, self.phrasing.blame_pattern)
        return [self._plain(d) for d in found]

    def shrink(self, demands: str | Sequence[str]) -> ShrunkAsk:
        """One ask in one sentence, the interest it serves, and the rest parked for later."""
        found, marked, unplaced = read_demands(demands, self.phrasing.priority_pattern, self.phrasing.blame_pattern)
        if marked is None and unplaced and len(found) > 1:
            marked = _the_money(unplaced[0], found)
            if marked is None:
                marked = self._nearest(unplaced[0], found)  # "the money is the main thing" -> "pay me back the 40 quid"
        honoured = marked is not None
        chosen = marked if marked is not None else self._central(found)
        demand = found[chosen]
        text = _clean_demand(_to_second_person(demand.text, demand.who), self.phrasing.blame_pattern)
        ask = to_request(text) or f"Could we start with this: {text}?"
        ask = _clean_demand(ask, self.phrasing.blame_pattern).rstrip("?") + "?"
        parked: list[str] = []
        for i, d in enumerate(found):
            plain = self._plain(d)
            if (
                i != chosen
                and plain.lower() not in {p.lower() for p in parked}
                and not _not_parked(plain, demand.text)
                and not _AROUND_THE_ASK.match(plain)
                # the sentence that ranks the chosen one ("The one nobody can live with is the leave") is no demand
                and not (self.phrasing.priority_pattern.search(plain) and not d.priority and _refers_back(plain))
            ):
                parked.append(plain)
        # "The wardrobe door was snapped clean off" beside "I also want the wardrobe repaired": what happened is
        # why the demand is made, not a demand of its own
        asked = [demand.text, *(p for p in parked if not _told_as_happened(p))]
        parked = [p for p in parked if not (_told_as_happened(p) and any(_same_thing(p, a) for a in asked))]
        return ShrunkAsk(
            _ungrouped(ask), self._interest(text), [_ungrouped(p) for p in parked], _ungrouped(demand.text), honoured
        )

    def _plain(self, d: _Demand) -> str:
        text = _clean_demand(_to_second_person(d.text, d.who), self.phrasing.blame_pattern)
        return text[:1].upper() + text[1:]

    def _interest(self, demand: str) -> str:
        vector = self.embedder.embed_one(demand)
        sims = self._interest_vectors @ vector
        return self._interest_names[int(np.argmax(sims))]

    def _nearest(self, said: str, items: list[_Demand]) -> int | None:
        """The demand a priority sentence means when it shares no word with any ('the money' and 'the 40
        quid'): the nearest by meaning, if it is clearly nearer than the rest."""
        vectors = self.embedder.embed([said] + [d.text for d in items])
        sims = vectors[1:] @ vectors[0]
        order = np.argsort(-sims)
        if sims[order[0]] < 0.15 or sims[order[0]] - sims[order[1]] < 0.05:
            return None
        return int(order[0])

    def _central(self, items: list[_Demand]) -> int:
        if len(items) == 1:
            return 0
        vectors = self.embedder.embed([d.text for d in items])
        sims = vectors @ vectors.T
        np.fill_diagonal(sims, 0.0)
        centrality = sims.sum(axis=1) / (len(items) - 1)
        bonus = np.array([0.05 if _is_actionable(d.text) else 0.0 for d in items])
        return int(np.argmax(centrality + bonus))


_MONEY_NAMED = re.compile(r"\b(?:money|cash|funds|refund|repayment|payment|amount|what (?:i'?m|we'?re) owed)\b", re.I)
_AMOUNT = re.compile(
    r"[£$€¥₹₦]\s?\d|\b\d[\d,.]*\s?(?:k|quid|pounds|dollars|euros?|rand|yen|rupees)\b|\b(?:R|Rs\.?|USD|EUR)\s?\d", re.I
)


def _the_money(said: str, items: list[_Demand]) -> int | None:
    """ "Honestly the money comes first" beside "the ¥150,000 returned": the one demand that names an amount,
    when the priority names money and says nothing else (a reader of meaning does not know that ¥ is money)."""
    if not _MONEY_NAMED.search(said):
        return None
    amounts = [i for i, d in enumerate(items) if _AMOUNT.search(_ungrouped(d.text))]
    return amounts[0] if len(amounts) == 1 else None


def _is_actionable(demand: str) -> bool:
    d = demand.strip().lower()
    return bool(
        _IMPERATIVE.match(d)
        or any(p.match(d) for p, _ in _ASK_FORMS)
        or re.search(r"\b(?:need|want|would like|please)\b", d)
    )
