"""Offers: concrete, face-saving offers and impasse moves, each tied to the strategy card behind it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.coach.drift import clean_text
from assistant.coach.language import base_form, gerund, plain_spelling, starts_with_verb, tag
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
# the speaker's side of an imperative said to them: "refund me" -> "refund you" (their "you" is the speaker: "I")
_ME_TO_YOU = {"me": "you", "my": "your", "mine": "yours", "myself": "yourself", "i": "you", "i'm": "you're",
              "you": "me", "your": "my", "yours": "mine", "you're": "I'm",
              "us": "you"}  # their "we" and "our" may be both sides ("the split we signed"): kept  # fmt: skip
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


def _swap_pronouns(text: str) -> str:
    """Each word through _ME_TO_YOU: the other side's 'me'/'my' as the speaker's 'you'/'your', and back."""
    return re.sub(r"[\w]+(?:['’][\w]+)?", lambda m: _ME_TO_YOU.get(m.group(0).lower(), m.group(0)), text)


def _mine_to_yours(text: str) -> str:
    """Their words in the speaker's mouth: 'me'/'my'/'I' become 'you'/'your', 'you'/'your' become 'me'/'my'
    ('I' where it starts a clause: "you pay more, you drive it more" -> "pay more, I drive it more")."""
    text = plain_spelling(text)
    out = _swap_pronouns(text)
    return re.sub(r"(^|[,;]\s*|\band\s+|\bbefore\s+|\bwhen\s+|\bif\s+)me\b(?=\s+[a-z])", r"\1I", out)


def _base_verb(phrase: str) -> str:
    """'cleared the hallway' -> 'clear the hallway' (a past tense after 'if you' is a wish, not a report)."""
    first, _, rest = phrase.partition(" ")
    if first.lower().endswith("ed"):
        first = base_form(first)
    return f"{first} {rest}".strip()


# the other side's words that are not a plain request, as what the speaker could do in answer
_ASK_SHAPES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    # their offer with a condition on the speaker: "happy to angle it down if you pay for a sensor"
    (
        re.compile(r"^.+?\bif\s+(?:you|u)\s+(?:would\s+|could\s+|will\s+)?(.+)$", re.I),
        lambda m: _mine_to_yours(_base_verb(m.group(1))),
    ),
    # "we're asking for a 4% rise" -> "let you have a 4% rise"; "I'm asking you to cover half" -> "cover half"
    (
        re.compile(r"^(?:i'?m|we'?re|i am|we are)\s+(?:asking|requesting)\s+(?:for\s+)(.+)$", re.I),
        lambda m: "let you have " + _mine_to_yours(m.group(1)),
    ),
    (
        re.compile(r"^(?:i'?m|we'?re|i am|we are)\s+(?:asking|requesting)\s+(?:you|u)\s+to\s+(.+)$", re.I),
        lambda m: _mine_to_yours(m.group(1)),
    ),
    # "what I want is for you to tell me first" -> "tell you first"
    (
        re.compile(
            r"^what (?:i|we) (?:want|need|ask)(?: from you)? is (?:for (?:you|u) to|that (?:you|u))\s+(.+)$", re.I
        ),
        lambda m: _mine_to_yours(m.group(1)),
    ),
    # "the company requests that all staff attend..." -> "agree that all staff attend..."
    (
        re.compile(r"^(?:the \w+|we|i|they)\s+(?:requests?|asks?|proposes?|suggests?)\s+that\s+(.+)$", re.I),
        lambda m: "agree that " + _mine_to_yours(m.group(1)),
    ),
    # "could we leave the crates inside your gate?" -> "let you leave the crates inside my gate"
    (re.compile(r"^(?:could|can|may|might)\s+we\s+(.+)$", re.I), lambda m: "let you " + _mine_to_yours(m.group(1))),
    # "could your volunteers help with marshalling?" -> "have my volunteers help with marshalling"
    (
        re.compile(r"^(?:could|can|would|will)\s+(?:your|ur)\s+(\w+)\s+(.+)$", re.I),
        lambda m: f"have my {m.group(1)} {_mine_to_yours(m.group(2))}",
    ),
    # "we'd want badges checked" -> "let you have badges checked"
    (
        re.compile(r"^(?:i|we)(?:'d| would)\s+(?:want|like|need|expect)\s+(?!to\b|you\b|u\b)(.+)$", re.I),
        lambda m: "let you have " + _mine_to_yours(m.group(1)),
    ),
    # what they will need: "I'll need to show buyers round on Saturdays" -> "let you show buyers round..."
    (
        re.compile(r"^(?:i|we)(?:'ll| will|'d| would)?\s+(?:need|have|want|like)\s+to\s+(.+)$", re.I),
        lambda m: "let you " + _mine_to_yours(m.group(1)),
    ),
    # "let's get it valued by somebody neither of us knows": both sides' "us" stays
    (re.compile(r"^let'?s\s+(.+)$", re.I), lambda m: m.group(1)),
    # their own offer: "we'd consider a trial at one site first" -> "take up your offer to consider a trial..."
    (
        re.compile(
            r"^(?:i|we)(?:'d| would| could| can|'ll| will)\s+(?:be happy to\s+|be willing to\s+)?(\w+\b.*)$", re.I
        ),
        lambda m: "take up your offer to " + _mine_to_yours(m.group(1)),
    ),
    # "you ring me every night and one of the mums goes too" -> "ring you every night and..."
    (re.compile(r"^(?:you|u)\s+(?!are\b|were\b|have\b|had\b)(\w+\b.+)$", re.I), lambda m: _mine_to_yours(m.group(1))),
]
_ASK_FILLER = re.compile(r"^(?:at least|just|then|ok(?:ay)?|so|well|fine|right|honestly|look|listen)\b[\s,]*", re.I)


# "he'll probably say you need to...", "I think they'll want...", "she's going to ask that..."
_REPORTED_ASK = re.compile(
    r"^(?:(?:i think|i guess|i reckon|i expect|knowing (?:him|her|them)),?\s+)?(?:he|she|they|the landlord|my \w+)"
    r"(?:'ll|’ll| will|'s going to| is going to|'re going to| are going to| would|'d)?\s+(?:probably\s+|likely\s+|just\s+)?"
    r"(?:(?P<want>wants?|asks? for|demands?)|says?|asks?|tells? me|insists?(?: on)?|argues?)\s+(?:that\s+)?",
    re.I,
)


def ask_action(their_ask: str | None) -> str | None:
    """The other side's ask as a verb phrase the speaker could do ("be home by seven")."""
    if not their_ask or not their_ask.strip():
        return None
    # a link, markup or a web address is no part of a sentence the coach says: the ask ends where it starts
    said = re.sub(r"\s+", " ", their_ask)  # one space between words (a pasted run of spaces is no ask)
    text = re.split(
        r"(?:\s(?:see|at|here)\s?:?)?\s?(?:\[[^\]]*\]\(|<[a-z/!]|https?://|www\.)", said, maxsplit=1, flags=re.I
    )[0]
    text = text.strip().rstrip(".!? ")
    # what someone expects the other side to say is their ask, without the expecting
    reported = _REPORTED_ASK.match(text)
    if reported:  # "they'll want the kids every Christmas" is "I want the kids every Christmas" said by them
        text = ("I want " if reported.group("want") else "") + text[reported.end() :]
    for _ in range(2):
        text = _ASK_FILLER.sub("", text)
    if not text:
        return None
    text = re.sub(r"[\s,]+(?:then|instead|please)$", "", text, flags=re.I)
    both = re.match(r"^let'?s\s+(.+)$", text, re.I)
    if both:  # "let's get it valued by somebody neither of us knows": their "us" is both sides
        return both.group(1)
    plain = _plain_ask_action(text)
    if plain is not None:
        return plain
    for pattern, build in _ASK_SHAPES:
        m = pattern.match(text)
        if m:
            return build(m).strip(" ,")
    # a statement of what should happen: "phones get handed in at the office" -> "agree that phones get..."
    if len(text.split()) >= 3 and not re.search(r"\?$", their_ask.strip()):
        return "agree that " + _mine_to_yours(
            text[0].lower() + text[1:] if not re.match(r"^[A-Z]{2}|^I\b", text) else text
        )
    return None


def _plain_ask_action(text: str) -> str | None:
    """A request in a shape the speaker can simply take up, or None."""
    text = re.split(r",?\s+\bor (?:else|i'?ll|i will|we'?ll|we will|i'?m|we'?re)\b", text, maxsplit=1, flags=re.I)[
        0
    ]  # no lever
    text = re.sub(r"^(?:please\s+)", "", text, flags=re.I)
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
    if not lead:  # "I want the kids on Christmas Day", "I need two of the firewood packages"
        lead = re.match(
            r"^\s*(?:i|we)\s+(?:really\s+|just\s+)?(?:want|need|would like|'d like)\s+(?!to\b|you\b|u\b)", text, re.I
        )
        prefix = "let you have " if lead else ""
    dont = re.match(r"^\s*(?:don'?t|do not)\s+(\w+)\b(.*)$", text, re.I)
    if (
        not lead and dont
    ):  # "Don't cut anything during nesting season" -> "avoid cutting anything during nesting season"
        rest = _swap_pronouns(dont.group(2))
        return f"avoid {gerund(dont.group(1).lower())}{rest}"
    if not lead and starts_with_verb(text):  # "Pay the arrears in full", "Let me stay out till midnight"
        lead = re.match(r"^\s*", text)
        body = text[0].lower() + text[1:]
        return _swap_pronouns(body)
    if not lead:
        return None
    if prefix == "let you have ":
        body = text[lead.end() :].strip()
        return prefix + _swap_pronouns(body)
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
        "restore repair rebuild respect split cover earn grow launch ship close open run lower learn finish retire "
        "sleep rest feel know hear talk eat study use park play meet call rely trust look care travel drive walk",
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
        verb = "being" if words[0].lower() == "be" else gerund(words[0])
        return " ".join([*lead, verb, *words[1:]])
    text = " ".join([*lead, *words])
    return text[0].lower() + text[1:] if not re.match(r"^[A-Z]{2,}|^I\b", text) else text


def _third_person(verb: str) -> str:
    """'park' -> 'parks', 'reach' -> 'reaches', 'carry' -> 'carries'."""
    if re.search(r"(?:s|sh|ch|x|z|o)$", verb):
        return verb + "es"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ies"
    return verb + "s"


_VAGUE_HEAD = re.compile(
    r"^(?:a|an|the|some|more|less)?\s*(?:(?:fair|fairer|proper|real|bigger|better|equal|clear|good)\s+)?"
    r"(?:share|mix|split|amount|bit|lot|part|portion|balance|say|level|number|kind|sort|chance|handle)\s+(?:of|in|on|over)\s+(.+)$",
    re.I,
)


def goal_topic(goal: str | None) -> str | None:
    """What a goal is about, short ('mum staying safe at home', 'the damp in the bedroom'), never pasted whole."""
    topic = _goal_topic(goal)
    if topic and goal and topic.lower() in {"everyone", "everybody", "anyone", "all of us", "both of us", "we", "us"}:
        # "Everyone can park safely on Fridays": what everyone can do is the topic
        doing = re.match(
            r"^\s*\w+(?: of us)?\s+(?:can|could|will|should|must|gets? to)\s+(\w+)(.*)$", goal.strip(" .!?"), re.I
        )
        if doing:
            topic = f"{gerund(doing.group(1).lower())}{doing.group(2)}"
    if topic:
        vague = _VAGUE_HEAD.match(topic)
        if vague and len(vague.group(1).split()) >= 1:  # "a fair share of the repair cost": the repair cost
            topic = vague.group(1)
        # what the speaker says of themselves is not the topic: "the kids with me at the party",
        # "the full weight we pay for every week"
        topic = re.sub(r"\s+(?:with|for|to)\s+(?:me|us)\b", "", topic, flags=re.I)
        if len(topic.split()) >= 7:  # long enough to be pasting the goal
            topic = re.sub(r"(\w)\s+(?:that\s+|which\s+)?(?:i|we|you|they)\s+\w+\b.*$", r"\1", topic, flags=re.I)
    if topic and len(topic.split()) > 4 and not re.search(r"\w{2,}ing\b", topic):
        cut = re.match(r"^((?:\S+\s+){1,3}?\S+?)\s+(?:for|of|so|to|with|at|in|before|after)\b", topic)
        topic = cut.group(1).rstrip(",") if cut else topic  # "enough water for my kids" -> "enough water"
    return topic


def _goal_topic(goal: str | None) -> str | None:
    if not goal or not goal.strip():
        return None
    from assistant.coach.positions import chunks
    from assistant.coach.reframes import _gerund_clause

    text = _GOAL_LEAD.sub("", goal.strip().rstrip(".!? "))
    vague = _VAGUE_HEAD.match(text)
    if vague:  # "a fair split of the garden costs": the thing to split, said whole
        what = re.split(r"\s*(?:,|;|\bso\b|\bthat\b|\bwhich\b|\bbecause\b)\s*", vague.group(1))[0]
        if 1 <= len(what.split()) <= 6:
            what = re.sub(r"^(?:my|our|your)\b", "the", what, flags=re.I)
            return what[0].lower() + what[1:] if not re.match(r"^[A-Z]{2,}|^[A-Z][a-z]+\b(?! )", what) else what
    first = re.split(r"\s*(?:,|;|\band\b|\bbut\b|\bso\b|\bas long as\b|\bbecause\b|\bwithout\b|\bwhile\b)\s*", text)[0]
    as_said = first
    # "everyone can park safely" -> "everyone parks safely", which reads as "everyone parking safely"
    first = re.sub(
        r"^(?!(?:i|we|you|they)\b)((?:\w+\s+){0,2}?\w+)\s+(?:can|could|will|would|should|must|gets? to)\s+(?!be\b|have\b)([a-z]+)\b",
        lambda m: (
            m.group(0)
            if m.group(1).split()[-1].lower() in {"i", "we", "you", "they"}
            else f"{m.group(1)} {_third_person(m.group(2))}"
        ),
        first,
        count=1,
    )
    words = first.split()
    if re.match(r"^(?:a|an|the|some)\s+\w+(?:\s+\w+)?\s+(?:i|we|you|they|he|she)\b", first, re.I) and len(words) <= 9:
        head = re.match(r"^(?:a|an|the|some)\s+\w+(?:\s+(?!i\b|we\b|you\b|they\b|he\b|she\b)\w+)?", first, re.I)
        clause = re.split(r"\s+(?:that|which|who)\s+", first)[0]
        shared = re.match(
            r"^(?:a|an|the|some)\s+\w+\s+we\s+(?:both\s+|all\s+)?(?:can\s+)?\w+(?:\s+\w+)?$", clause, re.I
        )
        if (
            shared and len(clause.split()) <= 6 and len(text.split()) > len(clause.split()) + 1
        ):  # "a rent we can afford": the clause says which one, for both
            return clause[0].lower() + clause[1:]
        return head.group(0).lower() if head else None  # "a budget I set": the thing, not its clause
    tagged = tag(as_said)
    if (
        2 <= len(words) <= 5
        and tagged
        and tagged[-1].tag.startswith("NN")
        and not any(w.is_verb for w in tagged)
        and not re.match(r"^(?:i|we|you)\b", first, re.I)
    ):
        # no verb, a few words: the phrase itself ("peace during the day", "quiet evenings after ten")
        return as_said[0].lower() + as_said[1:] if not re.match(r"^[A-Z]{2,}", as_said) else as_said
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
    topic = re.sub(r"(?:\s+(?:the|a|an|at|for|of|to|in|on|my|your|our|with|and))+$", "", topic, flags=re.I)
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
            offers.extend(self._partial_yes(action, goal))
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

    def _partial_yes(self, action: str, goal: str | None = None) -> list[Offer]:
        """Meet the other side's ask part of the way: the core of the ask-and-offer move."""
        card = self.cards.get("gracious-move") or self.cards.get("ask-and-offer")
        if card is None:
            return []
        if _RECURRING.search(action):
            text = (
                f"I'll {action} for the next two weeks as a trial, "
                "and then we'll sit down and see how it's working for both of us."
            )
        elif goal:  # their ask met part of the way, tied to what matters to the speaker
            text = f"I'm open to the idea that I {action}, if we can also work out {goal} together."
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
