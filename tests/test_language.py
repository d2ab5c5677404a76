"""The coach's own spelling: texting shorthand spelled out by meaning, evidence cut at a word."""

from __future__ import annotations

import pytest

from assistant.coach.drift import _shorten
from assistant.coach.language import gerund, plain_spelling, unshouted, with_condition_commas


@pytest.mark.parametrize(
    ("texting", "plain"),
    [
        ("if ur not home by 9 u can", "if you're not home by 9 you can"),
        ("if ur taking them this weekend", "if you're taking them this weekend"),
        ("ur mum said", "your mum said"),
        ("ur wedding is in june", "your wedding is in june"),
        ("im late and dont care", "I'm late and don't care"),
    ],
)
def test_texting_shorthand_is_spelled_out_by_meaning(texting: str, plain: str) -> None:
    assert plain_spelling(texting) == plain


def test_evidence_is_cut_at_a_word_boundary() -> None:
    cut = _shorten("if the council turns up at my door one more time I will tell everyone about it")
    assert cut.endswith("I will…")
    assert len(cut) <= 60


@pytest.mark.parametrize(
    ("verb", "ing"),
    [
        ("stop", "stopping"),
        ("make", "making"),
        ("lie", "lying"),
        ("see", "seeing"),
        ("control", "controlling"),
        ("cancel", "cancelling"),
        ("forget", "forgetting"),
        ("feel", "feeling"),
        ("visit", "visiting"),
        ("open", "opening"),
        ("be", "being"),
        ("going", "going"),  # already a gerund, though short ("bring" is a verb)
        ("bring", "bringing"),
        ("doing", "doing"),
    ],
)
def test_one_gerund_for_the_whole_coach(verb: str, ing: str) -> None:
    assert gerund(verb) == ing


@pytest.mark.parametrize(
    ("texting", "plain"),
    [
        ("by 9 ill pay it back", "by 9 I'll pay it back"),
        ("Ill sort the bins", "I'll sort the bins"),
        ("she's been ill all week", "she's been ill all week"),
        ("ill health runs in the family", "ill health runs in the family"),
    ],
)
def test_texted_ill_is_ill_only_when_a_verb_follows(texting: str, plain: str) -> None:
    assert plain_spelling(texting) == plain


@pytest.mark.parametrize(
    "said",
    ["I was so ill yesterday", "tired and ill today", "old or ill people", "The chronically ill need support"],
)
def test_ill_that_means_ill_stays(said: str) -> None:
    assert plain_spelling(said) == said


def test_a_message_in_capitals_is_read_in_sentence_case() -> None:
    assert unshouted("THE BUS IS THE BIG ONE. MY SON IS SCARED.") == "The bus is the big one. My son is scared."
    # short acronyms keep their capitals; a word shouted here and there is left as written
    assert unshouted("I WANT THE MC SORTED BY HR AT THE AGM") == "I want the MC sorted by HR at the AGM"
    assert unshouted("Please STOP parking across my drive") == "Please STOP parking across my drive"


@pytest.mark.parametrize(
    ("texted", "read"),
    [
        ("if the dog barks again tonight i will call the council", "if the dog barks again tonight, i will call"),
        ("if u cant be bothered to show up on time dont bother coming", "on time, dont bother"),
        # the parser hangs the main clause on the condition here; its own subject still starts it
        ("but if the kitchen is like this again tomorrow im moving out at the end of term", "tomorrow, im moving"),
    ],
)
def test_a_condition_texted_without_its_comma_ends_where_the_parser_says(texted: str, read: str) -> None:
    assert read in with_condition_commas(texted)


@pytest.mark.parametrize(
    ("texted", "together"),
    [
        ("if it rains, we stay in", "if it rains, we stay in"),  # the comma is there already
        ("you never ask if im ok with it you just say the lads are coming", "ok with it you"),  # whether
        ("unless you start checking with me before you say yes I'm going to my sister's", "say yes I'm"),
        ("if you dont want to go halves fine ill put my own up", "ill put"),  # texted 'ill' is its subject
        ("if we don't have the £45 by Saturday's session Kai won't play", "by Saturday's"),  # 'by' keeps its time
    ],
)
def test_no_comma_is_put_inside_what_belongs_together(texted: str, together: str) -> None:
    assert together in with_condition_commas(texted)


def test_punctuation_said_to_a_dictation_app_is_put_back() -> None:
    from assistant.coach.language import spoken_punctuation

    said = "it's going to the tip comma all of it full stop are you listening question mark"
    assert spoken_punctuation(said) == "It's going to the tip, all of it. Are you listening?"
    assert spoken_punctuation("I'm not paying comma full stop") == "I'm not paying."
    # one mark said once is a word: "the routine came to a full stop", "Comma Café"
    assert spoken_punctuation("the routine came to a full stop") == "the routine came to a full stop"
    assert spoken_punctuation("meet me at Comma Café at 10") == "meet me at Comma Café at 10"
    assert spoken_punctuation("the trial period ends in May") == "the trial period ends in May"  # no marks said
