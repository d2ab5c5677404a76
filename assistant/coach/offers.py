"""Offers: concrete, face-saving offers and impasse moves, each tied to the strategy card behind it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.coach.asks import _gerund
from assistant.coach.drift import clean_text
from assistant.coach.protocol import OFFLINE, Origin
from assistant.coach.strategies import Recommendation, StrategyRecommender
from assistant.knowledge import Card

IMPASSE_CUES = re.compile(
    r"\bwalk(?:ed|s)? out\b|\bstormed out\b|\bleft the (?:room|table|meeting)\b|\bhung up\b|"
    r"\b(?:it'?s|talks are|we're|we are|this is) (?:over|done|finished|dead)\b|\bcalled (?:it|the talks) off\b|"
    r"\bsilent treatment\b|\bwon't (?:talk|speak|answer|reply|respond)\b|\bstopped (?:talking|answering|replying)\b|"
    r"\bblocked (?:me|us|my)\b|\bdeadlock\w*\b|\bstalemate\b|\bstand-?off\b|\bimpasse\b|\bno contact\b|"
    r"\bgave up\b|\bultimatum\b|\bfinal offer\b|\bthreaten\w*\b|\brefus\w+ to (?:talk|meet|negotiate)\b",
    re.I,
)
_ASK_LEAD = re.compile(
    r"^\s*(?:(?:i|we)\s+(?:really\s+|just\s+)?(?:need|want|would like|'d like|ask|expect)\s+(?:you|u)\s+to|"
    r"(?:can|could|would|will)\s+(?:you|u)(?:\s+please)?|please|(?:you|u)\s+(?:need|have|ought|got)\s+to|"
    r"(?:you|u)\s+(?:should|must)|my ask is (?:that you|for you to)|the ask is (?:that you|for you to))\s+",
    re.I,
)
_FLIP = {
    "your": "my",
    "yours": "mine",
    "yourself": "myself",
    "you": "I",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "me": "you",
    "i": "you",
    "you're": "I'm",
    "you've": "I've",
    "you'll": "I'll",
    "i'm": "you're",
    "i've": "you've",
    "us": "us",
    "our": "our",
}
_GOAL_LEAD = re.compile(
    r"^\s*(?:(?:my|our|the) (?:shared |mutual |main )?goal is(?: to| that)?|(?:i|we) (?:both )?(?:want|need|would like|'d like|hope)(?: to)?|to)\s+",
    re.I,
)


# Moves that only fit when the situation says so (a walkout by them, a fault of mine, a fallback...)
_GATED = {
    "assess-walkout": re.compile(
        r"\b(?!i\b)\w+\s+(?:\w+\s+)?(?:walked|stormed|stomped|marched) (?:out|off)\b|\b(?:he|she|they)\s+(?:just\s+)?left\b|"
        r"\bhung up on (?:me|us)\b",
        re.I,
    ),
    "apologize": re.compile(
        r"\bi (?:\w+ )?(?:walked out|stormed out|shouted|yelled|snapped|lost my temper|said something|overreacted|was rude|"
        r"was out of line|hung up|made it worse|forgot|messed up|broke)\b|\bmy fault\b|\bmy mistake\b|\bi was wrong\b",
        re.I,
    ),
    "strengthen-batna": re.compile(
        r"\bno (?:alternative|other option|leverage|choice)\b|\bnowhere else\b|\bthink(?:s)? (?:i|we) (?:need|have to)\b|"
        r"\bother (?:offers?|options|quotes?|suppliers?|buyers?|flats?|jobs?)\b",
        re.I,
    ),
    "walk-away-check": re.compile(
        r"\bbait\b|\bchanged the terms\b|\bnever (?:really )?wanted\b|\bunethical\b|\bwin-lose\b|\bonly good for them\b|"
        r"\bnew conditions\b|\bkeeps? adding\b|\bnot worth\b|\bshould (?:i|we) (?:even|just) walk\b",
        re.I,
    ),
    "change-negotiators": re.compile(
        r"\bcan't stand each other\b|\bcan't be in the same room\b|\bbad blood\b|\bhate each other\b|\bpersonal\b|"
        r"\bshouting match\b|\bcan no longer work\b",
        re.I,
    ),
    "equal-time": re.compile(
        r"\bdominat\w*|\btalks? over\b|\binterrupt\w*|\bget a word in\b|\ball the talking\b", re.I
    ),
    "one-non-negotiable": re.compile(r"\bdeal[- ]?breakers?\b|\bnon[- ]?negotiables?\b|\bconditions\b", re.I),
    "recommit-process": re.compile(r"\bagreed\b|\bdeal\b|\bsigned\b|\bsettled\b", re.I),
    "flush-out-interests": re.compile(
        r"\balmost\b|\bnearly\b|\bat the (?:very )?end\b|\blast (?:point|issue|minute|item|thing)\b|\beverything else\b|"
        r"\bout of nowhere\b|\bsuddenly\b|\bstuck on\b",
        re.I,
    ),
    "crystallize-ask": re.compile(r"\blist\b|\bdemands\b|\bcomplaints\b|\beverything\b|\bso many\b", re.I),
}
# moves for talks that broke down: not offered when the other side has simply asked for something
_IMPASSE_ONLY = {"face-saving-return", "leave-door-open", "let-time-pass", "assess-walkout", "change-negotiators"}
_RECURRING = re.compile(
    r"\b(?:every|each|always|during|weekly|daily|nightly|nights|mornings|evenings|weekends|days a week|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days|by \d|after \d|before \d|no more than|at least|stop)\b",
    re.I,
)

# moves that do not fit a session: a facilitator is already there; the parties are already in the process
_NOT_WITH_FACILITATOR = {"neutral-third-party"}
_PROCESS_ITSELF = {"ask-and-offer", "state-goals", "prepare-assumptions", "crystallize-ask"}
_MEDIATOR = re.compile(r"\b(?:mediator|facilitator|third party|someone neutral)\b", re.I)
_PROCESS = re.compile(r"\bask-and-offer\b|\bone ask\b|\bone offer\b", re.I)

# templates that speak as the one who left, or to the one who left
_I_LEFT = re.compile(r"\bfor walking out\b|\bwhen I left\b", re.I)
_THEY_LEFT = re.compile(r"\bwhen you left\b|\bthe walkout\b|\bworth coming back\b", re.I)


@dataclass(frozen=True)
class Offer:
    """One offer a person could make, with the strategy it comes from."""

    text: str
    slug: str
    title: str
    card: str
    origin: Origin = OFFLINE


def ask_action(their_ask: str | None) -> str | None:
    """The other side's ask as a verb phrase the speaker could do ("be home by seven")."""
    if not their_ask or not their_ask.strip():
        return None
    text = their_ask.strip().rstrip(".!? ")
    prefix = ""
    lead = _ASK_LEAD.match(text)
    if not lead:
        lead = re.match(
            r"^\s*(?:i|we)\s+(?:really\s+)?(?:want|need|would like|'d like)\s+(?:you|u)\s+(?=in|at|on|home|back|here|there)",
            text,
            re.I,
        )
        prefix = "be " if lead else ""
    if not lead:
        lead = re.match(r"^\s*(?:could|can|may)\s+i\s+", text, re.I)
        prefix = "let you " if lead else ""
    if not lead:
        return None
    body = text[lead.end() :].strip()

    def flip(m: re.Match[str]) -> str:
        word = m.group(0)
        out = _FLIP.get(word.lower().replace("’", "'"), word)
        return out

    phrase = re.sub(r"[\w]+(?:['’][\w]+)?", flip, body)
    if prefix == "let you ":
        phrase = re.sub(r"\bme\b", "you", body)  # "could I take my leave" -> "let you take your leave"
        phrase = re.sub(r"\bmy\b", "your", phrase)
        return prefix + phrase
    phrase = prefix + phrase
    phrase = re.sub(r"\bI are\b", "I am", phrase)
    phrase = re.sub(r"\bI were\b", "I was", phrase)
    # "you" the speaker became "I"; after a verb or preposition it is an object: "me"
    phrase = re.sub(
        r"\b(to|with|for|from|at|about|tell|give|show|let|call|text|ask|help|than|include|invite|"
        r"consult|warn|pay|thank|visit|join|involve) I\b",
        r"\1 me",
        phrase,
    )
    return phrase or None


_GOAL_VERBS = frozenset(
    re.findall(
        r"\w+",
        "keep get stay protect avoid contribute save reach agree decide settle win finish have be make find stop start "
        "see spend take go work pay move sell buy hire live share build fix continue maintain ensure limit reduce "
        "increase bring return visit practise practice raise end choose plan cut give let hold sort improve secure "
        "restore repair rebuild respect split cover earn grow launch ship close open run",
    )
)
_ADVERBS = frozenset(re.findall(r"\w+", "not still also just never always finally really"))


def goal_phrase(goal: str | None) -> str | None:
    """The goal as a topic that reads after 'about' or 'on': 'keep my Saturdays' -> 'keeping my Saturdays'."""
    if not goal or not goal.strip():
        return None
    text = _GOAL_LEAD.sub("", goal.strip().rstrip(".!? "))
    if not text:
        return None
    words = text.split()
    lead: list[str] = []
    while words and words[0].lower() in _ADVERBS:
        lead.append(words.pop(0).lower())
    if words and words[0].lower() in _GOAL_VERBS:
        verb = "being" if words[0].lower() == "be" else _gerund(words[0])
        return " ".join([*lead, verb, *words[1:]])
    text = " ".join([*lead, *words])
    return text[0].lower() + text[1:] if not re.match(r"^[A-Z]{2,}|^I\b", text) else text


def goal_topic(goal: str | None) -> str | None:
    """What a goal is about, short ('mum staying safe at home', 'the damp in the bedroom'), never pasted whole."""
    if not goal or not goal.strip():
        return None
    from assistant.coach.positions import chunks
    from assistant.coach.reframes import _gerund_clause

    text = _GOAL_LEAD.sub("", goal.strip().rstrip(".!? "))
    first = re.split(r"\s*(?:,|;|\band\b|\bbut\b|\bso\b|\bas long as\b|\bbecause\b|\bwithout\b|\bwhile\b)\s*", text)[0]
    words = first.split()
    if 2 <= len(words) <= 9:
        if words[0].lower() in _GOAL_VERBS:
            return goal_phrase(first)
        if not re.match(r"^(?:i|we|you)\b", first, re.I):
            gerund = _gerund_clause(first)
            if gerund != first:
                return re.sub(r"^(?:my|our)\b", "the", gerund[0].lower() + gerund[1:], flags=re.I)
    found = [c for c in chunks(text) if not re.match(r"^(?:the )?(?:way|thing|things|lot|time|goal|one)$", c, re.I)]
    if not found:
        return None
    topic = " ".join(found[0].split()[:6])
    if not re.match(r"^(?:the|a|an|this|that|\d|£|\$)\b", topic, re.I) and not topic[:1].isupper():
        topic = "the " + topic
    return topic if re.search(r"[A-Z]{2,}", topic) else topic[:1].lower() + topic[1:]


class OfferSuggester:
    """Fills the strategy cards' offer patterns with the situation's specifics."""

    def __init__(self, recommender: StrategyRecommender, cards: dict[str, Card]) -> None:
        self.recommender = recommender
        self.cards = cards

    def suggest(
        self,
        situation: str,
        party_goal: str | None = None,
        their_ask: str | None = None,
        n: int = 3,
        impasse: bool | None = None,
        stage: str = "prepare",
        facilitated: bool = False,
    ) -> list[Offer]:
        """Two or three concrete offers, from distinct strategies, best first.

        The other side's ask comes first (meet it part of the way); the goal is named by its topic,
        never pasted in; moves that do not fit the session are left out (a mediator when a
        facilitator is present, the ask-and-offer process to people already in it).
        """
        text = clean_text(situation, "situation")
        in_session = stage != "prepare"
        at_impasse = bool(IMPASSE_CUES.search(text)) if impasse is None else impasse
        query = text if not their_ask else f"{text} They ask: {their_ask}"
        ranked = self.recommender.recommend(query, k=10, impasse_only=at_impasse)
        action = ask_action(their_ask)
        goal = goal_topic(party_goal) or (goal_topic(their_ask) if their_ask else None) or goal_topic(text)
        perspective = {
            "i_left": bool(
                _GATED["apologize"].search(text) and re.search(r"\bi (?:\w+ )?(?:walked|stormed|hung)", text, re.I)
            ),
            "they_left": bool(_GATED["assess-walkout"].search(text)),
        }
        offers: list[Offer] = []
        if action and not at_impasse:
            offers.extend(self._partial_yes(action))
        for rec in ranked:
            if len(offers) >= n:
                break
            if any(o.slug == rec.slug for o in offers):
                continue
            cue = _GATED.get(rec.slug)
            if cue is not None and not cue.search(text):
                continue
            if not at_impasse and rec.slug in _IMPASSE_ONLY:
                continue
            if (facilitated and rec.slug in _NOT_WITH_FACILITATOR) or (in_session and rec.slug in _PROCESS_ITSELF):
                continue
            filled = self._fill(rec, action, goal, perspective, facilitated, in_session)
            if filled:
                offers.append(filled)
        return offers[:n]

    def _partial_yes(self, action: str) -> list[Offer]:
        """Meet the other side's ask part of the way: the core of the ask-and-offer move."""
        card = self.cards.get("gracious-move") or self.cards.get("ask-and-offer")
        if card is None:
            return []
        if _RECURRING.search(action):
            text = (
                f"I'll {action} for the next two weeks as a trial, "
                "and then we'll sit down and see how it's working for both of us."
            )
        else:
            text = f"I'm open to the idea that I {action}; can we work out the details together so it works for both of us?"
        return [Offer(text, card.slug, card.title, f"cards/{card.path.name}")]

    def _fill(
        self,
        rec: Recommendation,
        action: str | None,
        goal: str | None,
        perspective: dict[str, bool],
        facilitated: bool = False,
        in_session: bool = False,
    ) -> Offer | None:
        card = self.cards.get(rec.slug)
        if card is None or not card.offers:
            return None
        best: str | None = None
        best_rank = -1
        for template in card.offers:
            if (_I_LEFT.search(template) and not perspective["i_left"]) or (
                _THEY_LEFT.search(template) and not perspective["they_left"]
            ):
                continue
            if (facilitated and _MEDIATOR.search(template)) or (in_session and _PROCESS.search(template)):
                continue
            needs = set(re.findall(r"\{([a-z_]+)\}", template))
            values = {"ask_action": action, "goal": goal}
            if any(values[slot] is None for slot in needs):
                continue
            rank = len(needs)  # prefer the most specific template that can be filled
            if rank > best_rank:
                best = template.format(**{k: v for k, v in values.items() if k in needs})
                best_rank = rank
        if best is None:
            return None
        return Offer(best, card.slug, card.title, rec.card)
