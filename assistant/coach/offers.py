"""Offers: concrete, face-saving offers and impasse moves, each tied to the strategy card behind it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.coach.drift import clean_text
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


@dataclass(frozen=True)
class Offer:
    """One offer a person could make, with the strategy it comes from."""

    text: str
    slug: str
    title: str
    card: str


def ask_action(their_ask: str | None) -> str | None:
    """The other side's ask as a verb phrase the speaker could do ("be home by seven")."""
    if not their_ask or not their_ask.strip():
        return None
    text = their_ask.strip().rstrip(".!? ")
    lead = _ASK_LEAD.match(text)
    if not lead:
        return None
    body = text[lead.end() :].strip()
    words = [_FLIP.get(w.lower(), w) for w in re.findall(r"[\w]+(?:['’][\w]+)?|[^\w\s]", body)]
    phrase = " ".join(words)
    phrase = re.sub(r"\s+([,.;:!?])", r"\1", phrase)
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


def goal_phrase(goal: str | None) -> str | None:
    """The goal as a noun phrase that reads inside a sentence."""
    if not goal or not goal.strip():
        return None
    text = goal.strip().rstrip(".!? ")
    had_lead = bool(_GOAL_LEAD.match(text))
    text = _GOAL_LEAD.sub("", text)
    if (
        had_lead
        and re.match(r"^[a-z]+\b", text)
        and not re.match(r"^(?:a|an|the|some|more|our|my|their|fair|an?other)\b", text, re.I)
    ):
        return f"a way to {text}"
    return text[0].lower() + text[1:] if text else None


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
    ) -> list[Offer]:
        """Two or three concrete offers, from distinct strategies, best first."""
        text = clean_text(situation, "situation")
        at_impasse = bool(IMPASSE_CUES.search(text)) if impasse is None else impasse
        query = text if not their_ask else f"{text} They ask: {their_ask}"
        ranked = self.recommender.recommend(query, k=10, impasse_only=at_impasse)
        action = ask_action(their_ask)
        goal = goal_phrase(party_goal)
        offers: list[Offer] = []
        if action and not at_impasse:
            offers.extend(self._partial_yes(action))
        for rec in ranked:
            if len(offers) >= n:
                break
            if any(o.slug == rec.slug for o in offers):
                continue
            filled = self._fill(rec, action, goal)
            if filled:
                offers.append(filled)
        return offers[:n]

    def _partial_yes(self, action: str) -> list[Offer]:
        """Meet the other side's ask part of the way: the core of the ask-and-offer move."""
        card = self.cards.get("gracious-move") or self.cards.get("ask-and-offer")
        if card is None:
            return []
        text = (
            f"I'll {action} for the next two weeks as a trial, "
            "and then we'll sit down and see how it's working for both of us."
        )
        return [Offer(text, card.slug, card.title, f"cards/{card.path.name}")]

    def _fill(self, rec: Recommendation, action: str | None, goal: str | None) -> Offer | None:
        card = self.cards.get(rec.slug)
        if card is None or not card.offers:
            return None
        best: str | None = None
        best_rank = -1
        for template in card.offers:
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
