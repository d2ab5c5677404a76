"""Patterns for the shapes of an ultimatum that a classifier over embeddings can miss.

These are not a word list: each pattern looks for a structure (a demand tied to a consequence,
a deadline with a penalty, a closed door) and is cancelled when the words are negated or are
someone else's words being reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.coach.language import spelled_out

_I = r"(?:i|we)"
_WILL = (
    r"(?:'ll|’ll| will| am going to| are going to|'m going to|’m going to|'re going to| shall| would| have to| must)"
)
_CONSEQUENCE_VERB = (
    r"(?:(?:leave|leaving)(?!\s+(?:a|the|you|some|it|them)\s+(?:spare|key|note|copy|food|money|message)\b)|walk|move out|moving out|quit|quitting|resign|sue|suing|take (?:you|this|it|him|her|them) to|"
    r"call (?:the|my|a|your)(?!\s+(?:plumber|electrician|builder|roofer|engineer|gas engineer|boiler engineer|handyman|tradesman|tradesperson|joiner|locksmith|glazier|contractor|cleaners?)\b)|report|go to (?:the|a|your|my|hr|court|a lawyer|the press|the board)|"
    r"cancel|file|strike|stop paying|withhold|pull (?:out|the|our|my)|fire|evict|"
    r"tell (?:everyone|the|your|my|mum|mom|dad|them|people)|end (?:this|it|the|our)|"
    r"change the locks|keep the kids|take the kids|get a lawyer|lawyer up|involve (?:a|my|the)|"
    r"find someone else|find another(?! way)|walk away|be gone|be done|never speak|block|sell|"
    r"dock|cut (?:off|you|your|the)|shut (?:it|this|down)|stop (?:the|all|every)|"
    r"escalate|call it off|break up|divorce|post(?!\s+(?:(?:the|your|my|a)\s+(?:keys?|cheques?|checks?|letters?|parcels?|forms?|money|payment|deposit)|(?:it|them)\s+(?:back|through|to you))\b)|expose|remove|terminate|picket|"
    r"take (?:my|our) (?:business|custom|trade|donations?)|go elsewhere|go with (?:another|other|a different) \w+|"
    r"hand (?:in )?(?:my|our) notice|tender (?:my|our) (?:resignation|notice)|replace(?!\s+(?:it|them)\b(?:\s+(?:at|for)\s+(?:my|our|no)\b|\s+free))|stop (?:working|coming|talking)|refuse|"
    r"not (?:pay|sign|come|renew|be here)|won't (?:pay|sign|come|renew|be here)|"
    r"(?:be )?(?:filing|suing|reporting|calling|leaving|quitting|moving|taking|going to|pulling|cancelling|canceling|"
    r"starting (?:\w+ )?proceedings|accepting (?:the other|another|a different|their)|looking elsewhere|"
    r"withholding|escalating|contacting (?:my|a|the|our)|selling|stopping|changing the|terminating|evicting)|"
    r"start (?:\w+ )?proceedings|accept (?:the other|another|a different|their)|look elsewhere|ballot|"
    r"tow|lock|put a lock|stop visiting|stop (?:doing|covering|paying|helping|babysitting|lending)|"
    # "I will stop managing his appointments", "I'll stop driving them": what I do for you, withdrawn
    r"stop (?!(?:worrying|nagging|asking|complaining|moaning|charging|bothering|messaging|texting|chasing)\b)\w+ing (?:his|her|their|your|the|all|any)\b|"
    r"give (?:your|the|his|her) (?:[\w-]+ ){0,2}(?:hours|shifts|place|spot|slot|job|room|seat|role) to|"
    r"mov(?:e|ing) (?:our|my|the) (?:\w+ )?(?:account|business|custom|contract|kids|money)|"
    r"(?:have|get) (?:it|you|them|the car|your car) (?:towed|removed|evicted|fired|blocked|reported)|"
    r"take (?:it|them|that|this|the \w+) (?:off|away)|take (?:it|this|you|them) (?:to|up with) |"
    r"take (?:the (?:whole )?(?:thing|lot|matter)|everything|all of (?:this|it)|this further|it further) (?:to|up with) |"
    r"raise (?:it|this) with (?:\w+ ){0,3}(?:court|directors?|manager|hr|board|union|council|regulator|ombudsman|police)|"
    r"go to (?:the )?(?:press|papers|tribunal|court|police|council|ombudsman|regulator|media)|"
    r"advise (?:\w+ )?to refuse|wipe|lodge|issue (?:a )?(?:claim|proceedings|notice)|down(?:ing)? tools)"
)

# a condition that offers a deal ("if you can take Saturdays", "if you'd like to swap") unless it is refused in it
_OFFERED_IF = (
    r"(?!\s+(?:you|u)\s+(?:can(?!['’]?t\b|not\b)|could(?!n['’]?t\b)|are able to|'re able to|would like|'d like)\b"
    r"(?![^.?!,]{0,80}(?:\bnot\b|n't\b|\bno\b|\bnever\b|\bagain\b|\banother\b|\bone more\b)))"
    # ...or said for the other side's sake: "if it helps", "if that suits", "if you're free Saturday"
    r"(?!\s+(?:it helps|that helps|it suits|that suits|it'?s easier|that'?s easier|that works|it works|"
    r"you(?:'re| are) free|you(?:'re| are) ok(?:ay)? with)\b)"
)
# the writer's own words taken back: "ur banned 😂 jk", "that was a joke", "(joke, it's the last gig of the tour)"
_JOKE = re.compile(
    # (never "if you think I'm joking", "don't think I'm kidding", "it's not just a joke")
    r"\b(?<!think )(?<!thinking )(?<!not )(?:jk|j/k|only joking|just joking|(?:i was|i'?m|i am|was) (?:only |just )?"
    r"(?:joking|kidding|messing)|(?:that was|it was|it'?s only|just) a joke)\b|\(joke\b",
    re.I,
)
_NEGATED_LEAD = re.compile(
    r"\b(?:not|never|no|isn't|wasn't|won't|don't|didn't|doesn't)\s+(?:a\s+|an\s+|my\s+)?"
    r"(?:threat|threaten|threatening|ultimatum|ultimatums|final|saying|trying|demand|['‘\"“]?or else\b)|"
    # the consequence itself ruled out: "nobody is going to court", "I have no intention of going to court",
    # "there is no deadline attached to it"
    r"\b(?:nobody|no one|no-one)(?:'s| is| will be| are)?\s+(?:going to court|being (?:evicted|dropped|kicked out|sacked|fired|"
    r"punished|thrown out)|asking you to leave|taking you to court|suing)\b|"
    r"\bno intention (?:of|to) (?:going to court|go to court|taking (?:you|this|it) to|suing|sue|evicting|evict|reporting|report)\b|"
    r"\b(?:there is|there's|with) no deadline\b",
    re.I,
)
# a body that judges, said knowingly to be keen to hear: "I'm sure the governing body would love to hear how..."
JUDGING_BODY_HINT = (
    r"\b(?:i'?m sure|i am sure|i bet|i expect|i imagine|no doubt|i wonder if|i'?m certain)\s+(?:the |your |our )?"
    r"(?:governing body|governors|head ?teacher|headmaster|headmistress|principal|trustees|committee|auditors?|"
    r"inspectors?|regulator|ombudsman|tax office|hmrc|irs|insurers?|executor|police|papers|newspaper)\s+"
    r"(?:might|would|will|may|could)\s+(?:be\s+)?(?:very\s+|really\s+|most\s+)?(?:interested|curious|(?:love|like|want) to "
    r"(?:hear|know|learn|see)\s+(?:how|where|why|what (?:happened|went on)|who|whether))\b"
)
# someone with power over the other side, called in: "ring the council", "tell your boss"
_CALL_IN = (
    r"(?:ring|call|phone|report (?:this|it|you) to|contact|involve|go to|tell|get) (?:the (?:council|police|cops|landlord|"
    r"agent|letting agent|school|head|headteacher|authorities|hmrc|irs|insurers?|bank|court|press|papers|committee|board|"
    r"owner|management)|your (?:boss|manager|landlord|mum|mom|mother|dad|father|parents|wife|husband|partner|school|teacher))"
)
# the door shown as a choice, said after an 'or': "or you could pack your things and go live by your mother"
# (read by the reframes too, as the part to drop)
DOOR_SHOWN = (
    r"(?:you|u) (?:could|can) (?:(?:just )?pack (?:your|ya|yer|you|ur) (?:bags|things|stuff|tings|cases)|"
    r"go (?:and )?live (?:with|by|at) (?:your|ya|yer|you|ur) )"
)
# denials added for the decision alone (as a pattern with cue=False is): the classifier is trained on the cue
# above, so these leave the trained model as it was
_RULED_OUT = re.compile(
    # an action ruled out in so many words: "I'm not reporting anybody to the council", "I'm not taking any
    # action against you", "our client has no intention of issuing proceedings", "you will not be charged"
    r"(?<!lucky )(?<!lucky that )\b(?:i'?m|i am|we'?re|we are|im)\s+not\s+(?:\w+\s+)?(?:reporting|taking (?:any )?(?:action|you|this|it)|"
    # ("I'm not walking away from this" is resolve, not a denial)
    r"suing|evicting|going to (?:tell|report|sue)|"
    r"gonna (?:tell|report))\b(?!\s+(?:you|u)\s+(?:again|twice|one more time))(?![^.?!]{0,40}\b(?:until|till|unless)\b)|"
    r"\bno intention (?:of|to)\b|"
    r"\byou (?:will not|won'?t) be (?:removed|charged|fined|evicted|penali[sz]ed|reported|sacked|fired|dropped|"
    r"struck off|banned)\b|"
    r"\bnone (?:is|are) (?:planned|being planned)\b|"
    # the writer's own threat taken back as a joke, or someone else's passed on: "jk see u at 8", "not me
    # saying that lol, just passing it on"
    + _JOKE.pattern
    + r"|\bnot me saying (?:that|this|it)\b|\bjust passing (?:it|that|this) on\b|\b(?:his|her|their) words,? not mine\b",
    re.I,
)
_REPORTED = re.compile(
    r"\b(?:you|he|she|they|someone|somebody|my \w+|your \w+|the \w+|[A-Z][a-z]+)\s+"
    r"(?:said|says|told me|wrote|texted|yelled|shouted|keeps saying|kept saying|threatened)\b"
    r"|\bwhen you (?:said|told|wrote|texted)|\bcalled it\b|\bsaid something like\b",
    re.I,
)
# a quotation: an apostrophe inside a word ("I'm") opens none
_QUOTED = re.compile(r"[\"“”'‘’«]([^\"“”«»]{3,})[\"“”'’»]")


@dataclass(frozen=True)
class Pattern:
    kind: str
    regex: re.Pattern[str]
    weight: float  # how sure a match alone makes us that this is an ultimatum
    # fed to the classifier as a cue (the classifier is trained with the cues, so a pattern added
    # later for the decision alone leaves the trained model as it was)
    cue: bool = True
    # what must be said earlier in the same sentence, checked only once the pattern has matched (a
    # condition before a penalty): one regex spanning both would backtrack on long unpunctuated text
    after: re.Pattern[str] | None = None


def _p(kind: str, weight: float, *parts: str, cue: bool = True, after: str | None = None) -> Pattern:
    return Pattern(kind, re.compile("|".join(parts), re.I), weight, cue, re.compile(after, re.I) if after else None)


def _matches(pattern: Pattern, text: str) -> Iterator[re.Match[str]]:
    """The pattern's matches that are not negated or reported and have what they need said before
    them; when that is missing, the next start one character on is tried (a shorter lever may hold)."""
    pos = 0
    while pos <= len(text):
        match = pattern.regex.search(text, pos)
        if match is None:
            return
        start = _said_before(pattern, text, match)
        if start is None:
            pos = match.start() + 1
            continue
        if not _cancelled(text, start, match.end()):
            yield match
        pos = max(match.end(), match.start() + 1)


def _said_before(pattern: Pattern, text: str, match: re.Match[str]) -> int | None:
    """Where the whole shape starts: the match itself, or, for a pattern that needs something said
    before it in the same sentence (a condition), where that starts; None when it is not there."""
    if pattern.after is None:
        return match.start()
    origin = max(0, match.start() - 200)
    head = text[origin : match.start()]
    cut = max(head.rfind("."), head.rfind("!"), head.rfind("?")) + 1
    found = pattern.after.search(head, cut)
    return origin + found.start() if found else None


# what says a condition is all right, said just before its 'if'
_ALL_RIGHT = ("worries", "problem", "bother", "pressure", "fine", "ok", "okay", "alright", "cool", "understandable")
_ALL_RIGHT_BEFORE = "(?:" + "|".join(f"(?<={w} )" for w in _ALL_RIGHT) + ")"
_NOT_ALL_RIGHT_BEFORE = "".join(f"(?<!{w} )" for w in _ALL_RIGHT)
# a condition the other side fails or keeps breaking: "if it's not fixed by Friday", "unless you
# sign", "if you book another trip", "after that date"
_FAILED_CONDITION = (
    # (never a condition said to be all right: "no worries if you can't", "that's fine if you don't want to",
    # unless a 'but' takes it back: "Totally fine if you'd rather not, but then I'll...")
    r"(?:(?<!even )(?:" + _ALL_RIGHT_BEFORE + r"(?=if\b[^.?!]*\bbut\b)|" + _NOT_ALL_RIGHT_BEFORE + r")"
    r"\bif\b[^.?!:]{0,90}?(?:\bnot\b|n't\b|\b(?:dont|doesnt|isnt|arent|wont|cant|didnt|aint)\b|"
    r"\bno\b|\bnever\b|\bfail\w*|\brefuse\w*|\bagain\b|\banother\b|\bone more\b|\bonce more\b|\bany ?more\b|"
    r"\bcontinue\w*|\bkeep \w+ing\b)|"
    # the formal inversion: "Should your partner raise it again, ..." (a person's repeat or refusal)
    r"(?:^|[.!?,;]\s+)should\s+(?:you|he|she|they|your \w+|his \w+|her \w+|their \w+)\s[^.?!]{0,90}?"
    r"(?:\bnot\b|n't\b|\bfail\w*|\brefuse\w*|\bagain\b|\bone more\b|\bonce more\b|\bany ?more\b)|"
    r"\bunless\b[^.?!]{2,90}?|^\s*if (?:no|not)\b|"
    r"\bafter (?:that|this|the) (?:date|deadline|day|point|time)\b|\bafter that\b|\bafter which\b|"
    r"\bfailing (?:that|this|these|which)\b|(?:^|[.!?]\s+)(?:or|otherwise)\b(?:,?\s+\w+ly\b)?(?=,?\s+(?:i|we|im)\b)|"
    # who fails, said as a group: "anyone who hasn't paid by then", "whoever doesn't turn up"
    r"\b(?:anyone|anybody|everyone|whoever|those|people|any (?:member|parent|tenant|player|one)s?)\s+(?:who|that)?\s*"
    r"(?:hasn'?t|haven'?t|doesn'?t|don'?t|isn'?t|aren'?t|won'?t|can'?t|didn'?t|fails?|refuses?)\b[^.?!]{0,60}?|"
    # what must come first, said with 'till': "Till that £2,200 lands", "until the rent is paid" (never a date:
    # "until Friday I'm off work")
    r"\b(?:until|till|til|'til)\s+(?:that|the|my|our|your|ur|you|u|it|this|he|she|they)\b(?:[^.?!,]|(?<=\d),(?=\d)){0,50}?\b(?:lands?|arrives?|"
    r"paid|fixed|sorted|returned|signed|settled|cleared|done|back|pays?|fix(?:es)?|sorts?|signs?|returns?)\b)"
)
# what a writer may say they will do after a condition without it being a lever: an offer, help,
# a way to talk, how they feel, where they will be
_NOT_A_LEVER_ACTION = (
    r"(?!happy|glad|able|willing|can\b|could|try|offer|help|pay for|cover|refund|let\b|talk|discuss|meet|suggest|"
    r"happily|gladly|willingly|gratefully|replace (?:it|them)\b|repair|fix\b|leave (?:a|the) (?:spare|key|note)|"
    r"be (?:at|in|around|home|here|there|available|free|happy|glad)\b|"
    r"understand|see if|look|check|ask|consider|want|like|love|hope|think|feel|know|sure|sorry|afraid|"
    # "I'll need to know" is not a lever; "I'll need to add interest and take the site offline" is
    r"need(?! to (?:add|charge|take|cancel|stop|remove|report|pass|involve|withhold|terminate|suspend|end|close|release|issue)\b)|"
    r"going to need|more than|still|also|do my best|make sure|get (?:back|you)|send you|give you|accept|agree|"
    r"take (?:that|it) as|here|there|in\b|on\b|at\b|a\b|the\b|not (?:sure|able|going to be able)|"
    r"work (?:something|it|this|that|things)(?: else)? out|sort (?:something|it|this|that)(?: else)? out|"
    r"figure (?:something|it|this|that)(?: else)? out|find (?:a|another|some) way|listen|fine|"
    r"see you|be there|come\b(?!\s+(?:round\s+|over\s+|by\s+)?(?:and\s+)?(?:take|get|collect|remove|change|tow|clear)\b)|bring|pick (?:you|them|him|her|it) up|free\b|around\b|"
    r"available|busy|saying|say\b|be \w+ed\b|"
    # the form sent again, never the bailiffs sent round
    r"send (?!(?:\w+ )?(?:bailiffs?|police|debt|lawyers?|solicitors?|enforcement|collectors?)\b)|"
    # making do: "if it is not possible we will manage", "I'm flexible on Boxing Day", "I'll survive"
    r"manage\b|survive|cope|live with|flexible|easy\b|okay\b|ok\b|good\b|work (?:around|round)|adapt|adjust|"
    # rebooking for the other side's sake: "if u cant get the time off ill move it"
    r"move (?:it|them|the (?:date|booking|meeting|appointment|time|day))\b|rebook|reschedule|rearrange|"
    # another day named: "if you can't make it Sunday, we'll do Saturday instead" (with its own 'just': the
    # decided action's optional 'just ' gives the word back when what follows is refused here)
    r"(?:just\s+|simply\s+)?(?:do|go|make it|meet|have it|try|come|book it)\s+(?:it\s+|the \w+\s+)?(?:on\s+|for\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"tomorrow|tonight|the weekend|next (?:weekend|week|time|\w+day)|another (?:day|time)|a different (?:day|time)|"
    # "if the 19th doesn't suit, we'll just do it the week after"
    r"the (?:week|day|weekend|month) after|later|another (?:week|weekend))\b)"
)
# an action the writer has decided on: "I'm stopping the debit order", "we'll build our own", "the
# whole crew will go home"; not an offer, help, a way to talk or where they will be
_DECIDED_ACTION = (
    r"(?P<lever>(?:i|we|im|ill(?=\s+(?:just|simply|then|keep|take|be|have|stop|go|call|report|tell|sell|change)\b)|the whole \w+|every \w+|all (?:of )?(?:us|the \w+)|everyone|members|staff|"
    # "a lot of us will simply stop coming"
    r"(?:a lot|lots|most|many|half|some|several|loads|plenty|a few|the rest) of (?:us|the (?:\w+ )?(?:members|parents|team|staff|players|tenants|residents)))\b"
    r"(?:'ll|’ll|\s+will|\s+shall|\s+am going to|\s+are going to|'m going to|’m going to|'re going to|'m|’m|\s+am|\s+are|'re|(?<=im)|(?<=ill)|"
    # a group's decision said in the third person: "the whole crew's downing tools Thursday"
    r"(?<=\w)(?<!\bi)(?<!\bwe)(?<!\bim)(?:'s|’s|\s+is))"
    r"\s+(?!be \w+ed\b)(?:just |simply |then |honestly |have to |be )?"
    # ("if not, I'll keep it for ya till Sunday": a price held for them, not a penalty)
    r"(?!(?:keep|hold) (?:it|them|one) (?:for|4) (?:you|ya|u)\b)" + _NOT_A_LEVER_ACTION + r"[a-z]+[^?.!]*)(?:[.!]|$)"
)
# notice given: "consider this my last season", "take this as notice that", "I'm stepping down as director after tonight"
_NOTICE = (
    r"\b(?:(?:consider|take|treat|accept) (?:this|it) (?:email |letter |message )?as (?:my )?(?:notice|resignation)\b|"
    r"(?:consider (?:this|it)|(?:take|treat) (?:this|it) as) my (?:last|final) (?:season|year|term|week|month|day|shift|"
    r"match|show|time)\b|"
    r"(?:i'?m|i’m|im|i am|i'?ll be|i will be|i shall be) (?:stepping down|standing down|resigning|quitting)\b"
    r"(?:\s+(?:as|from)\s+[\w' ]{1,30}?)?(?=\s+(?:after|from|with|effective|at the end|as of|today|tonight|now|"
    r"immediately)\b|\s*[.!,;]|\s*$))"
)
# what others failed to do, said as the reason: "as not one person has...", "nobody has sorted it out"
_GRIEVANCE = (
    r"\b(?:(?:nobody|no one|no-one|not one(?: person| of you| of them)?|not a single (?:person|one))\s+(?:has|have|had|ever|"
    r"even|bothered|helps?|helped|cares?|cared|listens?|listened|turned|offered|said|thanked|did|does|sorted|learn\w*|"
    r"came|comes|shows?|showed|replied|answered|lifted)|apparently|(?:i'?m|i’m|i am) the only one (?:who|that)|without (?:any )?(?:consultation|asking|response)|"
    r"(?:remains?|still) unresolved)\b"
)
# where things are thrown out ("in the skip", "to the tip", "on the kerb"), and 'it' said as thrown out there
_THROWN_PLACE = r"(?:in|into|to|on)\s+(?:the\s+)?(?:skip|tip|dump|bins?|rubbish|trash|kerb|curb|street)\b"
_IT_THROWN_OUT = (
    r"(?:it|they|it all|everything|all of it)(?:'s|’s|s| is| are|'re| will|'ll|ll)?\s+(?:be\s+)?(?:going|goes|go)\s+"
    + _THROWN_PLACE
)
# a penalty that lands on the other side without the writer doing it in person: the rent goes up,
# money comes off their share, interest accrues, they are blocked, the thing goes to auction
_PENALTY = (
    r"(?:go(?:es)? up|(?:will|'ll|’ll) (?:go up|rise|increase|double)|rises|increases|doubles|"
    r"(?:deposit|bond|money|payment|fee|wages|pay|refund)\s+(?:will|shall|'ll|’ll)\s+be\s+(?:kept|retained|held back)\b|"
    r"(?:comes?|(?:will|'ll|’ll) come) off (?:your|the|their|his|her) (?:share|deposit|pay|wages|salary|allowance|"
    r"pocket money|bonus|cut)|(?:will|'ll|’ll|shall) (?:start to )?accrue|accrues|"
    r"(?:is|are|will be|'ll be|’ll be|gets?|shall be)\s+(?:automatically\s+|immediately\s+)?(?:deducted|withheld|docked|"
    r"charged|cancell?ed|terminated|withdrawn|revoked|suspended|forfeit(?:ed)?|blocked|banned|reported|evicted|"
    r"fired|towed|binned|thrown out|dismissed|disconnected|cut off|locked|revised|increased|released to (?:the|a) \w+|"
    r"taken (?:offline|off ?line)|"
    r"given to (?:someone|another|the next))|(?:will|shall|'ll) not be (?:refunded|returned|honou?red|reinstated)|"
    r"(?:courtesy|arrangement|offer|deal|agreement|access|privileges?|invitation)\s+(?:ends|is over|stops|is off)|"
    r"(?:offer|quote|deal|price|discount|terms|slot|place)\s+(?:will\s+)?(?:lapses?|expires?|closes?|is withdrawn|"
    r"goes to (?:the next|another|someone))|(?:it|this|they)\s+(?:will\s+)?(?:lapses?|expires?)\b|"
    r"(?:goes|will go|'ll go|’ll go) to (?:auction|court|(?:a |the )?(?:tribunal|bailiffs?|debt collectors?|"
    r"collections?|small claims|ombudsman|police|press))|"
    # the other side's things thrown out: "your stuff goes in the skip", "ur bike's going to the tip"
    r"(?:your|ur) (?:\w+ ){0,2}?\w+(?:'s|’s|'re|’re| is| are| will| 'll|'ll|’ll)?\s+(?:be\s+)?"
    r"(?:going|goes|go|gets? put|gets? thrown)\s+" + _THROWN_PLACE + r"|"
    r"(?:ur|you'?re|you’re|you are|you'?ll be|you’ll be|you will be|u r|u'?ll be) (?:blocked|banned|out|fired|evicted|"
    r"on your own|finished|cut off)\b)"
)

# what follows a refused offer when it is not a lever: an invitation, a way to keep talking, acceptance
# what makes "we'll do X unless..." a default anyone may stop, not a threat: "unless anyone objects",
# "unless you'd rather...", "unless you have concerns", "unless there's a problem with it"
_OPT_OUT = (
    r"(?:(?:you|u|they|we|anyone|anybody|someone|somebody|everyone|any of you|people|the \w+)(?:'d| would| really)?\s+"
    r"(?:(?:prefer|want|like|rather|need|mind|object|disagree|say|tell|hear|let|raise|suggest|propose|think|feel)\w*\b|"
    r"(?:has|have|'ve got|got)\s+(?:a |an |any |some |other |better |serious )?(?:concern|question|objection|problem|"
    r"issue|reservation|idea|suggestion|alternative|preference|view|plan)s?\b)|"
    r"there(?:'s| is| are)\s+(?:a |an |any )?(?:objection|problem|concern|issue|clash|reason)s?\b|"
    r"(?:told|advised|hear|agreed) otherwise|otherwise\b)"
)
_NOT_INVITING = (
    r"(?![^.?!]*\b(?:we|i)(?:'ll|’ll| will| can| could) (?:tweak|change|adjust|rethink|redo|revisit|look|talk|sort|fix|"
    r"work|find|think|chat|sit down)\b)"
    r"(?!(?:(?:honestly|really|totally|seriously|genuinely|truly|like|so|then)[\s,]+)*"
    r"(?:let|tell|talk|call|ring|text|come|please|grab|give me|ping|drop me|shout|find me|catch me|speak|chat|"
    r"email|message|reach out|get in touch|knock|maybe|perhaps|how|what|why|when|just (?:say|tell|let)|say so|"
    # "If that doesn't work for you, just suggest another time"
    r"(?:just\s+)?(?:suggest|propose|pick|choose|name|offer) (?:another|a different|a better|a new|your own|one that)|"
    r"feel free|do let|no (?:problem|worries|hard feelings|pressure)|(?:that'?s|that’s|it'?s|it’s) (?:fine|ok|okay|"
    r"alright|understandable)|(?:i|we)(?:'d|’d| would| can| could| am| are|'m|’m|'re|’re| will|'ll|’ll| shall)?\s*"
    r"(?:understand|happy|glad|open|flexible|easy|fine|ok|okay|manage|survive|cope|be happy|love|like|talk|sorry|afraid|listen|look|think|find|work|sort|suggest|propose|"
    r"send|share|meet|need to talk|have to (?:talk|think|meet|look|discuss)|try|can|could|don'?t know|get back)|"
    r"you (?:can|could) (?:tell|let|say|suggest|propose|come back|counter)|i don'?t know)\b)"
    r"(?P<lever>[a-z£$][^.?!]*)"
)

# a dare to refuse what was laid down: "Turn it down and...", "Push back on any of them and...", "Argue with it and..."
_DARE_DOWN = r"(?:just\s+)?(?:turn|knock)\s+(?:it|this|that|them|me)\s+down"
_DARE_VERB = (
    r"(?:just\s+)?(?:push back on|say no to|refuse|reject|break|ignore|cross|breach|touch|argue (?:with|about)|"
    # a harm to what the writer's side holds: "Cut the night-shift allowance and we'll..."
    r"(?:cut|scrap|axe|slash|close|sell|drop|remove|reduce)(?= (?:the|our|my|any|their) ))"
)
DARE = rf"(?:{_DARE_DOWN}|{_DARE_VERB})"

# a judgement the writer has a hand in, coming for the other side: a renewal, a selection, who is kept
_RENEWAL = (
    r"(?:(?:your|ur|the|this|his|her|their)\s+(?:[\w'-]+\s+){0,3}?(?:tenancy|lease|contract|licen[cs]e|membership|"
    r"visa|place|position|sponsorship|booking|agreement)(?:\s+(?:for|on|of)\s+(?:the|your|this|our)\s+[\w-]+)?(?:'s|’s|s|\s+is|\s+are|\s+will be|\s+comes?|\s+(?:is\s+)?coming)?\s+"
    r"(?:up\s+)?(?:for\s+)?(?:renewal|renew|review|up\b|due|ends?|expires?)|(?:team\s+|squad\s+)?selection(?:'s|’s|\s+is)?\s+"
    r"(?:in|on|next|this|soon|coming)|who (?:to keep|stays|goes|they keep|we keep|gets kept|to let go))\b"
)
_NOT_A_WARNING = r"(?![^.?!]{0,160}\b(?:love to|happy to|glad to|keen to|pleased|delighted|good luck|congrat\w*|well done|looking forward)\b)"
# what the writer would hate to see: "I'd really hate for..."
_HATE_FOR = r"(?:i|we)(?:'d|’d| would)\s+(?:\w+ly\s+|really\s+|just\s+)?hate\s+(?:for|to see)\b"
# said as a thing to keep in mind, or as what the writer would hate to see it spoiled by
_JUDGEMENT_HINT = (
    r"(?:(?:just\s+|please\s+|do\s+)?(?:remember|bear in mind|keep in mind|don'?t forget|worth (?:remembering|bearing in mind|"
    r"noting))\b|as you know,?|" + _HATE_FOR + r")"
)

# something of theirs kept from them: "The shed stays locked", "the keys will remain with me"
KEPT_FROM_THEM = (
    r"(?:stays?|remains?|will stay|will remain|is staying)\s+(?:locked|closed|shut|off|blocked|with me|suspended|on hold|"
    r"confiscated)\b"
)
# who others may take a complaint to: the paper, the council, the head
_TAKEN_TO = (
    r"paper|press|council|councillors?|police|ombudsman|lawyers?|solicitors?|court|regulator|news|media|head|governors|"
    r"board|ofsted|trading standards"
)

# what those who refuse are told not to expect: "Members unwilling to sign up to them should not expect to be
# selected for future tours"
NOT_TO_EXPECT = (
    r"\b(?:unwilling|not prepared|not willing|who (?:don'?t|do not|won'?t|will not|refuse|fail|can'?t|cannot)|that "
    r"(?:don'?t|won'?t|refuse|fail))\b[^.?!]{0,60}?\b(?P<lever>(?:should not|shouldn'?t|can'?t|cannot|won'?t|will not|need not)\s+"
    r"expect\s+to\s+(?:be\s+(?:selected|picked|invited|renewed|considered|kept on|included|paid|reinstated)|keep|remain|stay|"
    r"play|get)\b[^.?!]*)"
)
# a judgement coming for the other side, held up beside what is asked: "Just remember your tenancy's up for
# renewal in October", "the licence for the hall comes up for renewal in the spring, and I'd hate for complaints
# to be the thing people remember", "I'd hate for missed deadlines to become a theme in your probation review",
# "attendance is something the panel does look at", "you know they're looking at who to keep"
# (never said with goodwill: "as you know, your contract is up for renewal and we'd love to keep you")
JUDGEMENT_HELD_UP = "|".join(
    [
        r"\b(?P<lever>" + _NOT_A_WARNING + _JUDGEMENT_HINT + r"[^.?!]{0,80}?" + _RENEWAL + r"[^.?!]*)",
        r"\b(?P<lever2>"
        + _NOT_A_WARNING
        + _RENEWAL
        + r"[^.?!]{0,80}?\b(?:i|we)(?:'d|’d| would)\s+(?:\w+ly\s+|really\s+)?hate\s+(?:for|to see)\b[^.?!]*)",
        r"\b(?P<lever3>" + _HATE_FOR + r"[^.?!]{0,80}?\b(?:in|on|at|for|into|"
        r"come)\s+(?:your|ur|the|his|her)\s+(?:[\w-]+\s+){0,2}?(?:review|appraisal|probation|reference|renewal|assessment)\b[^.?!]*)",
        r"\b(?P<lever4>(?:is|are)\s+(?:something|what|one of the things|a thing)\s+(?:the|our|your|hr|management|they|we)\s*(?:\w+\s+){0,2}?"
        r"(?:does\s+|do\s+|will\s+|always\s+|really\s+)?(?:look(?:s|ing)? at|take(?:s)? into account|notice[sd]?|remember(?:s)?)\b[^.?!]*)",
        r"\b(?P<lever5>(?:get|gets|got|are|is|be)\s+remembered\s+(?:at|when|come)\s+(?:review|appraisal|selection|renewal|bonus|"
        r"promotion)[^.?!]*)",
        r"\b(?P<lever7>(?:they'?re|they’re|they are|management (?:is|are)|hr (?:is|are)|the board (?:is|are)|we'?re|we are)\s+"
        r"(?:\w+\s+)?(?:looking at|deciding|choosing|picking|weighing up)\s+who (?:to keep|stays|goes|to let go|gets? kept)\b[^.?!]*)",
        r"\b(?P<lever6>just saying[.!…]*\s+(?:[\w'-]+\s+){0,2}?(?:selections?|renewals?|reviews?|appraisals?|contracts?)(?:'s|’s|\s+is|\s+are)\b[^.?!]*)",
    ]
)

PATTERNS: tuple[Pattern, ...] = (
    _p(
        "threat",
        0.95,
        rf"\b(?:or|otherwise|or else|else)\s*,?\s*{_I}{_WILL}\s+(?:\w+\s+){{0,2}}{_CONSEQUENCE_VERB}",
        r"\b(?:or|otherwise)\s*,?\s*(?:i'm|i’m|we're|we’re|i am|we are)\s+(?:\w+\s+){0,1}"
        r"(?:leaving|out|done|gone|moving out|walking|calling|going to|filing|taking|quitting|selling|suing)",
        r"\bor else\b",
        r"\b(?:or|otherwise|if not)\s*,?\s*(?:the|this|our|my) (?:deal|offer|agreement)(?:'s| is| will be) (?:off|withdrawn|dead)\b",
        r"\byou(?:'ll| will| are going to|'re going to)\s+(?:\w+\s+){0,2}(?:regret|be sorry|pay for|lose)",
        r"\bsee you (?:and your (?:\w+ )?(?:lawyer|solicitor|attorney)s? )?in court\b|\bmy lawyer will\b|\bour lawyers will\b|\bi'll sue\b|\bwe'll sue\b",
        # "if you can do the school run, I'll cancel the taxi" is a deal offered, not a threat
        rf"\bif\b{_OFFERED_IF}[^.?!:]{{2,80}}?,?\s*(?:then\s+)?{_I}{_WILL}\s+(?:\w+\s+){{0,2}}{_CONSEQUENCE_VERB}",
        r"\bif\b[^.?!]{2,80}?,?\s*(?:then\s+)?(?:i'm|i’m|we're|we’re|i am|we are)\s+"
        r"(?:\w+\s+)?(?:leaving|out|done|gone|moving out|walking out|calling|filing|quitting|handing (?:in )?(?:my|our) notice|resigning|"
        r"stepping (?:away|down|back) from|pulling out of|"
        r"taking (?:you|u|it|this|that|them|him|her|the kids|the children|the (?:whole )?(?:lot|matter|thing)|everything)\b)",
        r"\b(?:one more|next) time\b[^.?!]{0,60}\b(?:and|,)\s*(?:i'm|i am|i'll|i will|we're|we'll|that's it)",
        r"\bor (?:we|i) (?:walk|strike|go on strike|pull out|leave)\b",
        # the same walkout said of someone else, as a restatement does: "..., or Sam is leaving"
        r"\b(?:or|otherwise)\s*,?\s*(?:he|she|they|(?-i:[A-Z][a-z]+))(?:'s|'re|’s| is| are| will be|'ll be)\s+(?:\w+\s+)?"
        r"(?:leaving|gone|moving out|walking out|quitting|done with (?:this|you|it|us|them))\b",
        r"\b(?:you|u)(?:'d| had) better\b|(?<!suits )(?<!suit )(?<!works for )(?<!fits )\byou better\b(?!\s*[.,!?]|$)",
        r"\bthere will be consequences\b|\bface the consequences\b",
        r"\b(?:or|otherwise)\s*,?\s*(?:i|we)\s+(?:go|take|walk|leave|quit|call|report|file|stop|move|sue|cancel|start|"
        r"pull|tell|find|get|change|sell|end|strike|withdraw|escalate|ballot|tow|evict)\b",
        rf"\bunless\b[^.?!]{{3,100}}?(?:,\s*|\s+)(?:then\s+)?{_I}{_WILL}\s+(?:\w+\s+){{0,2}}{_CONSEQUENCE_VERB}",
        r"\babsent\b[^.?!]{3,80}?,\s*[^.?!]{0,50}\b(?:will|'ll|shall)\b",
        r"\bkeep (?:\w+ing|it up|this up|that up|on)\b[^.?!]{0,60}\band\b[^.?!]{0,25}\b"
        r"(?:you'll|you will|i'll|i will|we'll|we will|you're going to)\b",
        r"\bone more time\b[^.?!]{0,12}\b(?:and\s+)?(?:i'm|i am|i'll|i will|we're|we'll|we will|that's it)\b",
        r"\byou(?:'ll| will) (?:see|find out|soon see|learn) (?:how|what|who|exactly)\b",
        r"\bon your hands\b",
        r"\b(?:my|our) (?:lawyer|solicitor|attorney)s? (?:will )?(?:files?|will be in touch|sends?|is drafting)\b",
        r"\byou (?:won't|will not) (?:be seeing|see) (?:the kids|the children|me|us|a penny|your|another)\b",
        r"\bif (?:we|i|you|they)\b[^.?!]{2,60}?,?\s*(?:then\s+)?(?:we|i) (?:walk|strike|leave|quit|go|stop|sue)\b",
        r"\b(?:we|members|the union|the branch|the membership|the workforce|staff|the team) (?:will|shall|'ll) (?:be )?(?:\w+ )?"
        r"(?:ballot|strike|begin (?:an? )?(?:overtime ban|strike|"
        r"work[- ]to[- ]rule|industrial action)|take (?:industrial|strike) action|walk out)\b",
    ),
    _p(
        # what the or-else takes away or throws out, and what it puts at risk: "otherwise we will withdraw the
        # offer", "or i will throw everything out", "or your job could be the next to go"
        "threat",
        0.95,
        r"\b(?:or|otherwise|or else)\s*,?\s*(?:i|we)(?:'ll|’ll| will| shall| am going to| are going to|'m going to|"
        r"’m going to|'re going to)\s+(?:just\s+|simply\s+|have to\s+|be\s+)?"
        # (what is the reader's, or thrown out: never "I'll throw the first batch on", "I'll donate my sofa")
        r"(?P<lever>(?:withdraw(?:ing)? (?:the|our|my|this|that|your)|(?:throw(?:ing)?|chuck(?:ing)?) (?:\w+ ){0,3}(?:out|away)\b|"
        r"(?:bin(?:ning)?|dump(?:ing)?|scrap(?:ping)?|donat(?:e|ing)) (?:your|ur|all your|all of your|everything)|"
        r"giv(?:e|ing) (?:your|ur) \w+ away|"
        # the law called in: "otherwise we will take legal action", "or I will pursue this through the courts"
        r"tak(?:e|ing) (?:legal|court|formal|enforcement) action|pursu(?:e|ing) (?:this|it|the matter|legal|"
        r"the debt|payment)|instruct(?:ing)? (?:a|our|my) (?:solicitor|lawyer|attorney|agent)|"
        r"(?:start|issue|commence|begin)(?:ing)? (?:legal |court )?proceedings)[^.?!]*)",
        cue=False,
    ),
    _p(
        "threat",
        0.95,
        r"\b(?:or|otherwise|or else)\s*,?\s*(?P<lever>(?:your|ur) (?:job|position|place|contract|tenancy|"
        r"spot|role|shifts?|hours|deposit)(?:'s|’s| is| will| could| might| may| would)\s+(?:be\s+)?"
        r"(?:the next|next|on the line|at risk|gone|going|in danger|lost|forfeit|under review|reviewed|cut|over)\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # the or-else said in the present going-on: "..., otherwise I'm changing the locks", "or we're calling the
        # police" ("or I'm going to..." is the future the pattern above reads, with what is going to happen)
        "threat",
        0.95,
        r"\b(?:or|otherwise|or else)\s*,?\s*(?:i'm|i’m|im|we're|we’re|i am|we are)\s+(?:just\s+|simply\s+|then\s+)?"
        r"(?!going to\b)(?P<lever>" + _CONSEQUENCE_VERB + r"[^.?!]*)",
        cue=False,
    ),
    _p(
        # a condition the other side fails or keeps breaking ("if it's not fixed by Friday", "unless
        # you sign", "if you book another trip") and then an action the writer has decided on ("I'm
        # stopping the debit order", "we'll build our own", "the whole crew will go home"); an offer,
        # a question or a way to talk ("we'll work something out") after the condition is not one
        "threat",
        0.9,
        # the action follows the condition, not a second clause inside it ("if you read it and I am ...")
        # (nor after the condition said to be all right: "If you can't get to it, no worries, I'll paint it myself")
        _FAILED_CONDITION
        + r"(?:(?!\band\b|\b(?:(?:no )?worries|(?:no )?problem|(?:no )?bother|(?:no )?stress|all good|that'?s (?:totally |completely |perfectly )?(?:fine|ok|okay|alright))\b)"
        + r"[^.?!]){0,40}?"
        + r",?\s*(?:then\s+)?\b"
        + _DECIDED_ACTION,
        cue=False,
    ),
    _p(
        # the same failed condition, then a penalty that lands on the other side ("If they're not out
        # by Tuesday, £10 comes off your share"), or the penalty first ("rent goes up unless u sign")
        "threat",
        0.9,
        # the lever's own words: never the condition's connectives
        r"(?<![^\s,;:])(?P<lever>(?:(?!(?:then|and|otherwise|unless|if|or|else|after|which|failing)\b)[^\s.?!,;]+\s+){0,6}?\b"
        + _PENALTY
        + r"[^.?!]*)",
        cue=False,
        # ("Take it by the end of the month or it goes to auction": a bare 'or' just before the penalty)
        after=r"(?:" + _FAILED_CONDITION + r"|\b(?:otherwise|or else|failing (?:this|that))\b|\bor,?\s+$)",
    ),
    _p(
        "threat",
        0.9,
        r"(?:^|[.!?;,]\s*)(?P<lever>[^.?!,;]{0,40}?\b" + _PENALTY + r"[^.?!]{0,60}?)\s*\b(?:unless|if (?:you|u) "
        r"(?:don'?t|do not|haven'?t|have not|fail|refuse))\b",
        cue=False,
    ),
    _p(
        # a withdrawal said as what will not go on, after a failed condition: "Unless the fume cupboard is fixed
        # before half term, I won't be prepping any practicals" (never "If it rains, I won't be coming": a
        # condition nobody fails; nor a date passing: "After that date we won't be accepting returns" is a limit)
        "threat",
        0.9,
        r"(?!after\b|failing\b)"
        + _FAILED_CONDITION
        + r"(?:(?!\band\b)[^.?!]){0,40}?,?\s*(?:then\s+)?\b(?P<lever>(?:i|we)\s*(?:won'?t|will not|shan'?t|shall not)\s+"
        r"(?:be|keep|go on)\s+(?!(?:able|long|late|around|home|there|here|free|happy|upset|cross|offended)\b)\w+ing\b(?![^.?!]*\bwithout (?:you|u|ya)\b)[^.?!]*)",
        cue=False,
    ),
    _p(
        # a resignation or a last season given as notice in protest at what others failed to do: "As not one person
        # has learned their lines, I'm stepping down as director after tonight", "Please take this as notice
        # that I won't be teaching after half term. ... nobody has sorted it out" (never a notice with no
        # grievance: "I'm stepping down at the AGM, I'll show whoever's next the ropes")
        "walkout",
        0.9,
        _GRIEVANCE + r"[^\n]{0,250}?(?P<lever>" + _NOTICE + r"[^.?!]*)",
        r"(?P<lever2>" + _NOTICE + r"[^.?!]*)[^\n]{0,250}?" + _GRIEVANCE,
        cue=False,
    ),
    _p(
        # what is given up, handed to someone else: "Otherwise someone else can host it and I'll come as a guest",
        # "else someone else can have my keys"
        "walkout",
        0.9,
        # (said as its own sentence: "let me know if you want the slot, otherwise someone else can have it" is a choice)
        r"(?:^|[.!?;]\s*)(?:else|otherwise|or else)\s*,?\s*(?P<lever>(?:someone|somebody|some1) else\s+"
        r"(?:can|will|'ll|’ll|is going to|gets?)\s+[^.?!]*)",
        cue=False,
    ),
    _p(
        # what is the reader's given to someone else: "pull your weight or someone else can take your place"
        "threat",
        0.9,
        r"\b(?:or|otherwise|or else)\s*,?\s*(?P<lever>(?:someone|somebody|some1) else\s+(?:can|will|'ll|’ll|gets?)\s+"
        r"(?:take|have|get)\s+(?:your|ur)\s+(?:place|spot|role|job|shifts?|seat|slot|room|position|hours)\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # a decision in the present tense after a plain "if not" ("If no, we give the slot to the dance
        # school"), and a walkout tied to a provocation with 'and' ("touch those and we walk")
        "threat",
        0.9,
        r"(?:(?:^|[.!?;]\s+)(?:if (?:no|not)|failing that)|(?:^|[.!?;,]\s*)otherwise)\b,?\s*(?P<lever>(?:i|we)\s+"
        + _NOT_A_LEVER_ACTION
        + r"(?!will|shall|would|should|might|may|must|have|do|don'?t|am|are|'ll|'m|'re)[a-z]+\b[^.?!]*)",
        cue=False,
    ),
    _p(
        "threat",
        0.9,
        r"\band\s+(?:then\s+)?(?P<lever>(?:i|we)(?:'ll|’ll| will)?\s+(?:all\s+)?(?:walk|walk out|strike|quit|resign)\b"
        r"(?!\s+(?:you|them|him|her|it|us|through|over|round|in|into|to|a|the|your|our)\b)[^.?!]*)",
        cue=False,
    ),
    _p(
        # a rule with its sanction: "Any breach of the above will be treated as grounds for ending the tenancy"
        "threat",
        0.9,
        r"(?:\bany (?:further |future |more )?(?:breach|breaches|failure|repeat|repetition|recurrence|instance|late payment|"
        r"missed payment|complaint)s?|\bfailure to (?:comply|remedy|vacate|rectify))\b[^.?!]{0,60}?\b(?P<lever>will\s+"
        r"(?:result in|lead to|be treated as|be met with|mean|be grounds for)\b[^.?!]*)",
        # "Failure to complete it by 30 June will result in your pass being withdrawn" (not "failure to respond will
        # mean we assume the 14th suits everyone")
        r"\bfailure to (?:correct|pay|complete|respond|return|attend|provide|remove|submit)\b[^.?!]{0,60}?\b"
        r"(?P<lever2>will\s+(?:result in|lead to|be treated as|be met with|be grounds for)\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # the other side told to go elsewhere: "after that y'all can go on and find another supplier"
        "threat",
        0.9,
        r"\b(?:you|u)\s+can\s+(?:(?:go|go on|just)\s+(?:and\s+)?)?(?P<lever>(?:find|look for|get)\s+(?:yourself\s+|yourselves\s+)?"
        r"(?:another|someone else|somebody else|somewhere else|a new)\b(?!\s+(?:time|day|date|way|slot|week|copy)\b)[^.?!]*)",
        cue=False,
    ),
    _p(
        # help, money or contact withdrawn in advance: "Just don't expect me to be answering my phone"
        "cut-off",
        0.9,
        r"\b(?:just )?(?:don'?t|do not) expect (?:me|us) to (?P<lever>(?:be )?(?:answer|answering|pick|picking|reply|"
        r"replying|call|calling|come|coming|help|helping|pay|paying|be there|lend|lending|cover|covering|babysit)\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # trouble for the other side wished on nobody, said as a pity: "It would be very unfortunate if someone
        # inspects that extra room", "It'd be an awful shame if the lease renewal got complicated"
        "veiled-threat",
        0.9,
        r"\b(?:it|that)(?:'d|’d| would| could)\s+be\s+(?:(?:a|an|such a)\s+)?(?:(?:real|awful|terrible|great|very|"
        r"really|right)\s+)*(?:shame|pity|unfortunate|unlucky)\b[^.?!]{0,12}?\bif\s+"
        # ...and the trouble is someone looking or hearing, or what the other side holds getting difficult
        r"(?P<lever>(?:(?:someone|somebody|anyone|word)\b[^.?!]{0,60}?\b(?:inspects?|inspected|finds? out|found out|"
        r"hears?|heard|noticed?|looks? into|looked into|reports?|reported|got back to|gets? back to|got wind|gets? wind)|"
        r"(?:the|your)\s+(?:[\w-]+\s+){0,3}?(?:lease|tenancy|renewal|application|reference|contract|visa|licen[cs]e|"
        r"permit|planning|place|position|promotion|review|appraisal|deposit|job)\b[^.?!]{0,30}?\b(?:got|gets|went|goes|"
        r"became|becomes) (?:a bit |rather |very |all )?(?:complicated|difficult|messy|awkward|delayed|lost|sideways|"
        r"wrong))\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # an exposure the writer would "hate to have to" make: "I'd genuinely hate to have to share this experience
        # with my followers", "we would hate to have to involve the landlord"
        "veiled-threat",
        0.9,
        r"\b(?:i|we)(?:'d|’d| would| will)\s+(?:\w+ly\s+|really\s+)?hate\s+(?:for\s+(?:us|me)\s+)?to\s+have\s+to\s+"
        r"(?P<lever>(?!(?:tell|let)\s+(?:you|u|ya)\b)(?:share|post|tell|report|involve|escalate|take|contact|write|review|name|publish|inform|"
        r"let (?:\w+ ){0,3}know|pass|forward|mention)\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # what others may do, said as what the writer cannot promise: "mi cyaan promise seh mi bredren
        # dem nah come knock pon yuh door", "I can't guarantee the lads won't..."
        "veiled-threat",
        0.9,
        r"\b(?:can'?t|cannot|cyaan|won'?t be able to) (?:promise|guarantee|answer for)(?: (?:that|seh))? "
        r"(?P<lever>(?:my|mi|the|our|his|her|their|some|them|dem|people|the lads|the boys)\b[^.?!]{0,50}?"
        r"\b(?:won'?t|will not|nah|not|don'?t|wouldn'?t)\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # a repeat, then 'and' and the decision: "Do it once more and I'll forward the drafts to the team"
        "threat",
        0.9,
        r"(?:\b(?:once more|one more time|again|ever again)|(?:^|[.!?;:]\s+)(?:break|ignore|cross|touch|breach) (?:any of )?"
        r"(?:it|them|these|those|this|that|the rules|my \w+))\s*,?\s*and\s+(?:then\s+)?" + _DECIDED_ACTION,
        cue=False,
    ),
    _p(
        # a dare to refuse, then what follows: "Turn it down and it's five days in the office", "Push back on
        # any of them and we can all enjoy explaining it to a judge" (not "say no and that's fine")
        "threat",
        0.9,
        r"(?:^|[.!?;:]\s+)(?:"
        + _DARE_DOWN
        + "|"
        + _DARE_VERB
        + r"\s+(?:any of\s+|one of\s+)?(?:it|this|that|them|these|those|the offer|my offer))"
        r"\s*,?\s+and\s+(?P<lever>(?:it'?s|it will be|you'?re|you are|you'?ll|you will|we (?:can|all|will|'ll)|we'?re|we are|i'?ll|i will|i'?m|i am|"
        r"that'?s (?:it|the end)|the \w+ (?:will|goes|is))\b(?!\s+(?:fine|ok(?:ay)?|no problem|talk|understand|still|welcome|free|happy|more than welcome|always welcome)\b)[^.?!]{3,})",
        cue=False,
    ),
    _p(
        # the decision first, then the repeat that would set it off: "We'll cut your hours if you're late
        # again", "I'm telling Dad if you take my charger one more time" (not "I'll cook if you come again")
        "threat",
        0.9,
        r"(?P<lever>(?:i|we)(?:'ll|’ll| will| shall| am going to| are going to|'m going to|'re going to|'m|’m)\s+"
        r"(?:just |simply |then )?"
        + _NOT_A_LEVER_ACTION
        + r"(?!(?:cook|come|bring|help|drive|pay|buy|make|be|love|do it)\b)[a-z]+[^.?!]{0,80}?)\s+if\s+(?:you|u|he|she|they)\b[^.?!]{0,60}?\b(?:again|one more time|once more|"
        r"ever again)\b",
        cue=False,
    ),
    _p(
        # the decision first, then what would stop it: "Members will walk off the line at 22:00 unless the
        # ventilation is fixed" (not "we'll start at 9 unless you'd prefer 10")
        "threat",
        0.9,
        r"(?P<lever>(?:i|we|everyone|(?:(?:the|our|all|all the|all our|my) (?:\w+ )?)?"
        r"(?:drivers|members|staff|workers|team|crew|tenants|residents|parents|volunteers|nurses|teachers|union|branch|"
        r"(?:\w+'? )?(?:association|committee|board))"
        r"(?: (?:on|in|at|from|of) (?:the |our )?\w+(?: \w+)?)?)"
        r"(?:'ll|’ll| will| shall| are going to| am going to|"
        r"'m going to|'re going to)\s+(?:just |simply |then )?"
        + _NOT_A_LEVER_ACTION
        + r"[a-z]+[^.?!]{0,100}?)\s+(?:unless\s+(?!"
        + _OPT_OUT
        # or the formal "should the repairs be postponed"
        + r")|should\s+(?:the|any|your|this|these|our)\b[^.?!]{0,60}?\bbe\s+\w+(?:ed|en)\b)",
        cue=False,
    ),
    _p(
        # a rule whose breakers lose something: "Anyone who hasn't coughed up by then is off the team sheet",
        # "Anyone who can't manage this can find somewhere else to live"
        "threat",
        0.9,
        r"\b(?:anyone|anybody|whoever|those|people|any \w+) (?:who|that) (?:hasn'?t|haven'?t|doesn'?t|don'?t|can'?t|"
        r"cannot|won'?t|isn'?t|aren'?t|fails? to|refuses? to|breaks?|ignores?)\b[^.?!]{0,70}?\b(?P<lever>(?:is|are|will be|'ll be|"
        r"can|gets?|will get)\s+(?:\w+\s+)?(?:off|out|banned|dropped|removed|fined|charged|struck off|find \w+ else|"
        r"find another|leave|go|look elsewhere|evicted|suspended|stay (?:home|away))\b[^.?!]*)",
        # "Anyone not following these will not be picked", "Players not paid up by Friday won't be selected"
        r"\b(?:anyone|anybody|whoever|players|members|staff|people) not \w+(?:ing|ed)\b[^.?!]{0,60}?\b(?P<lever2>(?:will not|won'?t) be "
        r"(?:picked|selected|paid|played|considered)\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # something of theirs, then a refusal or removal by the writer: "if u post that pic i swear im
        # blocking u", "if ur gonna make me wear that dress im literally not coming"
        "threat",
        0.9,
        r"\bif (?:you|u|ur|you'?re|youre|your \w+)\b[^.?!]{2,90}?,?\s*(?:then\s+)?(?:i swear\s+)?(?P<lever>"
        r"(?:i|im|i'm|we|we're)(?:'m|’m|'re| am| are|'ll| will)?\s+(?:literally |just |simply |honestly |so |totally )?"
        r"(?:not|never|no longer)\s+(?:coming|going|paying|speaking|talking|helping|staying|answering|lending|hosting|"
        r"babysitting|signing|renewing|working|covering|doing)\b[^.?!]*|"
        r"(?:im|i'm|i am|we're|we are)\s+(?:literally |just |so )?(?:blocking|reporting|done|finished|gone|"
        r"kicking (?:you|u|him|her|them)|throwing (?:you|u|it|them|your|ur)|changing the locks|selling)\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # an offer refused ("if that's not acceptable to you both", "if you won't accept it"), then
        # whatever follows, unless it is an invitation or a way to keep talking: "then it goes to the
        # saleroom", "then no need to call us for the function"
        "threat",
        0.9,
        r"\bif (?:(?:that|this|it|the (?:offer|price|deal|proposal|plan|figure))(?:'s|’s| is| does| do)?\s*(?:not|n't|no)\s+"
        r"(?:\w+\s+){0,2}?(?:okay|ok|acceptable|good enough|enough|suit(?:able)?|work|agreeable|fine|alright)|"
        r"(?:you|u|they|he|she) (?:don'?t|do not|dont|won'?t|will not|refuse to|can'?t|cannot) (?:accept|agree to|"
        r"take (?:it|this|that|the offer)))\b[^,.?!]{0,30}?(?:,\s*(?:then\s+)?|\s+then\s+)" + _NOT_INVITING,
        cue=False,
    ),
    _p(
        # a decision in the plain present after a failed condition, as English learners write it: "If next
        # delivery is not correct packing, we stop to work with your company and we go with other distributor"
        "threat",
        0.9,
        _FAILED_CONDITION
        + r"(?:(?!\band\b)[^.?!]){0,40}?,?\s*(?:then\s+)?\b(?P<lever>(?:i|we)\s+(?:stop(?!\s+(?:at|by|for|in|off|over|and)\b)|cancel|quit|"
        r"terminate|end (?:the|our|my|this)|go (?:with|to) (?:an?\s*)?(?:other|different|new)|"
        r"change (?:the |our |my )?(?:supplier|company|provider|distributor|agent|agency|school|bank)|"
        r"find (?:an?\s*)?(?:other|new|different)|take (?:my|our) (?:business|custom|money))\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # out of it altogether if the terms stand: "if thats a problem count me out"
        "walkout",
        0.9,
        r"\bif\b[^.?!]{2,60}?,?\s*(?:then\s+)?(?:just\s+)?(?P<lever>count (?:me|us) out\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # "Take it, or enjoy running the whole thing yourselves"
        "final-offer",
        0.9,
        r"(?:^|[.!?;:]\s*)(?P<lever>take it,?\s+or\b(?!\s+(?:tell|let|ask|say|suggest|talk|change|adjust)\b)[^.?!]*)",
        cue=False,
    ),
    _p(
        # a harm dared, then a walkout of many, and the warning not to try it: "Cut the allowance and we'll
        # have every depot out on the pavement by Monday. Don't test us."
        "threat",
        0.9,
        r"\band\s+(?P<lever>(?:we|i)(?:'ll|’ll| will) have (?:every|all (?:the |our )?|the whole )\w+ (?:out|on strike|walking out)\b[^.?!]*)",
        r"\bdon'?t (?:test|push) (?:me|us)\b",
        cue=False,
    ),
    _p(
        # a third party to be told, said as what they will hear: "maybe the bank will need to hear from me",
        # "you'll be hearing from my solicitor"
        "veiled-threat",
        0.85,
        r"\b(?P<lever>(?:the|your|my|our) (?:bank|police|council|landlord|letting agent|agency|school|head(?:teacher)?|boss|manager|hr|"
        r"court|solicitor|lawyer|insurer|insurance|tax office|authorities|ombudsman|board|regulator|union|inspector|"
        r"trustees|governors|committee)\b[^.?!]{0,20}?\b(?:will|'ll|may|might|would|could)\s+(?:need to |have to |want to )?"
        r"(?:hear|be hearing) from (?:me|us)\b[^.?!]*)",
        r"\byou(?:'ll|’ll| will) (?:be )?hear(?:ing)? from (?:my|our) (?:solicitor|lawyer|attorney|union|agent|rep)",
        r"\b(?:would|'d) hate for (?:this|it|things|that|us) to (?:turn|become|go|get|end up|escalate|have to)\b",
        cue=False,
    ),
    _p(
        # 'or' / 'otherwise', a word of regret, then the decision: "otherwise I'm afraid we'll have to release your
        # date", "or I'll have to pause things", "or I'm telling Priya at the agency", "or I will stop to pay the rent"
        "threat",
        0.9,
        r"\b(?:or|otherwise|or else)\s*,?\s*(?:(?:i'?m afraid|i am afraid|sadly|unfortunately|regrettably|i'?m sorry(?: to say)?(?: but)?|"
        r"honestly|frankly)\s*,?\s*)?(?P<lever>(?:i|we)(?:'ll|’ll| will| shall|'m|’m| am|'re| are)\s+(?:have to |need to |be )?"
        r"(?:release (?:your|the|their|his|her)\b|pause\b|hand (?:over|back)\b|stop to \w+|tell(?:ing)?\b|report(?:ing)?\b|"
        r"contact(?:ing)?\b|ring(?:ing)?\b|phon(?:e|ing)\b|email(?:ing)?\b|writ(?:e|ing) to\b|call(?:ing)? to\b|"
        r"stop(?:ping)? (?:to pay|paying|payment|the (?:rent|payment|standing order|direct debit))\b|"
        # the work taken elsewhere: "otherwise I'm booking the firm from Stockport", "or we'll hire another band"
        r"get(?:ting)? (?:someone|somebody) else\b|bring(?:ing)? in (?:someone|somebody) else\b|"
        r"(?:book|hir|us|go(?:ing)? with)(?:e|ing)? (?:another|a different|the other|someone else|somebody else|"
        r"the (?:[\w-]+ )?(?:firm|company|crew|lot|builders?|contractors?|band|caterers?) from)\b)[^.?!]*)",
        # "Do it or next weekend doesn't happen", "or the trip is off"
        r"\b(?:or|otherwise|or else)\s*,?\s*(?P<lever2>(?:[\w']+\s+){1,4}(?:doesn'?t|won'?t|will not|isn'?t going to|is not going to) happen\b[^.?!]*)",
        # "You can have it or you can explain to the scheme why you pocketed the rest"
        r"\bor (?:you|u) can (?P<lever3>(?:explain|answer|justify)\b[^.?!]{0,30}?\bto (?:the|a|my|your|our) \w+[^.?!]*)",
        cue=False,
    ),
    _p(
        # the slot or the price not held past a date: "we won't be able to hold the production slot past Friday"
        "deadline-penalty",
        0.9,
        r"\b(?P<lever>(?:won'?t|will not|can'?t|cannot) (?:be able to )?(?:hold|keep|reserve|guarantee) (?:the|your|this|that|our) "
        r"(?:[\w-]+ ){0,2}(?:slot|place|date|booking|price|room|spot|offer|rate|table|pitch|space)s? (?:past|beyond|after)\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # nothing signed or agreed without all of it: "I won't be signing anything that doesn't include all three"
        "non-negotiable-list",
        0.9,
        r"\b(?P<lever>(?:i|we)\s*(?:won'?t|will not|shan'?t|shall not|am not|'m not|are not|'re not)\s+(?:be\s+)?"
        r"(?:sign(?:ing)?|agree(?:ing)? to|accept(?:ing)?|approv(?:e|ing))\s+(?:anything|any (?:\w+ )?(?:deal|agreement|contract|"
        r"offer|plan|proposal|document|version))\s+(?:that|which|unless|without)\b[^.?!]{0,40}?\b(?:all (?:three|four|five|six|"
        r"of (?:them|these|those|it|this|that))|every one of|each of|both of)\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # a failure, said as a noun, that a process will deal with: "non-compliance will be managed through the
        # attendance policy", "Failure to pay by the 5th will result in..."
        "deadline-penalty",
        0.9,
        r"\b(?P<lever>(?:non-?compliance|non-?payment|non-?attendance|failure to \w+|any (?:breach|refusal|failure))\b[^.?!]{0,60}?"
        r"\b(?:will|shall|may|could)\s+(?:be\s+(?:managed|dealt with|handled|treated|addressed|referred|escalated|"
        r"taken forward|recorded|reported)|result in|lead to)\b(?!\s+(?:us|me|you)?\s*(?:assum|tak)\w*)[^.?!]*)",
        cue=False,
    ),
    _p(
        # the consequence handed to someone else to carry out: "if you say no I'll ask Mr Hendry to apply to the
        # court for a sale"
        "threat",
        0.9,
        _FAILED_CONDITION
        + r"(?:(?!\band\b)[^.?!]){0,40}?,?\s*(?:then\s+)?\b(?P<lever>(?:i|we)(?:'ll|’ll| will| shall|'m going to| am going to)\s+"
        r"(?:ask|get|have|instruct|tell)\s+(?:[\w'’]+\s+){1,3}?to\s+(?:apply to (?:the )?court|go to (?:the )?court|"
        r"(?:start|issue|begin) (?:legal |court )?proceedings|take (?:legal |court )?action|force a sale|evict|repossess|"
        r"serve (?:a |the )?notice)\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # the writer's side staying away if the other side's choice stands: "if he's on the list, the kids and I
        # won't be coming" (never the weather: "if it rains we won't be coming")
        "walkout",
        0.9,
        r"\bif\s+(?:he|she|they|you|u|(?-i:[A-Z][a-z]+)|your \w+)\s*(?:'s|'re|’s|’re| is| are| gets?)?\s*"
        r"(?:on the (?:guest )?list|invited|there|coming|comes|going|goes|invites? (?:him|her|them)|brings? (?:him|her|them)|"
        r"turns? up|shows? up)\b[^.?!]{0,40}?,\s*(?:then\s+)?(?P<lever>(?:the (?:kids|children|boys|girls) and i|(?:\w+ and )?i|we)\s+"
        r"(?:won'?t|will not|shan'?t|am not|'m not|are not|'re not)\s+(?:(?:be\s+)?(?:coming|going|attending|there|come|go|attend)\b|"
        r"be\b(?=\s*[.!]|\s*$))[^.?!]*)",
        cue=False,
    ),
    _p(
        # a threat passed on from others, the writer standing aside: "a number of parents have said that if it isn't,
        # they will be contacting the Evening Post and Cllr Rowe"
        "veiled-threat",
        0.9,
        r"\b(?:have|has|had|are|were)\s+(?:\w+\s+)?(?:said|saying|told (?:me|us)|mentioned)\s+(?:that\s+)?"
        r"(?P<lever>(?:if|unless)\b[^.?!]{2,60}?,?\s*they(?:'ll|’ll| will| are going to|'re going to)\s+(?:be\s+)?"
        r"(?:[\w-]+\s+){0,3}?(?:the\s+)?(?:[\w.-]+\s+){0,2}?(?:post|cllr|mp|" + _TAKEN_TO + r")\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # who has not done it left out: "anyone who hasn't chipped in for the stag by Thursday isn't coming"
        "deadline-penalty",
        0.9,
        r"\b(?:anyone|anybody|whoever)\s+(?:who|that)\s+(?:hasn'?t|has not|haven'?t|doesn'?t|does not|didn'?t|won'?t|can'?t)\b"
        r"[^.?!,]{2,60}?\s+(?P<lever>(?:isn'?t|is not|won'?t be|will not be|can'?t|cannot|doesn'?t get to|won'?t get to)\s+"
        r"(?:coming|going|playing|invited|welcome|allowed|selected|picked|getting|on (?:the|my|our)\b)[^.?!]*)",
        cue=False,
    ),
    _p(
        # something of theirs kept from them till they do it: "The shed stays locked until you pay what you owe",
        # "We'll be withholding the service charge until the roof is repaired"
        "threat",
        0.9,
        r"(?P<lever>\b" + KEPT_FROM_THEM + r"[^.?!]{0,50}?)\s+\b(?:until|till|unless)\s+(?:you|u|he|she|they)\b|"
        r"(?P<lever2>\b(?:i|we)(?:'ll|’ll| will| are| am|'re|'m)?\s+(?:be\s+)?(?:withhold(?:ing)?|holding back|suspend(?:ing)?|"
        r"stop(?:ping)? paying|not paying)\b[^.?!]{0,50}?)\s+\b(?:until|till|unless)\s+(?:(?:you|u|he|she|they)\b|"
        r"(?:the|your|ur)\s+[\w' -]{1,30}?\s+(?:is|are|has been|have been|gets?)\s+\w+)",
        cue=False,
    ),
    _p(
        # the children's residence threatened: "if you push it I'll apply for sole custody"
        "threat",
        0.9,
        r"\b(?P<lever>(?:i|we)(?:'ll|’ll| will|'m going to| am going to)\s+(?:be\s+)?(?:apply(?:ing)? for|go(?:ing)? for|seek(?:ing)?|"
        r"push(?:ing)? for)\s+(?:sole|full)\s+(?:custody|residence)\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # a favour withdrawn for good: "you can forget about me covering your Saturdays ever again"
        "threat",
        0.9,
        r"\b(?P<lever>(?:you|u)\s+can\s+forget\s+(?:about\s+)?(?:me|us)\s+\w+ing\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # others' threat passed on, the condition after it: "Some of the other parents have said they'll go to the
        # head if this carries on"
        "veiled-threat",
        0.9,
        r"\b(?:have|has|had|are|were)\s+(?:\w+\s+)?(?:said|saying|told (?:me|us)|mentioned|talking about)\s+(?:that\s+)?"
        r"(?P<lever>they(?:'ll|’ll| will| are going to|'re going to)\s+(?:be\s+)?(?:[\w-]+\s+){0,3}?(?:the\s+)?(?:[\w.-]+\s+){0,2}?"
        r"(?:" + _TAKEN_TO + r")\b[^.?!]{0,40}?\b(?:if|unless)\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # the writer's side leaving if someone stays or is chosen: "If Karen is on the committee next year, the
        # Hendersons and I are resigning"
        "walkout",
        0.9,
        r"\bif\s+(?:he|she|they|(?-i:[A-Z][a-z]+)|your \w+)\s*(?:'s|’s| is| are| gets?| stays?)\s+(?:on|in|elected|chosen|picked|"
        r"appointed|made|kept|back)\b[^.?!]{0,40}?,\s*(?:then\s+)?(?P<lever>(?:the \w+(?: \w+)? and i|(?:\w+ and )?i|we)\s+"
        r"(?:am|'m|are|'re|will|'ll|shall)\s+(?:be\s+)?(?:resigning|resign|leaving|leave|quitting|quit|stepping down|step down|"
        r"pulling out|pull out|walking|walk)\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # the job done by the writer and its cost or mess left to them: "Sort the hedge or I'll cut it myself and you
        # can pick up the branches", "or I'll do it myself and send you the bill"
        "threat",
        0.9,
        r"\b(?:or|otherwise|or else)\s*,?\s*(?P<lever>(?:i|we)(?:'ll|’ll| will| shall)\s+(?:just\s+)?(?:\w+\s+){1,2}"
        r"(?:it|them|the \w+|that)\s+(?:myself|ourselves)\b[^.?!]*?\band\s+(?:then\s+)?(?:(?:you|u)\s+can\s+(?:pick up|clear|collect|"
        r"pay|sweep|deal with|clean|take)|(?:send|give|hand|pass|forward)\s+(?:you|u)\s+the\s+(?:bill|invoice|cost)|"
        r"(?:bill|charge|invoice)\s+(?:you|u)|(?:you|u)(?:'ll|’ll| will)\s+(?:pay|get the bill|be paying|be charged|foot the bill))"
        r"\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # a price said to be the last, then what happens to it after a day: "4 grand for the boat, lowest I'll go.
        # Tomorrow it goes on eBay", "£3,400 is the lowest I'll go, after Friday the price goes up", "That's final.
        # After Wednesday it's withdrawn" (not "Happy to do £180. After Friday I'm away", nor a final year at uni)
        "final-offer",
        0.9,
        r"(?:\b(?:lowest|final|last|best)\s+(?:(?:i'?ll|i will|i can|we can|we'?ll)\s+)?(?:go|price|offer|figure|number|"
        r"position)\b|\bthat'?s final\b|\bnot going (?:any )?lower\b|\bis final\b)[^?]{0,120}?"
        r"(?:\b(?:after|from|come|past)\s+(?:\w+\s+){0,2}?(?:it'?s|it is|it will be|it'?ll be|the (?:offer|price|quote|deal)"
        r"(?:'s| is| will be|'ll be)?)\s+(?P<lever>withdrawn|off the table|void|going up|up)\b|"
        r"\b(?:the price|it)\s+(?P<lever2>goes\s+up)\b|"
        r"\b(?P<lever3>(?:it|the \w+)\s+(?:goes|is going|'s going|will go)\s+(?:on|up on|to)\s+(?:ebay|gumtree|marketplace|"
        r"facebook|vinted|craigslist|auction|someone else|the next (?:person|buyer|one)))\b)",
        cue=False,
    ),
    _p(
        # the writer turning up at their door as the or-else: "Give it back this weekend or I swear I'm coming to your
        # uni to get it" (not "or I'll come round and help", nor "or I'm coming anyway")
        "threat",
        0.9,
        r"\b(?:or|otherwise|or else)\s*,?\s*(?:i swear\s+|so help me\s+|honestly\s+)?(?:i'?m|i’m|i am|i'?ll|i’ll|i will|"
        r"we'?re|we'?ll)\s+(?P<lever>(?:com(?:e|ing)|turn(?:ing)? up|show(?:ing)? up)\s+(?:round\s+|over\s+|down\s+)?"
        r"(?:to\s+)?(?:your|ur)\s+\w+(?:\s+\w+)?\s+(?:to|and)\s+(?:get|take|collect|fetch|sort|have it out|drag|find)\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # evidence held over them, said after a demand: "PICK IT UP. WE HAVE YOU ON CAMERA." (not a thank-you for
        # a parcel the doorbell camera saw)
        "veiled-threat",
        0.9,
        r"(?:^|[.!?]\s+)(?P<lever>(?:and\s+)?(?:we|i)(?:'ve|’ve| have)?\s+(?:got\s+)?(?:you|u|it all|the whole thing)\s+on\s+"
        r"(?:camera|cctv|video|film|tape|the doorbell(?: cam(?:era)?)?)\b(?![^.?!]*\b(?:thanks|thank you|cheers|lol)\b)[^.?!]*)",
        cue=False,
    ),
    _p(
        # a child's or member's place lost if the other side fails: "if we don't have the £45 by Saturday Kai won't be
        # able to play in the cup match"
        "deadline-penalty",
        0.9,
        r"\b(?P<lever>(?:he|she|they|(?-i:[A-Z][a-z]+)|your \w+) (?:won'?t|will not|can'?t|cannot) be (?:able|allowed) to "
        r"(?:play|attend|take part|sit|travel|join|compete|perform|go on|come on)\b[^.?!]*)",
        cue=False,
        after=_FAILED_CONDITION,
    ),
    _p(
        # someone with power, named as family or as the writer's own seat: "My brother-in-law's on the planning
        # committee", "I sit on the board of governors" (not an offer of their help)
        "veiled-threat",
        0.85,
        r"\b(?P<lever>my (?:brother|sister|cousin|uncle|aunt|auntie|dad|mum|mom|father|mother|husband|wife|partner|son|daughter|"
        r"friend|mate|best friend)(?:-in-law)?(?:'s| is| sits| works| has a (?:seat|job))\s+(?:(?:on|in|at|for|with)\s+)?"
        r"(?:the\s+)?(?:[\w-]+\s+){0,2}(?:committee|council|board|police|force|panel|governors|tribunal|court|press|paper|"
        r"planning|licensing|ombudsman)\b[^.?!]*)(?![^.?!]{0,60}\b(?:help|advice|advise|ask (?:her|him)|recommend)\b)",
        # "my sister is social worker, and she knows what the judge thinks": a relative whose job is to look
        r"\b(?P<lever3>my (?:brother|sister|cousin|uncle|aunt|auntie|husband|wife|partner|friend|mate)(?:-in-law)?(?:'s| is) "
        r"(?:a |an )?(?:family )?(?:social worker|police officer|policeman|policewoman|cop|lawyer|solicitor|judge|journalist|"
        r"reporter|inspector|magistrate|barrister)\b[^.?!]{0,30}?\b(?:knows?|would (?:be )?(?:interested|love)|judges?|court|"
        r"strict|fines?|think(?:s)? (?:about|of))\b[^.?!]*)",
        r"\b(?P<lever2>(?:as you (?:may |might )?know,?\s+)i (?:sit|serve|am|'m) on the (?:[\w-]+ ){0,2}(?:board|committee|council|panel|governors)\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # other work or other suppliers on offer: "I've had a few interesting calls from recruiters", "returning calls
        # from the other packaging firms who keep ringing us"
        "veiled-threat",
        0.85,
        r"\b(?P<lever>[^.?!]{0,40}\b(?:calls?|offers?|messages?|approaches|emails?) from (?:recruiters|headhunters|"
        r"(?:the )?other (?:[\w-]+ ){0,2}(?:firms|companies|suppliers|clubs|schools|agencies|landlords|distributors|teams))\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # leaving to stay with family, said as the other half of an 'or': "Either she's got her own place by spring or
        # me and the girls are goin to stay with my sister in Macon"
        "walkout",
        0.9,
        r"\b(?:or|otherwise)\s*,?\s*(?P<lever>(?:i|we|me and (?:the|my|our) \w+|the (?:kids|girls|boys|children) and (?:me|i))"
        r"(?:'re|'m|’re|’m| are| am| will| 'll|'ll)?\s+(?:goin[g']?\s+(?:to\s+)?|going to\s+|gonna\s+)?"
        r"(?:stay(?:ing)? (?:with|at)|mov(?:e|ing) (?:in with|back to|back in with)|go(?:ing)? (?:back )?to) "
        r"(?:my|our) (?:mum|mom|mam|mama|mother|dad|father|sister|brother|parents|folks|nan|gran|granny|aunt|auntie)\b[^.?!]*)",
        cue=False,
    ),
    _p(
        # what is not gone by a day is thrown out: "if its not gone by sunday its going in the skip", "If it's not
        # moved by the 31st it's going to the tip, all of it" (not "if you don't want the sofa, it's going to the tip")
        "deadline-penalty",
        0.9,
        r"\bif (?:it|they|(?:your|ur|his|her|their) (?:\w+ ){0,2}?\w+)(?:'s|’s| is|s| are|'re)? (?:not|n't|still not) "
        r"(?:gone|moved|shifted|cleared(?: out)?|out|collected|picked up)\b[^.?!]{0,40}?,?\s*"
        r"(?P<lever>" + _IT_THROWN_OUT + r"[^.?!]*)",
        cue=False,
    ),
    _p(
        # what is left in the way by a day is thrown out: "anything still in that hallway on Thursday morning goes out
        # with the recycling", "whatever's left on the drive by Sunday gets skipped"
        "deadline-penalty",
        0.9,
        r"\b(?:anything|everything|whatever)(?:'s| that'?s| that is| is)? (?:left )?still (?:in|on|at|outside|by) [^.?!]{0,50}?\b"
        r"(?P<lever>(?:goes|will go|gets|will get|is going|will be) (?:out|in the|into the|to the (?:tip|dump|skip|charity)|thrown|"
        r"binned|skipped|donated|sold|towed|removed|recycled|dumped)\b[^.?!]*)",
        cue=False,
    ),
    _p(
        "final-offer",
        0.95,
        r"\btake it or leave it\b|\btake-it-or-leave-it\b",
        r"\b(?:my|our|this is the|this is my|this is our|the)\s+(?:best and\s+)?final\s+(?:offer|answer|word|price|terms|proposal)\b"
        # (never a yes: "My final answer is yes, I'd love to be your bridesmaid!")
        r"(?!\s+(?:is|was|'s)\s+(?:a\s+)?(?:yes|yeah|yep|absolutely|of course|definitely)\b)",
        # not the notice of a date that closes ("Last chance to sign up for camp is Friday")
        r"\bbest and final\b|\blast offer\b|"
        # a last price said as the writer's own, never asked about: "$2,800, last price already", "that's the last
        # number you'll hear from me" (not "can you send me the last figure from the spreadsheet?")
        r"(?:\b(?:my|our|is|'s|the)\s+|,\s*)last (?:price|number|figure)\b(?!\s+(?:from|for|of|on|in|you had|we had)\b)"
        r"(?![^.?!]*\?)|"
        r"\b(?:the only (?:offer|deal)|(?:deal|offer|price)\b[^.?!]{0,60}\bthe only one) (?:you'?re|ye'?re|you are|yer) "
        r"(?:gettin[g']?|going to get)\b|(?<!\bmy )(?<!\bour )\b(?:last|final) chance\b(?!\s+to\s+(?:sign|send|book|register|order|enter|grab|buy|apply|"
        r"join|rsvp|vote|submit|reply|respond|see|catch|enrol|enroll|nominate|get (?:your|tickets|in on))\b)",
        r"\bnot (?:a|one) (?:penny|cent|dollar|pound|euro|minute|day|inch) more\b",
        r"\bthat'?s (?:it|all),? (?:take it|final|end of)\b|\bend of (?:story|discussion|negotiation)\b",
        r"\bno (?:further|more) (?:negotiation|discussion|counter ?offers?|back and forth)\b",
        r"\bnot up for (?:discussion|negotiation|debate)\b",
        r"\bas good as it (?:gets|'s going to get|will get)\b|\bsign it or (?:don't|do not|walk)\b|\btake it or don't\b",
        r"\bno exceptions\b|\b(?:won't|will not|not going to) budge\b|\bnot budging\b|\bmy last word\b|"
        # (never "that's my last question, promise")
        r"\bthat'?s my last\b(?!\s+(?:question|thing to say|point|comment|one for today|request for today|email today)\b)",
    ),
    _p(
        "walkout",
        0.9,
        r"\b(?:i'm|i’m|i am|we're|we’re|we are)\s+(?:\w+\s+)?(?:walking out|leaving (?:the|this) (?:room|table|meeting|call|talks|negotiation)|out of here|outta here|getting up and leaving)\b",
        r"\b(?:i'm|i’m|i am|we're|we’re|we are)\s+leaving\s*(?:now|right now)?\s*[.!]*$",
        r"\b(?:i'm|i’m|we're|we’re)\s+(?:done|finished) here\b",
        r"\bwalk(?:ing|ed)? out (?:of|on) (?:this|the|these)\b",
        r"\b(?:i|we)(?:'ll| will) walk out\b|\b(?:i|we) walk out\b",
        r"\bhanging up(?: now)?\b|\bi'm hanging up\b|\bleaving the table\b",
        r"\bstorm(?:ing|ed)? out\b",
        r"\b(?:i'm|im|i am|we're|we are) out\s*(?:[.!,]|$)|\bi(?:'m| am) out of here\b",
        r"\bi quit\s*(?:[.!,]|$)|^\s*(?:fine|ok|okay|whatever)?[.,!\s]*forget it\b",
        r"\b(?:run|sort|do|fix|organi[sz]e|handle) (?:it|this|that|the \w+|everything) yourself\b",
        r"\bgood luck with (?:the|your|that)\b[^?]*$",
    ),
    _p(
        "deadline-penalty",
        0.95,
        r"\b(?:by|before|until|till|within|no later than)\s+(?:[\w:]+\s+){1,4}?(?:,\s*)?(?:or|otherwise|or else)\s+(?:\w+\s+){0,3}"
        r"(?:i|we|you|it|the|this|that|there|i'm|we're|i'll|we'll|deal|offer)\b",
        r"\b(?:by|before)\s+(?:[\w:]+\s+){1,4}?(?:,\s*)?(?:if not|if it's not|if it isn't|if you don't)\b[^.?!]{0,60}\b(?:i'll|i will|we'll|we will|i'm|we're)\b",
        r"\byou have (?:until|till|\d+|one|two|three|24|48|a) [^.?!]{0,40}(?:or|otherwise|then|after that|before)\b[^.?!]{0,50}\b(?:i|we)(?:'ll| will|'m| am|'re| are)\b",
        r"\b(?:offer|deal|this) (?:expires|is off the table|goes away|is withdrawn) (?:at|by|on|if|after|tomorrow|tonight|friday|monday|end)\b",
        r"\bclock is ticking\b",
    ),
    _p(
        "non-negotiable-list",
        0.9,
        r"\bnon[- ]?negotiables?\s*(?:are|:)\s*[^.?!]*(?:,|;|\band\b|\d\))",
        r"\b(?:these|the following|all of these|each of these|every one of these)\s+(?:are|is)\s+(?:all\s+)?(?:non[- ]?negotiable|deal[- ]?breakers|not negotiable)\b",
        r"\bdeal[- ]?breakers?\s*(?::|are)\s*[^.?!]*(?:,|;|\band\b)",
        r"\b(?:none of (?:this|these|it) is|all (?:of )?(?:this|these|it) (?:is|are)) (?:non[- ]?negotiable|not negotiable|up for negotiation)\b",
        r"(?:\n|^)\s*(?:\d+[.)]|[-*•])\s.*(?:\n\s*(?:\d+[.)]|[-*•])\s.*){1,}[\s\S]*non[- ]?negotiable|non[- ]?negotiable[\s\S]*(?:\n\s*(?:\d+[.)]|[-*•])\s.*){2,}",
    ),
    _p(
        "veiled-threat",
        0.85,
        r"\b(?:it )?(?:would|'d) be a (?:shame|pity)\b",
        r"\b(?:would|'d) hate (?:for|to see|it if)\b[^.?!]{0,80}\b(?:affect|happen|hear|find out|get out|come out|suffer|go wrong|lose|end up|get hurt|learn)",
        r"\bremember who\b|\bdon't forget who\b|\bknow what (?:i|we) know\b|\bi know where\b",
        r"\bpeople who [^.?!]{0,40}\b(?:regret|tend to|end up|don't last|learn)\b",
        r"\b(?:things|life|this) (?:could|can|might|will) get (?:difficult|ugly|complicated|messy|hard|very hard|uncomfortable)\b",
        r"\bwouldn't want (?:anything|something|that) to\b|\bbe a shame if\b",
        r"\b(?:lawyer|attorney|hr|the landlord|the court|the judge|your boss|the board|the council|the press|the investors|the school|social services)\s+(?:might|would|will|may|could) (?:be )?(?:\w+ )?(?:interested|curious|want to know|like to hear|find)\b",
        r"\bthink (?:very )?carefully about (?:your|what happens|the consequences)\b|\bbe careful\b[^.?!]{0,30}\b(?:what|who|how)\b",
        r"\bnice (?:job|place|house|reputation|career) you(?:'ve| have) got\b",
        r"\bwatch (?:your|yourself|out)\b|\bi(?:'d| would) think twice\b",
        r"\byou(?:'d| would) be wise to\b|\b(?:won't|will not|wouldn't) be (?:this|so|as) (?:nice|friendly|patient|polite|"
        r"understanding|reasonable|generous)\b",
        r"\byou know what(?:'ll| will)? happens?\b|\bshame if\b|\bfunny how\b|\b(?:would|'d) be unfortunate if\b",
        r"\bremember (?:that )?(?:i'm|i am|we're|we are) the (?:one|ones) who\b",
        r"\bthink about that\b|\b(?:don't|can't) see (?:us|this|you) lasting\b",
        r"\b(?:your|the) (?:review|bonus|reference|promotion|deposit|custody|visitation|contract renewal)\b[^.?!]{0,40}\b(?:might|could|would|may)\b",
        r"\b(?:might|could|would|may)\b[^.?!]{0,40}\b(?:affect|reflect on|come up in|impact) (?:your|the) (?:review|bonus|reference|promotion|deposit|custody|renewal|standing)",
    ),
    _p(
        "cut-off",
        0.9,
        r"\b(?:we're|we’re|we are|i'm|i’m|i am)\s+(?:so\s+|totally\s+|completely\s+)?done\s+(?:talking|negotiating|discussing|with (?:this|you|these talks|the talks))\b",
        r"\b(?:we're|we’re|we are)\s+done\s*[.!]*$|^\s*(?:we're|we’re|i'm|i’m) done\s*[.!]*$",
        r"\b(?:this|the) (?:conversation|discussion|negotiation|negotiations|talks|meeting)\s+(?:is|are)\s+(?:over|finished|done|closed)\b",
        r"\bdon'?t (?:call|text|contact|email|message|come near|come to) (?:me|us)\b[^.?!]{0,20}\b(?:again|anymore|any more|ever)\b",
        r"\b(?:i|we) (?:won't|will not|am not going to|refuse to) (?:talk|speak|negotiate|deal) (?:to|with) (?:you|them)\s+(?:again|anymore|any more|ever)\b",
        r"\bnothing (?:more|else|further) to (?:say|discuss|talk about)\b",
        r"\b(?:talks|negotiations) (?:are|is) (?:off|over|dead)\b|\bwe(?:'re| are) finished\b(?!\s+(?:by|at|before|around|in time|early|for the (?:day|night)|with the)\b)",
        r"\bconsider (?:this|these talks|the talks|our relationship|us) (?:over|ended|finished)\b",
        r"\bblock(?:ing|ed)? (?:you|your number)\b|\bfrom now on,? (?:talk|speak) to my (?:lawyer|solicitor|attorney)\b",
        r"\bi(?:'m| am) not discussing (?:this|it) (?:again|anymore|any more|ever)\b",
        r"\bend of discussion\b|\bdiscussion over\b|\bconversation over\b",
        r"\b(?:speak|talk|write) to (?:my|our) (?:solicitor|lawyer|attorney|lawyers|solicitors)\b|"
        r"\bthrough (?:my|our) (?:solicitor|lawyer|attorney)s?\b",
        r"\b(?:no|not have any|don't have any|not to have any) (?:further |more )?contact\b",
        r"\b(?:i'm|i am|we're|we are|i won't be|we won't be|i will not be|we will not be) (?:not )?discussing "
        r"(?![^.?!]{0,30}\b(?:over|by|on|via|in) (?:text|texts|email|emails|whatsapp|messages?|writing|the phone)\b)"
        r"(?:this|it|that|the \w+|\w+)(?: \w+){0,3} (?:again|further|any further|anymore|any more)\b",
        r"\bdon'?t bother (?:coming back|calling|replying|coming home)\b",
    ),
    _p(
        # what the writer stops doing or paying after an "or": "fix it or i wont be paying rent untill its fixed"
        "threat",
        0.9,
        r"\b(?:or|otherwise|or else)\s*,?\s*(?:i|we|my (?:father|dad|mum|mom|mother|parents|family|husband|wife|partner)|"
        r"the (?:company|club|school|firm|family|committee|board))\s*(?:wont|won't|won’t|will not|will no longer|am not|'m not|m not)\s+"
        r"(?:be\s+)?(?:pay(?:ing)?|renew(?:ing)?|sign(?:ing)?|cover(?:ing)?|driv(?:e|ing)|lend(?:ing)?|babysit(?:ting)?|"
        # (not a timing aside: "or I won't be paying it till Monday as I'm away"; "till it's fixed" is the lever)
        r"fund(?:ing)?|contribut(?:e|ing))\b(?![^.?!]{0,40}\b(?:(?:till|until) (?:monday|tuesday|wednesday|thursday|friday|"
        r"saturday|sunday|next|the (?:end|weekend|\d)|then|later|tomorrow|\d)|either|anyway|as i'?m|because|cos|since)\b)",
        # a walkout with its condition said after it: "I'm pulling out of the lift club at the end of term if nothing changes"
        r"\b(?:i'?m|i am|we'?re|we are)\s+(?:pulling out|leaving|quitting|stepping down|resigning|moving out|walking away)\b"
        r"[^.?!]{0,80}\bif (?:nothing|things?|it|this) (?:changes?|doesn'?t change|don'?t change|carries on|continues)\b",
        # a seller's last word: "Should this not suit, I shall offer the piece at auction in the spring"
        r"(?:should (?:this|that|it) not (?:suit|be acceptable|work)|if (?:this|that|it) (?:does not|doesn'?t) suit)[^.?!]{0,40}?"
        r"\b(?:auction|elsewhere|another buyer|other buyers?|the next (?:buyer|person|couple|tenant|family))\b",
        # a union's lever: "the branch will be balloting for industrial action"
        r"\b(?:ballot(?:ing)?|vote|voting)\s+(?:members\s+)?(?:for|on)\s+(?:industrial|strike)\s+action\b",
        # the walkout after a condition, said as what the writer will have to do: "if the doubles are still on my
        # rota after the 1st, I'll be handing in my notice", "if it carries on I'll have to give notice"
        # (the condition one the other side keeps breaking: not "if all goes well with the interview")
        r"(?:\bif\b"
        + _OFFERED_IF
        + r"[^.?!]{0,120}?(?:\bnot\b|n't\b|\bstill\b|\bagain\b|\bcarries on\b|\bcontinues?\b|"
        r"\bkeeps?\b|\bany ?more\b|\bnothing\b)|\bunless\b)[^.?!]{0,80}?,?\s*(?:then\s+)?(?:i|we)(?:'ll|’ll| will| shall)\s+"
        r"(?:(?:be\s+)?(?:hand(?:ing)? in|giv(?:e|ing) (?:in )?) (?:my|our) notice|(?:have|need) to (?:hand in|give) (?:my |our )?notice|"
        r"(?:be\s+)?resign(?:ing)?\b|(?:be\s+|have to\s+)?"
        r"leav(?:e|ing) the (?:club|team|band|job|company|group|committee|choir))",
        r"\b(?:if|unless)\b[^.?!]{2,120}?,\s*(?:then\s+)?(?:i'?m|i am|we'?re|we are)\s+(?:sell(?:ing|in'?)|sign(?:ing|in'?) over)\s+"
        r"(?:me|my|our)\s+(?:share|half|stake|part)\b",
        cue=False,
    ),
    _p(
        # a threat asked as a question: "Do you really want me to ring the council about those bins? Because I will."
        "threat",
        0.9,
        # (who is called is someone with power over the other side: not "do you really want me to call you tonight?")
        # ...asked in earnest ("really"), or followed through ("? Because I will"): not "do you want me to call the
        # school about the trip? I can do it at lunch"
        r"\bdo (?:you|u) (?:really |honestly |seriously )want me to " + _CALL_IN + r"\b",
        r"\bdo (?:you|u) want me to " + _CALL_IN + r"\b[^?]{0,80}\?\s*(?:because|cos|coz|'cause)\s+i will\b",
        cue=False,
    ),
    _p(
        # a body that judges, said to be keen to hear how the money or the job was handled: "I'm sure the
        # governing body would love to hear how the tuck shop money is being counted"
        "veiled-threat",
        0.85,
        # (said knowingly, "I'm sure...", "I bet...": not "the committee would love to hear how the fundraiser went")
        JUDGING_BODY_HINT,
        cue=False,
    ),
    _p(
        # a connection hinted at with power over the other side, and their keen interest said knowingly: "I happen
        # to know several members of the planning committee quite well, and I'm sure they'd take a close interest
        # in the enforcement history of your garage" (not "I know someone on the council, happy to ask them")
        "veiled-threat",
        0.85,
        r"\b(?:happen to|personally|just so you know,? i) know (?:several|a few|some|a couple of|plenty of|lots of|most of)?\s*"
        r"(?:the )?(?:people|members|folks|someone|somebody|guys|lads)\s+(?:on|at|in|from|of)\s+(?:the )?(?:\w+ )?"
        r"(?:committee|council|board|police|planning|paper|press|station|department)\b[^.?!]{0,80}[.?!,;]?\s*[^.?!]{0,60}?"
        r"\b(?:i'?m sure|i bet|no doubt|i expect|i imagine)\b[^.?!]{0,40}\b(?:interest(?:ed|ing)?|keen|love to (?:hear|know|see))\b",
        # (a shame or a pity if something happened is an older shape; these are the other words for it)
        r"\b(?:would|'d) be (?:so |very |really )?(?:sad|terrible|awful) if (?:some?t(?:h)?ing|anything) "
        r"(?:was to |were to |bad )?happen(?:ed|s)? to\b",
        # a reference held over a tenant or an employee, said knowingly: "I'm sure you'd want a good reference off
        # me when you're looking, wouldn't you" (not "you'll need a good reference, and I'm happy to write one")
        r"\b(?:i'?m sure|no doubt|surely)\b[^.?!]{0,20}\byou(?:'d| would| will|'ll) (?:want|need) a good reference\b|"
        r"\byou(?:'d| would| will|'ll) (?:want|need) a good reference\b[^.?!]{0,60}\b(?:wouldn'?t you|won'?t you|i'?m sure)\b",
        cue=False,
    ),
    _p(
        # the consequence said as something the writer will be forced into: "Should this proposal not be accepted by
        # Friday, I will have no choice but to share our private messages with your parents"
        "threat",
        0.9,
        r"\b(?:i|we)(?: will|'ll| would|'d| shall) (?:have|be left with) no (?:choice|option|alternative) but to "
        # (what hurts the other side, not "no choice but to call off the barbecue" or "to wait at the station")
        r"(?:report (?:you|this|it|the matter|him|her|them)|tell (?:your|the|his|her) \w+|share (?:the|our|your|these|those|this|"
        r"it|them|what)\b|forward (?:the|these|those|this|it|them|your)\b|show (?:your|the|these|those) \w+|"
        r"inform (?:your|the|his|her) \w+|contact (?:your|the|my|our) (?:\w+ )?(?:solicitor|lawyer|police|council|landlord|"
        r"bank|employer|boss|parents|school|agent|insurers?)|take (?:legal|further|formal) action|"
        r"take (?:you|this|it|the matter|him|her|them) to (?:court|a tribunal|tribunal|small claims)|go to the (?:police|"
        r"council|press|papers|courts?|ombudsman)|involve (?:the|my|your) (?:police|council|solicitor|lawyer|school|bank)|"
        r"evict|terminate (?:your|the)|withdraw (?:your|the) \w+|pass (?:this|the matter|it|the debt) (?:on )?to)\b",
        # a child pulled out of a club or a school as the 'or': "either he starts on Sunday or I'm pulling him out"
        r"\bor (?:else )?(?:i'?m|i am|i'?ll|i will|we'?re|we are|we'?ll|we will) (?:pull(?:ing)? (?:him|her|them|my \w+|"
        r"our \w+|the kids?) out\b|tak(?:e|ing) (?:him|her|them|my \w+|our \w+|the kids?) out of (?:the |this |that )?"
        r"(?:club|school|team|class|squad|nursery))",
        # the door shown as a choice: "come home and help with the children, or you could pack your things"
        # (said laughing it is banter: "put the kettle on, or you could pack your bags lol 😂")
        r"\bor (?:else )?" + DOOR_SHOWN + r"(?![^.?!]{0,40}(?:\blol\b|\blmao\b|\bhaha\w*|😂|🤣|😜|😉))",
        # shame left for the other side to carry: "and you can explain to everyone why his son didn't come"
        r"\b(?:and|then|so)\s+(?:then\s+)?you can explain (?:it )?to (?:everyone|everybody|them all|the family|the kids|"
        r"your \w+|the whole \w+) why\b[^.?!]{0,60}\b(?:didn'?t|wasn'?t|weren'?t|won'?t|isn'?t|couldn'?t|not)\b",
        cue=False,
    ),
    _p("threat", 0.9, NOT_TO_EXPECT, cue=False),
    _p(
        # the future together called off after a failed condition: "if this keeps happening I don't see us working
        # together next year"
        "threat",
        0.9,
        r"\b(?P<lever>(?:i|we) (?:don'?t|do not|can'?t|cannot) see (?:us|you|me|this|myself|ourselves|the \w+) (?:still )?"
        r"(?:working together|continuing|carrying on|staying|renewing|being (?:here|friends|together|involved)|going ahead|"
        r"lasting)\b[^.?!]*)",
        cue=False,
        after=r"\b(?:if|unless)\b[^.?!]{0,80}?\b(?:keeps?|continues?|carries on|goes on|happens again|again|not|n't|never)\b",
    ),
    _p("veiled-threat", 0.9, JUDGEMENT_HELD_UP, cue=False),
)


@dataclass(frozen=True)
class Hit:
    """One pattern match in a message."""

    kind: str
    phrase: str
    weight: float
    cue: bool = True


def _in_reported_quote(text: str, start: int, end: int) -> bool:
    """True when [start, end) sits inside quotes that report someone's words."""
    for quote in _QUOTED.finditer(text):
        if quote.start() <= start and end <= quote.end():
            before = text[max(0, quote.start() - 60) : quote.start()]
            if _REPORTED.search(before) or re.search(r"\b(?:like|as in|saying)\s*$", before, re.I):
                return True
    return False


_CLAUSE_START = re.compile(r"[.;:!?,\n]|\bbut\b", re.I)
_CLAUSE_DENIAL = re.compile(
    r"\b(?:nobody|no one|no-one|none of us|neither of us)\b|"
    r"\b(?:not|never|n't)\s+(?:\w+\s+){0,2}(?:talking about|planning|looking|going|trying|thinking|about|considering)\b",
    re.I,
)
_REPORTING_VERB = re.compile(
    r"\b(?:said|says|saying|told (?:me|us|him|her|them|everyone)|threatened|claims?|claimed|announced|warned)\s+"
    r"(?:that\s+)?(?:[\w']+\s+){0,6}$",
    re.I,
)
_DOOR_OPEN = re.compile(
    r"\bbut\b[^.?!]{0,80}\b(?:open|happy|willing|glad|keen) to\b|"
    r"\b(?:happy|open|willing|glad) to (?:revisit|talk|discuss|look at|keep talking|explore)|"
    r"\bopen to revisiting\b|\b(?:we|i) can revisit\b|\bfor this round\b|\bopen on (?:the|everything)\b|"
    # a 'final' said with the door open: a wish to keep talking, a meeting offered, a review promised
    r"\b(?:very |more than |really )?(?:happy|glad|delighted|keen) to (?:talk|meet|hear|help|look|discuss|sit|go through)\b|"
    r"\b(?:keep|carry on|go on) talking\b|\bsit down (?:together|with you)\b|\b(?:my|our) door(?:'s| is) (?:always )?open\b|"
    r"\b(?:we|i)(?:'ll| will| can| could)? (?:review|revisit|tweak|look at) (?:it|this|that)? ?again\b|"
    r"\bwe(?:'ll| will| can)? tweak\b|\b(?:you|u) (?:just )?(?:call|ring|grab) me\b|\bgrab me\b|\bjust (?:call|ring|text|message|shout)(?: me| us)?\b|"
    r"\b(?:we|i) can (?:do|split|pay|spread) (?:it|this|that|the \w+) (?:in|over|across) (?:two|three|four|\d+|a few|instal)|"
    r"\bi'?d (?:still )?(?:very much )?(?:love|like) (?:for us to|us to|to hear|you to)\b|"
    r"(?:,|\bbut)\s*we can (?:still )?(?:talk|chat|discuss)\b|\b(?:you'?re|you are) (?:always |very |more than )?welcome to (?:come|call|ask|"
    r"drop|pop|ring|visit)\b(?![^.?!]*\bbut\b)",
    re.I,
)
_HARD = {"threat", "deadline-penalty", "walkout", "cut-off", "veiled-threat"}


def _clause_before(text: str, start: int) -> str:
    before = text[max(0, start - 120) : start]
    cuts = list(_CLAUSE_START.finditer(before))
    return before[cuts[-1].end() :] if cuts else before


def _negated(text: str, start: int) -> bool:
    """True when the words before a match deny it ("I'm not saying ...", "nobody is talking about ...")."""
    before = text[max(0, start - 40) : start]
    if re.search(
        r"\b(?:not saying|never said|didn't say|won't say|not going to say)\s*\W*$", before, re.I
    ) or re.search(r"(?:\bnot|\bnever|n't)\s+(?:(?:a|an|my|some|any)\s+)?\W*$|\b(?:not|never)\s*\W*$", before, re.I):
        return True
    return bool(_CLAUSE_DENIAL.search(_clause_before(text, start)))


def _reported(text: str, start: int) -> bool:
    """True when the match is someone's words being reported ("the chair said this was the final chance")."""
    return bool(_REPORTING_VERB.search(_clause_before(text, start)))


def _cancelled(text: str, start: int, end: int) -> bool:
    """A match that is someone else's words, quoted or reported, or negated ("I'm not saying...")."""
    return _in_reported_quote(text, start, end) or _negated(text, start) or _reported(text, start)


def _SHORT_ONLY(text: str) -> str:
    from assistant.coach import language as L

    return L._SHORT.sub(lambda m: L._SHORTHAND[m.group(0).lower()], L._YOU_ARE.sub("you're", text))


_PLAIN_YOU = re.compile(r"\b(?:ye|yez|youse|y'all|yall)\b", re.I)
# "u" and "ur" stay as typed for the patterns: spelled out, they lifted false alarms on warm texts in our checks
_AMBIGUOUS_SHORT = frozenset({"u", "ur"})


@lru_cache(maxsize=2048)
def find_hits(text: str) -> tuple[Hit, ...]:
    """Every ultimatum-shaped match in a message, dropping negated or reported ones.

    A final figure or a single limit said with the door left open ("this is my final answer on
    the budget, but I'm open on the rest") is firm, not an ultimatum, unless a harder shape is there too.
    Cached: a drift check asks twice per message (for the classifier's cues and for the verdict).
    """
    hits: list[Hit] = []
    # texting and dialect spelled out ("if it keeps happening im moving out", "or ye won't see a penny"),
    # so every shape below is known however it is typed; the words as typed are quoted when they match
    plain = _PLAIN_YOU.sub("you", spelled_out(text, keep=_AMBIGUOUS_SHORT))
    for pattern in PATTERNS:
        for said in (text, plain) if plain != text else (text,):
            match = next(_matches(pattern, said), None)
            if match is not None:
                # the words that are the lever, when the pattern names them; else the whole match
                lever = _lever_span(match)
                said_as = match.group(0) if lever is None else said[lever[0] : lever[1]]
                hits.append(Hit(pattern.kind, said_as.strip(), pattern.weight, pattern.cue))
                break
    if hits and _DOOR_OPEN.search(text) and not any(h.kind in _HARD for h in hits):
        return ()
    return tuple(hits)


def _lever_span(match: re.Match[str]) -> tuple[int, int] | None:
    """Where the lever a pattern names sits in its match (a pattern of several shapes names it lever, lever2...)."""
    for name, value in match.groupdict().items():
        if name.startswith("lever") and value is not None:
            return match.span(name)
    return None


_PENALTY_CLAUSE = re.compile(r"\b" + _PENALTY, re.I)
# what is thrown out, said as what follows a condition ("..., it's going to the tip, all of it")
_THROWN_OUT = re.compile(r"^" + _IT_THROWN_OUT, re.I)


def is_penalty(clause: str) -> bool:
    """A clause that is a penalty landing on the other side ("£10 comes off your share", "interest will
    accrue", "ur blocked", "it goes to auction"), whoever does it."""
    return bool(_PENALTY_CLAUSE.search(clause) or _THROWN_OUT.match(clause.strip()))


# a consequence tacked on with "and": "... and I'm reporting you both to the society", "... and we'll pull the contract"
_AND_THEN_CONSEQUENCE = re.compile(
    r"\band\s+(?:then\s+)?(?:i|we)(?:'ll|’ll|'m|’m|'re|’re|\s+will|\s+shall|\s+am|\s+are)(?:\s+going\s+to)?\s+"
    r"(?:just\s+|simply\s+|straight\s+)?" + _CONSEQUENCE_VERB,
    re.I,
)


def tacked_on_consequence(text: str) -> str | None:
    """The consequence a text tacks on with "and I'll/I'm ..." ("... and I'm reporting you both"), or None:
    a reframe that still says one has kept the lever, however friendly the words around it."""
    m = _AND_THEN_CONSEQUENCE.search(text)
    return m.group(0) if m else None


def decided_action(text: str) -> tuple[int, int] | None:
    """Where the action a writer has decided on after a failed condition starts and ends ("if it
    isn't fixed by Friday, |I'm stopping the debit order|"), or None; negated or reported ones aside."""
    for pattern in PATTERNS:
        if not any(name.startswith("lever") for name in pattern.regex.groupindex):
            continue
        for match in _matches(pattern, text):
            span = _lever_span(match)
            if span is not None:
                return span
    return None


def taken_back(text: str, hits: Sequence[Hit]) -> bool:
    """True when the writer takes their own threat back as a joke after saying it ("... ur banned 😂 jk")."""
    jokes = list(_JOKE.finditer(text))
    if not jokes or not hits:  # with no lever shape, rules_out_action decides (with its 'but' guard)
        return False
    said = [text.lower().find(h.phrase.lower()) for h in hits]
    return all(0 <= at < jokes[-1].start() for at in said)


# a condition said up front to be all right: "no worries at all if you can't", "it's fine if you'd rather not"
_ALL_RIGHT_IF = re.compile(
    r"(?:^|[.!?]\s+|,\s*)(?:(?:pls|please|honestly|and|but|oh|totally|completely|really)\s+)*"
    r"(?:no (?:worries|problem|probs|bother|stress|pressure|rush|drama|biggie|hard feelings|big deal)|"
    r"(?:it|that)(?:'s|’s| is|s)\s+(?:totally |completely |absolutely |honestly |really |also )?"
    r"(?:fine|ok|okay|alright|all right|cool|understandable|no problem)|all good|don'?t worry)"
    r"(?:\s+at all)?\s*(?:,|\s[—–-])?\s+if\b",
    re.I,
)


def said_all_right(text: str, hits: Sequence[Hit]) -> bool:
    """True when every lever shape found is said after a condition the writer calls all right ("No bother if
    you're not able to pick the kids up, I'll leave work early"), in the same sentence, and no 'but' takes it
    back ("Totally fine if you'd rather not, but then I'll...")."""
    starts = [m for m in _ALL_RIGHT_IF.finditer(text)]
    if not starts or not hits:
        return False
    for h in hits:
        at = text.find(h.phrase)
        if at < 0:
            return False
        before = [m for m in starts if m.start() <= at]
        if not before:
            return False
        between = text[before[-1].end() : at]
        if re.search(r"[.!?]|\b(?:but|though|however)\b", between, re.I):
            return False
    return True


def denies_ultimatum(text: str) -> bool:
    """True when the speaker explicitly says this is not a threat or ultimatum."""
    return bool(_NEGATED_LEAD.search(text))


def hints_after_denial(text: str, hits: Sequence[Hit]) -> bool:
    """True when a denial leads into the hint it denies: "Not saying nothing, but ... would be sad if something
    happen to um", "I'm not threatening you, but I'd hate for anything to happen to that car"."""
    lead = _NEGATED_LEAD.search(text)
    if lead is None:
        return False
    turn = re.search(r"\b(?:but|however|though)\b", text[lead.end() :], re.I)
    if turn is None:
        return False
    after = text[lead.end() + turn.end() :]
    # ...on the reader or what is theirs ("happen to um", "happened to it", "that nice car"), not "to the plants"
    for h in hits:
        at = after.find(h.phrase) if h.kind == "veiled-threat" else -1
        if at < 0:
            continue
        window = after[at : at + len(h.phrase) + 60]
        happens = re.search(r"\bhappen\w*\s+to\s+(.{0,30})", window, re.I)
        target = happens.group(1) if happens else after[at + len(h.phrase) :][:30]
        if re.match(
            r"\s*(?:you|your|yours|ya|yer|ur|um|it|him|her|them|that (?:nice |lovely )?(?:car|van|truck|house|job|shop|licence))\b",
            target,
            re.I,
        ):
            return True
    return False


def rules_out_action(text: str) -> bool:
    """True when the speaker rules an action out in so many words ("I'm not reporting anyone", "you will not
    be charged"), passes someone else's threat on, or takes their own back as a joke. Weaker than a denial:
    it stands only where no lever shape, veiled ones included, is found ("I'm not reporting you, but HR...")."""
    ruled = _RULED_OUT.search(text)
    # "I'm not going to tell anyone, but...": what comes after the 'but' is the point
    return ruled is not None and not re.search(r"\b(?:but|however|though|although|except)\b", text[ruled.end() :], re.I)


_FIRM = re.compile(
    r"\b(?:i|we) (?:can't|cannot|won't|will not|am not able to|are not able to|need|must|have to|"
    r"insist|require|am not willing|are not willing|am not comfortable)\b|\bmy position\b|\bmy limit\b|"
    r"\bnot comfortable\b|\bnot prepared to\b|\bnot going to\b|\bstill (?:no|a no)\b|\bhasn't changed\b|"
    r"\b(?:by|before) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|"
    r"the end of|end of|next week|\d)|\bno,|\bnot acceptable\b|\bnon[- ]?negotiable\b|\bdeadline\b",
    re.I,
)
_OPEN = re.compile(
    r"\?|\bwhat if\b|\bcould we\b|\bhow about\b|\bi'm sorry\b|\bi am sorry\b|\bi apologi[sz]e\b|"
    r"\bi understand\b|\bthank you\b|\bthanks\b|\bhappy to\b|\bopen to\b|\bwould you be\b|\blet's\b|"
    r"\bsorry\b|\bapologies\b|\bmy bad\b|\bmy fault\b|\bthat's on me\b|\byou're right\b|\bfair enough\b|"
    r"\bfine by me\b|\bno problem\b|\bgood point\b|\bof course\b|"
    # a plain offer: what I or we will do, with no condition hanging off it
    r"^(?![^.?!]*\b(?:or|if|unless|otherwise|else|until)\b)[^.?!]*\b(?:i|we)(?:'ll| will) (?:happily |gladly |also )?"
    r"(?:take|cover|do|handle|sort|bring|upgrade|start|come|help|give|share|provide|offer|pay for|cook|pick up|"
    r"drive|make|book|set up|try|cap|limit|keep|call|text|join|host|chip in|split|fix|clean|move|swap|send)\b",
    re.I,
)


def cue_features(text: str) -> list[float]:
    """Numeric features from the patterns, fed to the classifier beside the embedding."""
    hits = [h for h in find_hits(text) if h.cue]
    kinds = {h.kind for h in hits}
    from assistant.knowledge import KINDS  # local import keeps this module dependency-light

    features = [1.0 if k in kinds else 0.0 for k in KINDS]
    features.append(max((h.weight for h in hits), default=0.0))
    features.append(1.0 if _NEGATED_LEAD.search(text) else 0.0)
    features.append(min(3.0, len(_FIRM.findall(text))) / 3.0)
    features.append(min(3.0, len(_OPEN.findall(text))) / 3.0)
    return features


_OFFER = re.compile(
    r"\b(?:i|we)(?:'ll|’ll| will| can| could| shall| am willing to|'m willing to| are willing to|'re willing to|"
    r" am happy to|'m happy to| are happy to|'re happy to|'d be happy to| would be happy to|'d be glad to|"
    r" am offering|'m offering| are offering|'re offering| would like to offer|'d like to offer| am able to| are able to|"
    r" am prepared to|'m prepared to| are prepared to|'re prepared to)"
    r"\s+(?:\w+\s+){0,2}?(?:give|offer|refund|send|pay|cover|remove|retract|take down|delete|share|let you|provide|"
    r"issue|ship|replace|discount|waive|extend|match|include|add|fix|book|throw in|split|meet you|knock|reimburse|"
    r"return|resend|credit|do|accept|agree|apologi[sz]e|drop|update|amend|edit|change|trade|swap|leave you|guarantee)\b|"
    r"\b(?:i|we)(?:'m|’m| am|'re|’re| are) giving\b",
    re.I,
)
# generosity said outright: no rush to repay, no strings, a debt forgiven, a treat
_GENEROUS = re.compile(
    r"\bno (?:rush|hurry|strings(?: attached)?)\b|\bpay (?:me|us) back whenever\b|\bwhenever (?:you )?can\b|"
    r"\b(?:forget|never mind|don'?t worry about) (?:about )?the [^.?!]{0,30}\b(?:you owe|owed|bill)\b|"
    r"\b(?:it'?s|that'?s) on (?:me|us)\b|\bmy treat\b|\byou'?ve earned it\b|"
    # something given or waived, said outright: "we'd like to offer free delivery", "the service charge will
    # be waived", "refreshments are free", "you can borrow my...", "no catch", "no expectation"
    r"\b(?:i|we)(?:'d|’d| would) (?:like|love) to (?:offer|give|thank|treat)\b|\bwaive[sd]?\b|\bwaiving\b|"
    # praise given outright: "wanted to say how great you've been as a tenant"
    r"\b(?:say|tell you|let you know) how (?:great|brilliant|good|lovely|helpful|wonderful|amazing|reliable) (?:you(?:'ve| have)? been|"
    r"it(?:'s| has) been)\b|"
    # wanting the other side to stay: "we'd love to keep you as tenants", "we'd be glad to renew"
    r"\b(?:i|we)(?:'d|’d| would) (?:(?:really|very much|so)\s+)?(?:love|like|be (?:glad|happy|delighted)) to "
    r"(?:keep (?:you|u)\b(?! (?:waiting|informed|posted|updated))|renew\b|have (?:you|u) (?:back|stay|on)\b)|"
    r"\bfree of charge\b|\bat no (?:extra )?(?:cost|charge)\b|\b(?:for|is|are|be) free\b|\bfree (?:help|delivery|of)\b|"
    r"\b(?:you|u) can (?:borrow|keep|have|use)\b|\bno catch\b|\bno (?:expectation|obligation)\b|"
    r"\bno action (?:is )?needed\b|\bin recognition of\b|\bas a thank[- ]you\b|\b(?:a|\d+%) discount\b|\benjoy\b|"
    r"\bvoucher\b|\b(?:you'?re|you are) (?:very |more than |always |most |so )?welcome to\b(?![^.?!]*\bbut\b)|"
    # given back to the other side in full: "your deposit will be refunded in full", "we'll reimburse you"
    r"\b(?:will|'ll|shall) be (?:refunded|reimbursed|returned|credited|paid back)(?: to you)?(?: in full)?\b|"
    r"\b(?:refund|reimburse)(?:ed)? (?:you|it|the \w+)? ?in full\b",
    re.I,
)


# a plain commitment to act ("I will repaint the hall", "we'll come in three days"), unless the act is a lever
_COMMIT = re.compile(
    r"^\s*(?:ok(?:ay)?,?\s+|fine,?\s+|sure,?\s+|in return,?\s+)?(?:i|we)(?:'ll|’ll| will| can| could| am going to|'m going to)"
    r"\s+(?:also\s+|happily\s+|gladly\s+)?(?!not\b|never\b|no longer\b|be\b|have to\b|need to\b|stop\b|cancel\b|leave\b|walk\b|"
    r"quit\b|end\b|report\b|call\b|ring\b|take\b|sue\b|tell\b|go\b|withhold\b|evict\b|sell\b|pull\b|move\b|file\b|"
    r"contact\b|involve\b|escalate\b|see\b|make sure\b|keep\b|refuse\b|lodge\b|start\b|post\b|expose\b|remove\b|"
    r"change the locks\b|let\b)[a-z]+",
    re.I,
)


def leaves_door_open(text: str) -> bool:
    """True when the writer says they want to keep talking ("but I'm happy to go through it", "my door is
    always open"): a 'final' or a limit said this way is firm unless a harder shape is there too."""
    return bool(_DOOR_OPEN.search(text))


# a price or a notice held open ("no worries if not, I'll keep it for ya till Sunday if ya wanna think", "for
# information only; no action is required", "shout-out to Priya"): open only where nothing in it stings
_HELD_OPEN = re.compile(
    r"\bno action (?:is )?required\b|\bfor information only\b|\bno worries if not\b|"
    r"\b(?:i'?ll|i will|i can|happy to) (?:keep|hold) (?:it|them) (?:for|4) (?:you|ya|u)\b|"
    r"\bif (?:you|ya|u) (?:want|wanna|need) (?:to )?(?:think|have a think|sleep on it)\b|\bshout[- ]?out to\b",
    re.I,
)
_STINGS = re.compile(
    # (a notice may name the police or a court as news: "Police have advised ... Blue Gum Court")
    r"\b(?:warning|solicitor|lawyer|tribunal|towed|clamped|dismiss\w*|sack\w*|fired|evict\w*|penalt\w+|"
    r"legal action|bailiffs?|debt collect\w*|will result in|will be (?:charged|fined|towed|reported|removed)|"
    r"or else|or it|or i|or we|or you)\b",
    re.I,
)


def offers_something(text: str) -> bool:
    """True when the speaker commits to giving or doing something for the other side: an offer,
    even a conditional one ("if you return it, I'll refund you"), is not an ultimatum by itself."""
    return bool(
        _OFFER.search(text)
        or _COMMIT.search(text)
        or _GENEROUS.search(text)
        or (_HELD_OPEN.search(text) and not _STINGS.search(text))
    )
