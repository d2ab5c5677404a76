from pathlib import Path

import pytest

from assistant.coach import OfflineCoach
from assistant.errors import InputError


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Sign the contract by Friday or we take our business elsewhere.", "ultimatum"),
        ("This is my final offer. Take it or leave it.", "ultimatum"),
        ("I'd hate for this to come up in your performance review.", "ultimatum"),
        ("We're done talking. Don't call me again.", "ultimatum"),
        ("I can't go below 40k for the car.", "firm"),
        ("I need to know by Thursday because the venue wants numbers.", "firm"),
        ("What matters most to you about the holidays?", "open"),
        ("No ultimatums from me, I just want us to figure this out.", "open"),
        ("I'm sorry I raised my voice earlier.", "open"),
    ],
)
def test_levels_on_clear_cases(coach: OfflineCoach, text: str, level: str) -> None:
    assert coach.check_message(text).level == level


def test_ultimatum_verdict_explains_and_reframes_keeping_the_need(coach: OfflineCoach) -> None:
    v = coach.check_message("Pay your half of the rent by Friday or I'm changing the locks.")
    assert v.level == "ultimatum" and v.score >= 0.5
    assert set(v.kinds) & {"threat", "deadline-penalty"}
    assert v.reason and "ultimatum" in v.reason.lower()
    assert v.reframe and "rent" in v.reframe and "locks" not in v.reframe


def test_open_and_firm_have_no_reframe_and_lower_scores(coach: OfflineCoach) -> None:
    o = coach.check_message("Could we try alternating weekends for a month?")
    f = coach.check_message("I won't sign anything until my accountant has read it.")
    u = coach.check_message("Sign it today or the deal is off and I'll tell everyone why.")
    assert o.reframe is None and f.reframe is None
    assert o.score < f.score < u.score


def test_conversation_drift_is_a_trend_not_one_message(coach: OfflineCoach) -> None:
    hardening = [
        {"speaker": "A", "text": "Can we talk about the schedule for December?"},
        {"speaker": "B", "text": "Sure, what are you thinking?"},
        {"speaker": "A", "text": "I need the kids on the 24th this year, that's firm."},
        {"speaker": "B", "text": "That's not going to work for me."},
        {"speaker": "A", "text": "Then give me the 24th or I'm taking this to court."},
        {"speaker": "B", "text": "Fine, we're done talking. Talk to my lawyer."},
    ]
    recovering = [
        {"speaker": "A", "text": "If you cancel again, I'm done with this arrangement."},
        {"speaker": "B", "text": "I hear you, and I'm sorry about last week."},
        {"speaker": "A", "text": "Thanks. I'm sorry I snapped. What would make Fridays easier for you?"},
        {"speaker": "B", "text": "Maybe pickup at six instead of five?"},
    ]
    h = coach.check_conversation(hardening)
    r = coach.check_conversation(recovering)
    assert h.drifting and not r.drifting
    assert h.risk > r.risk
    assert len(h.levels) == len(hardening) and h.levels[-1] == "ultimatum"


@pytest.mark.parametrize("bad", ["", "   \n\t", None, 42, "x" * 20_001])
def test_bad_text_gets_a_clear_error(coach: OfflineCoach, bad: object) -> None:
    with pytest.raises(InputError):
        coach.check_message(bad)  # type: ignore[arg-type]


def test_fast_probabilities_match_sklearn(coach: OfflineCoach) -> None:
    """The hand-rolled TF-IDF and softmax give what sklearn's own predict_proba gives."""
    import numpy as np

    d = coach.drift
    texts = ["Sign by Friday or we walk.", "What matters most to you?", "I can't go below 40k, sorry."]
    features = np.hstack([d.embedder.embed(texts), d._cues(texts)])
    expected = (d._model.predict_proba(features) + d._word_model.predict_proba(d._words.transform(texts))) / 2
    got = np.array([[p[c] for c in d._classes] for p in d.probabilities(texts)])
    assert np.allclose(got, expected, atol=1e-6)


@pytest.mark.parametrize(
    "text",
    [
        # generous offers with their own dates and amounts (seen flagged in the app, issue 9)
        "I'll get a damp specialist in within a fortnight and pay for whatever treatment they recommend",
        "We can offer 5% from April and a full pay review in October",
        "I can have the new boiler fitted by the 14th and I'll cover the plumber's call-out too.",
        # a firm limit, and a "final" said kindly with the door open
        "I can't go past £2,000 for the car, but I'm happy to wait until you've had it checked.",
        "That's my final figure on the deposit, I'm afraid. I'm still open on the move-out date.",
        # saying plainly there is no ultimatum
        "No ultimatums from me. I just want the fence sorted before the kids are back in the garden.",
        # a condition the other side may not meet, followed by a way forward rather than a penalty
        "If Tuesday doesn't suit you, I'm happy to come round on Thursday instead.",
        "If the quote isn't ready by Friday, we'll work something out between us.",
        "I can offer a repair or a store credit, whichever suits you better.",
        # a 'final' said with the door open
        "That's my final word on the rota, I'm afraid. I'd still love for us to sit down and look at the swaps together.",
        "The decision on the extension is final. I'd be very glad to meet you to go through the reasons, any day next week.",
        # generosity said outright, with an amount or a date
        "Don't worry about the £150 for the boiler, I'll cover it, pay me back whenever, no rush.",
        "From July we're giving the whole team Friday afternoons off, no strings.",
        # a repeat followed by help, not a penalty
        "If your boiler breaks again, I'll replace it at my cost.",
        "If you need a lift again, I'll happily drive you.",
        "Should you wish to discuss it again, I shall be at home all week.",
        # someone else named after 'or' is not a walkout
        "We could meet Tuesday, or Sam is free on Thursday.",
        "I can do Monday or Tuesday, or Sam is out till Friday anyway.",
    ],
)
def test_warm_offers_and_kind_limits_are_not_ultimatums(coach: OfflineCoach, text: str) -> None:
    v = coach.check_message(text)
    assert v.level in {"open", "firm"}, (v.level, v.probabilities, v.evidence)
    assert v.reframe is None and v.evidence == []


def test_an_ultimatum_names_the_words_that_made_it_one(coach: OfflineCoach) -> None:
    v = coach.check_message("Refund me in full by Monday or I'm filing a chargeback and telling everyone.")
    assert v.level == "ultimatum"
    assert v.evidence and any("or i'm filing" in e.lower() or "chargeback" in e.lower() for e in v.evidence)
    assert all(e.lower() in v.reason.lower() for e in v.evidence[:3])
    # words the classifier alone weighed, when no pattern matched, are words of the message
    quiet = coach.check_message("Last chance. Sign it or forget it.")
    assert quiet.level == "ultimatum" and quiet.evidence
    assert all(w in "last chance. sign it or forget it." for e in quiet.evidence for w in e.lower().split())
    # the words shown are the lever's, not the need's, and whole words as written ("you're", not "re")
    bike = coach.check_message("if the bike isnt back in the shed by 9 tonight im reporting it stolen, not even joking")
    assert bike.level == "ultimatum" and bike.evidence
    assert not any(e.lower() in {"back", "shed", "bike", "isnt"} for e in bike.evidence), bike.evidence
    out = coach.check_message("One more missed payment and you're out, I've got others who want the room.")
    assert not any(e.lower().startswith("re ") for e in out.evidence), out.evidence


def test_conversation_risk_comes_from_the_trained_forecast(coach: OfflineCoach) -> None:
    d = coach.drift
    assert d.forecast is not None and d.forecast.trained_on
    hostile = [
        {"speaker": "A", "text": "You clearly haven't read a word of what I wrote. This is ridiculous."},
        {"speaker": "B", "text": "Don't lecture me. You're the one pushing nonsense here, as always."},
        {"speaker": "A", "text": "Stop lying. You never answer a straight question, you just attack people."},
    ]
    calm = [
        {"speaker": "A", "text": "Thanks for the edit. I wonder if the second paragraph could cite the report?"},
        {"speaker": "B", "text": "Good point, I'll add it. Would the 2019 version be okay, or the newer one?"},
        {"speaker": "A", "text": "The newer one, I think. Thanks again for doing this."},
    ]
    h, c = coach.check_conversation(hostile), coach.check_conversation(calm)
    assert h.risk > c.risk
    assert h.drifting and not c.drifting
    assert h.drivers and "breakdown" in h.reason
    # the reason names what drove the risk in words, never a feature's code name
    assert "_" not in h.reason.split("most telling:")[1]


def test_every_forecast_feature_has_words_for_the_reason() -> None:
    from assistant.coach.drift_policy import _DRIVER_WORDS
    from assistant.coach.forecast import feature_names

    assert [n for n in feature_names() if n not in _DRIVER_WORDS] == []


def test_one_policy_maps_scores_to_levels_everywhere(coach: OfflineCoach) -> None:
    from assistant.coach import drift_policy as policy

    for text in ("What would help you most?", "I can't do Saturdays.", "Pay by Friday or I call my lawyer."):
        v = coach.check_message(text)
        assert policy.level_for(v.score) == v.level
    for level in policy.LEVELS:
        for raw in (0.0, 0.2, 0.5, 0.8, 1.0):
            assert policy.level_for(policy.score_for(level, raw)) == level
    assert policy.blend_llm(0.9, "ultimatum") == ("ultimatum", 0.95)
    assert policy.blend_llm(0.9, "open")[0] == "firm"
    assert policy.hardening(["open", "firm", "ultimatum"]) and not policy.hardening(["open", "ultimatum"])
    assert policy.at_impasse(["firm", "ultimatum", "ultimatum"]) and not policy.at_impasse(["ultimatum", "firm"])


def test_forecast_weights_for_other_features_are_refused(tmp_path: Path) -> None:
    import json

    from assistant.coach.forecast import load_forecast
    from assistant.errors import KnowledgeError

    path = tmp_path / "forecast_model.json"
    path.write_text(json.dumps({"names": ["x"], "mean": [0], "scale": [1], "coef": [1], "intercept": 0}))
    with pytest.raises(KnowledgeError, match="retrain"):
        load_forecast(path)


@pytest.mark.parametrize(
    "text",
    [
        # a condition the other side fails, then an action the writer has decided on, in words no
        # consequence list names
        "If the gutter isn't cleared by the weekend, I'm getting a man in and sending you the invoice.",
        "if u borrow my car again without asking im changing the pin on the key safe",
        "Unless the hours are back on the rota next month, we're all staying home on Saturdays.",
        # a walkout said of someone else, as a restatement or a go-between says it
        "Priya wants the rota fixed by June, or she is quitting.",
        # the formal inversion of 'if', inside a letter
        "Dear Tom, I have hosted Easter for twelve years. Should your partner criticise my cooking again at the table, I shall leave, and I shan't be hosting next year either. Warm regards, Aunt Jo",
    ],
)
def test_a_failed_condition_with_a_decided_action_is_an_ultimatum(coach: OfflineCoach, text: str) -> None:
    v = coach.check_message(text)
    assert v.level == "ultimatum", (v.level, v.probabilities)
    assert v.reframes


@pytest.mark.parametrize(
    "text",
    [
        # a penalty that lands on the other side, nobody doing it in person, either order
        "If the recycling isn't sorted by Thursday, £5 comes off your share of the bond.",
        "service charge goes up 15% from april unless u sign the new lease by friday",
        "Payment is due by 12 May. After that date, a late fee will be charged on every invoice.",
        # an offer refused, then a consequence
        "We'll pay for the taxi there, not back. If that's not good enough then the whole trip is off.",
        # a repeat, then 'and' and the decision
        "Book the meeting room over my slot once more and I'll take it to the office manager with the calendar logs.",
        # the decision first, then 'unless'
        "The drivers will stop at the depot gate on Friday unless the broken tail-lift is repaired before then.",
        # a rule whose breakers lose out
        "Kit money is due Sunday. Anyone who hasn't paid by then is off the minibus list.",
        # something of theirs, then a refusal or removal by the writer
        "if u read my diary again i swear im blocking u on everything",
        "if ur bringing him to the barbecue im not coming",
        # a courtesy that ends, a date after which the price changes
        "If the bins are left on my drive once more, that arrangement ends and the side gate will be locked.",
        "The quote stands until 12 March. After this date the price will go up 10% and the fitting slot is released.",
        # a rule with its sanction; a collective decision then 'unless'; help withdrawn in advance
        "Allotment rules: no bonfires, no hosepipes in July. Any breach of the above will result in the plot being re-let.",
        "Staff at the Leeds depot will stop loading at noon on Friday unless the broken dock lift is repaired.",
        "Fine, go to the festival. Just don't expect me to be picking you up at 3am.",
        "Break any of these and we're back in front of the judge.",
        "Our price is £8 a unit, valid until Monday, after which it will lapse and we'll approach other buyers.",
        "Kindly confirm today, otherwise from tomorrow the rate will be revised to £12 a unit.",
        # a dare to refuse, then what follows; a decision first, then the repeat that sets it off
        "Two late finishes a week, the rest early. That's it. Turn it down and it's every evening from March.",
        "We'll cut your shifts if you're late for handover again.",
        # what is lost after a date: a place released, money not refunded
        "Fees are due by 3 June. After this date the place will be released to the waiting list and the deposit will not be refunded.",
        # a decision first, then the formal 'should X be done'
        "The residents' association will refer the matter to the council should the skip be left on the pavement again.",
    ],
)
def test_a_penalty_or_a_refused_offer_is_an_ultimatum(coach: OfflineCoach, text: str) -> None:
    v = coach.check_message(text)
    assert v.level == "ultimatum", (v.level, v.probabilities)
    assert v.reframes


@pytest.mark.parametrize(
    "text",
    [
        # the same shapes, warm: an invitation after a refused offer is not a lever
        "I can do £400 towards it. If that's not enough, let me know and we'll look at it again.",
        "If the new rota doesn't suit, grab me after work and we'll change it.",
        "If it doesn't work for you, no worries, we'll find another way.",
        "If you don't accept, I understand completely.",
        # the same shapes, warm or plain
        "We'll start at 9 unless you'd prefer 10.",
        # money given back in full is generosity, whatever the condition
        "If you can't make the trip after all, your deposit will be refunded in full.",
        # a default anyone may stop is not a threat
        "We'll book the minibus for the 14th unless anybody objects by Monday.",
        "I will renew the cleaning contract next month unless you have concerns about it.",
        "If you want the car on Saturday, I'm taking the bus.",
        "If you come round Sunday, I'll cook.",
        "Anyone who can't make Tuesday can join on Thursday instead.",
        "Don't expect me to be quick with the report, the data only came in today, but it will be done.",
        "This discount is valid until Friday, enjoy!",
        "Could you take one week a month? If that doesn't work, honestly, that's fine, I just thought I'd ask.",
    ],
)
def test_a_refused_offer_followed_by_an_invitation_is_not_an_ultimatum(coach: OfflineCoach, text: str) -> None:
    v = coach.check_message(text)
    assert v.level != "ultimatum", (v.level, v.probabilities)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # the classifier alone is sure: a 'final' with the door left open is still firm
        (
            "The decision on the cottage is made and I shan't revisit it. My door is always open if you want to talk.",
            False,
        ),
        (
            "The decision on the cottage is made and I shan't revisit it, but I'm happy to go through the reasons.",
            False,
        ),
        # without the open door it stays an ultimatum; with a consequence too
        ("The decision on the cottage is made and I shan't revisit it.", True),
        ("Agree by Friday or I'll sell the cottage. My door is always open if you want to talk.", True),
    ],
)
def test_a_door_left_open_outweighs_the_classifier_alone(
    coach: OfflineCoach, monkeypatch: pytest.MonkeyPatch, text: str, flagged: bool
) -> None:
    sure = {"open": 0.05, "firm": 0.15, "ultimatum": 0.8}
    monkeypatch.setattr(coach.drift, "probabilities", lambda texts: [dict(sure) for _ in texts])
    assert (coach.drift.check_message(text).level == "ultimatum") is flagged


@pytest.mark.parametrize(
    "text",
    [
        "honestly cant take it anymore, if the parties keep happening im moving out end of the month",
        "Ye'll pay yer share of the skip hire or ye won't see a penny from me for the party",
        "Refund the course fee by Friday or we shall take our custom, and our club's bookings, elsewhere.",
        "well bless your heart, after the 1st y'all can go on and find yourselves another farrier",
        "if the move to five office days goes ahead I'm handing in my notice, simple as",
        # the penalty after a bare 'or'
        "Sign the consent form by the 14th or the boat goes to auction with everything else.",
        # the work taken to someone else
        "I've quoted £600 and that's that. Decide by Friday, otherwise I'm booking the other band for your date.",
        # what those who refuse should not expect
        "Players who won't wear the club kit on match days should not expect to be picked for the cup squad.",
        # the slot given away, with more words naming it
        "If the hall keys go missing again we will give your Thursday rehearsal slot to the drama group.",
    ],
)
def test_an_ultimatum_is_known_however_it_is_typed(coach: OfflineCoach, text: str) -> None:
    assert coach.check_message(text).level == "ultimatum"


@pytest.mark.parametrize(
    "text",
    [
        "booked the b&b for ur birthday weekend, if u cant get the time off ill move it, they said any date is fine xx",
        "You can find another time that suits you better, no rush at all.",
        # a condition followed by help, not a penalty (dev6 showed these flagged)
        "If the payment plan doesn't work for you, we'll figure something else out, just text me.",
        "If the shift swap doesn't suit, we'll work things out, just ring me.",
        # a condition said to be all right, and another day offered
        "It's fine if you can't make it Sunday, we'll do Saturday instead.",
        "No problem if you don't want to come, I'm going on my own.",
        "That's fine if you don't want to, I'll sort it myself.",
        "Bring a jumper or I'm lending you mine.",
        "I'd hate to have to tell you this, but the cake didn't survive the journey.",
        # a condition called all right, whatever follows it in that sentence
        "no worries at all if you can't swap the late shift, I'll sort something with Dana",
        "No bother if you're not able to collect them, I'll leave work early.",
        "Come early or I'll throw the first batch on without you, haha.",
        # a condition called all right after a dash, and a later week offered
        "No stress at all - if Thursday's awkward, we'll just do it the week after.",
        "If the hall isn't free that Saturday, we'll do it next weekend instead.",
        "If you can't make kick-off, no worries, we won't be starting without you.",
        "Tell me by Monday if you want the spare ticket, otherwise someone else can have it.",
        # a condition followed by an invitation to get in touch
        "dinner's at 7 🍕 if you're stuck at work just message, we'll save you some",
        # a date passing is a limit, not a lever
        "After the 30th we won't be accepting returns on the sale stock, so do check it over first.",
    ],
)
def test_texting_spelled_out_is_not_taken_for_a_threat(coach: OfflineCoach, text: str) -> None:
    assert coach.check_message(text).level != "ultimatum"


@pytest.mark.parametrize(
    "text",
    [
        # a group's decision in the third person after a failed condition
        "If the bonus isn't paid by the 20th, the whole shift's downing tools on the Monday. Just how it is.",
        # a decision in the plain present, as English learners write it
        "The invoice is wrong again, third month. If next invoice is not correct, we stop to order from you and we go with other supplier.",
        "if the budget goes over 500 count me out",
        # going ahead without the other side is no other day offered
        "If you're not here by six we're going without you.",
        "Fine. If you won't pay, I'm taking you to court.",
        # an exposure the writer would hate to have to make; a group's part walking away
        "I've got a big following on YouTube and I'd really hate to have to post about this stay. Maybe rethink the refund?",
        "If you don't sort the rota out, a lot of us will simply stop coming.",
        # what the or-else takes away, throws out or puts at risk
        "By Friday you must return the signed lease, otherwise we will withdraw the offer.",
        "before the end of the month u need to clear the loft or i will throw everything out",
        "Fill in the rota properly or your job could be the next to go.",
        "The hedge must be cut back by Friday, otherwise we will take legal action.",
        "Totally fine if you'd rather not do your dishes, but then I'll put them in your bed.",
        # the or-else said in the present going-on
        "Return the keys by Sunday, otherwise we're changing the locks.",
        # a condition said to be all right, then taken back with a 'but'
        "It's fine if you don't want to clear the garage, but then I'll be selling whatever's left in it.",
        "Here's what I can do: two evenings a week. Take it, or do the lot yourselves.",
        "Close the youth club and we'll have every parent out on the town hall steps. Don't push us.",
        "Please repaint the hallway before you move out. If this has not been done, the deposit will be kept to cover it.",
        "Just so you know, if the rent stays unpaid, maybe the landlord will need to hear from me.",
        "I'd hate for this to turn into something formal. Just return the ladder this week, yeah?",
        # a resignation tendered, a stay with family as the other half of an 'or', a rule with its sanction,
        # what is left in the way thrown out, a last price in other Englishes
        "Unless the weekend rota is shared out from next month, I will need to tender my resignation.",
        "Either your brother finds his own flat by Easter or me and the kids are going to stay with my mum.",
        "Anyone not paid up by Friday will not be picked for Saturday. Full stop.",
        "Anything still on the landing on Monday morning goes to the tip. Frame and all.",
        "Renewal I can do $1,900, last price already. Don't want, I give to the other tenant lor.",
        "Here's the deal, an it's the only one ye're gettin. Ah'll take the van fur two grand.",
        "Your bins are blocking the stairs again. My cousin working at the council, he say they fine very heavy now.",
        "Again the homework is not done. My sister is a social worker and she knows what a judge thinks of that.",
        # "you're welcome to" with a 'but' after it is no generosity; "Miss" before no name is no greeting
        "You're welcome to come and get your stuff, but anything still in the shed after Friday goes in the skip.",
        "Miss another payment, and I'm taking you to court.",
        # a withdrawal said as what will not go on, after a failed condition
        "Unless the projector in room 4 is repaired by Friday, I won't be running any more evening classes there.",
        # what is handed to someone else, said as its own sentence after the terms
        "Rota's on the fridge. Stick to it. Otherwise somebody else can have my room, I'm off at Easter.",
        "Either you cover your Saturday shifts or somebody else gets your hours from next month.",
    ],
)
def test_a_lever_said_sideways_is_still_known(coach: OfflineCoach, text: str) -> None:
    assert coach.check_message(text).level == "ultimatum"


@pytest.mark.parametrize(
    "text",
    [
        # a colon ends a condition: what follows it is said to the reader, not done if they fail
        "If you're reading this on the train: I will not sell the van, but I'll buy your half at the valuation whenever you like.",
        # an 'or else' denied is not one
        "This isn't an 'or else', honestly. I just can't keep fronting the gas bill. Could we set up a direct debit?",
        "If the kids are tired we stop at the services and have a break, no rush.",
        # making do after a failed condition
        "Final request from my side: the henna night at home, not at the hall. If it is not possible we will "
        "manage, no issue at all.",
        "last thing about Easter, I'd love the kids Sunday morning but if that doesn't work let's talk, I'm "
        "flexible on Monday",
        # the consequence itself ruled out, and a last price said with the door open
        "Put that worry down. Nobody is going to court and nobody is being evicted. Come and see me when you can.",
        "This letter is not a demand and there is no deadline. I have no intention of going to court over the car.",
        "£90 each is my last price, but you're always welcome to come by and look, and if you only want one, we can talk.",
        # everyday words the new shapes must leave alone (a reviewer's cases)
        "Can you send me the last figure from the spreadsheet when you get a chance?",
        "What's the last number you had for the caterers? Just want to compare.",
        "Made you a cake, it's the only one you're getting this year so enjoy it haha",
        "My wife is a lawyer, so she can look over the contract for you if you like.",
        "My sister is a social worker and she's been amazing with the kids this year.",
        "My mum's working at HMRC now, she loves it. Let's catch up soon!",
        "Just so everyone knows, whatever's left in the office fridge on Friday gets binned by the cleaners.",
        "Players not wearing shin pads won't be allowed on the pitch, it's league rules, sorry!",
    ],
)
def test_a_lever_shape_that_is_not_one_is_left_alone(coach: OfflineCoach, text: str) -> None:
    assert coach.check_message(text).level != "ultimatum"


@pytest.mark.parametrize(
    ("text", "ultimatum"),
    [
        # a deal offered on a condition the other side can meet, or for their sake, is no threat
        ("If you can do the school run, I'll cancel the taxi.", False),
        ("If you can do the school run on Friday, I'll stop driving the long way round.", False),
        ("If it helps, I'll stop using the kitchen after 9 so you can have it.", False),
        ("If that suits, I'll give the spare room to your mum for the summer.", False),
        ("It would be really unfortunate if the delivery got delayed again, can you confirm the Tuesday slot?", False),
        # what I do for you, withdrawn when the condition fails, is one
        ("If you can't take Saturdays from next month, I will stop managing his appointments.", True),
        ("If you want to play it that way, I'll stop paying for his phone.", True),
        # a pity that points at trouble for the other side, a stepping away, a union's ballot
        ("It would be very unfortunate if someone inspects that loft conversion you never got signed off.", True),
        ("It'd be an awful shame now if the tenancy renewal got a bit complicated come March, wouldn't it.", True),
        ("If there's no second coach sorted by the end of the month, I'm stepping away from the team.", True),
        ("If the rota isn't published by the next cycle, the branch will be balloting for industrial action.", True),
    ],
)
def test_a_deal_on_a_condition_is_not_a_threat_but_a_withdrawal_is(
    coach: OfflineCoach, text: str, ultimatum: bool
) -> None:
    found = coach.check_message(text).level
    assert (found == "ultimatum") == ultimatum, found


@pytest.mark.parametrize(
    "text",
    [
        "To everyone on the road: I am not reporting anyone to the council about the van. Someone else did. "
        "I only asked when the bins change.",
        "For clarity, my client has no intention of starting proceedings. She would simply like to agree how "
        "the £1,800 can be paid back at a pace that suits you.",
        "Please don't worry about Tuesday. You will not be charged and you will not be removed from the list; "
        "just ring us when you can.",
        "haha if u forget the cake again ur banned from the group 😂 jk see u sunday",
        "fyi the agent phoned and said if the rent is late again he'll 'start proceedings'. not me saying that, "
        "just passing it on. my half is paid already",
    ],
)
def test_a_threat_ruled_out_or_passed_on_is_not_an_ultimatum(coach: OfflineCoach, text: str) -> None:
    assert coach.check_message(text).level != "ultimatum"


def test_ruling_one_action_out_does_not_hide_another_that_is_threatened(coach: OfflineCoach) -> None:
    text = (
        "I'm not reporting you to anyone. But if the fence isn't back up by Friday I will have it rebuilt "
        "and send you the bill."
    )
    assert coach.check_message(text).level == "ultimatum"


def test_a_judging_body_keen_to_hear_how_the_money_went_is_a_veiled_threat(coach: OfflineCoach) -> None:
    text = (
        "I expect the trustees would be very interested to hear how the raffle money was banked, wouldn't they. "
        "Just forward me the bank slips from the fete."
    )
    verdict = coach.check_message(text)
    assert verdict.level == "ultimatum"
    assert all("trustees" not in r for r in verdict.reframes), verdict.reframes
    assert coach.check_message("The committee would love to hear your ideas for the summer fair.").level != "ultimatum"


@pytest.mark.parametrize(
    "text",
    [
        "Our records show the fire safety course is still outstanding. Failure to complete it by 30 June will "
        "result in your site pass being withdrawn.",
        "I love working here, but if the split shifts are still on my rota after June, I'll be handing in my notice.",
        "the shower's been broken a week now. get it sorted or we wont be paying the service charge this quarter",
        "Do you really want me to phone your dad about the scratches on the car? Because I will.",
        "If the shed isn't cleared out by the weekend, I'm selling my half of the allotment to Pat.",
    ],
)
def test_consequences_said_as_what_the_writer_will_do_or_stop_are_ultimatums(coach: OfflineCoach, text: str) -> None:
    assert coach.check_message(text).level == "ultimatum"


@pytest.mark.parametrize(
    "text",
    [
        "If you need a hand, I'll give notice to the agent for you.",
        "Do you want me to call the plumber, or will you?",
        "The website will be taken offline for an hour on Sunday for maintenance.",
    ],
)
def test_the_same_words_helping_or_informing_are_not_ultimatums(coach: OfflineCoach, text: str) -> None:
    assert coach.check_message(text).level != "ultimatum"


@pytest.mark.parametrize(
    "text",
    [
        "Either your family confirms the numbers by Monday or my dad will not be paying for the caterer.",
        "If the overtime ban isn't lifted by the next pay run, the branch will be balloting for industrial action.",
        "Sorry, but I'm leaving the babysitting circle at half term if nothing changes.",
        "The price for the dresser is £380 and I won't go lower. Should this not suit, I shall offer it at auction "
        "in May.",
    ],
)
def test_third_party_and_after_the_fact_consequences_are_ultimatums(coach: OfflineCoach, text: str) -> None:
    assert coach.check_message(text).level == "ultimatum"


@pytest.mark.parametrize(
    "text",
    [
        "Members voted on strike action last year and turned it down, so nobody is expecting a ballot.",
        "If that doesn't suit, I can do Thursday instead.",
    ],
)
def test_a_ballot_in_the_past_and_a_friendly_alternative_are_not_ultimatums(coach: OfflineCoach, text: str) -> None:
    assert coach.check_message(text).level != "ultimatum"


@pytest.mark.parametrize(
    "text",
    [
        # a reviewer's everyday messages that the first cut of this pass's shapes flagged
        "Do you really want me to call you tonight? Happy to, just say the word x",
        "Do you want me to tell Sam you'll be late? Because I will, no bother at all.",
        "Do you want me to call the school about the trip? I can do it at lunch.",
        "The committee would love to hear how the fundraiser went, could you share a few photos?",
        "I think the committee might be interested in your idea for the summer fete.",
        "Happy to cover Tuesday, or I won't be driving that week anyway so Wednesday works too.",
        "Failure to respond by Friday will mean we assume the 14th suits everyone - any problems just shout!",
        "Just so you know, if you don't use the heating overnight, it gets switched off at 10 by the timer.",
    ],
)
def test_a_reviewers_everyday_messages_are_not_ultimatums(coach: OfflineCoach, text: str) -> None:
    assert coach.check_message(text).level != "ultimatum"


@pytest.mark.parametrize(
    "text",
    [
        # insisting is not taking it back, and a final warning is not a denial
        "Pay the £400 by Friday or I'm taking you to small claims. And if you think I'm joking, try me.",
        "Move your car off my drive by tonight or it gets towed. Don't think I'm kidding.",
        "Return the drill by Sunday or I'm telling your mum. It's not just a joke anymore.",
        "I'm not gonna tell you twice, get your stuff out of my garage by Saturday or it goes in the skip.",
        "You're lucky I'm not reporting you. Fix the fence by Friday or I will.",
    ],
)
def test_insisting_is_not_taking_a_threat_back(coach: OfflineCoach, text: str) -> None:
    assert coach.check_message(text).level == "ultimatum"


@pytest.mark.parametrize(
    "text",
    [
        # a connection with power over the other side, hinted
        "Before the hearing I'd ask you to drop the side gate plan. I happen to know several members of the licensing "
        "committee, and I'm sure they'd find your opening hours interesting.",
        # a hint after a denial that leads into it
        "Not saying anything, but lots of lads round here know your van. Would be a shame if sumting happened to it.",
        # a reference held over a tenant
        "I'd rather your cousin didn't sleep on the sofa every week. You'll want a good reference when you move on, "
        "I'm sure.",
        # the consequence said as something the writer will be forced into
        "I've been patient about the £900. If it's not back by the 30th I will have no choice but to tell your "
        "mother what it was for.",
        # a child pulled out as the 'or'
        "Either she gets a fair go in goal this season or we're pulling her out and joining Eastside.",
        # shame left for the other side to carry
        "If you sell Gran's ring I'm not coming to the wedding, and you can explain to everyone why her sister "
        "wasn't there.",
    ],
)
def test_hinted_connections_and_forced_hands_are_ultimatums(coach: OfflineCoach, text: str) -> None:
    verdict = coach.check_message(text)
    assert verdict.level == "ultimatum", verdict


@pytest.mark.parametrize(
    "text",
    [
        "I'll take £80 for the bike, can't go lower, it's nearly new. No worries if not, I'll hold it for you till "
        "Saturday if you want to think.",
        "NOTICE TO TENANTS: police report thefts from bikes on the next street. This letter is for information only; "
        "no action is required. Final reminder: the residents' meeting is on 3 June.",
        "Big shout-out to Tomasz for covering my shifts in March. Tomasz, I'm taking your Saturday close for all of "
        "May, starting the 4th.",
    ],
)
def test_a_price_held_a_notice_for_information_and_thanks_are_not_ultimatums(coach: OfflineCoach, text: str) -> None:
    assert coach.check_message(text).level != "ultimatum"


@pytest.mark.parametrize(
    "text",
    [
        # a reviewer's everyday messages that the new lever shapes first caught: a connection offered as help,
        # a reference offered kindly, a forced hand that hurts nobody, a door shown as a real choice or a joke,
        # an explanation invited
        "I happen to know someone on the council who deals with parking permits, happy to ask them for you if it helps.",
        "Just so you know, I know some folks at the local paper if you want publicity for the bake sale!",
        "When you move on you'll need a good reference, and I'm happy to write you a glowing one.",
        "If it keeps raining we'll have no choice but to call off the barbecue.",
        "Sadly I'll have no choice but to pass on the invite this time, sorry!",
        "I'll have no choice but to sell the car if the repair costs more than it's worth.",
        "Put the kettle on, or you could pack your bags lol 😂 love you",
        "I can do Tuesday, or you could find someone else if that's easier for you.",
        "Could you take the bins out, or I'll take them out myself tomorrow, no bother.",
        "You can explain to everyone why the budget changed at Monday's meeting, they'll appreciate hearing it from you.",
        "Not saying you did anything wrong, but it would be a shame if anything happened to the plants while we're "
        "away, could you water them?",
    ],
)
def test_everyday_help_choices_and_invitations_are_not_ultimatums(coach: OfflineCoach, text: str) -> None:
    assert coach.check_message(text).level != "ultimatum"


@pytest.mark.parametrize(
    "text",
    [
        # a held-open word beside a sting is no open door
        "For information only: this is your final warning. Any further lateness will result in dismissal.",
        "Pay what you owe by Friday. No worries if not, my solicitor will be in touch.",
        "Shout-out to the neighbour who parks across my drive every morning. Move it or it gets towed.",
    ],
)
def test_a_friendly_word_beside_a_sting_does_not_hide_it(coach: OfflineCoach, text: str) -> None:
    assert coach.check_message(text).level == "ultimatum"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # the other side's things thrown out after a failed condition is a penalty
        ("if its not gone by sunday its going in the skip", "ultimatum"),
        ("If ur bike's not moved by Friday it's going to the tip.", "ultimatum"),
        # the same words with no failed condition, or about the writer's own things, are no threat
        ("The old sofa is going to the tip on Saturday if you want anything from it.", "open"),
        ("Your old boots are going to the charity shop, is that ok?", "open"),
        ("If you don't want the sofa, it's going to the tip, and I'll get us a new one from IKEA.", "not ultimatum"),
        ("Unless it's raining, everything goes on the kerb for the bulky waste collection.", "not ultimatum"),
        # a judgement the writer has a hand in, held up beside what is asked
        ("Happy to chat about the shed. Just bear in mind your lease is up for renewal in March.", "ultimatum"),
        (
            "I'd really hate for the late timesheets to come up in your appraisal next month. Can you send them today?",
            "ultimatum",
        ),
        ("Punctuality is something the review panel does look at, so let's get mornings sorted.", "ultimatum"),
        (
            "I can't keep covering your shifts, and you know management are deciding who to keep after the buyout.",
            "ultimatum",
        ),
        # the same judgement said with goodwill, or only as a date, is no threat
        ("As you know, your lease is up for renewal in March and we'd love to keep you as tenants.", "not ultimatum"),
        (
            "Just a reminder that your contract is up for renewal on 1 June - let us know if you'd like to carry on.",
            "not ultimatum",
        ),
        ("Remember your appraisal is on Thursday at ten; bring your notes.", "not ultimatum"),
        # work given to someone else, and the future together called off after a failed condition
        ("Get the tiles on site by Monday, or we'll get someone else to lay the floor.", "ultimatum"),
        ("If the invoices keep coming in late I don't see us working together after March.", "ultimatum"),
        # the same words with no one failing anything, and invitations, praise and a last question
        ("If it snows I don't see us going ahead with the car boot sale.", "not ultimatum"),
        ("If Tuesday doesn't work for you, just suggest another day.", "not ultimatum"),
        (
            "I'm filling in your reference today and wanted to say how reliable you've been as a lodger.",
            "not ultimatum",
        ),
        ("That's my last question, promise, then I'll let you get on.", "not ultimatum"),
        # nothing signed without all of it; a failure handed to a policy; the court asked for through someone else
        (
            "I need the wall rebuilt, the gate rehung and the drain cleared. I won't sign anything that leaves out all three.",
            "ultimatum",
        ),
        (
            "Masks are required on the ward, and non-compliance will be dealt with under the conduct policy.",
            "ultimatum",
        ),
        (
            "This is my last offer for the flat. If you say no I'll have my solicitor apply to the court for a sale.",
            "ultimatum",
        ),
        # the writer's side staying away over the other side's choice, and a condition said with 'till'
        ("If she's coming to the barbecue, then Tom and I won't be there.", "ultimatum"),
        ("Till my £480 is paid I'm off the Elm Street job and you can find another plasterer.", "ultimatum"),
        ("anyone who hasnt paid the £30 by sunday im taking it out of their share of the bond", "ultimatum"),
        # one red line said with everything else open; the weather; a form sent again; 'until' a date
        ("We won't sign any contract that cuts the overtime rate. Everything else we can talk about.", "not ultimatum"),
        ("If it rains on Saturday, we won't be coming to the fete.", "not ultimatum"),
        ("Anyone who hasn't returned the slip yet, I'll send the form again tomorrow.", "not ultimatum"),
        ("Until Friday I'm off work, so text rather than call.", "not ultimatum"),
        ("If she's not poorly tomorrow, we'll come to the party.", "not ultimatum"),
        # from the review: who has not paid left out, things kept from them till they pay, custody, a favour withdrawn,
        # others' threat passed on, a walkout if someone is chosen
        ("Right all, anyone who hasn't paid for the minibus by Monday isn't coming on the trip.", "ultimatum"),
        ("The garage stays locked until you pay me what you owe for the tyres.", "ultimatum"),
        ("We'll be withholding next month's rent until the boiler is fixed.", "ultimatum"),
        ("Keep moving the handover and I'll apply for full custody.", "ultimatum"),
        ("You can forget about me lending you the car at weekends.", "ultimatum"),
        ("A few of the neighbours have said they'll go to the council if the parties carry on.", "ultimatum"),
        ("If Gary is elected chair again, then Mo and I are resigning from the committee.", "ultimatum"),
        # their innocent twins: a closure, a safety lock, a key kept for them, my own last chance, a welcome
        ("The office stays closed until the new year.", "not ultimatum"),
        ("The gate stays locked until the fence is fixed, sorry, it's for the dogs.", "not ultimatum"),
        ("We'll be keeping the spare key until you get back from holiday.", "not ultimatum"),
        ("I understand this is my last chance to raise concerns before the vote, so here goes.", "not ultimatum"),
        ("If Gary is elected chair again, I'll be there to help him settle in.", "not ultimatum"),
        # the job done by the writer with its mess or bill left to them; the same said kindly
        ("Trim the ivy or I'll cut it myself and you can clear up the cuttings.", "ultimatum"),
        ("Let me know if you're busy or I'll do it myself and you can do the next one.", "not ultimatum"),
        ("If you can't get to it, no worries, I'll paint it myself and we'll call it even.", "not ultimatum"),
        # a final answer that is a yes; a condition said to be totally fine, then the other date offered
        ("My final answer is yes, of course I'll be godmother!", "not ultimatum"),
        ("If you can't do the 3rd, that's totally fine, we'll move it to the 10th.", "not ultimatum"),
        ("This is my final answer: no dogs in the flat, or you find somewhere else.", "ultimatum"),
        # a last price, then what happens to it after a day; a price with the writer away after a day is not
        ("2 grand for the trailer, lowest I'll go. Saturday it goes on Gumtree.", "ultimatum"),
        ("£900 is the lowest I'll go, after the 1st the price goes up.", "ultimatum"),
        ("Happy to do £150 for the pram. After Friday I'm away so it'd be the week after.", "not ultimatum"),
        # the writer turning up at their door as the or-else; the same offered as help
        ("Return my speaker by Saturday or I swear I'm coming to your flat to get it.", "ultimatum"),
        ("Tell me when the van's free or I'll come round to your place and help you pack it.", "not ultimatum"),
        # evidence held over them after a demand; a doorbell camera thanked for a parcel
        ("MOVE YOUR BINS. WE HAVE YOU ON CCTV.", "ultimatum"),
        ("The parcel came, we have you on camera leaving it, thank you!", "not ultimatum"),
    ],
)
def test_levels_of_reviewed_shapes(coach: OfflineCoach, text: str, level: str) -> None:
    got = coach.check_message(text).level
    assert got != "ultimatum" if level == "not ultimatum" else got == level, got


def test_a_dictated_message_is_read_with_the_marks_it_says_in_words(coach: OfflineCoach) -> None:
    text = (
        "hey its mum dictating this in the car i need you to move your stuff out of the garage by the end of the "
        "month because dad needs it for the car full stop if it's not gone by the 31st it's going to the tip comma "
        "all of it comma and I won't be asking again question mark no full stop love you"
    )
    verdict = coach.check_message(text)
    assert verdict.level == "ultimatum"
    assert all("tip" not in r and "full stop" not in r for r in verdict.reframes), verdict.reframes
    assert any("stuff" in r and "31st" in r for r in verdict.reframes), verdict.reframes


@pytest.mark.parametrize(
    "text",
    [
        "If it's not raining on Sunday his dad goes to the tip with the trailer, do you want him to take your mattress?",
        "Teacher says Jake keeps putting a comma where a full stop should go, can you practise with him at yours?",
    ],
)
def test_someone_going_to_the_tip_and_marks_talked_about_are_no_threat(coach: OfflineCoach, text: str) -> None:
    assert coach.check_message(text).level != "ultimatum"
