import re

import pytest

from assistant.coach import OfflineCoach
from assistant.coach.asks import ShrunkAsk, split_demands, to_request
from assistant.errors import InputError
from assistant.evaluation.scorers import shrink_checks


def test_stated_priority_is_honoured(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "You never do the dishes. You're always on your phone at dinner. "
        "What really matters is that you come to my sister's wedding with me. Also the car is filthy."
    )
    assert "wedding" in r.ask
    assert r.ask.startswith("Could") and r.ask.endswith("?")
    assert len(r.parked) == 3
    assert all(shrink_checks(r.ask, r.chosen, "sister's wedding").values())


def test_list_input_without_priority_picks_one_and_parks_the_rest(coach: OfflineCoach) -> None:
    demands = [
        "more pay for weekend shifts",
        "a fair rota for weekend shifts",
        "stop scheduling weekend shifts without notice",
        "free parking",
    ]
    r = coach.shrink(demands)
    assert r.chosen in demands and len(r.parked) == 3 and r.chosen not in r.parked
    assert r.interest


@pytest.mark.parametrize(
    ("demand", "expected"),
    [
        ("You always leave your clothes on the floor", "Could you stop leaving your clothes on the floor?"),
        ("I need you to call when you're running late", "Could you call when you're running late?"),
        ("we want a seat on the safety committee", "Could we have a seat on the safety committee?"),
    ],
)
def test_requests_have_no_blame(demand: str, expected: str) -> None:
    assert to_request(demand) == expected


def test_splitting_free_text() -> None:
    text = "1. more help with the kids\n2. a night out each month\n- no phones at dinner and also a bigger budget"
    assert len(split_demands(text)) == 4


@pytest.mark.parametrize(
    ("demand", "asked"),
    [
        # what a letter asks of someone else, in the base form, is asked of them
        (
            "your children refrain from kicking the ball at my door",
            "Could your children refrain from kicking the ball at my door?",
        ),
        ("your guests not block the lane on Sundays", "Could your guests not block the lane on Sundays?"),
        # a complaint in the present is not read as a wish
        ("the back door lock keeps sticking", "Could we sort out the back door lock, which keeps sticking?"),
        # "(that) you stop doing X" is asked as said
        (
            "you stop letting your mum criticise me in front of the kids",
            "Could you stop letting your mum criticise me in front of the kids?",
        ),
    ],
)
def test_a_demand_about_someone_is_asked_of_them(demand: str, asked: str) -> None:
    assert to_request(demand) == asked


@pytest.mark.parametrize("bad", ["", "   ", "...", [], [1, 2], 7])
def test_bad_demands_get_a_clear_error(coach: OfflineCoach, bad: object) -> None:
    with pytest.raises(InputError):
        coach.shrink(bad)  # type: ignore[arg-type]


def test_a_list_numbered_inside_a_text_is_split_and_a_pointer_back_names_the_item(coach: OfflineCoach) -> None:
    from assistant.coach.asks import numbered_items

    text = "ok so 1️⃣ bins out on tuesdays 2️⃣ no guests after midnight 3️⃣ split the wifi bill. tbh number 2 is the big one"
    lines = numbered_items(text).split("\n")
    assert [ln.strip() for ln in lines[1:3]] == ["bins out on tuesdays", "no guests after midnight"]
    assert lines[3].startswith("split the wifi bill") and "no guests after midnight is the big one" in lines[4]
    shrunk = coach.shrink(text)
    assert "guests" in shrunk.ask.lower()
    assert "bins" not in shrunk.ask.lower() and "wifi" not in shrunk.ask.lower()
    assert any("bins" in p.lower() for p in shrunk.parked) and any("wifi" in p.lower() for p in shrunk.parked)


@pytest.mark.parametrize(
    ("name", "ask", "offer", "keep", "drop"),
    [
        # the point in the mediator's words, not the ask read back
        (
            "Ola",
            "Move the recycling bins away from my bedroom window",
            "I'll put them out on Mondays",
            ["bins moved"],
            [],
        ),
        # but never "Ola wants Ola told": a request to the speaker stays a request
        (
            "Ola",
            "Tell me before you sublet the room",
            "I'll sign the form",
            ["asking the others to tell ola"],
            ["ola told"],
        ),
        # the aside and the judgement after the request are left out
        (
            "Rae",
            "bring the car back with fuel in it, it's always empty, ur so thoughtless",
            "ill pay for the next tank",
            ["car"],
            ["thoughtless", "always empty"],
        ),
        # a formal lever ('failing which') is not restated
        (
            "Mr Hale",
            "Kindly settle the service charge by the 30th, failing which we shall instruct our solicitors.",
            "We will waive the late fee.",
            ["service charge"],
            ["solicitor", "failing"],
        ),
        # the speaker's 'we' is their side, said as 'they'
        (
            "Priya",
            "We need a delivery slot we can plan around, not 'some time Thursday'.",
            "We'll sign a six-month order if the slots hold.",
            ["delivery slot", "they can plan"],
            [" we "],
        ),
    ],
)
def test_a_restatement_says_the_point_calmly_in_the_third_person(
    coach: OfflineCoach, name: str, ask: str, offer: str, keep: list[str], drop: list[str]
) -> None:
    said = coach.positions.restate(name, ask, offer).lower()
    assert said.startswith(name.lower()) and all(k in said for k in keep), said
    assert not any(d in said for d in drop), said
    assert " i " not in f" {said} " and " my " not in f" {said} "


def _assert_one_ask(shrunk: ShrunkAsk, want: str, others: list[str]) -> None:
    """The ask names what was wanted and no other demand; each other demand is parked exactly once."""
    ask = shrunk.ask.lower()
    assert want in ask and not any(o in ask for o in others), shrunk.ask
    for o in others:
        assert sum(o in p.lower() for p in shrunk.parked) == 1, (o, shrunk.parked)


@pytest.mark.parametrize(
    ("text", "want", "others"),
    [
        # the priority sentence names a demand no other sentence names
        (
            "You never shut the gate and you leave the hose running. The main thing I'm asking is that your "
            "dog stays out of our garden.",
            "dog",
            ["gate", "hose"],
        ),
        # a wish after "is that you" stays a request, not a complaint to stop
        (
            "You hog the bathroom every morning and you never buy milk. What really matters is that you tell "
            "me before your band rehearses here.",
            "tell me before",
            ["bathroom", "milk"],
        ),
        # a few words of cue before a comma belong to the demand after it
        (
            ["You're late every Friday.", "Above all, I need you to stop booking trips on our weekends."],
            "trips",
            ["late"],
        ),
        # 'apart from that' opens a list of the rest
        (
            "My top priority is that you stop borrowing my bike. Apart from that, you never wipe the table, you "
            "leave the oven on, and you play music at 2am.",
            "bike",
            ["table", "oven", "music"],
        ),
    ],
)
def test_the_stated_priority_becomes_the_one_ask_and_the_rest_are_parked(
    coach: OfflineCoach, text: str | list[str], want: str, others: list[str]
) -> None:
    shrunk = coach.shrink(text)
    _assert_one_ask(shrunk, want, others)
    assert "stop telling" not in shrunk.ask.lower()


def test_a_formal_request_letter_becomes_one_plain_question(coach: OfflineCoach) -> None:
    text = (
        "Dear Ms Lowe, We write on behalf of the tenants of Carr House. We request that: the boiler be "
        "serviced before October; the hallway carpet be replaced; and the bin store be cleaned monthly. "
        "The boiler is our most urgent concern."
    )
    shrunk = coach.shrink(text)
    assert shrunk.ask == "Could the boiler be serviced before October?"
    assert not any("behalf" in p.lower() or "write" in p.lower() for p in shrunk.parked)
    assert len(shrunk.parked) == 2


@pytest.mark.parametrize(
    ("text", "ask"),
    [
        # a cue and "you must" inside a comma list: the piece is its own demand, asked plainly
        (
            "You must feed the cat on Sundays, you must stop parking across the gate, and most of all you must pay "
            "back the three hundred you owe me.",
            "Could you pay back the three hundred you owe me?",
        ),
        # "the number one" points at the first item; "X to be paid" is asked as "Could X be paid?"
        (
            "Sir, I want to request the following: (1) my bonus from May to be paid, (2) a new chair, (3) a desk by the "
            "window. The number one is the most urgent for me.",
            "Could my bonus from May be paid?",
        ),
    ],
)
def test_a_priority_inside_a_list_is_asked_plainly(coach: OfflineCoach, text: str, ask: str) -> None:
    assert coach.shrink(text).ask == ask


def test_a_bare_list_of_short_items_is_split_and_a_pointer_picks_the_last(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "Lights out by ten, no shoes in the lounge, washing up before bed, rent on the first. That's the one."
    )
    assert "rent" in r.ask.lower()
    for other in ("lights", "shoes", "washing"):
        assert other not in r.ask.lower(), r.ask
        assert sum(other in p.lower() for p in r.parked) == 1, r.parked


def test_a_cue_that_names_nothing_marks_the_demand_said_beside_it(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "We want the canteen open at weekends. We need the lockers fixed. "
        "We need a straight answer on the pension scheme, that one most of all."
    )
    assert "pension" in r.ask.lower()
    assert "canteen" not in r.ask.lower() and "lockers" not in r.ask.lower()
    assert len(r.parked) == 2


@pytest.mark.parametrize(
    ("text", "want", "others"),
    [
        # a list said aloud, with hesitations: "one, ..., two, ..., and three, ..."
        (
            "right so, um, what the tenants want is, um, one, the stairwell light gets fixed, two, someone clears "
            "the fly-tipping by the gate, and three, like, we'd like the parcel room open on Saturdays. Honestly "
            "the fly-tipping is the one that matters, it's rats.",
            "fly-tipping",
            ["stairwell", "parcel"],
        ),
        # a long spoken run-on, one complaint per clause, the priority in the last
        (
            "hi it's Dee from number 9, so basically the gutter's overflowing again, and like the back gate won't "
            "latch, and um there's the smell from the drain by the kitchen, and honestly the gate's the one that "
            "worries me most cos the dog gets out",
            "gate",
            ["gutter", "drain"],
        ),
        # a priority said as a relative clause inside a numbered item
        (
            "Dear Principal, the parents request: (1) that the late bus runs again; (2) that the library opens at "
            "lunch; and (3) that the crossing by the gate be staffed, which we regard as the most urgent matter, "
            "given the traffic.",
            "crossing",
            ["late bus", "library"],
        ),
        # a title's full stop does not end the demand it is in
        (
            "We set out the following: (a) reinstatement of Ms J. Okoro; (b) an end to split shifts. "
            "Item (a) is our principal demand.",
            "okoro",
            ["split shifts"],
        ),
        # the rank said with an adverb and a reason after it; the sign-off and the aside are not demands
        (
            "Dear Mr Patel, First, the garage door jams half-way. Second, the boiler pressure keeps dropping. "
            "Third, I would ask for a week's notice before viewings, as the agreement says. Of these, the boiler "
            "is by far my principal concern, as the baby is due in March. Yours sincerely, Ana Costa",
            "boiler",
            ["garage", "viewings"],
        ),
        # a heading before its comma goes, what follows stays; '&' joins items; pleasantries are not demands
        (
            "Hi Mrs Ford, hope you're well. A few small things, the porch light has gone, the gate latch is "
            "broken & the gutter drips on the step. The latch is the urgent one, the dog keeps getting out.",
            "latch",
            ["porch light", "gutter"],
        ),
        # a priority that shares no word with its demand ('the money' / 'the 25 quid'): placed by meaning
        (
            "pls stop leaving wet towels on the floor, put the recycling out on tuesdays, and can u pay me back the "
            "25 quid for the electric. the money is honestly the main thing, im broke",
            "25 quid",
            ["towels", "recycling"],
        ),
        # bullets written inline
        (
            "What we need from the landlord: • the extractor fan fixed • a second key for the bike store • the "
            "hallway repainted. The bike store key is the one we can't do without.",
            "key",
            ["extractor", "hallway"],
        ),
        # a letter's list of 'that' clauses, the priority in brackets
        (
            "I must ask, however, that your children stop climbing on the shed roof, that the conifers along the "
            "boundary be trimmed (this above all, the greenhouse glass has cracked twice), and that your guests "
            "not block the lane on Sundays.",
            "conifers",
            ["shed roof", "lane"],
        ),
        # a spoken list of 'for you to' items, and an item after the last with its own subject
        (
            "So what I want is, like, for you to tell me when you're working late, and um, for us to split the "
            "food shop properly, and for you to stop scrolling at dinner, and also we need to sort out the car "
            "insurance. The scrolling is the big one for me.",
            "scrolling",
            ["working late", "food shop", "insurance"],
        ),
        # wishes said after a repeated 'if', in the past or with 'could'
        (
            "As I said on Monday, it would really help if the rota could be posted a week ahead, if handovers "
            "could happen in person rather than by text, and if overtime could be shared out fairly. The "
            "handovers are what matters most.",
            "handovers",
            ["rota", "overtime"],
        ),
        (
            "Since you asked: I'd love it if the Monday 8am calls stopped, if my name went on the proposal I "
            "wrote, and if the heating weren't set so low. The proposal credit is the one I care about.",
            "proposal",
            ["8am calls", "heating"],
        ),
        # a wish list announced before a colon, each wish a clause with 'could'
        (
            "A few wishes, since we're all busy: someone could take the recycling out before it overflows, whoever "
            "leaves mugs in the lounge could wash them, and we could stop leaving the hall light on all night. The "
            "recycling is the one that bugs me.",
            "recycling",
            ["mugs", "hall light"],
        ),
    ],
)
def test_spoken_and_formal_lists_give_one_ask_with_the_rest_parked_once(
    coach: OfflineCoach, text: str, want: str, others: list[str]
) -> None:
    shrunk = coach.shrink(text)
    _assert_one_ask(shrunk, want, others)
    assert not any(p.lower().startswith(("hi ", "we set out")) for p in shrunk.parked), shrunk.parked
    assert not any(re.match(r"^(?:as|yours|hope)\b", p, re.I) for p in shrunk.parked), shrunk.parked


def test_most_importantly_leads_its_demand(coach: OfflineCoach) -> None:
    r = coach.shrink("Keep the hall tidy. Most importantly, the fire door be kept clear at all times.")
    assert "fire door" in r.ask.lower() and "hall" not in r.ask.lower(), r.ask


def test_a_group_named_with_the_is_lower_case_mid_sentence(coach: OfflineCoach) -> None:
    said = coach.positions.restate(
        "The residents' committee", "Could the lift be repaired this month?", "We will waive the late fee."
    )
    assert said.startswith("The residents' committee") and "In return, the residents' committee" in said, said


def test_the_parked_list_holds_demands_not_headings_or_the_priority_said_again(coach: OfflineCoach) -> None:
    shrunk = coach.shrink(
        "NOTICE TO ALL ALLOTMENT HOLDERS. Effective immediately: (a) keep the water butts covered; (b) lock the "
        "main gate after dusk; (c) take tools home at night. Item (b) is the priority, lock the main gate."
    )
    assert "gate" in shrunk.ask.lower(), shrunk.ask
    parked = [p.lower() for p in shrunk.parked]
    assert any("water butts" in p for p in parked) and any("tools" in p for p in parked), parked
    assert not any("notice to all" in p or "effective immediately" in p or "gate" in p for p in parked), parked


def test_a_priority_said_as_getting_something_done_is_asked_grammatically(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "Please cut back the ivy and stop parking on the verge. "
        "For me the main thing is getting the gutter fixed because the wall is going green."
    )
    assert r.ask.startswith("Could we get the gutter fixed"), r.ask
    assert [p.lower() for p in r.parked] == ["cut back the ivy", "stop parking on the verge"]


def test_a_priority_that_names_a_listed_demand_picks_it_even_with_a_reason(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "Sort the leaking gutter, cut back the ivy and stop parking on the verge. "
        "The main thing for us is getting the gutter fixed because the wall is going green."
    )
    assert "gutter" in r.ask and not any(w in r.ask.lower() for w in ("ivy", "verge", "main thing", "for us"))
    assert [p.lower() for p in r.parked] == ["cut back the ivy", "stop parking on the verge"]


def test_what_is_said_around_a_list_is_not_parked(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "Hiya, it's Priya from number 4. Few things from me. Please move the wheelie bins off the path, "
        "trim the laurel on our side and stop running the mower before 8 on Sundays. Honestly he's a nightmare. "
        "The bins are the main thing. Best, Priya"
    )
    assert "bins" in r.ask
    assert [p.lower() for p in r.parked] == [
        "trim the laurel on our side",
        "stop running the mower before 8 on sundays",
    ]


@pytest.mark.parametrize(
    ("demand", "ask"),
    [
        # a modal inside what a letter wishes for: not "Could the borehole should be repaired?"
        ("the water pump should be repaired", "Could the water pump be repaired?"),
        # what should happen is asked as said, not turned into its opposite
        (
            "decisions about the rota are made at the team meeting",
            "Could we agree that decisions about the rota are made at the team meeting?",
        ),
        # a complaint about what keeps being done still asks for it to stop
        (
            "the bins are always left on the pavement",
            "Could we agree that the bins are no longer left on the pavement?",
        ),
        # an order with a reason in the passive is an order
        (
            "book the van before noon as the yard is shared after lunch",
            "Could you book the van before noon as the yard is shared after lunch?",
        ),
    ],
)
def test_what_should_happen_is_asked_without_reversing_it(demand: str, ask: str) -> None:
    assert to_request(demand) == ask


def test_a_blame_word_removed_leaves_no_dangling_frame(coach: OfflineCoach) -> None:
    r = coach.shrink(["do your own washing", "stop being so lazy about the recycling"])
    assert "Stop about" not in " ".join(r.parked) + r.ask and "so about" not in " ".join(r.parked) + r.ask
    assert any("sort out the recycling" in x.lower() for x in [*r.parked, r.ask])


def test_blame_about_how_someone_is_treated_becomes_what_to_do_instead(coach: OfflineCoach) -> None:
    r = coach.shrink("You need to stop being so rude to my friends when they visit.")
    assert r.ask == "Could you be kinder to my friends when they visit?"
    r = coach.shrink(["Stop being so rude with my mum", "pay your share of the bills"])
    said = " ".join([*r.parked, r.ask])
    assert "so with" not in said and "rude" not in said and "be kinder to my mum" in said.lower()


@pytest.mark.parametrize(
    ("demand", "ask"),
    [
        # a complaint said with "always" still asks for it to stop after "always" is dropped
        ("the rent is always paid late", "Could we agree that the rent is no longer paid late?"),
        # a modal the wished-for shape cannot use is left as said
        ("he should be more careful with money", "Could we agree that he should be more careful with money?"),
    ],
)
def test_complaints_and_modals_are_asked_as_meant(demand: str, ask: str) -> None:
    assert to_request(demand) == ask


def test_a_negated_thing_is_never_asked_for_as_it_is() -> None:
    for demand in ("my deposit never returned", "the rent not paid"):
        ask = to_request(demand)
        assert not re.search(r"\b(?:get|have|keep)\b.*\b(?:never|not)\b", ask), ask


def test_a_demand_that_names_issues_or_changes_is_still_parked(coach: OfflineCoach) -> None:
    r = coach.shrink("Fix the two issues with the boiler, pay for some changes to the kitchen. Best, Jo")
    assert [x.lower() for x in [r.ask, *r.parked]] == [
        "could you fix the two issues with the boiler?",
        "pay for some changes to the kitchen",
    ]


def test_a_shouted_list_is_read_and_every_other_demand_parked(coach: OfflineCoach) -> None:
    r = coach.shrink("FIX THE GATE. CUT THE HEDGE BACK. AND STOP PARKING ACROSS MY DRIVE. THE DRIVE IS THE BIG ONE.")
    assert "drive" in r.ask.lower() and not re.search(r"[A-Z]{3,}", r.ask)
    assert {"gate", "hedge"} <= {w for p in r.parked for w in re.findall(r"[a-z]+", p.lower())}


@pytest.mark.parametrize(
    "text",
    [
        "ok so my list is 1 walk the dog before work 2 take the recycling out on tuesdays 3 stop using my charger",
        "what I want is number one walk the dog before work number two take the recycling out on tuesdays and "
        "number three stop using my charger",
    ],
)
def test_a_list_numbered_without_punctuation_is_split(coach: OfflineCoach, text: str) -> None:
    assert len(coach.asks.demands(text)) == 3


def test_a_polite_letter_asking_two_things_parks_the_other(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "Dear Mr Hale, Would you be so kind as to trim the laurel along our fence, and keep your hens out of "
        "our vegetable beds? The hens are what worries me, as the beds are newly planted. Yours, June"
    )
    assert "hens" in r.ask and "laurel" not in r.ask
    assert any("laurel" in p for p in r.parked)


def test_a_list_after_a_colon_is_split_and_its_lead_in_is_not_a_demand(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "Hi Sam, following the allotment meeting, members have asked for: 1. a second water butt by the shed; "
        "2. the gate padlock replaced; 3. a rota for the mower. Thanks, Priya"
    )
    said = [*r.parked, r.ask]
    assert not any(re.search(r"asked for|following the", x, re.I) for x in said)
    r = coach.shrink(
        "After the funeral I would like: the letters from the loft, to keep Dad's watch, and that the car is not "
        "sold before we all talk. The letters matter most."
    )
    assert "letters" in r.ask and "watch" not in r.ask and any("watch" in p for p in r.parked)


@pytest.mark.parametrize(
    ("text", "kept", "others"),
    [
        # the priority named before its cue, with an aside after it
        (
            "Eh boss, the tap in the staff kitchen still leaking. Then the mileage from last month still never pay. "
            "Also the new guy keep taking my locker. The mileage money most important lah, the rest can wait.",
            "mileage",
            ["tap", "locker", "rest can wait"],
        ),
        # a cue that leads, with an 'is' later inside the demand itself
        (
            "Dear Tom, I should like you to return Father's clock. I should like us to agree how the garden is "
            "shared. Above all I want the matter of the garage settled before it is too late. Your brother, Ian",
            "the matter of the garage settled",
            ["clock", "garden"],
        ),
        # a bracket that opens a bulleted line marks that line
        (
            "Few things for the committee:\n• the nets need replacing\n• (biggest one) get the pavilion roof fixed "
            "before winter\n• stop the seniors taking the juniors' pitch",
            "roof",
            ["nets", "pitch"],
        ),
    ],
)
def test_the_priority_is_found_however_it_is_marked(
    coach: OfflineCoach, text: str, kept: str, others: list[str]
) -> None:
    r = coach.shrink(text)
    assert kept in r.ask.lower(), r
    assert not any(o in r.ask.lower() for o in others), r


@pytest.mark.parametrize(
    ("text", "want", "others"),
    [
        # the ranking said as a choice first, with a hedge before what it points at
        (
            "Wash up after yourself. Leave the heating alone. Pay the rent on the 1st. If I'm picking one, and I "
            "suppose I must, it's the rent.",
            "rent",
            ["heating", "wash"],
        ),
        (
            "We want the gate fixed. We want the path cleared. We need the bins collected every week. Of all of "
            "these, the bins are what's bringing the rats, so we're asking for that first.",
            "bins",
            ["gate", "path"],
        ),
        # a clause or an ordinal pointed at
        (
            "1. Redo the tiling in the bathroom.\n2. Take the skip off the drive.\n3. Send the electrical "
            "certificate.\nClause 3 is essential; the rest is secondary.",
            "certificate",
            ["tiling", "skip"],
        ),
        (
            "My requests: (i) that handovers happen at the library; (ii) that screen time is kept to two hours; "
            "(iii) that school reports are shared. The matter I regard as most important is the first.",
            "library",
            ["screen", "reports"],
        ),
        # an ordinal with a reason after its comma, and a ranking reported for someone else
        (
            "My requests: (i) that handovers happen at the library; (ii) that screen time is kept to two hours; "
            "(iii) that school reports are shared. The matter I regard as most important is the first, for reasons "
            "you will understand.",
            "library",
            ["screen", "reports"],
        ),
        (
            "Let me say plainly what Ama has asked of you. She asks that you come home before midnight. She asks "
            "that the money from the land sale is discussed with her before it is spent. She asks that you pray with "
            "the family on Sunday. She told me, in tears, that the money is the heaviest of these.",
            "money",
            ["midnight", "pray"],
        ),
        # a ranking that names a demand already listed picks it as listed, and it is not parked again
        (
            "What we need from you:\n- Invoices that match the order\n- Pallets wrapped properly\n- A named "
            "contact\nAbove all, the invoicing needs fixing.",
            "invoices that match the order",
            ["pallets", "contact"],
        ),
        # ...while a ranking that points at what was said before its comma is read there
        (
            "The kids' kits come back washed, you stop letting them stay up till eleven, and you stop buying energy "
            "drinks. If I had to pick it's the late nights, they're shattered on Mondays.",
            "eleven",
            ["kits", "energy"],
        ),
    ],
)
def test_a_ranking_said_as_a_choice_or_a_pointer_picks_the_demand_it_names(
    coach: OfflineCoach, text: str, want: str, others: list[str]
) -> None:
    _assert_one_ask(coach.shrink(text), want, others)


def test_a_lettered_list_keeps_no_joining_and_and_its_lead_is_not_parked(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "Dear Ms Hale, further to our call, we would ask that you (a) send the revised floor plan, (b) confirm "
        "the fitting date in writing, (c) refund the cost of the damaged tiles, and (d) name one contact for the job."
    )
    assert not re.search(r"\band\?$", r.ask), r.ask
    assert len(r.parked) == 3 and not any("would ask" in p.lower() for p in r.parked), r.parked
    assert to_request("We would ask that you fix the gate.") == "Could you fix the gate?"


def test_a_thing_named_then_first_is_the_priority(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "To the landlord: we need the shower actually draining, the hall light fixed, the back gate sorted, and "
        "the wasps' nest dealt with. Wasps first, obviously, one got my little brother."
    )
    assert "wasps" in r.ask.lower() and not any(w in r.ask.lower() for w in ("shower", "light", "gate")), r
    assert len(r.parked) == 3


@pytest.mark.parametrize(
    ("demand", "ask"),
    [
        ("the wasps' nest dealt with", "Could we get the wasps' nest dealt with?"),
        ("the fence fixed by Friday", "Could we get the fence fixed by Friday?"),
    ],
)
def test_a_thing_and_the_state_wanted_for_it_is_asked_for(demand: str, ask: str) -> None:
    assert to_request(demand) == ask
    # what went wrong with a thing is never asked for
    assert not to_request("the car scratched").startswith("Could we get")


def test_a_judgement_of_who_they_are_is_neither_asked_nor_parked(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "You are the most selfish housemate I have ever had. Wash your pans, stop the music after midnight and "
        "pay the electric on time. Some of ye are a disgrace."
    )
    said = " ".join([r.ask, *r.parked]).lower()
    assert "most housemate" not in said and "selfish" not in said and "disgrace" not in said, r
    assert len(r.parked) == 2, r.parked


@pytest.mark.parametrize(
    ("text", "asked", "parked"),
    [
        # Scots spellings of the words that join a list, and a priority said as 'the worst of it'
        (
            "see here, ye're a clatty besom. wash yer pots, stop leavin yer bike in the close, put the bins oot on a "
            "Thursday an tell yer brother tae stop phonin at midnight. the bike is the worst of it honestly",
            "bike",
            ["pots", "bins", "brother"],
        ),
        # pictures between the items of a texted list part them
        (
            "stuff that needs to change 👇 no gaming after midnight 🎮 u walk the dog in the evenings too 🐕 "
            "stop leaving the heating on all day 🔥",
            None,
            [],
        ),
        # a formal letter's 'request that A, that B, and that C', and its sign-off, which is no demand
        (
            "Dear Councillor Patel,\n\nI write to request that the broken bench by the pond be repaired, that the bins "
            "by the gate be emptied weekly, and that the path lights be fixed.\n\nI remain, yours sincerely,\nGladys Oakes",
            None,
            [],
        ),
    ],
)
def test_a_list_in_other_spellings_is_split_into_its_demands(
    coach: OfflineCoach, text: str, asked: str | None, parked: list[str]
) -> None:
    r = coach.shrink(text)
    named = [w for w in ("pots", "bike", "bins", "brother", "gaming", "dog", "heating", "bench", "path") if w in text]
    in_ask = [w for w in named if w in r.ask.lower()]
    assert len(in_ask) == 1, (r.ask, in_ask)  # one demand, not the list pasted back
    assert "sincerely" not in r.ask and "Gladys" not in r.ask
    if asked:
        assert asked in r.ask.lower()
    for word in parked:
        assert any(word in p.lower() for p in r.parked), (word, r.parked)


def test_a_priority_named_short_with_its_reason_after_a_comma_picks_that_demand(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "I'm done with the chaos, honestly: the kids' swim bags come back dry, you stop letting them stay up till "
        "midnight on Fridays, you put the parents evening in the shared calendar, and you stop buying Mia fizzy "
        "drinks. If I had to pick it's the late nights, they're shattered on Saturdays."
    )
    assert "midnight" in r.ask and "shattered" not in r.ask
    assert not any(w in r.ask for w in ("swim", "calendar", "fizzy"))
    assert any("swim" in p for p in r.parked) and any("fizzy" in p for p in r.parked)


@pytest.mark.parametrize(
    "text",
    [
        "You are the worst landlord in Leeds. Fix the boiler, repaint the hall and return my deposit. The boiler matters most.",
        "see here, ye're a clatty besom. fix the boiler, repaint the hall an return my deposit. the boiler is the worst of it",
    ],
)
def test_a_name_called_is_not_parked_as_a_demand(coach: OfflineCoach, text: str) -> None:
    r = coach.shrink(text)
    assert "boiler" in r.ask
    assert len(r.parked) == 2, r.parked
    assert not any(w in " ".join(r.parked).lower() for w in ("worst", "besom", "landlord"))


@pytest.mark.parametrize(
    ("demand", "ask"),
    [
        # an order the fixed shapes miss is asked of the other side, not pasted behind "on this:"
        ("refund the deposit", "Could you refund the deposit?"),
        ("for the love of God book the minibus this week", "Could you book the minibus this week?"),
        ("don't use my pans", "Could you please not use my pans?"),
        # a thing wanted is agreed on; a trouble is sorted out; a thing and where it should be is got there
        ("30-day payment terms", "Could we agree on 30-day payment terms?"),
        ("the damp in the bedroom", "Could we sort out the damp in the bedroom?"),
        ("your bike out of the hallway", "Could we get your bike out of the hallway?"),
        # a thing and its change, said without the verb that asks for it
        ("meetings moved to evenings so workers can come", "Could meetings be moved to evenings so workers can come?"),
        ("coaches stop shouting at the under-9s", "Could coaches stop shouting at the under-9s?"),
        (
            "can the rota go up on Thursday instead of Sunday night",
            "Can the rota go up on Thursday instead of Sunday night?",
        ),
    ],
)
def test_what_no_fixed_shape_fits_is_read_from_its_grammar(demand: str, ask: str) -> None:
    assert to_request(demand) == ask


@pytest.mark.parametrize(
    "said",
    ["he is crying at home", "members have been clear that the pay uplift", "the meeting agreed the insurance"],
)
def test_a_statement_is_not_turned_into_a_request_it_never_made(said: str) -> None:
    ask = to_request(said)
    assert not re.match(r"^Could (?:you|members|the meeting|he)\b", ask)


def test_a_greeting_texted_without_a_stop_does_not_hide_the_demands(coach: OfflineCoach) -> None:
    # it used to be read as a greeting whole, and shrink answered "There are no demands in that text"
    shrunk = coach.shrink(
        "hi Mrs Kaur its Dan at flat 3 I need the front gate latch fixed and the bins collected on time please"
    )
    assert "gate" in shrunk.ask.lower() or any("gate" in p.lower() for p in shrunk.parked)


def test_a_ranking_texted_without_stops_marks_the_demand_it_names(coach: OfflineCoach) -> None:
    shrunk = coach.shrink(
        "ok so I need you to stop being late for the pick ups I need you to pay for the school trip on time "
        "I need you to stop posting about us online that last one is the one that matters most"
    )
    assert "posting" in shrunk.ask.lower(), shrunk.ask
    assert "late" not in shrunk.ask.lower() and "trip" not in shrunk.ask.lower(), shrunk.ask


def test_a_letters_sign_off_and_name_are_not_parked_as_demands(coach: OfflineCoach) -> None:
    shrunk = coach.shrink(
        "Dear Mr Owusu,\n\nWe have three requests: that the fence be repaired, that the hedge be trimmed, and that "
        "the bins be moved. The fence is by far the most important to us.\n\nKind regards,\nFunmi and Dele Bakare"
    )
    assert "fence" in shrunk.ask.lower(), shrunk.ask
    assert not any("Bakare" in p or "regards" in p.lower() for p in shrunk.parked), shrunk.parked


def test_a_number_inside_a_numbered_item_is_an_amount_and_hash_two_points_back(coach: OfflineCoach) -> None:
    shrunk = coach.shrink(
        "Feedback from the warehouse team:\n1. Rotas out 3 weeks ahead\n2. Proper heating in the loading bay\n"
        "3. Bring back the Friday early finish\n#2 is the one everyone's raising, people are freezing"
    )
    assert "heating" in shrunk.ask.lower(), shrunk.ask
    assert "Rotas out 3 weeks ahead" in shrunk.parked, shrunk.parked


def test_what_is_said_about_the_list_is_not_parked_as_a_demand(coach: OfflineCoach) -> None:
    shrunk = coach.shrink(
        '"Only till the end of the month," you said about the van on the verge. So: move the van, stop your '
        "guests parking across my gate, and fix the gutter that came down. The gate is what I need most. "
        "The rest can wait."
    )
    assert "gate" in shrunk.ask.lower(), shrunk.ask
    assert not any(p.startswith(('"', "The rest", "Wait")) for p in shrunk.parked), shrunk.parked
    assert any("van" in p.lower() for p in shrunk.parked) and any("gutter" in p.lower() for p in shrunk.parked)


def test_a_list_said_with_the_i_left_off_is_still_a_list(coach: OfflineCoach) -> None:
    shrunk = coach.shrink(
        "Want the nets put up, the pavilion roof fixed, and someone actually answering the phone. But the big "
        "one, the one I'm not letting go of, is the roof."
    )
    assert "roof" in shrunk.ask.lower() and "nets" not in shrunk.ask.lower(), shrunk.ask
    assert any("nets" in p.lower() for p in shrunk.parked), shrunk.parked


def test_a_punctuated_priority_sentence_is_not_cut_as_a_texted_run_on(coach: OfflineCoach) -> None:
    shrunk = coach.shrink(
        [
            "Fix the back gate latch, it has been broken for a month, and that is my top priority.",
            "You never give notice before visiting.",
            "The shower has stopped draining.",
        ]
    )
    assert "gate" in shrunk.ask.lower(), shrunk.ask


def test_a_ps_after_the_sign_off_and_the_rest_of_my_things_are_kept(coach: OfflineCoach) -> None:
    shrunk = coach.shrink(
        "Dear Jo,\nPlease fix the fence, trim the hedge and move the car. The fence matters most.\nThanks\n"
        "PS the bins also need moving away from my window"
    )
    assert any("bins" in p for p in shrunk.parked), shrunk.parked
    listed = coach.shrink(
        "1. The car back by Friday\n2. The rest of my belongings back by the 30th\n3. My half of the deposit"
    )
    assert any("belongings" in p for p in [*listed.parked, listed.ask]), listed


def test_a_run_on_of_i_want_this_i_want_that_is_split_at_each_want(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "so I want the gutter cleared before the rain I want the gate latch mended I want the shed roof patched "
        "and I want the hedge cut back"
    )
    assert "gutter" in r.ask.lower() or len(r.parked) == 3, r
    assert not any(("gate" in p.lower() and "shed" in p.lower()) for p in r.parked), r
    assert not ("gate" in r.ask.lower() and "shed" in r.ask.lower()), r


def test_a_replys_quoted_lines_and_the_story_beside_a_demand_are_not_parked(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "> you said you'd never ask me for anything\nWell here's what I'd like. I'd like my ladder back, you "
        "borrowed it in 2019. I'd like the van off my verge, it's been sat there since March. And I'd like the "
        "bonfires stopped when the wind's my way. If you only do one of them, do the bonfires. My wife's got asthma."
    )
    assert "bonfire" in r.ask.lower(), r
    parked = " | ".join(r.parked).lower()
    assert "ladder" in parked and "van" in parked, r
    assert "never ask" not in parked and "2019" not in parked and "since march" not in parked, r
    assert "asthma" not in parked, r


@pytest.mark.parametrize(
    ("demand", "ask"),
    [
        ("I'd like my ladder back", "Could I have my ladder back?"),
        ("We'd like the skip removed", "Could we have the skip removed?"),
        (
            "I'd like Karen to stop telling everyone I only visit for money",
            "Could Karen stop telling everyone I only visit for money?",
        ),
        ("I want him to call the kids on Sundays", "Could he call the kids on Sundays?"),
    ],
)
def test_a_wish_said_with_id_like_is_asked_as_a_question(demand: str, ask: str) -> None:
    assert to_request(demand) == ask


def test_a_sign_off_on_its_own_line_or_at_the_end_of_the_last_is_not_parked(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "DEAR ALAN, THE GATE STILL STICKS. YOUR VAN BLOCKS MY DRIVE ON THURSDAYS. I HAVE NOT HAD A RECEIPT FOR THE "
        "£150 I PAID. THE RECEIPT MATTERS MOST TO ME. YOURS, MRS J. OKAFOR"
    )
    assert r.ask == "Could I have a receipt for the £150 I paid?", r
    assert not any("yours" in p.lower() or "okafor" in p.lower() for p in r.parked), r
    r = coach.shrink(
        "The gate still sticks. Your van blocks my drive. The van matters most. The rest can wait till spring."
    )
    assert not any("wait" in p.lower() for p in r.parked), r
    r = coach.shrink(
        "Dear all,\nThe kettle needs replacing. Above all, the heating needs fixing.\n\nYours,\nBill Travers"
    )
    assert not any(p.lower() in {"yours", "bill travers"} for p in r.parked), r


@pytest.mark.parametrize(
    ("text", "want", "parked"),
    [
        # a reviewer's cases: a demand that starts with 'wait', everyday 'heaviest', 'more important', 'you said that'
        ("Fix the fence. Wait until the kids are asleep before you call. Return the drill.", "drill", "wait until"),
        ("Move the heaviest boxes out of the hall, return the drill, and pay the £40.", "£40", "heaviest"),
        (
            "You said that you'd pay me back by June. Pay the £200, return the drill, fix the fence.",
            "£200",
            "you said that",
        ),
    ],
)
def test_everyday_words_are_not_taken_for_a_ranking_or_an_aside(
    coach: OfflineCoach, text: str, want: str, parked: str
) -> None:
    r = coach.shrink(text)
    assert want in r.ask.lower(), r
    assert any(parked in p.lower() for p in r.parked), r


@pytest.mark.parametrize(
    ("text", "want", "not_in_ask"),
    [
        # 'that last thing' is the last said before the ranking, not the story told after it
        (
            "For the christening: bring the cake; keep the dog at home; arrive by 11; and please don't mention the "
            "loan in front of Dad. That last thing is the one I'm begging you for. Last time it ended in tears.",
            "loan",
            "tears",
        ),
        # a limit said as the ranking, and a must-have
        (
            "Reminders for the ward: (1) fridge temperatures logged twice a day; (2) no phones at the nurses' "
            "station; (3) handover at 7:30 sharp. The one I cannot move on is the fridge log.",
            "fridge",
            "handover",
        ),
        (
            "Before we start: please pay invoice 114, send the photos by Friday, and keep feedback to one email. "
            "The must-have for me is the invoice.",
            "invoice",
            "photos",
        ),
        # a ranking said alone, then what it ranks after a dash
        ("Return the ladder, fix the gate, trim the hedge. Most important - the ladder. Cheers pal.", "ladder", "gate"),
    ],
)
def test_a_ranking_said_as_a_limit_a_plea_or_before_a_dash_picks_its_demand(
    coach: OfflineCoach, text: str, want: str, not_in_ask: str
) -> None:
    r = coach.shrink(text)
    assert want in r.ask.lower() and not_in_ask not in r.ask.lower(), r


def test_a_ranking_that_points_back_is_never_glued_to_the_thanks_after_it(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "Quick list: a vegan option, the arch outside, a chair for Gran at the front. Gran's chair is "
        "the thing - if nothing else, that. Thank you!!"
    )
    assert "thank" not in r.ask.lower() and "chair" in r.ask.lower(), r


def test_a_ranking_said_of_a_listed_thing_picks_it_without_parking_it_again(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "Pay back the £50, return my jacket, stop borrowing the car. The jacket really matters, the rest can wait."
    )
    assert "jacket" in r.ask.lower(), r
    assert not any("jacket" in p.lower() for p in r.parked), r


@pytest.mark.parametrize(
    ("text", "want", "others"),
    [
        # a run-on said without stops: each clause with its own subject is a demand, and the ranking said
        # inside it picks one
        (
            "honestly I'm not being funny but the gate is left open every night and the kids bikes are dumped "
            "across my path and the recycling bin goes out on the wrong day and the porch light is on till dawn "
            "the gate is the big one the dog got out twice, sort it",
            "gate",
            ["bikes", "recycling", "porch"],
        ),
        # a ranking asked as a question and answered in the next sentence
        (
            "Things to sort before launch:\n- a tester for the Android build\n- sign-off on the logo\n- a budget "
            "line for the app store fees\nThe one blocker? The Android tester. The rest is polish. #shipit",
            "android",
            ["logo", "fees"],
        ),
        # 'if you do one thing' followed straight by the demand, texted
        (
            "for rehearsal: 1) learn your lines 2) no phones on stage 3) bring the props back. if u do one thing "
            "just learn your lines, rest we can fix",
            "lines",
            ["phones", "props"],
        ),
        # a heading that says the list is ranked is no demand; the ranking points at the first item
        (
            "Asks, in order of importance:\n1. Put the rota up a week ahead.\n2. Stop the radio in the stockroom.\n"
            "3. Fix the till drawer.\nThe first one is most important.",
            "rota",
            ["radio", "till"],
        ),
    ],
)
def test_run_ons_questions_and_rankings_said_in_many_ways_pick_one_demand(
    coach: OfflineCoach, text: str, want: str, others: list[str]
) -> None:
    r = coach.shrink(text)
    assert want in r.ask.lower(), r
    for other in others:
        assert other not in r.ask.lower(), r
        assert sum(other in p.lower() for p in r.parked) == 1, r
    assert not any(p.lower().startswith(("asks", "#")) for p in r.parked), r


@pytest.mark.parametrize(
    ("text", "demands"),
    [
        # a greeting, and a line that sums up the whole list, are neither demand nor ask: with no ranking,
        # the ask is one of the demands
        (
            "Good evening. We found these problems in the flat: the shower drains slowly, the oven door does not "
            "close, the wifi drops every hour. We ask that you resolve these points.",
            ("shower", "oven", "wifi"),
        ),
        (
            "Listen here, Carl. Your lads left the skip on my verge. They cracked the kerb with the digger. "
            "I want all of it handled this week and I don't much care what order.",
            ("skip", "kerb"),
        ),
    ],
)
def test_greetings_and_lines_about_the_whole_list_are_not_the_ask(
    coach: OfflineCoach, text: str, demands: tuple[str, ...]
) -> None:
    r = coach.shrink(text)
    assert sum(d in r.ask.lower() for d in demands) == 1, r
    assert len(r.parked) == len(demands) - 1, r
    assert not any(w in r.ask.lower() for w in ("good evening", "these points", "all of it", "listen")), r
    assert not any("these points" in p.lower() or "all of it" in p.lower() for p in r.parked), r


def test_a_ranking_question_that_asks_for_itself_is_not_answered_by_the_thanks_after_it(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "Few things: pack his inhaler, sign the trip form, and send his trainers back. If nothing else, could you "
        "pack his inhaler? Thanks."
    )
    assert "inhaler" in r.ask.lower() and "thanks" not in r.ask.lower(), r


def test_a_teacher_called_by_title_is_no_demand_in_a_comma_list(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "Sir, a few things, our Maya's been losing her water bottle, the homework app hasn't updated in a week, "
        "and nobody told us about the swimming kit."
    )
    assert not r.ask.lower().startswith("could we make sure sir"), r
    assert not any(p.lower().startswith(("sir", "a few things")) for p in r.parked), r
    assert len(r.parked) == 2, r


def test_a_list_of_orders_is_split_when_the_first_verb_is_misread(coach: OfflineCoach) -> None:
    # "hoover" is often read as a name: the orders after it still start with verbs, so it is a list
    r = coach.shrink(
        "hoover the stairs, stop leaving your cups on the telly, put the glass out on a Friday and tell your "
        "brother to stop parking in my space. the cups are the worst of it"
    )
    assert "cups" in r.ask.lower() and "hoover" not in r.ask.lower() and "glass" not in r.ask.lower(), r
    assert len(r.parked) == 3, r


def test_if_i_could_only_change_one_thing_is_the_cue_not_a_demand_to_change(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "You never empty the dishwasher, you leave the car on empty, and you forget the bins. But if I could only "
        "change one thing, it would be that we plan the weekly shop together."
    )
    assert "weekly shop" in r.ask.lower() and r.ask.lower() != "could you change?", r


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a reviewer's lists that the new readings first lost a demand from
        ("Listen to me when I talk. Stop slamming doors. Be home by ten.", ["listen", "slamming", "ten"]),
        (
            "Move your van off the lot, stop blocking the gate, and keep the music down after 11.",
            ["van", "gate", "music"],
        ),
        ("Put those things back in the shed, pay me the £20 and fix the gate.", ["shed", "£20", "gate"]),
        ("If you do one thing pay the rent, also fix the boiler and call the agent", ["rent", "boiler", "agent"]),
    ],
)
def test_every_demand_is_asked_or_parked(coach: OfflineCoach, text: str, kept: list[str]) -> None:
    r = coach.shrink(text)
    said = " ".join([r.ask, *r.parked]).lower()
    assert all(k in said for k in kept), r


@pytest.mark.parametrize(
    ("text", "not_asked"),
    [
        # a ranking question answered with a shrug ranks nothing
        ("What matters most? Dunno. Stop the noise after midnight and clear your stuff from the hall.", "dunno"),
        (
            "Top priority? Whatever you think is fair. Split the bills, share the cleaning, and keep the noise down.",
            "fair",
        ),
        # 'the only one I trust' is no ranking
        ("You're the only one I trust with the keys. Water the plants, feed the cat and check the post.", "trust"),
    ],
)
def test_a_shrug_or_a_compliment_is_not_the_priority(coach: OfflineCoach, text: str, not_asked: str) -> None:
    r = coach.shrink(text)
    assert not_asked not in r.ask.lower(), r
    assert not any(not_asked in p.lower() for p in r.parked), r


def test_a_ranked_list_heading_picks_the_first_item_and_numbers_after_a_hash_stay(coach: OfflineCoach) -> None:
    r = coach.shrink("My requests, in order of priority:\n1. Pay the arrears\n2. Fix the front door\n3. Cut the hedge")
    assert "arrears" in r.ask.lower(), r
    assert "#4" in coach.shrink("Please fix the boiler in flat #4").ask


def test_what_i_really_want_is_for_you_to_is_asked_grammatically(coach: OfflineCoach) -> None:
    r = coach.shrink("What I really want is for you to call when you're late. Also wash up and take the bins out.")
    assert r.ask.lower().startswith("could you call"), r


def test_a_request_with_its_reasons_is_not_cut_into_demands(coach: OfflineCoach) -> None:
    r = coach.shrink(
        "could you please make sure that the rent is paid before the end of the month because the agent needs it "
        "for the books and the inspection is on the fifth"
    )
    assert "rent" in r.ask.lower() and not any("inspection" in p.lower() for p in r.parked), r


def test_a_list_introduced_as_needs_to_name_does_not_park_its_introduction(coach: OfflineCoach) -> None:
    # a blind reader preferred the older output once this pass: it parked "I want to name some needs"
    r = coach.shrink(
        "I've been reflecting a lot and I'd like to share a few boundaries: I need my evenings after nine to "
        "myself. I need you to ask before inviting people over. I need the bathroom kept tidy."
    )
    assert not any("share a few" in p.lower() or "boundaries" in p.lower() for p in r.parked), r
    assert len(r.parked) == 2, r


def test_a_list_of_orders_after_wed_like_someone_to_is_split(coach: OfflineCoach) -> None:
    result = coach.shrink(
        "we'd like the coordinator to share the rota a month ahead, stop changing shifts by text at midnight, "
        "pay back the petrol for the pick-ups, and thank people now and then. petrol is the big one."
    )
    assert result.ask == "Could you pay back the petrol for the pick-ups?"
    assert result.parked == [
        "Share the rota a month ahead",
        "Stop changing shifts by text at midnight",
        "Thank people now and then",
    ]


def test_to_said_again_before_each_item_is_the_lists_marker_and_a_body_asked_keeps_the_childs_he(
    coach: OfflineCoach,
) -> None:
    result = coach.shrink(
        "Ah want the school tae phone me when he's no in, tae stop puttin him oot in the corridor, tae get his "
        "support plan sorted, an tae move him away fae that wee Connor. Honestly it's the support plan."
    )
    assert result.ask == "Could you get his support plan sorted?"
    assert "Phone me when he's no in" in result.parked and "Stop puttin him out in the corridor" in result.parked


def test_a_times_colon_leads_no_list_and_a_noun_after_to_is_no_order(coach: OfflineCoach) -> None:
    result = coach.shrink("Bedtime 7:30, no phones at dinner, homework before telly")
    assert result.ask == "Could we agree on bedtime 7:30?"
    assert result.parked == ["No phones at dinner", "Homework before telly"]


def test_someone_named_as_the_one_asked_stays_in_a_single_demand(coach: OfflineCoach) -> None:
    result = coach.shrink(
        "I'd like Mum's sewing machine. I'd like Karen to stop telling everyone I only visited when I wanted money."
        " Karen stopping the lies matters most."
    )
    assert "Karen" in result.ask and "telling everyone" in result.ask, result.ask


@pytest.mark.parametrize(
    ("said", "ask"),
    [
        (
            "She needs to: tell me when Oscar's had a fall, stop giving him juice, make sure his coat goes on for "
            "outdoor play, and let him have his comforter at nap. Fall thing is non-negotiable. The rest are fine.",
            "Could you tell me when Oscar's had a fall?",
        ),
        (
            "He must come on time to the stand-up, he must update the tickets in Jira, he must stop making jokes "
            "about my accent. Das Wichtigste: the jokes.",
            "Could you stop making jokes about my accent?",
        ),
    ],
)
def test_a_short_line_that_says_one_item_matters_points_at_the_item_it_shares_words_with(
    coach: OfflineCoach, said: str, ask: str
) -> None:
    result = coach.shrink(said)
    assert result.ask == ask
    assert not any("non-negotiable" in p or "Wichtigste" in p for p in result.parked), result.parked


def test_a_line_that_shares_words_with_two_items_points_at_neither(coach: OfflineCoach) -> None:
    result = coach.shrink(
        "Fix the kitchen tap, clean the kitchen floor, and return my drill. The kitchen is driving me crazy."
    )
    # 'kitchen' names two items: the line ranks nothing it can be sure of, so no priority is claimed
    assert not result.honoured_priority, result


def test_and_i_want_said_again_without_a_comma_starts_another_demand(coach: OfflineCoach) -> None:
    result = coach.shrink(
        "i want my phone back, i want you to stop reading my messages and i want my curfew to be 11 not 10. "
        "honestly the messages thing is the only one that matters"
    )
    assert result.ask == "Could you stop reading my messages?"
    assert "I want my curfew to be 11 not 10" in result.parked


def test_that_is_more_important_than_anything_points_back_at_the_demand_before_it(coach: OfflineCoach) -> None:
    result = coach.shrink(
        "I want my deposit back in full. That is more important to me than anything else, I need it for the new "
        "place. I also want the broken blind fixed and someone to collect the old fridge."
    )
    assert "deposit" in result.ask and "blind" not in result.ask and "fridge" not in result.ask, result.ask
    assert any("blind" in p for p in result.parked) and any("fridge" in p for p in result.parked), result.parked


def test_a_point_called_non_negotiable_is_the_item_it_names_not_the_lists_heading(coach: OfflineCoach) -> None:
    result = coach.shrink(
        "What the club needs from the new coach before the season starts:\n"
        "- a first aid certificate\n- the kit washed after every match\n- team sheets sent by Thursday\n"
        "The first aid point is non-negotiable; the rest we can talk about."
    )
    assert "first aid" in result.ask and "kit" not in result.ask, result.ask
    assert not any("non-negotiable" in p for p in result.parked), result.parked


def test_a_bracketed_letter_after_my_priority_is_names_that_item(coach: OfflineCoach) -> None:
    result = coach.shrink(
        "I am writing about three matters.\n\n"
        "(a) The gate latch has been broken since May.\n"
        "(b) The recycling bins were not emptied last week.\n"
        "(c) The service charge refund promised in March has not been paid.\n\n"
        "While I would like all three resolved, my priority is (c), as I am now out of pocket."
    )
    assert "service charge" in result.ask and "gate" not in result.ask and "bins" not in result.ask, result.ask


def test_what_happened_to_the_thing_asked_about_is_not_parked_beside_it(coach: OfflineCoach) -> None:
    result = coach.shrink(
        "The garden fence panel was blown down in the storm. Three roof tiles are missing as well. I want the "
        "roof tiles replaced, that is more important to me than anything else. I also want the fence panel put "
        "back up."
    )
    assert "roof tiles" in result.ask and "fence" not in result.ask, result.ask
    assert result.parked == ["I also want the fence panel put back up"], result.parked


def test_a_state_wished_for_is_a_demand_even_when_it_shares_a_word(coach: OfflineCoach) -> None:
    result = coach.shrink(
        "We would like: the kitchen aircon be repaired, the kitchen rota fixed every week, and, most importantly, "
        "the service charge shared with the kitchen staff."
    )
    assert "service charge" in result.ask, result.ask
    assert any("aircon" in p for p in result.parked) and any("rota" in p for p in result.parked), result.parked


def test_a_grateful_if_you_would_please_lead_and_a_house_number_split_nothing(coach: OfflineCoach) -> None:
    result = coach.shrink(
        "I should be grateful if you would please stop parking across the drive, keep the dog in at night, and, "
        "most importantly, mend the shared gate outside no. 14."
    )
    assert result.ask == "Could you mend the shared gate outside no 14?", result.ask
    assert result.parked == ["Stop parking across the drive", "Keep the dog in at night"], result.parked


def test_a_letters_priority_by_item_letter_leaves_no_fragment_and_keeps_an_initial(coach: OfflineCoach) -> None:
    result = coach.shrink(
        "Items requested: (a) copies of the minutes; (b) an apology from the chair; (c) a review of the decision. "
        "My priority is (c), as the decision affects my job."
    )
    assert result.ask == "Could we agree on a review of the decision?", result.ask
    # (the heading "Items requested:" asks nothing: it is no demand to park)
    assert result.parked == ["Copies of the minutes", "An apology from the chair"], result.parked
    result = coach.shrink(
        "We set out these demands: (a) reinstatement of Ms K. Adebayo; (b) the rota published monthly. "
        "Item (a) is our principal demand."
    )
    assert "Adebayo" in result.ask, result.ask


def test_a_wished_state_said_with_and_is_no_account_of_what_happened(coach: OfflineCoach) -> None:
    result = coach.shrink(
        "The builders broke the gate and left rubbish everywhere. I want the tiling finished, that's most "
        "important. Also the rubbish removed and the gate repaired."
    )
    assert any("rubbish removed" in p for p in result.parked), result.parked


@pytest.mark.parametrize(
    ("text", "ask"),
    [
        (
            "I want the £1,200 deposit back, the oven cleaned and the fence fixed. The deposit matters most.",
            "Could I have the £1,200 deposit back?",
        ),
        (
            "Return my deposit of £1,200, fix the boiler, stop texting at night. Most important is the £1,200.",
            "Could you return my deposit of £1,200?",
        ),
    ],
)
def test_a_thousands_comma_is_no_list_comma(coach: OfflineCoach, text: str, ask: str) -> None:
    result = coach.shrink(text)
    assert result.ask == ask, result
    assert all("200" not in p and "£1" not in p for p in result.parked), result


def test_a_priority_pointed_at_by_number_with_a_reason_spliced_on_keeps_the_whole_item(coach: OfflineCoach) -> None:
    result = coach.shrink(
        "1. Stop being late for pickups.\n2. Ask me before you take him out of the country.\n3. Pay half the "
        "orthodontist.\nThe big one for me is number 2, I only heard about Portugal from his swimming coach!!"
    )
    assert result.ask == "Could you ask me before you take him out of the country?", result
    assert all("Portugal" not in p for p in result.parked), result.parked


def test_a_thing_that_shares_a_ranking_words_letters_is_still_parked(coach: OfflineCoach) -> None:
    result = coach.shrink(
        "end my membership, pay back the fees you took after I left, remove my bank details. "
        "the fees are what I care about."
    )
    assert "fees" in result.ask, result
    assert any("membership" in p for p in result.parked), result.parked


@pytest.mark.parametrize("remark", ["everything else is secondary", "the rest can wait", "the others can come later"])
def test_what_ranks_the_rest_is_no_part_of_the_priority(coach: OfflineCoach, remark: str) -> None:
    result = coach.shrink(
        f"we need: invoices paid monthly, the van here before 6am, and broken crates swapped. "
        f"the early van is what matters most, {remark}."
    )
    assert "6am" in result.ask, result
    assert "is?" not in result.ask and "secondary" not in result.ask, result


def test_id_like_leads_a_list_of_things_and_money_points_at_the_amount(coach: OfflineCoach) -> None:
    result = coach.shrink(
        "I'd like the €2,500 returned, the shed door fixed, and an apology. Honestly the money comes first."
    )
    assert result.ask == "Could I have the €2,500 returned?", result
    assert len(result.parked) == 2 and all("€" not in p for p in result.parked), result.parked


def test_id_like_said_with_clauses_is_not_split_into_clauses(coach: OfflineCoach) -> None:
    result = coach.shrink(
        "I'd like the van off my verge, it's been parked there since June. Stop the bonfires. The bonfires matter most."
    )
    assert all(not p.startswith("I'd like it's") for p in result.parked), result.parked


def test_a_remark_on_the_rest_said_as_its_own_sentence_is_not_parked(coach: OfflineCoach) -> None:
    result = coach.shrink(
        "Fix the boiler, paint the hall, and clear the gutters. The boiler is what matters most; the others can "
        "come later."
    )
    assert "boiler" in result.ask, result
    assert all("later" not in p.lower() for p in result.parked), result.parked


def test_a_thing_named_with_what_was_promised_is_not_turned_into_its_opposite(coach: OfflineCoach) -> None:
    result = coach.shrink(
        "We need: the £4,000 bonus that was promised, a proper chair, and Fridays off. The bonus matters most."
    )
    assert "no longer" not in result.ask and "bonus" in result.ask and "£4,000" in result.ask, result


@pytest.mark.parametrize(
    ("text", "wanted", "never"),
    [
        # how a ranking is said ("I consider X to be the most serious matter") names no demand of its own
        (
            "I am raising three points: my mileage for March has not been paid; the rota is posted late; and I would "
            "like a locker. I consider the mileage claim to be the most serious matter.",
            "mileage",
            "consider",
        ),
        # a letter's greeting and a heading on their own lines are no demands
        (
            "To whom it may concern,\nOur requests:\n- the lift repaired\n- the bins emptied weekly\n- a working "
            "entry phone\nThe lift is the most urgent.",
            "lift",
            "concern",
        ),
        # a pointer said after the phrase it means ("the curfew thing. thats the one.")
        (
            "stuff i want: 1 a later curfew 2 stop going through my phone 3 my own key. the phone thing tho. thats the one.",
            "phone",
            "thing tho",
        ),
        # what it is not says which one; it is no demand of its own
        (
            "We want a bigger rehearsal slot, we want a practice room, not the one by the boiler, and we want a say "
            "in the set list. The rehearsal slot comes first.",
            "rehearsal slot",
            "We want not",
        ),
        # "Friendly reminder to..." is how it is said; one occasion named is an instruction, not a habit
        (
            "- Friendly reminder to sign the timesheets by Thursday\n- Keep the kitchen tidy\nIf we only fix one thing "
            "it would be the timesheets.",
            "Could you sign the timesheets by Thursday",
            "reminder",
        ),
        (
            "What I need from you: you collect Dad from the station on Friday. You sort his tablets. You call him more. "
            "The station pick-up is the big one.",
            "Could you collect Dad from the station on Friday",
            "stop collecting",
        ),
        # a ranking heading before the numbered list is no demand; the first ranked is the ask
        (
            "In order of priority: 1) the bins out on Sunday night, 2) the bathroom cleaned weekly, 3) quiet after 11.",
            "bins out on Sunday night",
            "order of priority",
        ),
        # a ranking said with arrows points at the demand it names first
        (
            "What I want:\n- No shoes in the lounge\n- Wash up the same day\n- Ask before using my bike\n"
            "Order: bike > shoes > washing up",
            "bike",
            "Order:",
        ),
        # when, said before a list of wants, does not keep the list whole; 'the dealbreaker' marks the one
        (
            "From March we need the gate fixed, the hedge cut back, and the parking permits renewed on time. "
            "The gate is the dealbreaker.",
            "gate fixed",
            "the hedge cut back, and",
        ),
        # '(top first)' says the first listed matters most
        (
            "Priorities (top first): 1. The fridge shelf back 2. Quiet after eleven 3. The bathroom rota",
            "fridge shelf",
            "Most importantly",
        ),
        # a ranking said on its own is the list too, the first ranked is the ask and the others are parked
        ("Ranking: garden > garage > loft", "garden", "Most importantly"),
        # 'the dealbreaker' goes with its article
        (
            "The parking rota is the dealbreaker. Also I want the hallway painted and the gutters cleared.",
            "parking rota",
            "is the?",
        ),
        # a line that only calls the readers is no demand
        ("folks. mugs washed before you go home. milk replaced when you finish it.", "mugs", "folks"),
        # a verdict on a person after the item is blame, not part of the ask
        (
            "- Sort out the rota so it's fair\n- Stop the supervisor swearing at us, he's a disgrace\n"
            "The swearing is the worst of it.",
            "Could you stop the supervisor swearing at us",
            "disgrace",
        ),
        # the name and 'ur so' said with the blame word go with it
        (
            "i want the dishes done and people to stop using my towels. but what i care about most is the drumming "
            "after 11, sam ur so selfish, some of us work early",
            "the drumming after 11",
            "ur so",
        ),
        # how the first was ranked ('Most important:') is no part of it, and 'needs reissuing' is asked for
        (
            "Most important: the deposit receipt needs correcting with the right dates on it. Beyond that, could you "
            "confirm the move-out inspection time, and we'd like the meter readings emailed.",
            "Could you correct the deposit receipt with the right dates on it?",
            "Beyond that",
        ),
        # an order said with 'first' and 'then' puts the first first
        ("I want three things sorted: the rent first, then the car, then the books.", "rent", "first"),
        # a greeting and a blessing are never the one thing asked, nor parked
        (
            "Good morning bell ringers. Please note: everyone should be in the tower by 9.15 on Sunday, the new "
            "rope fund of £40 goes to Brother Femi, and anyone who missed practice should see the captain. "
            "Above all, the timekeeping matter is what we must fix. God bless.",
            "in the tower by 9.15",
            "bell ringers",
        ),
    ],
)
def test_reviewed_lists(coach: OfflineCoach, text: str, wanted: str, never: str) -> None:
    result = coach.shrink(text)
    said = " ".join([result.ask, *result.parked])
    assert wanted in result.ask, result
    assert never not in said, result
