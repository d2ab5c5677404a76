"""Positions: a calm third-person restatement of a party's ask and offer, and a mutual goal from stated goals."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from assistant.coach.asks import AskShrinker, to_request, without_asides
from assistant.coach.language import Word, join, sentence_case, starts_with_verb, tag
from assistant.coach.phrasing import Phrasing
from assistant.coach.reframes import need_sentence, parts_of

LevelOf = Callable[[str], str]
FALLBACK_GOAL = "Make progress from where we are stuck."
_OFFER_LEAD = re.compile(
    r"^(?:(?:ok(?:ay)?|fine|look|so|and|but|honestly)[,\s]+)*(?:in return,?\s*)?"
    r"(?:i|we)\s*(?:'ll|will|can|could|am happy to|'m happy to|am willing to|'m willing to|would|'d|offer to|"
    r"promise to|am prepared to|'m prepared to|are happy to|'re happy to|are willing to|'re willing to|"
    r"am ready to|'m ready to|are ready to|'re ready to|commit to|can also)\s+(?:also\s+)?",
    re.I,
)
_TIME = re.compile(
    r"\b(?:before|by|until|in time for|ahead of)\s+(?:the\s+)?(?:winter|summer|christmas|spring|autumn|the holidays|"
    r"the inspection|the end of (?:the )?\w+|next \w+|\w+day|the \w+ term|school starts|the baby arrives|[a-z]+ \d{1,2})\b",
    re.I,
)


def _swap_to(who: str, text: str) -> str:
    """First person into the named party's third person; the listener's 'you' into 'the others'."""
    text = re.sub(r"\bI'm\b|\bI am\b", f"{who} is", text)
    text = re.sub(r"\bI've\b", f"{who} has", text)
    text = re.sub(r"\bI'll\b", f"{who} will", text)
    text = re.sub(r"\bI'd\b", f"{who} would", text)
    text = re.sub(r"^(?:ill|i'll)\s+", f"{who} will ", text, flags=re.I)
    text = re.sub(r"\s+myself\b", "", text)
    text = re.sub(r"\b(?:me|I)\b", who, text)
    text = re.sub(r"\bmy\b", f"{who}'s", text, flags=re.I)
    text = re.sub(r"\bmine\b", f"{who}'s", text, flags=re.I)
    # the speaker's own side: "delivery windows we can rely on" -> "delivery windows they can rely on"
    text = re.sub(r"\bwe(?=['’](?:re|ve|ll|d)\b)", "they", text, flags=re.I)
    text = re.sub(r"\bwe\b", "they", text, flags=re.I)
    text = re.sub(r"\b(?:our)\b", "their", text, flags=re.I)
    text = re.sub(r"\b(?:us)\b", "them", text, flags=re.I)
    text = re.sub(r"\byour\b", "their", text, flags=re.I)
    text = re.sub(r"\b(?:your|ur)\b", "their", text, flags=re.I)
    text = re.sub(r"\b(?:you|u)\b", "the others", text, flags=re.I)
    return re.sub(r"\bthe others're\b", "the others are", text)


def third_person(who: str, ask: str) -> str:
    """'Could you tell me before she comes?' said by Sam -> 'Sam is asking the others to tell Sam before she comes.'"""
    ask = ask.strip().rstrip("?.! ")
    m = re.match(r"^could (?:we|I) have (.+)$", ask, re.I)
    if m:
        return f"{who} is asking for {_swap_to(who, m.group(1))}."
    m = re.match(r"^could (?!you\b|we\b|I\b)(.+?) be (.+)$", ask, re.I)
    if m:
        return f"{who} is asking that {_swap_to(who, m.group(1))} be {_swap_to(who, m.group(2))}."
    m = re.match(r"^could you (.+)$", ask, re.I)
    if m:
        return f"{who} is asking the others to {_swap_to(who, m.group(1))}."
    m = re.match(r"^could (?:we|I) (.+)$", ask, re.I)
    if m:
        return f"{who} is proposing that everyone {_swap_to(who, m.group(1))}."
    return f"What {who} is asking for: {_swap_to(who, ask[0].lower() + ask[1:])}."


def offer_third_person(who: str, offer: str) -> str | None:
    """'I'll pick the kids up on Fridays' said by Sam -> 'In return, Sam offers to pick the kids up on Fridays.'"""
    text = offer.strip().rstrip(".!? ")
    if not text:
        return None
    m = _OFFER_LEAD.match(text)
    # "The residents' committee" mid-sentence: "In return, the residents' committee offers..."
    named = re.sub(r"^(The|A|An|Our|My|Your)\b", lambda d: d.group(1).lower(), who)
    if m and m.end() < len(text):
        return f"In return, {named} offers to {_swap_to(who, text[m.end() :])}."
    return f"In return, {named} offers this: {_swap_to(who, text[0].lower() + text[1:])}."


_ASKING = re.compile(
    r"\b(?:need|needs|want|wants|should|must|please|kindly|could you|can you|would you|have to|has to|stop|no more)\b",
    re.I,
)


_SHOULD = re.compile(
    r"^(?P<who>(?:the|my|our|your|his|her|their|[A-Z][a-z]+)(?:\s+[\w'-]+){0,3}?)\s+(?:should|must|needs to|has to|ought to)\s+"
    r"(?P<rest>(?!be\b)\w+.*)$"
)


# where what follows a comma is an aside, not more of the request: a new subject ("she's got school",
# "the howling's been going"), a judgement ("ur so selfish", "so irresponsible", "always you forget")
_ASIDE = re.compile(
    r"(?<=[.!?])\s+|,\s+(?=(?:(?:they|it|this|that|which|she|he|shes|hes|she's|he's|the \w+'s)\b"
    r"|(?:you|u|ur|ye|you're|youre)\s+(?:are\s+|r\s+|is\s+)?(?:so|too|such|really|very|always|never)\b"
    r"|so\s+\w+\s*(?:,|$)|always\s+(?:you|u)\b|you'?re\s+(?:so|such|a|an)\b"
    # a name-calling vocative at the end: ", ye spoilt senior eejits", ", you lazy lot"
    r"|(?:ye|you|u)\s+(?!to\b|can\b|could\b|will\b|need\b|must\b|should\b|have\b|are\b|and\b|know\b)\w+(?:\s+\w+){0,3}\s*$))",
    re.I,
)
# a past participle for the verbs asks start with ("bring her back" -> "her brought back")
_PARTICIPLE = {
    "bring": "brought", "keep": "kept", "give": "given", "take": "taken", "make": "made", "send": "sent",
    "pay": "paid", "put": "put", "tell": "told", "let": "let", "leave": "left", "buy": "bought",
    "find": "found", "hold": "held", "cut": "cut", "set": "set", "sell": "sold", "show": "shown", "do": "done",
    "write": "written", "read": "read", "drive": "driven", "feed": "fed", "shut": "shut", "choose": "chosen",
    "return": "returned", "move": "moved", "fix": "fixed", "clear": "cleared", "sort": "sorted",
}  # fmt: skip


def _as_wanted_done(who: str, request: str) -> str | None:
    """'Could you move Sami away from the boy who hits him?' said by Nadia -> 'Nadia wants Sami moved
    away from the boy who hits him.': the point in the mediator's words, not the ask read back."""
    m = re.match(r"^could you (\w+) (.+?)\??$", request.strip(), re.I)
    if not m or m.group(1).lower() not in _PARTICIPLE:
        return None
    words = list(tag(re.sub(r"\bur\b", "your", re.sub(r"\bu\b", "you", m.group(2), flags=re.I), flags=re.I)))
    n = 0
    while n < len(words) and (
        words[n].tag in {"DT", "PRP$", "PRP", "JJ", "CD", "POS"} or words[n].tag.startswith("NN")
    ):
        n += 1
        if (
            n < len(words)
            and (words[n - 1].tag == "PRP" or words[n - 1].tag.startswith("NN"))
            and words[n].tag
            in {
                "PRP",
                "PRP$",
                "DT",
            }
        ):
            break  # "give the lads their share": the first object only
    if n == 0 or not any(w.tag.startswith("NN") or w.tag == "PRP" for w in words[:n]):
        return None
    if n < len(words) and (words[n].tag in {"PRP", "PRP$", "DT", "WDT", "WP", "CD"} or words[n].text.lower() == "that"):
        return None  # "pay me the balance", "the area you broke": a second object or a clause, not worth the risk
    obj, rest = join(words[:n]), join(words[n:])
    if obj.lower() in {"me", "us", "myself", "ourselves"}:
        return None  # "tell me first" is not "Sam wants Sam told first"
    said = f"{obj} {_PARTICIPLE[m.group(1).lower()]} {rest}".strip()
    return f"{who} wants {_swap_to(who, said)}."


_SPOKEN_FILLER = re.compile(
    r"\b(?:um+|uh+|erm+|like(?=,?\s+(?:actually|literally|honestly|really|just)\b)|actually|basically)\b,?\s*", re.I
)


def _first_request(ask: str) -> str:
    """The sentence of an ask that asks for something ('I need the kids back by 6 on Sundays'), not the reason
    or the aside said with it ('they have school Monday, this isn't hard')."""
    ask = re.sub(r"^(?:so|ok(?:ay)?|right|well)\b[\s,]*", "", _SPOKEN_FILLER.sub("", ask).strip(), flags=re.I)
    pieces = [p.strip(" ,") for p in re.split(_ASIDE, ask.strip()) if p.strip(" ,")]
    for piece in pieces:
        if _ASKING.search(piece) or (re.match(r"^[A-Z]?[a-z]+\s", piece) and starts_with_verb(piece)):
            return piece
    return pieces[0] if pieces else ask


def chunks(text: str) -> list[str]:
    """Noun phrases with their attachments ('the damp in the back bedroom', 'fair pay for the team')."""
    words = [w for w in tag(text) if w.text.strip()]
    out: list[list[Word]] = []
    current: list[Word] = []

    def close() -> None:
        nonlocal current
        while current and not current[-1].tag.startswith("NN") and current[-1].tag != "CD":
            current = current[:-1]
        if any(x.tag.startswith("NN") for x in current):
            out.append(current)
        current = []

    for i, w in enumerate(words):
        nominal = w.tag in {"DT", "PRP$", "JJ", "JJR", "NN", "NNS", "NNP", "CD", "$", "POS", "VBN"} and not (
            w.tag == "VBN" and not current
        )
        attach = (
            w.tag == "IN"
            and w.lower in {"of", "in", "for", "at", "on", "with"}
            and current
            and i + 1 < len(words)
            and words[i + 1].tag in {"DT", "PRP$", "JJ", "NN", "NNS", "NNP", "CD"}
        )
        if nominal or attach:
            current.append(w)
        else:
            close()
    close()
    phrases = []
    for c in out:
        phrase = join(c)
        phrase = re.sub(r"^(?:my|our|your|his|her|their)\b", "the", phrase, flags=re.I)
        phrases.append(phrase)
    return phrases


# goals this close in meaning (cosine of their embeddings) are about one situation even in different words;
# set on the voices dev set, where goals that share nothing scored at most 0.112 but one (0.271)
RELATED = 0.12


class PositionWriter:
    """Restatements and mutual goals, written offline and checked like every other answer."""

    def __init__(self, asks: AskShrinker, phrasing: Phrasing, level_of: LevelOf) -> None:
        self.asks = asks
        self.phrasing = phrasing
        self.level_of = level_of

    def restate(self, who: str, ask: str, offer: str | None = None) -> str:
        """The party's ask and offer in the third person, calm, without the threat or the blame."""
        if offer is None:
            ask, offer = _split_position(ask)
        core = _first_request(ask)
        if self.level_of(ask) == "ultimatum":
            parts = parts_of(ask, self.phrasing, self.level_of)
            core = " ".join(need_sentence(n, self.phrasing) for n in parts.needs[:1]) or (
                core if not self.phrasing.lever_pattern.search(core) else ""
            )
            core = _first_request(core) if core else core  # the need without the asides said with it
        core = re.split(
            r",?\s+\b(?:or else|otherwise|or|else|failing (?:which|that)|if not)\s+(?=the|we|i|they|he|she|you|u|it)\b|"
            r",?\s+\bfailing (?:which|that)\b",
            core,
            maxsplit=1,
            flags=re.I,
        )[0]
        sentences = []
        modal = _SHOULD.match(core.strip().rstrip(".!"))
        if core and modal:  # "The board must see the findings" -> "Oliver is asking that the board see the findings."
            what = without_asides(self.phrasing.blame_pattern.sub("", f"{modal.group('who')} {modal.group('rest')}"))
            what = re.sub(r"\b(?:always|never|constantly|every single time)\b\s*", "", what, flags=re.I)
            what = re.sub(r",?\s*not only when .*$|,\s*(?:i'?m|i am|i've|it'?s|this is)\b.*$", "", what, flags=re.I)
            sentences.append(
                f"{who} is asking that {_swap_to(who, what[0].lower() + what[1:] if not what[:2].isupper() else what)}."
            )
        elif core:
            request = to_request(self.phrasing.blame_pattern.sub("", core)) or self.asks.shrink(core).ask
            sentences.append(_as_wanted_done(who, request) or third_person(who, request))
        if offer:
            clean_offer = self.phrasing.blame_pattern.sub("", offer)
            clean_offer = re.sub(r"\s{2,}", " ", clean_offer)
            # "while I'm out" is being away from home, not walking out
            judged = re.sub(r"\b(while|when|whilst|if|as|until)\s+I'?m out\b", r"\1 I am away", clean_offer, flags=re.I)
            if self.level_of(judged) == "ultimatum" and self.phrasing.lever_pattern.search(judged):
                parts = parts_of(clean_offer, self.phrasing, self.level_of)
                clean_offer = parts.offer or (parts.needs[0] if parts.needs else "")
            said = offer_third_person(who, clean_offer) if clean_offer else None
            if said:
                sentences.append(said)
        if not sentences:
            return f"{who} wants to find a way forward on this and is open to talking it through."
        text = " ".join(sentence_case(s) for s in sentences)
        text = self.phrasing.blame_pattern.sub("", text)
        return re.sub(r"\s{2,}", " ", text).replace(" .", ".").strip()

    def mutual_goal(self, goals: Sequence[str]) -> str:
        """What the stated goals share, said as one goal; the method's fallback when they share nothing."""
        if len(goals) < 2:
            return FALLBACK_GOAL
        per_goal = [chunks(g) for g in goals]
        shared = self._shared(goals)
        if not shared:
            return self._both(goals, per_goal)
        picked: list[str] = []
        for phrases in per_goal:
            for phrase in phrases:
                words = set(re.findall(r"[a-z£]+", phrase.lower()))
                if words & shared and phrase.lower() not in {p.lower() for p in picked}:
                    picked.append(phrase)
                    break
        time = next((m.group(0) for g in goals for m in [_TIME.search(g)] if m), None)
        picked = [_neutral(p) for p in picked]
        picked = [
            p
            if re.match(r"^[A-Z]{2,}|^[A-Z][a-z]+\b(?! )", p) and not re.match(r"^(?:A|An|The)\b", p)
            else p[:1].lower() + p[1:]
            for p in picked
        ]
        topic = _and_join([p for p in picked if not time or p.lower() not in time.lower()][:3])
        if not topic:
            return FALLBACK_GOAL
        goal = f"Agree a way forward on {topic}{' ' + time if time else ''} that works for all of us."
        if self.level_of(goal) == "ultimatum" or self.phrasing.lever_pattern.search(goal):
            return FALLBACK_GOAL
        return sentence_case(goal)

    def _both(self, goals: Sequence[str], per_goal: Sequence[Sequence[str]]) -> str:
        """Goals in different words: a goal that names what each side cares about, so neither is dropped;
        the method's fallback only when a goal names nothing."""
        from assistant.coach.offers import goal_topic

        vectors = self.asks.embedder.embed(list(goals))
        if min(float(vectors[i] @ vectors[j]) for i in range(len(goals)) for j in range(i + 1, len(goals))) < RELATED:
            return FALLBACK_GOAL  # goals about different things share nothing to name: the method's fallback
        named: list[str] = []
        for goal, phrases in zip(goals, per_goal, strict=True):
            phrase = goal_topic(goal) or next(
                (p for p in phrases if not re.match(r"^(?:the )?(?:way|thing|things|lot|time|one)$", p, re.I)), None
            )
            if phrase is None:
                return FALLBACK_GOAL
            phrase = _neutral(phrase)
            phrase = re.sub(r"^the the\b", "the", phrase, flags=re.I)
            if phrase.lower() not in {n.lower() for n in named}:
                named.append(phrase[0].lower() + phrase[1:] if not re.match(r"^[A-Z]{2,}", phrase) else phrase)
        if len(named) < 2:
            return FALLBACK_GOAL
        goal = f"Find a way forward that covers both {named[0]} and {_and_join(named[1:3])}."
        if self.level_of(goal) == "ultimatum" or self.phrasing.lever_pattern.search(goal):
            return FALLBACK_GOAL
        return sentence_case(goal)

    def _shared(self, goals: Sequence[str]) -> set[str]:
        """Words every goal uses for one topic: the same word, or words of one topic family."""
        bags = [set(re.findall(r"[a-z£]+", g.lower())) for g in goals]
        lemmas = [{w.lemma.lower() for w in tag(g) if w.tag.startswith("NN")} for g in goals]
        same = set.intersection(*lemmas) - {"thing", "way", "time", "lot", "one"}
        shared = {w for w in set.union(*bags) if w in same} | same
        for family in self.phrasing.topics.values():
            hits = [bag & family for bag in bags]
            if all(hits):
                shared |= set.union(*hits)
        return shared


def _neutral(phrase: str) -> str:
    """A phrase from one person's goal, said for everyone: 'my kids' -> 'the kids', 'I owe' -> 'is owed'."""
    phrase = re.sub(r"\bwhat i owe\b", "what is owed", phrase, flags=re.I)
    phrase = re.sub(r"\b(?:my|our|your|his|her|their)\b", "the", phrase, flags=re.I)
    return re.sub(r"\bthe the\b", "the", phrase, flags=re.I)


def _and_join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _split_position(position: str) -> tuple[str, str | None]:
    """A position typed as one text: the offer is the sentence that starts 'I'll/I can/In return'."""
    sentences = re.split(r"(?<=[.!?])\s+|\n+", position.strip())
    for i, s in enumerate(sentences):
        if i > 0 and _OFFER_LEAD.match(s):
            return " ".join(sentences[:i]), " ".join(sentences[i:])
    return position, None
