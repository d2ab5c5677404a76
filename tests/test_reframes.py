"""Reframes on the shapes people write threats in: each keeps the need and drops the lever.

Each case names words the reframe must keep (the need) and words it must not (the lever). The
messages are written for these tests in the shapes seen in other voices (formal notices, run-ups,
"unless", veiled threats that hang on a condition, a walkout that is really a condition).
"""

from __future__ import annotations

import pytest

from assistant.coach.drift_patterns import tacked_on_consequence
from assistant.coach.offline import OfflineCoach
from assistant.coach.reframes import _parallel_items, need_from_clause, parts_of, topic_of

CASES = [
    # a failed condition, then a decision no consequence list names
    ("if u take my tablet off me again im not going to nans on saturday", ["tablet"], ["nans", "saturday"]),
    (
        "Right, final answer: we'll pay for the posts, but not the trellis. If that doesn't suit, we're putting up our own panels on our side.",
        ["posts"],
        ["panels", "our own"],
    ),
    ("Fix the roof by Friday or I stop paying rent.", ["roof"], ["rent", "stop paying"]),
    (
        "Please be advised that unless the invoice is settled within 10 days, we will pass the account to a collections agency.",
        ["invoice"],
        ["collections", "agency"],
    ),
    (
        "Further to the complaints about parking, any further obstruction of the fire lane will result in your permit being withdrawn.",
        ["parking"],
        ["permit", "withdrawn"],
    ),
    (
        "It would be a pity if your manager found out about the long lunches. I'm sure we can avoid that if the report is on my desk by Monday.",
        ["report"],
        ["manager", "lunches"],
    ),
    (
        "Unless the boiler is repaired this week I will take the whole thing to the ombudsman.",
        ["boiler"],
        ["ombudsman"],
    ),
    (
        "If you sell the flat without asking me, don't bother calling me again.",
        ["flat"],
        ["bother", "calling"],
    ),
    # a condition said with "and" after a repeat, in texting shorthand
    ("u skip my birthday dinner one more time and im moving out", ["birthday dinner"], ["moving out", " u ", " im "]),
    ("One more late payroll and the whole team walks out, trust me.", ["payroll"], ["walks out", "trust me"]),
    # a hint, then what is wanted after "so"
    (
        "It'd be a pity if the landlord heard about the parties, so just keep the music off after eleven.",
        ["music"],
        ["landlord", "parties"],
    ),
    # a final offer followed by what happens if it is refused: the offer is the figure, not the penalty
    (
        "We've gone as far as we can. 2.5% is our final offer and if it's rejected the new shifts start in March.",
        ["2.5%"],
        ["rejected", "new shifts", "march"],
    ),
    # a hint, then the request with "and we're fine" on the end
    (
        "Be a shame if your wife heard about the poker nights. Pay back the £300 and we're fine.",
        ["£300"],
        ["wife", "poker", "fine"],
    ),
    # a consequence no pattern names, found by the classifier, behind a label
    (
        "URGENT: Unless the unpaid mileage is reimbursed by the 5th, the staff council will escalate this to the regional director.",
        ["mileage"],
        ["staff council", "regional director"],
    ),
    # spoken hesitations inside the condition, and a split at 'then' after the speaker's own 'we'
    (
        "so um yeah, like, if the club books the minibus again without asking the coaches what we can, um, manage, then I'm out, like I'll hand in my whistle",
        ["minibus", "coaches"],
        ["whistle", "i'm out", "um"],
    ),
    # an offer, then a refusal whose consequence nobody does in person ("it goes to...")
    (
        "I'll take Gran's piano for eight hundred, which is fair given the tuning it needs. If that's not acceptable to you both then it goes to the saleroom and we all lose.",
        ["piano", "eight hundred"],
        ["saleroom", "lose", "not acceptable"],
    ),
    # a final offer whose own sentence goes on to its 'or else'
    (
        "Last offer, since you enjoy haggling: you walk the dog weekdays, I take weekends, or we rehome him on Saturday.",
        ["dog", "weekends"],
        ["rehome", "haggling"],
    ),
    # a list of needs said not to be open, in the next sentence, with its 'otherwise'
    (
        "To keep working with you we require: invoices paid in 14 days, a named contact, and no weekend call-outs. This is not negotiable, otherwise we terminate the agreement.",
        ["14 days", "named contact", "weekend"],
        ["terminate", "not negotiable"],
    ),
    # a penalty first, then 'unless'
    ("parking goes up to £80 a month unless u renew by friday", ["renew"], ["£80", "goes up"]),
    # a decision in the present tense after "if not"
    ("Our best rate for the van is £60 a day. If not, we hire it to the scouts from Monday.", ["£60"], ["scouts"]),
    # conditions listed as fixed ("these conditions are fixed:"), and short sentences then "none of that's up for debate"
    (
        "To renew, these terms are fixed and we don't negotiate: collection every Monday, payment in sterling, no charge for crates. If you cannot accept all three, we cancel the account.",
        ["monday", "sterling", "crates"],
        ["cancel the account"],
    ),
    (
        "right heres the deal. no more reading my messages. no more turning up at my work. and ur brother stops texting me. none of thats up for debate. if u cant do that were finished",
        ["messages", "work", "brother"],
        ["finished", "deal"],
    ),
    # a sign-off and a tag are not the need
    (
        "Hi Sam, Unless the stock count is on my desk by Thursday we will be moving the contract to another distributor. Best, Priya",
        ["stock count"],
        ["best", "priya", "distributor"],
    ),
    # a formal final position, refused by a third party; the consequence happens to them
    (
        "Dear Mr Osei, The trust's revised offer of a 4% uplift, effective from May, represents our final position. Should the staff side reject it, the offer will be withdrawn and the old scale will apply. Yours sincerely, K. Lamb, Finance Director",
        ["4% uplift"],
        ["withdrawn", "old scale", "sincerely", "lamb"],
    ),
    # "not gonna" and a need said without its 'I'
    (
        "if ur not gonna clean the hamster cage by tonight im giving it to my cousin",
        ["clean the hamster cage"],
        ["cousin", "gonna"],
    ),
    (
        "need ur half of the vet bill by friday or im keeping the dog. not asking again",
        ["half of the vet bill"],
        ["keeping the dog", "need you to need"],
    ),
    # texting 'ur' meaning "you're"
    (
        "if ur not back from the party by 11 im taking the car keys off u for a month",
        ["back from the party by 11"],
        ["keys", "month"],
    ),
    # a decision no pattern names, said before 'unless': the condition is the need
    (
        "Hello Priya, After two late shipments in a row we will be placing next season's order with another mill unless you can guarantee the 10-day lead time in writing. Regards, Tom",
        ["10-day lead time"],
        ["another mill", "regards", "tom"],
    ),
    # a memo header is not the need; 'before then' points into the lever
    (
        "To: Site Manager. The crew will down tools at noon on Friday unless the scaffold on Block B is made safe before then.",
        ["scaffold"],
        ["down tools", "site manager", "before then"],
    ),
    # a rule with a sanction asks everyone for what the rule wants
    (
        "Folks, effective immediately: anyone who has not returned their library laptop by the 20th will have their borrowing rights suspended.",
        ["return their library laptop"],
        ["suspended", "borrowing rights"],
    ),
    (
        "Dear residents, parking permits belonging to anyone whose service charge remains unpaid after 1 March will be cancelled.",
        ["service charge paid by 1 march"],
        ["cancelled"],
    ),
    # a dare ("do it again and...") is the condition, not a request
    ("Borrow my bike again and you'll be hearing from my dad.", ["bike"], ["dad", "hearing"]),
    # a request said without a verb, then a slogan that is only the lever
    ("Costume money in by Thursday. No money, no show.", ["costume money in by thursday"], ["no show"]),
    # a long run-up with no comma before the condition, and the consequence after it
    (
        "I know you have a lot on and I really am not trying to nag but the invoices from your side were due last week and the auditors arrive on the 9th and if the receipts aren't in my inbox by Monday morning I'm just going to file the return without your section and you can explain it to them yourself.",
        ["receipts"],
        ["without your section", "explain it", "auditors"],
    ),
    # "this is as far as I can go" after a long run-up, then a refusal: the offer is the point
    (
        "I have thought about it for weeks and I know the car meant a lot to Dad and everything but I've offered to buy your half at the garage's valuation plus another thousand, which is fair, and I've had two quotes, so this is as far as I can go, and if you can't accept that by the end of the month I'll have to get the solicitor to sell it at auction.",
        ["buy your half"],
        ["auction", "solicitor"],
    ),
    # a list under a heading that says it is not open: every item kept, the sanction dropped
    (
        "CLUB RULES - NOT UP FOR DEBATE: 1. Kit washed after every match. 2. No phones in the changing room. 3. Subs paid by the 5th. Any breach of these will be treated as grounds for dropping you from the squad.",
        ["kit washed", "phones", "subs paid"],
        ["dropping", "squad", "breach"],
    ),
    # 'should X be done' after a decision: the worry said plainly, with what is needed
    (
        "The tenants' association will withhold the service charge should the lift repairs be postponed again. Work must start no later than 1 June.",
        ["lift repairs being postponed"],
        ["withhold", "service charge"],
    ),
    # learner English: "must to", a present-tense consequence
    (
        "You must to stop the music after 11. If again the downstairs family complain to me, I give you the notice.",
        ["stop the music after 11"],
        ["notice", "must to"],
    ),
    # a condition said without 'if', and 'by then' pointing at a day said before
    ("Dog stays, I go. End of.", ["dog"], ["i go"]),
    (
        "Tickets money is due Thursday night. Anyone who hasn't paid by then is off the coach list.",
        ["by thursday night"],
        ["coach list", "off the"],
    ),
    # the best rate, with a learner's aside and "itself"
    (
        "Madam, I have already quoted you the best rate, 95 per box, I am giving you at cost only. Kindly confirm by tomorrow itself, otherwise the rate will be revised to 110.",
        ["95 per box"],
        ["revised", "110", "itself"],
    ),
    # a list announced as fixed, with a colon or in a sentence of its own, then its sanction
    (
        "For the trip I have two conditions and I don't change them: my daughter sits with her friend on the coach, and she phones me every evening. If the school cannot promise, she stays home.",
        ["with her friend", "phones me"],
        ["stays home", "cannot promise"],
    ),
    (
        "Okay so, about the wedding. There's a couple of things I'm not going to budge on. My gran gets a seat at the top table. No speeches from your uncle. If any of that's a problem then I'm just not coming.",
        ["gran", "speeches"],
        ["not coming"],
    ),
    # short rules, then a sanction that points back at them: the rules kept, the sanction dropped
    (
        "Flat rules. Recycling out Thursday. No parties on weeknights. Kitchen wiped every night. Ignore them, you're off the tenancy at renewal.",
        ["recycling", "parties", "kitchen"],
        ["tenancy", "renewal", "ignore"],
    ),
    # a warm sign-off is never the need
    (
        "Totally fine that the van's been on my drive since Monday! If it's still there on Friday I'll have it towed and send you the bill. Hope that's OK x",
        ["van"],
        ["towed", "bill", "hope that"],
    ),
    # non-negotiables said as "I need X, I need Y": each item kept, the walkout dropped
    (
        "Before I agree to chair the committee there are two things I need and I'm not going to budge on them: I need the meetings moved to Tuesdays, and I need a proper minute-taker because I can't do both. If I can't have those two, I'm stepping down.",
        ["tuesdays", "minute-taker"],
        ["stepping down", "because"],
    ),
    # sarcastic praise before the complaint is not kept; a condition after a "when" keeps its day
    (
        "Lovely that your brother has been sleeping on our sofa for a month without paying a penny. From Monday, unless he's putting money towards the food, the spare key is going back to the landlord.",
        ["food", "monday"],
        ["lovely", "spare key", "landlord"],
    ),
    # "should X do Y again, I leave": the worry is what X does, said grammatically
    (
        "Dear Tom, I have hosted Easter for twelve years. Should your partner criticise my cooking again at the table, I shall leave, and I shan't be hosting next year either. Warm regards, Aunt Jo",
        ["criticising my cooking"],
        ["leave", "hosting next year"],
    ),
    # the sentence that holds the lever comes after the grievance when a topic is needed
    (
        "Wonderful, you presented my budget as your work in front of the board. Again. Try it once more and every email goes straight to HR.",
        ["budget"],
        ["email", "hr", "board"],
    ),
    # 'it' / 'him' in the need names the other side's thing said before, not the hint or the exclamation
    (
        "Your van has been parked across my drive since Sunday. Funny, my cousin works at the council parking office. Small world. Anyway, maybe move it today?",
        ["your van", "move"],
        ["cousin", "council", "small world", "anyway"],
    ),
    (
        "Your dog was howling in the garden till midnight again. Funny how the landlord asked me about pets last week. Small world! Maybe keep him inside after ten?",
        ["your dog"],
        ["landlord", "small world"],
    ),
    # terms laid down after a colon, whatever announces them: the items kept, the sanction dropped
    (
        "Fine, you want to talk about the allotment? Here's how it goes: the shed stays padlocked, the water butt is shared, and your nephew stops parking on the path. Argue with any of it and I'm reporting you both to the allotment society.",
        ["shed", "water butt"],
        ["society", "reporting", "argue"],
    ),
    # numbered terms under a heading that names none of the usual markers; the sanction after them is not an item
    (
        "CAR SHARE (read this): 1. Pickup at 7.40 sharp. 2. Petrol money every Friday. 3. No eating in the car. Anyone who cannot stick to this is out of the car share for good, no second chances.",
        ["pickup", "petrol"],
        ["out of the car share", "second chances"],
    ),
    # an offer, then ", but if ..." with no comma before the consequence: the offer kept, the consequence gone
    (
        "I'll cover the petrol this month, but if you borrow the van again without asking I'm changing the locks on the garage",
        ["petrol", "borrowing the van"],
        ["locks", "garage", "i'm changing"],
    ),
    # a fragment after the walkout goes with it; a softener before the ask goes
    (
        "Fix the leak under the sink by Friday or I'm gone. Lease and all.",
        ["leak"],
        ["lease", "gone"],
    ),
]


@pytest.mark.parametrize(("message", "keep", "drop"), CASES)
def test_a_reframe_keeps_the_need_and_drops_the_lever(
    coach: OfflineCoach, message: str, keep: list[str], drop: list[str]
) -> None:
    verdict = coach.check_message(message)
    assert verdict.level == "ultimatum"
    assert verdict.reframes, "an ultimatum always gets at least one reframe"
    for reframe in verdict.reframes:
        lowered = reframe.lower()
        assert all(k in lowered for k in keep), (reframe, keep)
        assert not any(d in lowered for d in drop), (reframe, drop)
        assert coach.check_message(reframe).level != "ultimatum"
        assert "what matters to me is this" not in lowered  # the old wrapper is gone


def test_unless_becomes_a_plain_need(coach: OfflineCoach) -> None:
    verdict = coach.check_message(
        "Unless the boiler is repaired this week I will take the whole thing to the ombudsman."
    )
    assert any(r.startswith("I need the boiler repaired this week") for r in verdict.reframes), verdict.reframes


def test_a_warm_offer_gets_no_reframe(coach: OfflineCoach) -> None:
    verdict = coach.check_message(
        "I'll get a damp specialist in within a fortnight and pay for whatever they recommend."
    )
    assert verdict.level != "ultimatum" and verdict.reframes == []


def test_every_reframe_of_a_list_of_non_negotiables_keeps_each_item(coach: OfflineCoach) -> None:
    # a list split by semicolons is one list; the reframe names one item first and keeps the rest open
    text = (
        "These are not negotiable: the boys stay at their school; pick-ups happen at the leisure centre; "
        "and nobody posts photos of them online. Otherwise I'll take it back to court."
    )
    reframes = coach.check_message(text).reframes
    assert len(reframes) >= 2
    for reframe in reframes:
        lowered = reframe.lower()
        assert "school" in lowered and "leisure centre" in lowered and "photos" in lowered, reframe
        assert "court" not in lowered, reframe


def test_a_final_offer_said_as_a_sentence_stays_a_sentence(coach: OfflineCoach) -> None:
    text = (
        "Final answer: we'll cover the first two nights of the holiday. If that doesn't suit, we're not coming at all."
    )
    reframes = coach.check_message(text).reframes
    assert reframes
    for reframe in reframes:
        assert "nights" in reframe and "not coming" not in reframe, reframe
        # the offer is a clause of its own: never "We'll cover ... is as far as I can go"
        assert "nights of the holiday is" not in reframe, reframe


def test_texting_you_are_is_spelled_you_are_in_a_reframe(coach: OfflineCoach) -> None:
    reframes = coach.check_message(
        "if ur not back from the party by 11 im taking the car keys off u for a month"
    ).reframes
    assert any("I need you to be back from the party by 11" in r for r in reframes), reframes
    assert not any("your not" in r.lower() for r in reframes), reframes


def test_a_threat_hidden_in_a_second_clause_is_not_offered(coach: OfflineCoach) -> None:
    """A phrasing whose first clause is calm but whose clause after the comma is a consequence the parts
    reader missed is refused, while the same need said alone is kept."""
    from assistant.coach.reframes import Parts

    calm = "I need you to move the van off my drive. What would make that possible for you?"
    # no lever word and, as a whole, calm enough: only the clause after the comma reads as the threat
    hidden = "I need you to move the van, it gets towed on Friday at your cost. What would make that possible for you?"
    assert coach.reframer.wording_problem(hidden, "Move the van.") is None
    assert coach.level_of(hidden) != "ultimatum"
    original = "Move the van off my drive by Friday."
    kept = coach.reframer.checked([calm, hidden], original, Parts(needs=["move the van off my drive"]))
    assert kept == [calm]


@pytest.mark.parametrize(
    ("clause", "need"),
    [
        # a condition said in the progressive, with a pronoun for a subject
        ("she's paying her half of the rent", "I need her to pay her half of the rent"),
        ("they're keeping the noise down after ten", "I need them to keep the noise down after ten"),
        # a passive or a state stays as it was said
        ("the fence is repaired", "I need the fence repaired"),
        ("your timekeeping improves", "I need your timekeeping to improve"),
    ],
)
def test_a_condition_becomes_a_grammatical_need(clause: str, need: str) -> None:
    assert need_from_clause(clause) == need


def test_a_light_noun_is_never_the_topic() -> None:
    # "a look", "a chat" say no more than "it": the question must name what the message is about
    assert topic_of("Could you have a look") is None
    assert topic_of("Can we have a chat about the bins") == "the bins"


def test_days_texted_in_lower_case_keep_their_capitals_in_a_reframe(coach: OfflineCoach) -> None:
    verdict = coach.check_message("if the rent isnt in by friday im changing the locks")
    assert verdict.level == "ultimatum" and verdict.reframes
    assert all("friday" not in r for r in verdict.reframes), verdict.reframes
    assert any("Friday" in r for r in verdict.reframes), verdict.reframes


@pytest.mark.parametrize(
    "listing",
    [
        "you left, I cleaned up, and nobody thanked me",  # a story, not terms
        "you cook on Mondays, I do the rest, or we order in on your card",  # the or-else is the lever
        "the fence and the gate",  # two things are not a list of terms
    ],
)
def test_a_story_or_an_or_else_is_not_a_list_of_terms(listing: str) -> None:
    assert _parallel_items(listing) is None


def test_three_short_terms_after_a_colon_are_a_list() -> None:
    assert _parallel_items("bed by nine, no fizzy drinks, and homework before screens") == [
        "bed by nine",
        "no fizzy drinks",
        "homework before screens",
    ]


def test_a_need_that_carries_its_own_penalty_is_never_offered(coach: OfflineCoach) -> None:
    reframer = coach.reframer
    problem = reframer.wording_problem(
        "I need you to keep the gate shut and I'm reporting you to the landlord.", "The dog got out again.", ""
    )
    assert problem is not None and "consequence" in problem
    assert reframer.wording_problem("I need you to keep the gate shut and I'll fix the latch.", "x", "") is None


@pytest.mark.parametrize(
    "message",
    [
        "We can cover the skip hire and that's our final offer.",
        "ill cover the skip hire and thats my final offer",  # texting: "ill" is "I'll" where a clause starts
    ],
)
def test_an_offer_before_and_thats_final_is_kept_whole(coach: OfflineCoach, message: str) -> None:
    verdict = coach.check_message(message)
    assert verdict.level == "ultimatum"
    for reframe in verdict.reframes:
        assert "cover the skip hire." in reframe, reframe  # not "...the skip hire and."
        assert "final offer" not in reframe.lower() and "Ill " not in reframe


def test_a_worry_about_them_says_them(coach: OfflineCoach) -> None:
    verdict = coach.check_message("if they keep promising theyll mend the fence and never do, im calling the council")
    assert verdict.level == "ultimatum"
    assert any("about them promising" in r for r in verdict.reframes), verdict.reframes
    assert not any("about they " in r for r in verdict.reframes)


def test_a_list_item_that_is_a_thing_and_its_wanted_state_reads_as_getting_it(coach: OfflineCoach) -> None:
    verdict = coach.check_message(
        "Before we renew the contract, three things are not up for discussion: the leaking roof repaired, "
        "a named contact for repairs, and the service charge frozen. Without all three we will not renew."
    )
    assert any("getting the leaking roof repaired" in r for r in verdict.reframes), verdict.reframes
    assert not any("that the leaking roof repaired" in r for r in verdict.reframes)


def test_numbers_said_as_sentences_of_their_own_are_not_list_items(coach: OfflineCoach) -> None:
    verdict = coach.check_message(
        "SHED RULES - NOT OPEN TO DISCUSSION: 1. Tools back on the hooks. 2. No bikes inside. 3. Lock it after use. "
        "Break any of them and you are off the allotment for good."
    )
    assert verdict.reframes
    for reframe in verdict.reframes:
        assert "2;" not in reframe and "3;" not in reframe, reframe


def test_can_we_is_said_as_something_to_do_together(coach: OfflineCoach) -> None:
    verdict = coach.check_message(
        "would be a shame if the overtime question came up at the staff meeting, just saying. can we settle the rota before then"
    )
    assert any("I'd like us to settle the rota" in r for r in verdict.reframes), verdict.reframes
    assert not any("Can we settle the rota before then." in r for r in verdict.reframes)


@pytest.mark.parametrize(
    ("message", "kept", "gone"),
    [
        (
            "I have considered it at length and £1,200 for the car is my final figure. If that does not suit, I shall sell it at auction.",
            "£1,200 for the car",
            ["considered it", "final", "auction"],
        ),
        (
            "final offer, £40 a week for the allotment and thats it. take it or leave it",
            "£40 a week for the allotment",
            ["that's it", "take it"],
        ),
        (
            "best offer on the table: two days remote and a later start, no more. otherwise I'm taking the other job",
            "two days remote and a later start",
            ["on the table", "no more", "other job"],
        ),
        (
            "Ms Patel, following our meeting, we can offer a 4% rise from April. This is our final position. If it is not accepted by Friday, the offer lapses.",
            "we can offer a 4% rise from April",
            ["Ms Patel", "following our meeting", "lapses"],
        ),
    ],
)
def test_a_final_offer_keeps_the_offer_and_none_of_its_finality_or_run_up(
    coach: OfflineCoach, message: str, kept: str, gone: list[str]
) -> None:
    verdict = coach.check_message(message)
    assert verdict.level == "ultimatum"
    assert verdict.reframes
    for reframe in verdict.reframes:
        assert kept.lower() in reframe.lower(), reframe
        assert not any(g.lower() in reframe.lower() for g in gone), reframe


@pytest.mark.parametrize(
    "listing",
    ["Monday, Tuesday, Friday", "I'm exhausted, you're always late, the kids are upset"],
)
def test_choices_or_how_things_are_are_no_terms(listing: str) -> None:
    assert _parallel_items(listing) is None


def test_a_compound_offer_keeps_both_halves(coach: OfflineCoach) -> None:
    verdict = coach.check_message("I can pay £950 a month and £200 towards the deposit, that's my final offer")
    assert verdict.level == "ultimatum"
    assert all("£950" in r and "£200" in r for r in verdict.reframes), verdict.reframes


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("I need the rent by Friday, and I'll report you to the council.", True),
        ("Sort the boiler and I'll post it all over Facebook otherwise.", True),
        ("and I'll call the police", True),
        # the writer's own help is not a lever: a reframe that keeps it is not refused for it
        ("I need the boiler looked at this week, and I'll call the plumber myself if that helps.", False),
        ("Can we settle the last bill, and I'll post the keys back on Monday.", False),
    ],
)
def test_a_tacked_on_consequence_is_the_lever_not_the_writers_own_help(text: str, kept: bool) -> None:
    assert (tacked_on_consequence(text) is not None) is kept


def test_a_topic_is_a_whole_noun_phrase_and_never_only_when() -> None:
    assert topic_of("totally up to you whether you come to the Monday stand-ups in person", first=True) == (
        "the monday stand-ups"
    )
    # "the committee's moving training": the 's is 'is', not the committee's something
    assert topic_of("if the committee's moving training to 6am", first=True) == "the committee"
    assert topic_of("Anyone not paid by the 31st") is None
    assert topic_of("I need a date by Wednesday") is None


def test_every_phrasing_says_what_a_bare_deadline_is_about(coach: OfflineCoach) -> None:
    # "I need a date by Wednesday" names nothing: each reframe carries the sentence that says a date for what
    text = (
        "Dear Mrs Lowe, I have now asked three times for a meeting about Sam's maths support. If I do not have a date "
        "by Wednesday I will be taking this to the governors. Regards, Anna"
    )
    v = coach.check_message(text)
    assert v.level == "ultimatum" and v.reframes
    for reframe in v.reframes:
        assert "maths support" in reframe and "governors" not in reframe


@pytest.mark.parametrize(
    ("text", "need", "lever"),
    [
        # a condition said without 'if': what follows the comma is the lever
        (
            "We've met four times. You come back Friday with nothing on the bonus scheme, we're out the door, "
            "every one of us.",
            "bonus",
            "out the door",
        ),
        # the formal 'absent' and 'failing' conditions
        ("Absent a written apology by 3 May, the matter goes to the league's disciplinary panel.", "apology", "panel"),
        # Scots 'ah'll' is 'I'll': the 'or' before it splits the need from the lever
        ("Sort the parking rota or ah'll be telling the whole street.", "parking rota", "whole street"),
    ],
)
def test_a_condition_however_it_is_said_leaves_the_lever_out(
    coach: OfflineCoach, text: str, need: str, lever: str
) -> None:
    v = coach.check_message(text)
    assert v.level == "ultimatum" and v.reframes
    for reframe in v.reframes:
        assert need in reframe.lower() and lever not in reframe.lower()


def test_a_negated_condition_becomes_a_plain_worry() -> None:
    from assistant.coach.reframes import _gerund_clause

    assert _gerund_clause("folk don't like it") == "folk not liking it"
    assert _gerund_clause("the council turns up at my door") == "the council turning up at my door"


@pytest.mark.parametrize(
    ("message", "kept", "gone"),
    [
        # the finality pointing back at the offer, or said as a heading before it
        (
            "Dear Ms Obi, the trust can offer £30 an hour for the spring term. This is the final rate the board "
            "approved. If it is not acceptable we will be advertising the post.",
            "£30 an hour",
            ["board approved", "advertising"],
        ),
        (
            "right last offer. u take the bike i keep the tent. if u say no im selling the lot",
            "the bike",
            ["last offer", "selling"],
        ),
        (
            "I'll cover half the skip hire, that's £240, and that is the last number you're getting from me. "
            "You don't like it, see you in court.",
            "half the skip hire",
            ["last number", "court"],
        ),
    ],
)
def test_a_final_offer_is_found_where_the_finality_points_to_it(
    coach: OfflineCoach, message: str, kept: str, gone: list[str]
) -> None:
    verdict = coach.check_message(message)
    assert verdict.level == "ultimatum" and verdict.reframes
    for reframe in verdict.reframes:
        assert kept.lower() in reframe.lower(), reframe
        assert not any(g.lower() in reframe.lower() for g in gone), reframe


def test_since_a_time_is_when_not_why(coach: OfflineCoach) -> None:
    text = (
        "I have covered the Saturday shifts since March and nobody has mentioned the overtime I was promised. "
        "If nothing is done by the end of the month, don't be surprised when my notice lands on your desk."
    )
    v = coach.check_message(text)
    assert v.level == "ultimatum" and v.reframes
    for reframe in v.reframes:
        assert "because march" not in reframe.lower() and "notice" not in reframe.lower(), reframe


def test_every_phrasing_keeps_what_the_message_is_about(coach: OfflineCoach) -> None:
    # the complaint said beside a veiled hint is what it is about: no phrasing drops it to say something vaguer
    text = (
        "Mate, I'm not looking for bother. Just saying my sister runs the biggest residents' group round here and "
        "people always ask her which landlords to trust. The boiler still isn't working."
    )
    v = coach.check_message(text)
    assert v.level == "ultimatum" and v.reframes
    for reframe in v.reframes:
        assert "boiler" in reframe.lower() and "sister" not in reframe.lower(), reframe


@pytest.mark.parametrize(
    ("need", "asks"),
    [
        ("I need the boiler fixed by Friday.", True),
        ("Bills money by Sunday.", True),
        ("I'm sure you'll trim it back.", True),
        ("I have done two people's work since January and nobody has said a word about the allowance.", False),
        ("Lovely to hear your bass at 2am.", False),
    ],
)
def test_the_question_after_the_need_fits_what_was_said(need: str, asks: bool) -> None:
    # "What would make that possible for you?" follows a request; after a statement it makes no sense
    from assistant.coach.reframes import _asks

    assert _asks(need) is asks


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("Your dog was in my garden again. I know a lot of people at the RSPCA, you know.", "rspca"),
        (
            "Funny how the fence panel is still down on our side. My brother-in-law sits on the parish council, you "
            "know. Just saying.",
            "parish council",
        ),
    ],
)
def test_what_is_said_before_just_saying_is_the_hint_not_the_need(coach: OfflineCoach, text: str, hint: str) -> None:
    v = coach.check_message(text)
    assert v.level == "ultimatum" and v.reframes
    for reframe in v.reframes:
        assert hint not in reframe.lower(), reframe


def test_a_hint_is_set_aside_as_the_lever_and_the_complaint_kept(coach: OfflineCoach) -> None:
    parts = parts_of(
        "The fence panel is still down on our side. My brother-in-law sits on the parish council. Just saying.",
        coach.phrasing,
    )
    assert any("parish council" in x for x in parts.levers)
    assert any("fence panel" in x for x in parts.needs + parts.context)


def test_that_before_a_noun_names_the_thing_itself(coach: OfflineCoach) -> None:
    # "if that sale goes ahead": 'that' is not a pointer to a topic's first noun ("the party sale");
    # the refusal before it says what the sale is
    parts = parts_of(
        "I won't be party to selling the flat below its value. If that sale goes ahead I'm resigning as executor.",
        coach.phrasing,
    )
    assert parts.worry == "selling the flat below its value", parts.worry
    parts = parts_of("We can't keep the shop open. If that sale goes ahead I'm resigning as executor.", coach.phrasing)
    assert parts.worry == "the sale going ahead", parts.worry


def test_it_keeps_happening_is_what_keeps_happening_with_the_topic(coach: OfflineCoach) -> None:
    # "every single night" says when, never what; "it keeps happening" is not "<topic> happening"
    assert topic_of("every single night the whole week") is None
    v = coach.check_message(
        "honestly cant cope like every single night theres music blasting till 3am and ive asked nicely like "
        "five times so if it keeps happening im reporting you to the landlord"
    )
    assert v.level == "ultimatum" and v.reframes
    for reframe in v.reframes:
        assert "every single night happening" not in reframe and "landlord" not in reframe, reframe
        assert "music" in reframe, reframe


def test_a_negated_be_or_passive_becomes_a_grammatical_worry() -> None:
    from assistant.coach.reframes import _gerund_clause

    assert _gerund_clause("you and the kids aren't at Gran's") == "you and the kids not being at Gran's"
    assert _gerund_clause("the invoice isn't paid by the 30th") == "the invoice not being paid by the 30th"


def test_a_reframe_asking_for_something_that_is_not_an_action_is_not_offered(coach: OfflineCoach) -> None:
    problem = coach.reframer.wording_problem("I need you to civil to Dan at lunch. Can we talk it through?", "x")
    assert problem is not None and "not an action" in problem
    assert (
        coach.reframer.wording_problem("I need you to pay the gas bill by Friday. Can we talk it through?", "x") is None
    )


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        (
            "Hi both! Just a reminder that your final numbers are due to us by 3 June. Anything after that we "
            "can't take, and the full rate for all 90 guests will be charged. Lots of love, the Mill House team x",
            "lots of love",
        ),
        (
            "Dear Parent/Carer, Our records show the £60 balance for the museum trip is outstanding. Payment must "
            "reach the office by Friday 6 June. After this date the place will be given to the waiting list.",
            "dear parent",
        ),
    ],
)
def test_a_greeting_or_sign_off_is_never_part_of_a_reframe(coach: OfflineCoach, text: str, gone: str) -> None:
    v = coach.check_message(text)
    assert v.level == "ultimatum" and v.reframes
    for reframe in v.reframes:
        assert gone not in reframe.lower(), reframe


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("if u cant be civil to my sister at the wedding then dont bother coming. im done", "be civil to my sister"),
        ("if u cant even be bothered to ring mum on mothers day dont bother ringing me either", "ring mum"),
    ],
)
def test_a_negated_can_keeps_its_be_and_drops_bothered(coach: OfflineCoach, text: str, need: str) -> None:
    v = coach.check_message(text)
    assert v.level == "ultimatum" and v.reframes
    assert all(need in r for r in v.reframes), v.reframes


def test_a_phrasing_about_a_date_only_follows_a_need_that_says_when(coach: OfflineCoach) -> None:
    # read as a deadline with a penalty, a need with no date gets no "If that date is hard for you"
    undated = coach.reframer.reframes(
        "We'd prefer to keep this informal. Whether it stays that way depends on you withdrawing the complaint.",
        ["deadline-penalty"],
    )
    dated = coach.reframer.reframes(
        "Get the deposit back to me by Friday or I'm taking you to the small claims court.", ["deadline-penalty"]
    )
    assert undated and not any("date" in r or "Timing" in r for r in undated), undated
    assert any("If that date is hard" in r for r in dated), dated


@pytest.mark.parametrize(
    ("text", "worry"),
    [
        (
            "No, it's fine. Go on the golf weekend in Portugal. Just don't expect me to be picking up when you ring.",
            "you going on the golf weekend",
        ),
    ],
)
def test_permission_said_with_a_sting_is_the_worry_never_the_ask(coach: OfflineCoach, text: str, worry: str) -> None:
    v = coach.check_message(text)
    assert v.level == "ultimatum" and v.reframes
    for reframe in v.reframes:
        assert worry in reframe and "I need you to go" not in reframe and "Could you keep" not in reframe, reframe
        assert "interesting" not in reframe and "picking up" not in reframe, reframe


def test_a_sarcastic_keep_doing_it_is_the_worry_and_the_hint_is_lever(coach: OfflineCoach) -> None:
    parts = parts_of(
        "Sure, keep letting her have the tablet till 11 on school nights. I'm sure the school counsellor will find "
        "it really interesting.",
        coach.phrasing,
    )
    assert parts.worry == "you letting her have the tablet till 11 on school nights", parts
    assert not parts.needs and any("counsellor" in x for x in parts.levers), parts


def test_a_plain_permission_without_a_sting_is_left_alone(coach: OfflineCoach) -> None:
    parts = parts_of("Fine, pay me back by Friday or I'm going to the small claims court.", coach.phrasing)
    assert parts.worry is None and any("pay me back" in n for n in parts.needs)


def test_naming_who_could_be_brought_in_is_the_lever(coach: OfflineCoach) -> None:
    v = coach.check_message(
        "Boss, I have told you many times about the dog barking at night. I don't want to involve the residents' "
        "committee or the council, but my patience has finished."
    )
    assert v.level == "ultimatum" and v.reframes
    for reframe in v.reframes:
        assert "involve" not in reframe and "council" not in reframe and "dog" in reframe, reframe


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        (  # the giving is a heading: the offer is the sentence after it
            "Priya, I give you my last proposal. You have the flat on weekdays and I have it at weekends. "
            "If you refuse, my solicitor will apply to the court.",
            "weekdays",
            "solicitor",
        ),
        (  # an offer made for a client, not taken up 'in the absence of acceptance'
            "Dear Sir, Our client is prepared to pay £3,500 in settlement of the claim for the damaged fence. "
            "This offer is final and will not be repeated. In the absence of acceptance within 7 days, we are instructed to issue proceedings.",
            "£3,500",
            "proceedings",
        ),
        (  # a bare figure after what was offered before it
            "I've offered already to share the cost of the new gate. £600 from me, that's my last word. "
            "Say no and I'll block the path with my car.",
            "£600 from me to share the cost of the new gate",
            "block",
        ),
        (  # 'that sale' is what the refusal before it named
            "I won't agree to selling Grandad's allotment to the developer. If that sale happens I'm resigning "
            "as trustee and you can run the trust yourselves.",
            "selling Grandad's allotment",
            "resigning",
        ),
    ],
)
def test_a_final_offer_or_refusal_keeps_what_it_is_about(
    coach: OfflineCoach, text: str, kept: str, dropped: str
) -> None:
    v = coach.check_message(text)
    assert v.level == "ultimatum" and v.reframes, v
    for reframe in v.reframes:
        assert kept in reframe and dropped not in reframe, reframe
        assert "I give you" not in reframe and "Acceptance." not in reframe, reframe


def test_a_name_after_look_is_not_part_of_the_need(coach: OfflineCoach) -> None:
    v = coach.check_message(
        "Look Ciarán I'm not doing it anymore. If you're late collecting the kids one more Friday I'm pulling "
        "out of the whole arrangement and we'll let the court sort the weekends."
    )
    assert v.level == "ultimatum" and v.reframes
    for reframe in v.reframes:
        assert "collecting the kids" in reframe and "Ciarán" not in reframe and "court" not in reframe, reframe
        assert "not doing it anymore" not in reframe and "one more" not in reframe, reframe


def _offered(coach: OfflineCoach, text: str) -> list[str]:
    """The reframes offered for a message the coach must flag as an ultimatum (at least one)."""
    verdict = coach.check_message(text)
    assert verdict.level == "ultimatum"
    assert verdict.reframes
    return list(verdict.reframes)


def test_a_deal_heading_and_a_sarcastic_dare_are_not_the_offer(coach: OfflineCoach) -> None:
    text = (
        "Seeing as nobody else will lift a finger, here's the deal: I'll do the minutes for the residents' meeting. "
        "Minutes only. Take it, or enjoy writing them yourselves from March. Should be fun."
    )
    for reframe in _offered(coach, text):
        assert "minutes" in reframe.lower()
        assert "yourselves" not in reframe and "lift a finger" not in reframe and "fun" not in reframe


def test_a_hedge_before_the_lever_goes_with_it(coach: OfflineCoach) -> None:
    text = (
        "Colm, the joint account is in both our names. But if you keep ignoring me about Dad's carer, "
        "maybe the bank will need to hear from me."
    )
    for reframe in _offered(coach, text):
        assert "carer" in reframe
        assert "bank" not in reframe and ", maybe." not in reframe and "maybe." not in reframe


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        # an emoji ends a sentence: the greeting is not the need
        (
            "Hey! Tickets were due Monday 😬 if we don't have the £30 by Thursday's rehearsal Priya won't be able "
            "to perform in the concert 🤷 sorry x",
            "£30",
            "perform",
        ),
        # someone else's duty becomes the writer's need, in grammar
        (
            "She needs to be dropped home by 7 on school nights 😡 Do it or the sleepover doesn't happen.",
            "dropped home by 7",
            "sleepover",
        ),
        # a date is not what 'it' points back to
        (
            "the rent share was due on the 3rd. its the 12th. if i dont see it in my account by monday im going to the agency",
            "rent share",
            "agency",
        ),
        # what has happened is said, not set aside as the lever
        (
            "Residents have now waited nine weeks for the lift repair. If a date is not confirmed in writing by 1 May, "
            "the association will move to a rent strike.",
            "lift",
            "strike",
        ),
        # a hint at who could be told is the lever
        (
            "Funny how you want the car back now. I wonder what your new manager would make of the parking tickets. Anyway. The car stays here.",
            "car",
            "manager",
        ),
        # the need named as such, after the walkout; a run-up about the message and "that's all" are no context
        (
            "I don't know how to say this. I'm packing my bags tonight, and if you still don't get it, I'm not coming "
            "back. What I need is for you to actually stand up for me when your mum starts. That's all it was.",
            "stand up for me when your mum starts",
            "bags",
        ),
        # "a quick note that we'll need X, otherwise...": the need, not the sympathy said after it
        (
            "Just a quick note that we'll need the signed form back before we can book the van, otherwise we'll have "
            "to give your slot to the next family. Totally understand if things are busy!",
            "signed form",
            "slot",
        ),
        (
            "If you lot cannot chip in for Mum's carer every month, I am leaving it. I will go back to Leeds and you will manage her yourselves.",
            "not being able to",
            "Leeds",
        ),
    ],
)
def test_a_reframe_keeps_the_need_said_around_the_lever(
    coach: OfflineCoach, text: str, kept: str, dropped: str
) -> None:
    for reframe in _offered(coach, text):
        assert kept in reframe, reframe
        assert dropped not in reframe, reframe
        assert not reframe.startswith(("Hey", "I need she", "That's all", "Totally")), reframe
        assert "know how to say" not in reframe and "understand if" not in reframe, reframe
        assert "What I need is" not in reframe, reframe  # said as the writer's need: "I need you to..."


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        # texted without a comma, and "its" for "it's": the condition is still read as one
        (
            "ur bikes are still in my shed dan. if its not cleared by friday 5pm its going to the tip no joke",
            "by Friday",
            "tip",
        ),
        # a need said firmly in a notice is not set aside with the lever when nothing else is asked for
        (
            "LAST NOTICE. Service charge arrears of £860 must be paid in full by noon on Monday 3 March. Failing this, "
            "the account will be passed to a debt collector and the deposit will be forfeited.",
            "£860",
            "collector",
        ),
        # "as your own" is a likeness, not a reason
        (
            "Great, you've passed off my report as your own in the board meeting. Again. Do it one more time and I'll "
            "send the whole draft history to HR.",
            "as your own",
            "HR",
        ),
        # a sarcastic greeting is not the need; the need said after it is
        (
            "Lovely to hear you're 'still mulling it over', Tom. The agent needs both our signatures on the "
            "transfer by the 20th. If yours isn't there by then I'll take you to court.",
            "signatures",
            "court",
        ),
    ],
)
def test_a_reframe_reads_texting_notices_and_sarcasm(coach: OfflineCoach, text: str, kept: str, dropped: str) -> None:
    for reframe in _offered(coach, text):
        assert kept in reframe, reframe
        assert dropped not in reframe, reframe
        assert "because your own" not in reframe and "Lovely" not in reframe


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        (
            "Dear Ms Okoro, Following the review, the trust is able to offer you a move to the Day Centre coordinator "
            "post at the Hillside site on your current grade. Should you decline, your employment will be terminated on 30 June.",
            "coordinator",
            "terminated",
        ),
        (
            "Good afternoon Sir Ben, about the fence, I can only give 1,500 rand towards it, that is my final already. "
            "If you will not accept then I will just take the cost from your deposit.",
            "1,500 rand",
            "deposit",
        ),
    ],
)
def test_an_offer_made_before_a_refusal_is_what_the_reframe_offers(
    coach: OfflineCoach, text: str, kept: str, dropped: str
) -> None:
    for reframe in _offered(coach, text):
        assert kept in reframe, reframe
        assert dropped not in reframe and "final already" not in reframe and "Good afternoon" not in reframe, reframe
        assert "before either of us decides" not in reframe


def test_bulleted_demands_pointed_at_with_them_are_the_items(coach: OfflineCoach) -> None:
    text = (
        "The tenants' association demands:\n• Fix the lift in block C\n• Refund the service charge overpayment\n"
        "• Fit a new entry door lock\nNone of these are up for trade-offs. Meet them in full or we start a rent strike in May."
    )
    for reframe in _offered(coach, text):
        assert "lift" in reframe.lower(), reframe
        assert "strike" not in reframe and "meet them in full" not in reframe.lower() and "•" not in reframe, reframe


def test_a_demand_said_as_an_order_is_named_in_grammar(coach: OfflineCoach) -> None:
    verdict = coach.check_message(
        "Non-negotiables: fix the boiler in flat 4, refund the overcharged service fee, and replace the broken entry phone. "
        "Break any one and we're withholding rent."
    )
    assert verdict.level == "ultimatum"
    assert verdict.reframes
    assert not any("it's fix" in r or "is fix the" in r for r in verdict.reframes), verdict.reframes
    assert any("that you fix the boiler" in r for r in verdict.reframes), verdict.reframes


@pytest.mark.parametrize(
    "reframe",
    [
        "I'm worried about I not doing the school run on my own. Could we talk about it together?",
        "I need he needs to be back by 6. What would make that possible for you?",
        "I need you to ain't nobody here got time to cover for you. What would make that possible for you?",
        "I'm worried about he not being been to training all month. Could we talk about it together?",
        # slots glued to what follows them
        "I need you to let's keep things between us. What would make that possible for you?",
        "I need the some ground rules happen. What would make that possible for you?",
        "Could I have if it suits you the van back? If that's hard for you, tell me what would work.",
    ],
)
def test_a_reframe_with_broken_grammar_is_not_offered(coach: OfflineCoach, reframe: str) -> None:
    problem = coach.reframer.wording_problem(reframe, "an original message about something else entirely")
    assert problem is not None and "grammar" in problem


def test_a_worry_about_oneself_is_said_in_the_object_form(coach: OfflineCoach) -> None:
    verdict = coach.check_message(
        "Look, Aoife, I'm not doing every Sunday dinner at Mam's on my own anymore. You take every second Sunday or "
        "I'm ringing the council myself about a care home, and you can explain that to her."
    )
    assert verdict.level == "ultimatum"
    for reframe in verdict.reframes or []:
        assert "worried about I " not in reframe, reframe


@pytest.mark.parametrize(
    "reframe",
    [
        "I need you to mend the fence by the barn or next time they're going to the pound. What would help?",
        "Could we share the car, or nobody gets it?",
        "I need all three, if you can't do them then I want you out. Can we talk?",
    ],
)
def test_a_reframe_that_still_says_what_happens_otherwise_is_not_offered(coach: OfflineCoach, reframe: str) -> None:
    problem = coach.reframer.wording_problem(reframe, "an original message about something else entirely")
    assert problem is not None and "otherwise" in problem


def test_an_or_else_no_pattern_names_is_cut_from_the_need(coach: OfflineCoach) -> None:
    text = (
        "Look, Gethin, your goats are through my hedge again. Mend the gap by the old barn or next time they're "
        "going to the pound and you can pay to get them out."
    )
    for reframe in _offered(coach, text):
        assert "pound" not in reframe and "pay to get" not in reframe, reframe
    assert any("mend the gap by the old barn" in r.lower() for r in _offered(coach, text))


def test_either_you_or_else_keeps_what_you_are_to_do_as_the_need(coach: OfflineCoach) -> None:
    text = (
        "Hiya Marek. Your cockerel was crowing from 4am again, every day now. Either you keep him in the coop "
        "till seven or I'm calling environmental health, and I mean it."
    )
    reframes = _offered(coach, text)
    assert any("in the coop till seven" in r for r in reframes), reframes
    for reframe in reframes:
        assert "environmental health" not in reframe and "Hiya" not in reframe, reframe


def test_an_initial_or_a_title_ends_no_sentence(coach: OfflineCoach) -> None:
    from assistant.coach.reframes import _sentences

    said = _sentences("We act for Mrs J. Okoro of 3 Mill Lane. Dr. Shah has seen the damp. Please fix it.")
    assert said[:2] == ["We act for Mrs J. Okoro of 3 Mill Lane.", "Dr. Shah has seen the damp."]


def test_a_bulleted_need_is_the_need_without_its_bullet(coach: OfflineCoach) -> None:
    text = (
        "hey @Sam, quick one\n• I've been running payroll and onboarding since March\n"
        "• I need either a second hire or a grade change by the end of the quarter\n"
        "• otherwise I'll be taking the offer I've had from elsewhere."
    )
    reframes = _offered(coach, text)
    assert any("second hire" in r for r in reframes), reframes
    for reframe in reframes:
        assert "•" not in reframe and "elsewhere" not in reframe, reframe


def test_a_list_numbered_inside_one_line_is_read_as_its_items(coach: OfflineCoach) -> None:
    text = (
        "ok here are my terms: 1. no vaping indoors 2. quiet after eleven on weeknights 3. you pay your share of "
        "the broadband. if u cant do all 3 then i want u out by end of the month"
    )
    reframes = _offered(coach, text)
    assert any("vaping" in r and "broadband" in r for r in reframes), reframes
    for reframe in reframes:
        assert "out by end" not in reframe and "weeknights 3" not in reframe, reframe


def test_a_name_or_glued_words_are_no_topic_to_sort_out() -> None:
    from assistant.coach.reframes import _sound_topic

    said = ["Right, Pádraig, here's the deal", "we split the resurfacing"]
    assert not _sound_topic("the pádraig", said)
    assert not _sound_topic("the some ground rules", said)
    assert _sound_topic("the resurfacing", said)
    assert _sound_topic("the monday stand-ups", ["Come to the Monday stand-ups"])


def test_a_bare_if_it_isnt_hangs_on_the_request_said_before_it(coach: OfflineCoach) -> None:
    text = (
        "Right Owen, I've asked nicely twice now. The school trip money, £45, needs to be with me by Friday. "
        "If it isn't, I'm ringing Child Maintenance on Monday morning."
    )
    reframes = _offered(coach, text)
    assert any("£45" in r and "Friday" in r for r in reframes), reframes
    for reframe in reframes:
        assert "Child Maintenance" not in reframe and "not being." not in reframe, reframe


def test_they_in_the_need_is_named_from_the_sentence_before(coach: OfflineCoach) -> None:
    text = (
        "The scouts still have the spare set of church hall keys from the fete. They must be returned to the "
        "office by noon on Saturday. If not, we will change the locks and bill the scouts for it."
    )
    assert any("keys" in r for r in _offered(coach, text))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("You need to pay me back the £200 by Friday or I'm going to the police.", "pay me back the £200"),
        ("Will I accept £300? No. I need the full £450 by Friday or I'm going to small claims.", "£450"),
    ],
)
def test_a_modal_or_a_short_no_is_not_glued_into_the_need(coach: OfflineCoach, text: str, kept: str) -> None:
    reframes = _offered(coach, text)
    assert any(kept in r for r in reframes), reframes
    for reframe in reframes:
        assert "need to need" not in reframe and "No. I need" not in reframe, reframe


def test_times_are_not_a_numbered_list(coach: OfflineCoach) -> None:
    text = "Handover is at 1. Bring them back by 2. If you're late again I'm calling my solicitor."
    for reframe in _offered(coach, text):
        assert "solicitor" not in reframe and "is at." not in reframe, reframe


@pytest.mark.parametrize(
    ("text", "offer", "gone"),
    [
        # a letter numbered by paragraph: the offer is the paragraph that offers, not the number or the reason after it
        (
            "RE: KEYS AND DEPOSIT\n1. The deposit held is £900.\n2. I am prepared to return £700. The £200 kept "
            "covers the broken blind.\n3. This is my final offer and it will not be revised.\n4. If you do not "
            "accept by Friday, the whole deposit goes to the scheme.",
            "return £700",
            ["3 is", "scheme", "KEYS"],
        ),
        # why the position is final, said after the colon, is not what is offered
        (
            "Hi Sam, the firm is in a position to offer a 2% rise from June and a training budget. Please treat "
            "this as the full and final position: there is no further money this year. If that doesn't suit, we "
            "will start advertising your role.",
            "2% rise",
            ["no further money", "advertising"],
        ),
        # how the final position was reached is not the offer either
        (
            "The committee has agreed to split the hall repair and is asking you to pay £300 of it. This is the "
            "committee's final position and was agreed unanimously. If we hear nothing by the 30th, your "
            "membership will be suspended.",
            "£300",
            ["unanimously", "suspended"],
        ),
        # a particle after 'last price' is no offer, nor is "you'll hear" after 'the last number'
        (
            "Renewal I can give you $2,600, last price already. Got other people viewing. Don't want, I give to them lor.",
            "$2,600",
            ["Already", "already is", "other people"],
        ),
        (
            "Tell you what, Earl. I'll give you $3,000 for the whole load of hay, delivered. That's the last number "
            "you'll hear from me. You want more, go sell it to them folks up in Tupelo.",
            "$3,000",
            ["That's.", "Tupelo"],
        ),
        # an amount keeps its comma, and "Not a penny more" points back at it
        (
            "Cute counter-offer. Let me match it: £2,500 for the whole garden, including the extra trips to the tip. "
            "Not a penny more, not a penny less. Take it, or go and find a cowboy who'll do it for less.",
            "£2,500 for the whole garden",
            ["£2.", "cowboy", "Let me"],
        ),
        # "X and this is last offer": no 'my' needed
        (
            "I fix whole fence and now you want pay half. I can take off 50 pounds for the paint and this is last "
            "offer. You pay the rest this week or I take the panels back.",
            "50 pounds",
            ["panels"],
        ),
    ],
)
def test_a_final_offer_in_a_letter_keeps_what_is_offered(
    coach: OfflineCoach, text: str, offer: str, gone: list[str]
) -> None:
    reframes = _offered(coach, text)
    assert reframes
    for reframe in reframes:
        assert offer in reframe, reframe
        assert not any(g in reframe for g in gone), reframe


def test_a_replys_quoted_lines_are_the_other_persons_words_and_never_in_the_reframe(coach: OfflineCoach) -> None:
    text = (
        "> we're mates, we don't need it in writing\n\nFine, Jo. Then you won't mind paying the £200 you owe me "
        "for the festival tickets. Pay it by Friday or I'm posting the texts in the group chat."
    )
    for reframe in _offered(coach, text):
        assert "in writing" not in reframe and ">" not in reframe, reframe


def test_it_and_they_point_back_at_a_thing_not_at_a_person_or_a_greeting(coach: OfflineCoach) -> None:
    # 'it' is the medicine, not "my cousin"; 'they' are the garden chairs, not "Marge"; "Hola" is a greeting
    text = (
        "Hola Pete. Again the kids come back without the homework and without the inhaler. My cousin is a "
        "family lawyer and she knows what a judge thinks of a father who forgets the medicine. Please put it in the bag."
    )
    for reframe in _offered(coach, text):
        assert "cousin in the bag" not in reframe and "hola" not in reframe.lower(), reframe
    text = (
        "Marge, bless your heart, but I've been asking about my garden chairs since May. If they're not back on my "
        "patio by Sunday, I'm calling the police."
    )
    for reframe in _offered(coach, text):
        assert "chairs" in reframe and "marge" not in reframe.lower() and "police" not in reframe, reframe


def test_a_hint_said_as_all_i_will_say_and_a_family_sign_off_stay_out_of_the_reframe(coach: OfflineCoach) -> None:
    text = (
        "My dear nephew, you have not visited your father these three months. I will only say that the whole "
        "family will be at the wedding, and people will ask where you were. Go and see him. Your aunt, Maryam"
    )
    reframes = _offered(coach, text)
    assert reframes
    for reframe in reframes:
        # ('him' may be said as who he is: "see your father")
        assert "see him" in reframe or "see your father" in reframe, reframe
        assert "wedding" not in reframe and "Maryam" not in reframe and "Your aunt" not in reframe, reframe


def test_sarcastic_patience_is_never_the_need(coach: OfflineCoach) -> None:
    text = (
        "Oh, no rush at all. Your bike has only been in the hallway since January. Take your time. Anything still in "
        "that hallway on Thursday morning goes out with the recycling."
    )
    for reframe in _offered(coach, text):
        assert "take your time" not in reframe.lower() and "no rush" not in reframe.lower(), reframe
        assert "recycling" not in reframe, reframe


@pytest.mark.parametrize(
    "text",
    [
        "If you book that stag do over our anniversary, don't bother coming home that weekend.",
        "the mates stop coming round every weekend or i change the door code and you can go and live at dans",
    ],
)
def test_a_walkout_that_hangs_on_a_condition_is_never_reframed_as_needing_a_break(
    coach: OfflineCoach, text: str
) -> None:
    # the writer asked for something; "I need a break from this conversation" would put words in their mouth
    for reframe in _offered(coach, text):
        assert "need a break" not in reframe and "stepping away" not in reframe and "worn out" not in reframe, reframe
        assert "about you book " not in reframe, reframe  # "if you book that stag do" -> "you booking that stag do"


def test_bulleted_rules_that_a_condition_points_back_at_are_the_list_to_rank(coach: OfflineCoach) -> None:
    # "If this isn't kept to" points at the bullets together: they are the demands, not a need read out of "this"
    text = (
        "KITCHEN RULES. We've asked nicely three times now.\n"
        "• Pans washed the same night.\n"
        "• Nobody eats food with someone else's name on it.\n"
        "• Recycling out on Mondays.\n"
        "If this isn't kept to, we'll ask the landlord not to renew your room."
    )
    reframes = _offered(coach, text)
    assert reframes and all("pans washed" in r.lower() for r in reframes), reframes
    for reframe in reframes:
        assert "landlord" not in reframe and "renew" not in reframe, reframe
        assert "kept to" not in reframe, reframe  # no need read out of "if this isn't kept to"


def test_listed_terms_a_little_long_each_are_still_a_list_and_a_preamble_is_not_one_of_them(
    coach: OfflineCoach,
) -> None:
    text = (
        "Fine, Rob. Here is what happens: the car stays in my name until the loan is paid off, you stop telling "
        "the neighbours I threw you out, and you bring back the camera you took from the loft on the day you left. "
        "Do those and we can talk. Don't, and my solicitor will be in touch."
    )
    reframes = _offered(coach, text)
    assert reframes and all("car st" in r and "in my name" in r for r in reframes), reframes
    assert all("solicitor" not in r for r in reframes), reframes
    text = (
        "Paul, I say this one time. Dad keeps his own bank card. You visit every Sunday, not when it suits. "
        "This is not a discussion. If you don't agree I'm changing the locks on his flat."
    )
    for reframe in _offered(coach, text):
        assert "say this one time" not in reframe and "locks" not in reframe, reframe


def test_a_need_sent_in_bursts_is_the_line_the_or_hangs_on(coach: OfflineCoach) -> None:
    text = (
        "just saw the new rota\nyou gave my saturday to kev without asking\nswap it back\nor i quit\n"
        "bar, cellar, closing up, all of it"
    )
    reframes = _offered(coach, text)
    assert reframes and all("swap it back" in r.lower() for r in reframes), reframes
    for reframe in reframes:
        assert "quit" not in reframe and "all of it" not in reframe, reframe
        assert "Saw the" not in reframe, reframe  # "just saw the new rota" is something the writer did


def test_a_threat_asked_as_a_question_is_lever_and_them_points_at_the_plural_thing(coach: OfflineCoach) -> None:
    text = (
        "Do you really want me to call the landlord about those bikes, Sam? Because I will. Just move them out of "
        "the hallway - I nearly fell over one last night."
    )
    reframes = _offered(coach, text)
    assert reframes and all("those bikes" in r for r in reframes), reframes
    for reframe in reframes:
        assert "landlord" not in reframe and "I will" not in reframe and "the those" not in reframe, reframe


def test_a_texted_greeting_and_a_phone_footer_stay_out_of_the_reframe(coach: OfflineCoach) -> None:
    text = (
        "hi mr evans the shower has broken again and we have had no hot water since monday. you need to get "
        "someone out to fix it or i wont be paying rent till its fixed\nSent from my iPhone"
    )
    reframes = _offered(coach, text)
    assert reframes, reframes
    for reframe in reframes:
        assert "mr evans" not in reframe.lower() and "iphone" not in reframe.lower(), reframe
        assert "paying rent" not in reframe and "fix the shower" in reframe, reframe


def test_numbered_terms_pointed_back_at_together_are_the_list_not_a_letters_paragraphs(coach: OfflineCoach) -> None:
    text = (
        "Sir, sorry but I must say this. 1. My day off is Saturday, the whole day. 2. I will not drive the van "
        "anymore, it is not in my contract. 3. My wages must come on the 1st, not the 10th. If these cannot be, "
        "I will go to the labour office and end my contract."
    )
    reframes = _offered(coach, text)
    assert reframes and all("day off" in r and "Saturday" in r for r in reframes), reframes
    assert all("labour office" not in r and "these not being" not in r for r in reframes), reframes


def test_a_time_colon_is_no_list_and_a_tag_after_a_final_offer_is_not_the_offer(coach: OfflineCoach) -> None:
    text = (
        "Hi both, thanks for the tasting. We'd suggest drinks run 2:30-4:00 in the garden, weather permitting, "
        "with dinner at 4:15. I also need to mention the balance of £1,900 was due on 1 May. If it isn't with us "
        "by Friday, we'll have to release your date to the next couple on our waiting list."
    )
    reframes = _offered(coach, text)
    assert reframes and all("30-4:00" not in r and "waiting list" not in r for r in reframes), reframes
    text = (
        "About the fence between us. I will pay half, £600, and my brother will put it up in May. This is my final "
        "offer, ta. If you don't agree, I go to the council and we see who pays for everything."
    )
    reframes = _offered(coach, text)
    assert reframes and all("half, £600" in r and not r.startswith("Ta ") for r in reframes), reframes


def test_heres_what_i_can_offer_is_the_offer_and_being_straight_is_not(coach: OfflineCoach) -> None:
    text = (
        "Mr Lowe, I'll be straight with you. Here's what I can offer Ellie: she swims in the squad and races "
        "in the B team until Easter, then we review. That's the best I can do. If that's not good enough, "
        "you're welcome to take her to another club, but I won't be picking her this term."
    )
    reframes = _offered(coach, text)
    assert reframes and all("swims in the squad" in r for r in reframes), reframes
    for reframe in reframes:
        assert "straight with you" not in reframe and "what I can offer" not in reframe, reframe
        assert "another club" not in reframe and "picking" not in reframe, reframe


def test_a_list_nobody_ranked_gets_a_phrasing_that_ranks_nothing(coach: OfflineCoach) -> None:
    # the writer never said which matters most: one phrasing asks where to start instead of naming a
    # non-negotiable for them, and says the item grammatically ("you moving out", "the fees being paid")
    text = (
        "None of this is up for discussion: you move out of the spare room by Sunday, you close the joint "
        "account, and you stop posting about us online. Break any of it and I'm filing for divorce."
    )
    reframes = _offered(coach, text)
    assert any(r.startswith("Could we start with you moving out of the spare room") for r in reframes), reframes
    assert all("divorce" not in r for r in reframes), reframes


def test_a_last_price_said_twice_offers_the_price_not_the_no(coach: OfflineCoach) -> None:
    text = (
        "I've already come down £300 on the kitchen. £8,900 is my last price, no more discounting. If it's not "
        "agreed by Friday I'm taking my fitters off the job and you can find someone else to finish it."
    )
    reframes = _offered(coach, text)
    assert all("£8,900" in r for r in reframes), reframes
    assert all("fitters" not in r and "someone else" not in r for r in reframes), reframes


def test_only_asking_is_the_need_and_the_hint_beside_it_is_dropped(coach: OfflineCoach) -> None:
    text = (
        "Mr Okoro, good morning. I am only asking that you return the ladder you borrowed in June. You know my "
        "brother sits on the residents' board that approves parking permits. It would be a shame if yours got "
        "held up this year."
    )
    reframes = _offered(coach, text)
    assert any("ladder" in r for r in reframes), reframes
    assert all("permit" not in r and "board" not in r and "shame" not in r for r in reframes), reframes


def test_the_door_shown_as_a_choice_is_lever_and_insisting_is_a_tag(coach: OfflineCoach) -> None:
    text = (
        "You need to start coming home straight after work to help with the baby, or you could pack your bags and "
        "go back to your brother's. I ain't playing."
    )
    reframes = _offered(coach, text)
    assert any("help with the baby" in r for r in reframes), reframes
    for r in reframes:
        assert "pack" not in r and "brother" not in r and "playing" not in r.lower(), r


def test_a_hedge_then_a_condition_texted_without_a_comma_leaves_the_walkout_out(coach: OfflineCoach) -> None:
    text = (
        "guys im not being funny but if the kitchen is like this again tomorrow im moving out at the end of term "
        "and you three can cover my share of the rent"
    )
    reframes = _offered(coach, text)
    assert any("kitchen" in r for r in reframes), reframes
    assert all("moving out" not in r and "rent" not in r for r in reframes), reframes


def test_terms_refused_together_are_the_need_even_when_dictated(coach: OfflineCoach) -> None:
    text = (
        "OK so Dad's care here is the deal number one you cover half the carers number two you visit every second "
        "weekend full stop if you can't do all of that then I'm going to apply for power of attorney by myself"
    )
    reframes = _offered(coach, text)
    assert any("half the carers" in r for r in reframes), reframes
    assert all("attorney" not in r and "all of that" not in r for r in reframes), reframes


def test_who_is_writing_is_no_part_of_the_reframe(coach: OfflineCoach) -> None:
    text = "Hi, it's Jen. Pay me the £90 for last month by Friday or I'm telling everyone at the school gate."
    reframes = _offered(coach, text)
    assert all("Jen" not in r and "school gate" not in r for r in reframes), reframes
    assert any("£90" in r for r in reframes), reframes


def test_a_need_said_after_a_run_up_with_no_stop_starts_its_own_sentence() -> None:
    from assistant.coach.reframes import _need_starts

    said = "so sorry about the spelling i am in the car i need you to move your stuff out of the garage"
    assert _need_starts(said)[-1] == "i need you to move your stuff out of the garage"
    assert _need_starts("this is so hard and i need you to help") == ["this is so hard and i need you to help"]


def test_a_need_said_outright_leads_and_it_names_what_was_owed(coach: OfflineCoach) -> None:
    text = (
        "Hello Mr Byrne, I trust you are keeping well. Please, the invoice of 2,300 euro for the roof is still open "
        "since March. I need it settled by the 15th of June. After that date I will pass the account to a debt "
        "collector until payment is received. I'm sorry, I have no other way."
    )
    reframes = _offered(coach, text)
    assert any("invoice" in r and "15th of June" in r for r in reframes), reframes
    assert all("collector" not in r and "payment received" not in r for r in reframes), reframes


def test_a_date_said_before_an_order_is_when_it_is_due_and_a_reminder_is_no_lead(coach: OfflineCoach) -> None:
    text = (
        "Good day. Your ivy is growing over my shed roof and the gutter is blocked. I tell you already three times. "
        "Until 1 June you must cut it. After this date I cut it myself and I report you to the council."
    )
    reframes = _offered(coach, text)
    assert any("ivy" in r and "1 June" in r for r in reframes), reframes
    assert all("council" not in r and "Good day" not in r for r in reframes), reframes


def test_the_terms_of_a_final_offer_stay_with_the_offer(coach: OfflineCoach) -> None:
    text = (
        "Our final offer is free delivery on the next order if you settle the two overdue bills by Friday. "
        "Take it or leave it. If you leave it, we stop supplying you in May."
    )
    reframes = _offered(coach, text)
    assert any("free delivery" in r and "overdue bills" in r for r in reframes), reframes
    assert all("stop supplying" not in r and "leave it" not in r for r in reframes), reframes


def test_a_bare_if_not_refuses_the_question_put_just_before(coach: OfflineCoach) -> None:
    text = (
        "The washing machine you sold me is leaking again, only three weeks old. You send someone on Monday can? "
        "If not I write in the neighbourhood group so everybody knows."
    )
    reframes = _offered(coach, text)
    assert any("Monday" in r for r in reframes), reframes
    assert all("neighbourhood group" not in r and "everybody knows" not in r for r in reframes), reframes


def test_a_list_refused_as_any_of_that_is_the_list_and_the_consequence_goes(coach: OfflineCoach) -> None:
    text = (
        "Sam, this is how it's going to be from now and I'm not negotiating any of it:\n"
        "- homework done before screens\n- no energy drinks\n- picked up from football by 7\n"
        "If any of that doesn't happen we're going back to court and I'll ask for supervised weekends."
    )
    reframes = _offered(coach, text)
    assert reframes and any("homework" in r for r in reframes), reframes
    assert all("court" not in r and "supervised" not in r for r in reframes), reframes


def test_we_not_going_is_a_need_for_both_and_either_or_with_a_time_first_is_lever(coach: OfflineCoach) -> None:
    reframes = _offered(
        coach,
        "You promised we see my sister in Lagos this year. But if we do not go at Easter, I will go alone with "
        "the children and maybe stay longer.",
    )
    assert any("us to go" in r for r in reframes), reframes
    assert all("alone" not in r and "stay longer" not in r for r in reframes), reframes
    reframes = _offered(
        coach,
        "Either you ring your dad about the loan this week or next month I'm moving back to my mum's with the baby.",
    )
    assert any("ring your dad" in r for r in reframes), reframes
    assert all("moving back" not in r and "mum's" not in r for r in reframes), reframes


def test_a_word_taken_back_gives_way_and_asking_nicely_is_a_request(coach: OfflineCoach) -> None:
    reframes = _offered(
        coach,
        "The gas bill is 240 so your half is 120. Please vipps, sorry, send me your half before Friday. If not I "
        "tell the landlord you don't pay your share.",
    )
    assert any("send me your half" in r and "vipps" not in r for r in reframes), reframes
    reframes = _offered(
        coach,
        "Kofi, I lent you GH₵ 3 000 for the shop in March. I'm asking nicely for a date when you will pay it back. "
        "Don't make me bring my uncles into this.",
    )
    assert any("date" in r and "GH₵ 3 000" in r for r in reframes), reframes
    assert all("uncles" not in r for r in reframes), reframes


def test_the_readers_thing_keeps_what_describes_it() -> None:
    from assistant.coach.reframes import _YOURS, _yours_said

    text = "Your eldest boy keeps parking on my grass."
    m = _YOURS.search(text)
    assert m is not None and _yours_said(text, m) == "Your eldest boy"


def test_an_if_that_only_says_when_leaves_the_need_before_otherwise(coach: OfflineCoach) -> None:
    text = (
        "You missed your colour appointment on Thursday and I kept the chair free all afternoon. If you want "
        "another slot I need the £40 no-show fee paid by Sunday, otherwise you're banned from the salon and I'll "
        "warn the other salons on the high street about you."
    )
    reframes = _offered(coach, text)
    assert any("£40" in r for r in reframes), reframes
    assert all("banned" not in r and "warn" not in r for r in reframes), reframes
    # what happened ("...and I kept the chair free") is no condition with a consequence
    assert all("worried about you missing" not in r for r in reframes), reframes


def test_a_ps_that_is_just_saying_is_the_hint_and_the_templates_words_are_never_the_levers(
    coach: OfflineCoach,
) -> None:
    text = (
        "Hi Gary, chasing again about the back window latch, it's been broken a month and anyone could climb "
        "in. Can you send someone round this week please?\n\nPS just saying, I'm fairly sure you need a licence "
        "for five sharers. Would be a pity if the council started asking."
    )
    reframes = _offered(coach, text)
    assert any("window" in r and "someone round" in r for r in reframes), reframes
    assert all("licence" not in r and "council" not in r for r in reframes), reframes


def test_wanting_to_be_honest_is_a_run_up_not_the_need(coach: OfflineCoach) -> None:
    text = (
        "I want to be honest with you. The dog has been left alone barking all day three times this week. If it "
        "happens again I'm calling the council's noise team."
    )
    reframes = _offered(coach, text)
    assert all("honest with you" not in r for r in reframes), reframes
    assert all("noise team" not in r for r in reframes), reframes


def test_a_thing_whose_only_verb_is_inside_what_it_was_starts_as_said() -> None:
    from assistant.coach.reframes import _started_with

    assert _started_with("the budget back to what it was") == "the budget back to what it was"


@pytest.mark.parametrize(
    ("text", "wanted", "never"),
    [
        # a reviewer's cases: each was garbled by a first version of this pass's changes
        (
            "Please, the invoice is still unpaid. Settle it by Monday or I will hand it to a collection agency.",
            "invoice",
            "Please,",
        ),
        (
            "I asked you before two times for the spare key. Return it today or I will call your boss.",
            "key",
            "the two times",
        ),
        ("If we do not visit my sister at Easter, I will go alone.", "visit my sister", "Could I have us"),
        (
            "I'm asking nicely for a date. If I don't get one by Friday I'm going to the union.",
            "for a date",
            "Friday I'm",
        ),
        # the seventeenth pass's reviewer: a date said first whose or-else the mover did not read, and a name
        # said without 'the'
        (
            "By the 20th you need to have the gutter cleared or I'll take you to court.",
            "have the gutter cleared by the 20th",
            "court",
        ),
        (
            "I'm done talking about Easter until you stop letting your brother decide it for us.",
            "your brother decide",
            "the easter",
        ),
        # the eighteenth pass: shapes from a seventeenth author's text and its reviewer, in our own words
        # 'someone else' is no or-else: the work handed on is what is needed
        (
            "Take this as my last year running the raffle. Someone else can collect the prizes, seeing as I'm the only one who bothers.",
            "someone else to collect the prizes",
            "Someone.",
        ),
        # a resignation in protest: the grievance kept, the notice dropped
        (
            "Since nobody has bothered to fix the kiln in six weeks, I'm stepping down as studio steward from Friday.",
            "kiln",
            "stepping down",
        ),
        # the work handed back after a withdrawal goes with the lever
        (
            "Unless the leaking roof over the hall is patched by Easter, we won't be running the youth club there. The council can do it themselves.",
            "roof",
            "themselves",
        ),
        # 'that's our offer' points back at the offer, and how long it stands is when, not the need
        (
            "We'll refund the delivery charge but not the cushions. That's our offer and it stands until Friday. If it isn't accepted by then, we'll close the complaint and pass it to our legal team.",
            "refund the delivery charge",
            "legal team",
        ),
        # the conditions' heading with a remark before its colon is no part of the first condition
        (
            "Fine, I'll do the wedding cake. My terms, which nobody will like: no fondant, no figurines, and I'm paid up front. Otherwise someone else can bake it.",
            "fondant",
            "nobody will like",
        ),
        # 'as measured', 'as set out', 'listed as' are how it was said, not why
        (
            "Your hedge now blocks half the footpath, as measured this morning. Cut it back by the 1st or I will get my gardener to do it and send you the bill.",
            "as measured this morning",
            "because measured",
        ),
        # an emoji inside a sentence ends nothing when what follows only finishes it; a thing owed is a thing
        (
            "the £45 u owe me for the gig 🎸 by friday or im adding a fiver a day 💸 from saturday",
            "the £45 you owe me for the gig by Friday",
            "fiver",
        ),
        # short rules pointed back at together ("not discussing any of it") are the list of non-negotiables
        (
            "Right, house rules from now on. Lights off by midnight. Dishes done the same day. No guests on weeknights. "
            "I'm not discussing any of it and if you don't like it you can move out.",
            "lights off by midnight",
            "move out",
        ),
        # a figure said as where the writer stands, refused with 'if that doesn't work'
        (
            "£2,400 is our number and it's not moving. If that doesn't work for you, we'll take the other van.",
            "£2,400 is our number",
            "other van",
        ),
        # a rule whose sanction is said in the present
        (
            "From next week anyone who hasn't emptied the bins by Friday pays a tenner into the kitty, no arguments.",
            "everyone to empty the bins by Friday",
            "tenner",
        ),
        # 'You either ... or someone else can take your place'
        (
            "You either turn up to training on Thursdays or someone else can take your place in the squad.",
            "turn up to training on Thursdays",
            "your place",
        ),
        # a resignation in protest: the grievance is talked about; no pause from 'this conversation'
        (
            "Seeing as nobody has thanked the volunteers once this year, I'm stepping down as rota lead after Sunday.",
            "volunteers",
            "break from this conversation",
        ),
        # 'if that's not possible' refuses the request said just before it
        (
            "I'd like you to take Mum to her hospital appointments this month, or at least the one on the 9th. "
            "If that's not possible I'll stop doing the shopping for her altogether.",
            "take Mum to her hospital appointments",
            "shopping",
        ),
        # 'if it isn't in my account' is the amount named before, not the topic of the sentence
        (
            "About the holiday cottage: your half comes to £340 and I paid it all in March. "
            "If it isn't in my account by Friday I'm keeping your bag until it is.",
            "£340",
            "bag",
        ),
        # 'if the rota can't reflect that' points back at the need said outright before it
        (
            "I do need Fridays off from June, as we agreed at my review. If the schedule can't reflect that I'll "
            "have no choice but to raise a grievance with HR.",
            "Fridays off from June",
            "grievance",
        ),
        # a final figure with its finality said after it
        (
            "ok final price 95 collected, not going lower. if u dont want it by tomorrow im listing it again",
            "95 collected is",
            "not going lower",
        ),
        # what the walker takes with them is lever too
        (
            "If the committee picks Dorothy again, count me out. And I'll take the raffle prizes and my sister with me. "
            "I need a chair who answers emails.",
            "a chair who answers emails",
            "raffle prizes",
        ),
        # the request said as what the writer is sure of, after a hint about an audience
        (
            "The lamp came with a broken shade. I'd hate for my book club to hear how this was handled, so I'm sure "
            "a new shade can be posted this week?",
            "new shade",
            "book club",
        ),
        # people noticing who does what is asked: the hint goes, what they notice is the need
        (
            "Everyone's starting to notice who does and doesn't help clear the hall after the quiz. Just saying. "
            "Renewals are in May.",
            "help clear the hall after the quiz",
            "Renewals",
        ),
        # a request said as a wish ('if X could Y, that would settle things') is the need
        (
            "We've had complaints about the van parked on the verge. If the van could go on the drive from now on, "
            "I think that would settle things. I'd hate for it to come up when your lease is up for renewal.",
            "the van to go on the drive",
            "renewal",
        ),
        # 'either we X or I'm leaving': what both are to do is the need, and the walkout's date is not its date
        (
            "Either we start eating dinner together on weeknights or I'm moving back to my mum's in March.",
            "I need us to start eating dinner together on weeknights",
            "March",
        ),
        # a judgement held up, then 'so let's...': the request after 'so' is the need
        (
            "I'd hate for the missing stock counts to come up in your probation review, so let's get them done every "
            "Friday from now on.",
            "get them done every Friday",
            "probation",
        ),
        # a figure already named, with 'I'm not moving on that'
        (
            "I've said £900 for the fence including the posts. I'm not moving on that. Yes or no by Sunday, "
            "otherwise I'm booking the other fencer.",
            "£900 for the fence",
            "other fencer",
        ),
        # 'them' after the verb is the thing said before; 'do that' points back at the request
        (
            "The ladders borrowed for the fete still haven't come back. Please drop them at the shed by Sunday. "
            "After that I'll report them stolen.",
            "drop the ladders at the shed",
            "stolen",
        ),
        (
            "Could you ever turn the music down after eleven? Do that or I'll ring the council about it.",
            "turn the music down after eleven",
            "council",
        ),
        # who said it, cut from what they said, is no need; the offer refused by "if you say no" is the offer
        (
            "We would like the footpath lights fixed by March. I should tell you that several residents have said "
            "that if they aren't, they will be going to the local paper, and I honestly don't think I could talk "
            "them out of it.",
            "footpath lights fixed by March",
            "paper",
        ),
        (
            "I'll buy your half of the van for £6,000. It's the last time I'm offering, and if you say no I'll ask "
            "my solicitor to apply to the court for a sale.",
            "£6,000",
            "court",
        ),
        # a sign-on is no need, a remark's lead is no list, the amount is named with what it is for
        (
            "Gaz here. Still not been paid for the Mill Lane job. Till that £900 lands I'm off your sites.",
            "Mill Lane",
            "Gaz",
        ),
        (
            "Just a thought: the van's been on the verge for a month, and I'd hate for the council to take an interest. "
            "I'm sure you'll have it moved by Friday.",
            "moved by Friday",
            "The rest",
        ),
        (
            "Sam, your share of the boiler repair is £140. If it isn't in my account by the 3rd, I'm telling the "
            "landlord you won't pay.",
            "your share of the boiler repair",
            "landlord",
        ),
        # what is kept from them till they pay is the lever; the payment is the need
        ("The trailer stays locked till you pay what you owe for the hire.", "pay what you owe for the hire", "locked"),
        ("You won't see the dog till the vet bills are paid.", "the vet bills paid", "won't see"),
        # a condition with no comma, its time a bare hour; 'please don't' is what not to do
        ("Just so you know, if the ladder isn't back by 5 I'm reporting it stolen.", "the ladder back by 5", "stolen"),
        (
            "Please don't bring your new partner to the school play. If she's there, I won't be.",
            "not to bring your new partner",
            "won't be",
        ),
        # the items after 'not up for debate:' in one sentence are the list, and the marker is no item
        (
            "My terms are not up for debate: the deposit back in full, the carpet left as it is, and a reference.",
            "the deposit back in full",
            "debate",
        ),
        # from the second review: terms announced as 'simple' are the next sentence; how a demand is announced
        # ('Sorted then:', 'It's take it or leave it:', 'Just to be crystal clear') is no part of it; 'the deal's off'
        # is lever; 'not a penny more' is the offer's finality
        (
            "My terms are simple. A new boiler, a rent holiday for March, and you fix the window. Until all three "
            "happen, I'm not paying a thing.",
            "a new boiler",
            "simple",
        ),
        (
            "Sorted then: you pay for the skip, or I'll stop the standing order. Your call.",
            "pay for the skip",
            "Sorted",
        ),
        (
            "Just to be crystal clear, if the deposit isn't back by Friday, the deal's off and I'm taking you to court.",
            "the deposit back by Friday",
            "crystal",
        ),
        (
            "It's take it or leave it: I'll pay £250 towards the fence and not a penny more, and if you refuse I'll "
            "see you in court.",
            "£250 towards the fence",
            "penny",
        ),
        # a condition in the progressive is worried about as it is, never "being bringing"
        (
            "If you're bringing Ellie to the party after what she said about me, I'm not coming.",
            "you bringing Ellie",
            "being bringing",
        ),
        # what went wrong, said as it stands, says what the need is about; the lever still goes
        (
            "Your delivery van blocked our loading bay again this morning, third time this week. Move it before "
            "noon or I'm calling the depot manager.",
            "loading bay",
            "depot",
        ),
        (
            "The invoice for the March delivery is now 30 days overdue. Settle it by Friday or we stop supplying you.",
            "30 days overdue",
            "supplying",
        ),
        # 'it' is never a lack ("the no hot water"): the thing broken is what is to be fixed
        (
            "Boiler's been broken nine days. No heating with a toddler. If it isn't fixed by Thursday we're moving "
            "out and stopping the rent.",
            "the boiler fixed by Thursday",
            "the no",
        ),
        (
            "WHOEVER KEEPS USING MY SHAMPOO. STOP. OR IT'S GOING IN THE BIN.",
            "whoever keeps using my shampoo to stop",
            "BIN",
        ),
        # the terms led by their figure are the offer, not the finality around them or the name said to
        (
            "Right, Mrs Okafor, this is the last time I'm quoting. £2,150 all in for the fence panels, posts "
            "included. That's my final number, and after Friday the price goes up.",
            "£2,150 all in for the fence panels",
            "goes up",
        ),
        (
            "Dev this is the last figure I'll offer. I'll take over your half of the van for £6,000. If you say no "
            "I'm selling my half to a stranger.",
            "I'll take over your half of the van for £6,000",
            "stranger",
        ),
        (
            "We've gone as high as we can: $96k base, 0.2% equity, four days in the office. This is our final offer "
            "and it expires Friday noon. After that we'll go with the other candidate.",
            "Here is what I can do: $96k base",
            "candidate",
        ),
        # the last price is the offer; where it goes after the day is the lever
        ("2 grand for the trailer, lowest I'll go. Saturday it goes on Gumtree.", "2 grand for the trailer", "Gumtree"),
        # "Do not..." is what not to do; 'as a toilet' is what it is used as, not a reason
        ("Do not text my son again. If you do I will call the police.", "I need you not to text my son", "police"),
        (
            "Your dog keeps using my lawn as a toilet. Keep him on a lead or I'll call the warden.",
            "as a toilet",
            "because",
        ),
        # "It's either you...": the choice put as 'it', and whatever comes after 'or' is the lever
        (
            "It's either you clear your bikes out of my garage by Sunday, or they all go to the tip.",
            "I need you to clear your bikes out of my garage by Sunday",
            "tip",
        ),
        # a reason cut off to a word or two is no reason ("because always")
        (
            "Would be great to have the £25 for the gift by Friday, because always. Otherwise I'll tell everyone.",
            "£25",
            "because",
        ),
        # a courtesy said first, then 'but if..., then...': the courtesy is its own sentence, the condition the need
        (
            "Sorry to be a pain but if the rent isn't paid by Friday, then I'm changing the locks.",
            "I need the rent paid by Friday",
            "locks",
        ),
        # the event held without the writer is the walkout, never the need
        (
            "Dad I love you but if Aunty Grace is not invited to the wedding, then I'm not coming. You can host it "
            "without the groom.",
            "not being invited to the wedding",
            "without the groom",
        ),
        # who they are or where they live, said as known, is a hint of what could follow
        (
            "WHOEVER KEEPS LEAVING THE GATE OPEN. STOP. I KNOW WHICH HOUSE YOU'RE IN.",
            "whoever keeps leaving the gate open to stop",
            "which house",
        ),
        # after 'either', what the writer does instead is the lever; "sign the papers" is what is asked
        (
            "Kofi, hear me. Either you sign the transfer papers for Papa's plot, or I take you to the chief and the "
            "whole village hears of it.",
            "sign the transfer papers for Papa's plot",
            "chief",
        ),
    ],
)
def test_reviewed_shapes_stay_whole(coach: OfflineCoach, text: str, wanted: str, never: str) -> None:
    reframes = _offered(coach, text)
    assert any(wanted in r for r in reframes), reframes
    assert all(never not in r for r in reframes), reframes


def test_bullets_after_a_list_header_are_no_part_of_the_items(coach: OfflineCoach) -> None:
    text = "I'm not negotiating any of it:\n* rent on the 1st\n• bins out on Sunday\nIf any of that doesn't happen you're out."
    reframes = _offered(coach, text)
    assert any("rent on the 1st" in r for r in reframes), reframes
    assert all("*" not in r and "•" not in r for r in reframes), reframes


@pytest.mark.parametrize(
    "text",
    [
        "Until Friday you must move the car or I'll have it towed.",
        "By Friday, you need to move the car, otherwise I'll have it towed.",
        # an or-else the or-else reader does not know, said after the date
        "No later than Friday you must move the car or your parking permit will be cancelled.",
        "Until Friday you have to move the car or I go to the council.",
    ],
)
def test_a_date_said_before_an_order_with_its_lever_is_when_the_order_is_due(coach: OfflineCoach, text: str) -> None:
    reframes = _offered(coach, text)
    assert any("move the car by Friday" in r for r in reframes), reframes
    assert all(w not in r for w in ("tow", "Friday you", " or.", "permit", "council") for r in reframes), reframes


def test_it_points_at_what_the_needs_own_sentence_named_first(coach: OfflineCoach) -> None:
    text = (
        "We're finished talking tonight. I won't go over the boat trip again until you stop bringing your "
        "sister into it."
    )
    reframes = _offered(coach, text)
    assert any("sister into the boat trip" in r for r in reframes), reframes


def test_the_readers_thing_named_far_above_is_not_what_it_means(coach: OfflineCoach) -> None:
    text = (
        "Hi Carol, hope your knee is mending. The committee keeps asking about the raffle money from the fete. "
        "Nobody is saying anything, they just want the figures. I'd hate for the trustees to hear about it "
        "from someone else. Please send me the bank slips by Sunday and I'll take it to the committee myself."
    )
    reframes = _offered(coach, text)
    assert all("knee" not in r for r in reframes), reframes


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("You'll need to pay the full amount by Friday or I'm going to small claims.", "pay the full amount by Friday"),
        ("You will have to clear the shed by the 1st, otherwise I'm changing the locks.", "clear the shed by the 1st"),
    ],
)
def test_you_will_need_to_is_said_once(coach: OfflineCoach, text: str, wanted: str) -> None:
    reframes = _offered(coach, text)
    assert any(wanted in r for r in reframes), reframes
    assert all("need to need" not in r and "you to have to" not in r for r in reframes), reframes


def test_an_offer_made_for_the_readers_job_is_no_lever(coach: OfflineCoach) -> None:
    text = (
        "I've thought about it all week. We can move to Bristol for your job, but for three years, and then we "
        "come home. If that doesn't work for you, I'm done trying."
    )
    reframes = _offered(coach, text)
    assert any("move to Bristol for your job" in r for r in reframes), reframes
    assert all("done trying" not in r for r in reframes), reframes


def test_what_a_hint_calls_it_is_not_the_topic(coach: OfflineCoach) -> None:
    reframes = _offered(
        coach, "Be a shame if anything happened to that shiny van of yours, parked across my gate every day."
    )
    assert all("shame" not in r for r in reframes), reframes


@pytest.mark.parametrize(
    ("text", "wanted", "never"),
    [
        (
            "Kindly be informed that the outstanding balance of R9,000 must be paid by 30 April, failing which the "
            "matter will be handed to our attorneys.",
            "balance of R9,000 paid by 30 April",
            "informed",
        ),
        (
            "This is to inform you that the gutter must be cleared by Friday, otherwise we will take legal action.",
            "gutter cleared by Friday",
            "legal",
        ),
        (
            "Need the 30 quid for Ella's swimming kit back by the 12th. If its not there by then I'm taking it off "
            "next month's maintenance.",
            "swimming kit",
            "maintenance",
        ),
    ],
)
def test_an_announcement_is_no_need_and_a_bare_not_there_points_back(
    coach: OfflineCoach, text: str, wanted: str, never: str
) -> None:
    reframes = _offered(coach, text)
    assert any(wanted in r for r in reframes), reframes
    assert all(never not in r for r in reframes), reframes


def test_a_closed_door_with_nothing_asked_keeps_what_it_was_about(coach: OfflineCoach) -> None:
    text = "Dear Mrs Patel,\nI will not be discussing the boundary wall with you any further.\nRegards,\nJ. Moss"
    reframes = _offered(coach, text)
    assert reframes and all("boundary wall" in r for r in reframes), reframes
    assert all("any further" not in r for r in reframes), reframes


def test_a_name_keeps_its_capital_mid_sentence(coach: OfflineCoach) -> None:
    text = "If Marcus is running the stall again next year, count me out. I need someone who turns up on time."
    reframes = _offered(coach, text)
    assert reframes and all("marcus" not in r for r in reframes), reframes


def test_how_far_after_to_is_no_one_asked_to_act(coach: OfflineCoach) -> None:
    text = "Your conifers are blocking my kitchen window. I want them cut down to three metres by June, or I'm calling the council."
    reframes = _offered(coach, text)
    assert all("Could your conifers cut" not in r for r in reframes), reframes
    assert any("conifers cut down to three metres" in r for r in reframes), reframes
