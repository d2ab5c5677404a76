"""Reframes: say the need behind an ultimatum without the lever.

A reframe is built from the parts of the message, never by wrapping it: the need (what the person
wants), the reason, the deadline, the worry behind a veiled threat, the offer behind a "final offer";
the consequence (the penalty, the or-else, the walkout, the closed door) is found and left out.
Each phrasing is then checked: it must carry none of the lever's words and must itself read as open
or firm. What fails is not offered; when nothing passes, a plain question about the topic is.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from assistant.coach.drift_patterns import (
    DARE,
    DOOR_SHOWN,
    JUDGEMENT_HELD_UP,
    JUDGING_BODY_HINT,
    KEPT_FROM_THEM,
    NOT_TO_EXPECT,
    decided_action,
    find_hits,
    is_penalty,
    tacked_on_consequence,
)
from assistant.coach.language import (
    OBJECT_FORM,
    PHONE_FOOTER,
    SUBJECT_FORM,
    Word,
    base_form,
    gerund,
    join,
    lower_initial,
    object_pronoun,
    plain_spelling,
    sentence_case,
    starts_with_verb,
    tag,
    unshouted,
    with_condition_commas,
    without_hesitations,
    without_quoted_lines,
)
from assistant.coach.phrasing import Phrasing, placeholders

LevelOf = Callable[[str], str]

_SENTENCES = re.compile(r"(?<=[.!?])(?<!^\d[.)])(?<!^\d\d[.)])\s+|\n+|\s+[-–—]\s+|;\s*|\.{2,}\s*|…\s*")
_LEAD_FILLER = re.compile(
    r"^(?:(?:ok(?:ay)?|right|look|listen|fine|well|so|and|but|honestly|seriously|frankly|mate|tbh|"
    r"eh|oi|oy|bro|bruv|dude|boss|babe|hun|guys|folks|righto|alright|team(?=\s*[,—–-])|effective immediately|"
    r"i'?m telling you(?: now)?|let me be clear|let me be (?:very )?clear|(?:just )?to be (?:crystal |very |absolutely |perfectly )?clear|i(?:'?ll| will| am going to|'?m (?:going to|gonna))? (?:only )?say (?:it|this) (?:once|one time)(?: only)?|"
    r"for the last time|once and for all|i'?m warning you|this is the last time i(?:'m| am) (?:saying|telling you) (?:it|this)|be warned|hear me|either|sir|madam|oga|with (?:all )?(?:due )?respect(?: po)?|"
    r"(?:just )?a (?:friendly |quick |gentle |little |polite |final )?(?:reminder|note|heads[- ]up|thought(?=\s*[:,–—-]))(?: that)?|(?:kindly|please) note(?: that)?|"
    # "Just so you know, if the van isn't back...": how it is announced
    r"just so (?:you|u|ya) (?:know|are aware)|just so(?=,?\s+if\b)|"
    # "Kindly be informed that the balance must be paid...": how it is announced, never the need
    r"(?:(?:kindly|please) )?be (?:informed|notified)(?: that)?|(?:this is to|(?:i|we) (?:wish|write|am writing|are writing) to) "
    r"(?:inform|notify) you(?: that)?|kindly|"
    r"omg|ugh|oh my god|(?:please )?be advised(?: that)?|following (?:on from )?(?:our|my|your|the|yesterday'?s|"
    r"today'?s|last \w+'?s?) (?:\w+ )?(?:conversation|call|meeting|chat|discussion|email|review|letter|complaint|visit|"
    r"inspection|match|incident|feedback)s?|further to (?:our|my|your|the) (?:\w+ )?(?:meetings?|conversations?|calls?|emails?|"
    r"letters?|chats?|discussions?|correspondence)|no(?=[\s,]+(?:i|that|we|you)\b)|ngl|tbf|tbh|fr|lol|um+|uh+|er+|like|yeah|"
    r"so yeah|heads up|anyway|anyhow|maybe(?=\s+(?:just\s+)?[a-z]+\s)|just(?=\s+(?!so\b)\w)|(?:notice|re|subject|update|urgent|important|fyi|psa)(?=\s*:))\b[\s,:!.-]*)+",
    re.I,
)
# praise said in sarcasm before the complaint: "Totally fine that your boyfriend's...", "Oh, brilliant, you've..."
_SARCASTIC_LEAD = re.compile(
    r"^(?:oh,?\s+)?(?:(?:totally|absolutely|really|so|just)\s+)?(?:fine|great|brilliant|lovely|cool|perfect|wonderful|"
    r"fantastic|marvellous|super|no worries(?: at all)?|no problem(?: at all)?)(?:\s*,\s*|\s+that\s+|\s+so\s+)(?=\w)",
    re.I,
)
_TAIL_FILLER = re.compile(
    r"[\s,]*\b(?:full stop|period|end of|no excuses|no exceptions|no ifs,? no buts|and that'?s (?:that|final)|"
    r"simple as that|i mean it|and i mean it|for the last time|or else|capisce|understood|got it|"
    r"once and for all|this time|one more time|ever again|again|yeah|ok|okay|lah|innit|yh|ya|"
    r"not (?:one|a|a single) (?:\w+ )?(?:more|extra)|"
    r"and (?:we'?re|we are|we'?ll be|that'?s|it'?s) (?:fine|good|square|done|sorted|even|all good))\b[\s.!?]*$",
    re.I,
)
# a name said to the other person before the point: "Kemi, either you pay..."
_VOCATIVE = re.compile(r"^[A-Z][^\W\d_A-Z]+,\s+(?=(?:[Ee]ither|[Ii]f|[Yy]ou|[Uu]|I|[Ww]e|[Uu]nless)\b)")
# after "Look", "Listen", "Right": a name without its comma ("Look Ciarán I'm not doing it anymore")
_NAMED_AFTER_LEAD = re.compile(r"^[A-Z][^\W\d_A-Z]+\s+(?=(?:I|I'm|I've|I'll|I'd|[Ww]e|[Yy]ou|[Uu])\b)")
# the formal run-up to a condition: "Please be advised that if...", "Sir, kindly note if..."
_PREAMBLE_TAIL = re.compile(
    r"[\s,]*\b(?:kindly note|please note|please be advised|be advised|i must inform you|i have to tell you|"
    r"this is me telling you|you should know|should (?:understand|know|note)|i want you to know|note)\s*$",
    re.I,
)
_MID_COND = re.compile(r"(?:,\s*(?:but\s+|and\s+|an'?\s+|so\s+)?|\bthat\s+|:\s*)(?=(?:if|unless|should)\s)", re.I)
_FURTHER_TO = re.compile(
    r"^further to (?:our|my|your) (?:meeting|conversation|call|email|letter|chat)$|^further to\s+", re.I
)
# "any further breach ... will result in ...", "any resident who continues to ... will have ..."
_RESULT = re.compile(
    r"^(?:any(?:one|body)?|every|all)\s+(.+?)\s+will\s+(?:result in|lead to|mean|be met with|have|be|face)\b.+$", re.I
)
# "if/unless X, Y" and "Y if/unless X"
_COND_FIRST = re.compile(
    r"^(?:and |but |so )?(?:see )?(if|unless|until|till|til|should|absent|failing(?!\s+(?:this|that|which)\b)|in the absence of|the (?:next|moment|minute|day) )",
    re.I,
)
# a condition said without 'if' in speech: "You come back Thursday with nothing over two percent, we're out the door"
_BARE_COND = re.compile(
    r"^(?:you|u|ye|y'all|they)\s+(?!(?:know|see|said|say|told|think)\b)[^,]{3,100},\s*(?=(?:i|we|im|i'm|i'll|ill|we'll|we're)\b)",
    re.I,
)
# "Y if/unless/until X", and the formal "Y should X be done" ("...will ballot members should the changes be
# implemented without consultation")
_COND_LAST = re.compile(
    # ('till' only before someone doing something: never "till the next cycle", "till she does")
    r"^(.+?),?\s+\b(if|unless|until|(?:till|til)(?=\s+(?:(?:you|u|he|she|they|we|i|it)\s+(?!(?:does|do|did|is|are|has|have)\W*$)\w|"
    r"(?:the|your|ur|my|our|his|her|their)\s+[\w' -]{1,30}?\s+(?:is|are|has|have|gets?)\s+\w))|"
    r"should(?=\s+[^,.;]{1,80}?\s+be\s+\w+(?:ed|en|wn)\b))\b\s+(.+)$",
    re.I,
)
# 'else' as an or-else: never after 'someone', 'anything', 'where' ("Someone else can chase up the subs")
_ELSE = r"(?<!one )(?<!body )(?<!thing )(?<!where )(?<!what )(?<!who )else"
_OR_SPLIT = re.compile(
    r",?\s*\b(?:or else|or|otherwise|" + _ELSE + r"|failing that|failing which|if not)\b[\s,]*",
    re.I,
)
# the shape of a consequence: what the speaker will do to them, or what will happen to them
_CONSEQUENCE = re.compile(
    r"^(?:(?:then|and|so)\s+)?(?:"
    r"(?:im|ima|imma|ill)\s+(?:\w+ing|gonna|going|tell|call|report|go|leave|walk|take|sue|ring|move|quit)\b"
    r"|(?:i|we|my \w+|our \w+|the (?:council|landlord|agency|board|company|school|court|police|management))\s*"
    r"(?:'ll|will|shall|'m going to|am going to|are going to|'re going to|'m gonna|am gonna|'re gonna|gonna|"
    r"won't|will not|'d have to|would have to|have no choice but to|'m|am|'re|are)\b"
    r"|you\s*(?:'ll|will|can|could|may|might|won't|will not|are going to|'re going to|'re gonna)\s+"
    r"(?:be|regret|lose|hear|find|have|need|pay|start|go|forget|kiss|never|not|see|answer|face|get)\b"
    r"|(?:there(?:'ll| will) be|expect|it'?s|this is|that'?s|we'?re|we are|consider)\b"
    r"|(?:the kids|the children|your \w+)\s+(?:will|won't)\b"
    # "Do it or the sleepover doesn't happen", "or next weekend is off"
    r"|(?:[\w']+\s+){1,4}(?:doesn'?t|won'?t|will not|isn'?t going to) happen\b|(?:the|next|this|your) (?:[\w']+\s+){0,2}(?:is|'s) (?:off|cancell?ed)\b"
    r"|(?:don'?t|do not) (?:bother|expect|come|call|contact|text|test)\b"
    r"|(?:see you in|i'?ll see you in)\b"
    # a walkout said in the present: "the whole team walks out", "we all walk", "everyone quits"
    r"|(?:the (?:whole )?\w+|we all|all of us|everyone|the lot of us|i|we)\s+(?:walks?(?: out| off)?|quits?|resigns?|"
    r"strikes?|leaves?|goes on strike|downs? tools)\b"
    r")",
    re.I,
)
_NEGATIVE_COND = re.compile(
    r"^(?P<who>you|u|they|he|she|it|this|that|(?:the|my|your|our|his|her|their) [\w' ]{1,40}?)\s*"
    r"(?:don'?t|do not|doesn'?t|does not|didn'?t|did not|won'?t|will not|can'?t|cannot|aren'?t|are not|isn'?t|is not|"
    r"'s not|'re not|haven'?t|have not|hasn'?t|has not|fail to|refuse to|not(?=\s+(?:in|here|back|done|paid|ready|"
    r"fixed|sent|there|home|out|finished)\b))\s+(?:be\s+)?(?P<body>.+)$",
    re.I,
)
_NOBODY = re.compile(r"^(?:nobody|no one|no-one|no body)\s+(?:has|have)?\s*(?:been|come|comes|came)\s+(.+)$", re.I)
_DEADLINE = re.compile(
    r"\b(?:by|before|until|no later than|within|in the next|in|at the latest by)\s+"
    r"(?:the end of (?:the )?(?:day|week|month|year|term)|end of (?:the )?(?:day|week|month|play|business)|"
    r"close of (?:play|business)|eod|cob|tomorrow(?: (?:morning|night|evening))?|tonight|today|"
    r"(?:this|next) (?:week|month|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?: (?:morning|night|evening|at \d+\s*(?:am|pm)?))?|"
    r"(?:a|one|two|three|four|\d+) (?:fortnight|days?|weeks?|hours?|months?)|a fortnight|"
    r"the \d{1,2}(?:st|nd|rd|th)?(?: of \w+)?|\d{1,2}(?:st|nd|rd|th)? \w+|\d{1,2}(?::\d\d)?\s*(?:am|pm)|noon|midnight|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)(?: \d{1,2}(?:st|nd|rd|th)?)?)",
    re.I,
)
_REASON = re.compile(
    # "since January", "since last week", "since the 3rd": since a time is when, not why
    # ("seeing as I'm the only one who does" is one reason, not 'seeing' left on the need)
    r"\b(?:seeing (?:as|that)|given that|because|since(?!\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|last|then|"
    r"yesterday|this|early|late|christmas|easter|the (?:start|beginning|end|summer|spring|autumn|winter|\d)|\d|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|midnight|dawn|forever|ages|school|uni|college|"
    r"(?:our|my|your|his|her|their|the) (?:last|previous|first|recent)|we (?:last|first) )\w*)|as(?!\s+['\x22‘“])(?!\s+(?:far|much|long|soon|well|many|good|often|little|a matter of|a rule|usual|per|"
    # "using my veg bed as a toilet": what it is used as, not why
    r"an?\s+(?!result\b)|"
    r"discussed|agreed|mentioned|requested|instructed|follows|such|if|though|of|part of|"
    # "as measured on Tuesday", "as set out above": how it was found or said, not why
    r"measured|shown|stated|noted|set out|described|explained|outlined|advised|promised|planned|expected|arranged|"
    r"previously|above|below|before|before,|"
    # "presented my slides as your own", "treated as a joke": a role or a likeness, not why
    r"(?:my|your|his|her|their|our) own|a (?:joke|favour|favor|gift|loan|friend|guest|saint|mouse|rock|bone|feather|"
    r"lamb|mule|fox|church mouse)|usual|normal)\b)"
    r"(?<!far as)(?<!much as)(?<!long as)(?<!soon as)(?<!well as)(?<!many as)(?<!good as)|cos|coz|cause)\b\s+(.+)$",
    re.I,
)
_NOTICE_GIVEN = re.compile(
    r"\b(?:stepping down|standing down|resign\w*|as (?:my )?notice|notice that|(?:my|this) notice|"
    r"my (?:last|final) (?:season|year|term|week|month|day|shift|match|show)|hand(?:ing)? in my notice)\b",
    re.I,
)
# the rules said before, pointed back at as not open: "I'm not discussing any of it", "none of this is up for debate"
_NOT_DEBATING = re.compile(
    r"\b(?:(?:i'?m|i’m|im|i am|we'?re|we’re|we are)\s+not\s+(?:debating|discussing|negotiating|arguing (?:about|over)|"
    r"going (?:over|back over)|revisiting)\s+(?:any of\s+(?:it|this|that|them|these)|these|them|those)|none of (?:it|this|that|these) is "
    r"(?:up for|open to) (?:debate|discussion|negotiation))\b",
    re.I,
)
# a heading over rules: "These are the terms for Ellie staying at yours", "let me spell it out"
_RULES_HEADING = re.compile(r"\b(?:these are the|here are the|the)\s+(?:terms|rules|conditions)\b|spell it out", re.I)
_OFFER_AFTER = re.compile(
    r"(?:\b(?:final|last|best and final|best) (?:offer|price|figure|terms|word|answer|position|proposal|rate|deal)|"
    # "That's our offer and it stands until the 30th": said as the offer, pointing back, without 'final'
    r"^(?:so\s+)?(?:that'?s|that’s|that is|this is)\s+(?:my|our)\s+offer)\b\s*(?:is|:|-|–|—|,)?\s*(.*)$",
    re.I,
)
_OFFER_BEFORE = re.compile(
    r"^(.+?)[\s,:–—-]+(?:(?:is|that'?s|that is|this is|represents|constitutes|remains|,)?\s*(?:(?:my|our|the|the \w+'s) |(?<=is )|(?<=is  ))"
    r"(?:final|last|best and final) (?:offer|price|figure|word|position|number|amount|deal|terms|proposal|rate)\b|"
    r"(?:so\s+)?(?:this|that|it)(?:'s| is) (?:as far as|the most|the best|all) (?:i|we) can (?:go|do|offer|stretch|manage)\b|"
    # "4 grand for the boat, lowest I'll go", "£3,400 is the lowest I'll go"
    r"(?:(?:is|that'?s)\s+)?(?:the\s+)?lowest (?:i'?ll|i will|i can|we can|we'?ll) go\b)",
    re.I,
)
# in a long run-up before "this is as far as I can go", the clause that says what was offered
_OFFER_CLAUSE = re.compile(
    r"^(?:basically\s+|honestly\s+)?(?:i|we)(?:'ve| have)?\s+(?:offered|offer|'m offering|am offering|'re offering|"
    r"are offering|can|could|'ll|will|'d|would)\b",
    re.I,
)
# where an offer's own sentence goes on to its condition or its 'or else'
_OFFER_TAIL = re.compile(
    r"(?:,\s*|\s+)(?:but\s+|and\s+)?(?=(?:if|unless|otherwise)\b)|,?\s+(?P<orelse>or)\s+(?=(?:i|we|else|you'?ll|u'?ll)\b)",
    re.I,
)
_SALUTATION = re.compile(
    # a greeting said as a sentence of its own: "Howzit Johan.", "G'day mate!", "Morning all,"
    r"^(?:(?:howzit|hiya|howdy|g'?day|yo|oi|morning|evening|afternoon|howya|namaste|salaam|salam|kia ora|hola|"
    r"bonjour|ciao|cześć|czesc|ni hao|wah gwaan|wha gwaan|"
    r"hey there|hi there|hello there|greetings|good (?:day|morning|afternoon|evening))\b[\w' ]{0,30}?[.,!]\s+|(?:my\s+)?(?:dear(?:est)?|hi|hello|hey|to|respected|oga|hola|good (?:day|morning|afternoon|evening))\s+[\w.'/ ]{1,40}?[,!]\s*|"
    # "Hi, it's Jen.", "hey its mum dictating this": who is writing, said before what they write
    r"(?:(?:hi|hey|hiya|hello)\s*[,!]?\s*)?(?:it'?s|its|this is)\s+(?:[A-Z][\w'-]+|mum|mom|dad|your (?:mum|mom|dad|sister|brother))"
    r"(?:\s+here)?(?:\s*[.,!—–-]\s+|\s+(?=(?:dictating|texting|writing|messaging)\b))|"
    # "Sparks here.", "Dave from number 4 here,": who is writing, said as a sign-on
    r"(?-i:[A-Z][\w'-]+)(?:\s+(?:from|at)\s+[\w' ]{1,25}?)?\s+here\s*[.,!—–-]\s+|"
    # "hi mr okonedo the boiler has...": a greeting to a title and a name, texted without its comma
    r"(?:hi|hello|hey|hiya|dear|morning|good morning|good afternoon|good evening)\s+(?:mr|mrs|ms|miss|dr|mx)\.?\s+[\w'-]+\s+|"
    # "Mista Dalton,", "Miss Pearl,": a title said to a name (not "Miss another payment,")
    r"(?-i:(?:Mista|Missa|Miss)\s+[A-Z][\w'-]+)\s*[,!]\s*|"
    # "Darlene, bless your heart, but...": the name and the blessing before what is said
    r"[A-Z][\w'-]+,\s+bless (?:your|ya|yer) (?:heart|soul)\s*,\s*(?:but\s+)?|"
    r"(?:boss|sir|madam|ma'?am|mate|bro|sis)\s*,\s*|(?-i:(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+[A-Z][\w'-]+),\s*"
    r"(?:(?:following|further to|after)\s+(?:on from\s+)?(?:our|my|your|the)\s+(?:call|meeting|conversation|email|chat|letter)\s*,\s*)?|(?:team|all|everyone|folks|guys)\s*[,—–:-]\s*|(?:(?:to|from|re|subject|attn|fao):\s*[\w.,&' ]{1,60}?[.\n]\s*)+)",
    re.I,
)
_PASSIVE_NEED = re.compile(
    r"^(.+?)\s+(?:(?:must|should|shall|will|has to|have to|needs? to)\s+be|is|are|gets?|get|be|being)\s+(?:\w+ly\s+)?(\w+ed|paid|done|made|sent|sorted|put|kept|given|taken)\b(.*)$",
    re.I,
)
_NONNEG = re.compile(
    r"(?:(?:non[- ]?negotiables?|deal[- ]?breakers?|(?:my|our) (?:conditions|terms|red lines)|red lines)"
    # "My conditions, which I assume nobody will argue with since I'm doing all the work: ..."
    r"(?:\s+for\s+[^:]{1,40}(?=:)|,\s*(?:which|that)\b[^:.]{1,80}(?=:))?\s*(?:are|is|:|-)?\s*(?:non[- ]?negotiable)?\s*(?:as follows)?\s*:?"
    r"|(?:not going to|won'?t|will not|can'?t|cannot|am not|'m not)\s+(?:\w+\s+)?(?:budge|move|bend|compromise|going to budge)"
    r"\s+on\s+(?:them|these|those|any of (?:them|these|those))\s*:"
    # "I have three conditions and I don't change them:", "on the following terms, none of which is negotiable:",
    # "I require the following without exception:"
    r"|(?:conditions|terms|requirements|rules)\b[^:.]{0,60}?(?:(?:don'?t|won'?t|will not|do not) change|"
    r"none of which (?:is|are) negotiable|without exception|not negotiable|non[- ]?negotiable|no debate)[^:.]{0,20}:"
    r"|(?:i|we) (?:require|need|want|insist on|demand) the following(?: without exception| in full)?\s*:"
    r"|(?:are|is|'re|aren'?t|isn'?t|no)\s+(?:fixed and\s+)?(?:(?:not )?(?:open to|up for|up fur) (?:negotiation|discussion|debate)"
    r"(?:\s+any\s*more)?|non[- ]?negotiable|not negotiable)\s*:)\s*(.+)$",
    re.I,
)
_ITEM_NUMBER = re.compile(r"^(?:\(?\d+[.)]|\(?[a-z]\))\s*", re.I)
_ALL_OF_THEM = re.compile(
    r"^(?:all|each|every one)(?: (?:three|four|five|of them|of these|of the above))?\b|"
    r"\b(?:those|these|all|the) (?:two|three|four|five|things|conditions|points)\b",
    re.I,
)
_WORRY_COND = re.compile(r"^(?:you|u)\b", re.I)
_VEILED_LEAD = re.compile(
    r"^(?:it(?:'d| would) be a (?:shame|pity) if|i'?d (?:\w+ly )?hate (?:for|it if)|i'?d (?:\w+ly )?hate to see|you wouldn'?t want|"
    # "I'd genuinely hate to have to start returning calls from the other firms"
    r"i'?d (?:\w+ly )?hate to (?:have to )?(?:start|go|take|call|tell|involve|get|bring|look|move|switch|find)|"
    r"it would be unfortunate if|we wouldn'?t want|shame if|pity if)\s+(.+)$",
    re.I,
)
_SECOND_TO_NEED = [
    (
        re.compile(
            r"^(?:you|u)\s*(?:'d better|had better|better|need to|needs to|have to|has to|must|gotta|got to|"
            # "you'll need to pay the full amount": the need is the paying
            r"will|'ll|’ll|are going to|'re going to|are gonna|'re gonna|should|ought to)(?:\s+(?:need|have) to)?\s+(.+)$",
            re.I,
        ),
        "I need you to {}",
    ),
    (re.compile(r"^(?:i|we)\s*(?:expect|demand|insist on|require)\s+(?:you|u)\s+to\s+(.+)$", re.I), "I need you to {}"),
    (re.compile(r"^(?:i|we)\s*(?:expect|demand|insist on|require)\s+(.+)$", re.I), "I need {}"),
    (re.compile(r"^(?:i|we)\s*(?:want|need|would like|'d like)\s+(.+)$", re.I), "I need {}"),
    # "Please don't invite Dad", "Do not contact my daughter again": what not to do
    (
        re.compile(
            r"^(?:please\s+)?(?:do not|don'?t|dont)\s+(?!(?:expect|worry|say|want|think|bother|forget|make|test|push|try|even|ever|"
            r"you|tell|ask)\b)(.+)$",
            re.I,
        ),
        "I need you not to {}",
    ),
    (re.compile(r"^(?:please\s+)(.+)$", re.I), "I need you to {}"),
    # a request asked as a question: "Could you have a look?" -> "I need you to have a look"
    (
        re.compile(r"^(?:could|can|would|will)\s+(?:you|u)\s+(?:please\s+|possibly\s+|maybe\s+)?(.+)$", re.I),
        "I need you to {}",
    ),
    # "can we sort the cliff before then": something to do together, said as a statement
    (re.compile(r"^(?:could|can|shall)\s+we\s+(?:please\s+|maybe\s+)?(.+)$", re.I), "I'd like us to {}"),
]
_STOPWORDS = frozenset(
    [
        # words every template may use that say nothing of a lever ("could we talk about it together", "either of us")
        "either",
        "neither",
        "what",
        "when",
        "how",
        "who",
        "which",
        "where",
        "why",
        "both",
        "each",
        "here",
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "up",
        "down",
        "out",
        "over",
        "about",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "i",
        "me",
        "my",
        "mine",
        "we",
        "us",
        "our",
        "you",
        "your",
        "yours",
        "he",
        "him",
        "his",
        "she",
        "her",
        "they",
        "them",
        "their",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "there",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "do",
        "does",
        "did",
        "done",
        "have",
        "has",
        "had",
        "not",
        "no",
        "so",
        "then",
        "than",
        "just",
        "very",
        "all",
        "any",
        "some",
        "more",
        "most",
        "one",
        "now",
        "get",
        "got",
        "go",
        "going",
        "gonna",
        "im",
        "i'm",
        "you'll",
        "i'll",
        "we'll",
        "it's",
        "that's",
        "don't",
        "won't",
        "can't",
        "u",
        "ur",
        "yes",
        "ok",
        "okay",
        "well",
        "really",
        "also",
        "too",
    ]
)


@dataclass
class Parts:
    """What a message is made of, once the lever is set aside."""

    needs: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # said as a reason ("because ...")
    context: list[str] = field(default_factory=list)  # what the person said around the need
    levers: list[str] = field(default_factory=list)
    deadline: str | None = None
    worry: str | None = None
    offer: str | None = None
    items: list[str] = field(default_factory=list)
    said: list[str] = field(default_factory=list)  # every sentence, cleaned, in order
    conditional: bool = False  # the lever hangs on a condition (if, unless, or, should)
    # sentences set aside on the classifier's word alone, with no lever shape of their own
    guessed: list[str] = field(default_factory=list)
    # what 'it' in the need was read as ("the medicine"): named in a lever sentence, it is still what is asked for
    pointed: list[str] = field(default_factory=list)
    # what went wrong, said as it stands ("Boiler's been broken 11 days"), kept as context though the classifier
    # alone would have set it aside
    grievances: list[str] = field(default_factory=list)

    def holds_lever(self, sentence: str) -> bool:
        """True for a sentence said with a lever in it ("Do it once more and I'll forward the emails to HR")."""
        return any(lever and lever in sentence for lever in self.levers)


_ITEM_LEAD = re.compile(r"^(?:for the record|as follows|to be clear|just so we're clear)\s*[:,–—-]?\s*", re.I)
_PICTURES = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]+")


_TIME_LEAD = frozenset(["at", "by", "to", "until", "till", "til", "from", "before", "after", "around", "about"])
_INLINE_NUMBER = re.compile(r"(?:(?<=\S)\s+|^)(?P<n>\d{1,2})[.)]\s+(?=[A-Za-z])")
# a title, or an initial after a title ("Mrs P."): "Plan B." and "No." end sentences
_INITIAL_END = re.compile(
    r"(?:^|[\s(])(?:Mr|Mrs|Ms|Mx|Dr|St|Prof|Rev|Fr|Cllr|Capt|Lt|Sgt)\.$|"
    r"\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Rev|Fr|Cllr|Capt|Lt|Sgt)\.?\s+[A-Z]\.$"
)


# a need said after a run-up with no stop before it ("...so sorry about the spelling i need you to move your
# stuff out"): where it starts is where a sentence starts, five words or more in, never after a comma's 'and'
_NEED_START = re.compile(r"\s+(?=(?:i|we)\s+(?:really\s+|just\s+)?(?:need|want|expect)\s+(?:you|u)\s+to\b)", re.I)
_JOINS = frozenset(
    {"and", "but", "so", "that", "if", "why", "what", "because", "cos", "coz", "when", "until", "unless"}
)


def _need_starts(said: str) -> list[str]:
    """A need said after a run-up with no stop before it ("...so sorry about the spelling i need you to move your
    stuff out") starts a sentence of its own: five words or more in, and not joined on by 'and', 'so', 'if'..."""
    for m in _NEED_START.finditer(said):
        before = said[: m.start()].split()
        if len(before) >= 5 and before[-1].lower().strip(",") not in _JOINS and not before[-1].endswith(","):
            return [said[: m.start()], *_need_starts(said[m.end() :])]
    return [said]


def _sentences(text: str) -> list[str]:
    """The message's sentences and clauses; a list of non-negotiables stays whole ("not negotiable:
    (1) heating; (2) a named contact; (3) no rent rise" is one list, not three sentences)."""
    out: list[str] = []
    # an emoji between words ends a sentence as a full stop would: "subs were due 2 weeks ago 😬 if we don't..."
    # "none of it is up for debate: 1. no smoking inside 2. guests gone by midnight 3. ...": a list numbered
    # inside one line is one item to a line, each keeping its number
    marks, expected = [], 1
    for m in _INLINE_NUMBER.finditer(text):  # only the run 1, 2, 3...: "at 6 not 7. I'm" numbers nothing
        said_before = text[: m.start()].split()[-1:] or [""]
        if int(m.group("n")) == expected and said_before[0].lower().strip(",") not in _TIME_LEAD:
            marks.append(m)
            expected += 1
    # "Handover is at 1. Bring them back by 2.": times; a list has three items, or two after a colon
    if len(marks) >= 3 or (len(marks) == 2 and text[: marks[0].start()].rstrip().endswith(":")):
        for m in reversed(marks):
            text = text[: m.start()] + "\n" + m.group(0).strip() + " " + text[m.end() :]
    pieces = _listed_terms(
        re.split(
            r"(?<=[.!?])(?<!\n\d[.)])(?<!\n\d\d[.)])(?<!^\d[.)])\s+|\n+|\s*(?:" + _PICTURES.pattern + r")+"
            # (the sentence goes on after an emoji when what follows only finishes it: "the £30 for the ticket 🎫 by
            # saturday or im charging interest 💸 £2 a day")
            r"(?:\s+(?!(?:by|or|from|before|until|till|on|at|for|to|per|each)\b|[£$€\d])|$)",
            text,
        )
    )
    for piece in pieces:
        if _NONNEG.search(piece):
            out.append(piece)
        else:
            out.extend(x for said in _SENTENCES.split(piece) for x in _need_starts(said))
    # "Mrs P. Lindqvist", "Dr. Shah", "St. Mary's": an initial or a title's full stop ends no sentence
    merged: list[str] = []
    for piece in out:
        if merged and _INITIAL_END.search(merged[-1]) and piece[:1].isupper():
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged


# "we need: a, b and c", "what I require before I move: ...", "my conditions: ..." and, in the lead or
# beside it, a word that they are not open ("this is not negotiable", "these are fixed")
# (a time's colon, "2:30-4:00", parts no list)
_NEED_LIST = re.compile(r"^(?P<lead>[^:]{0,160}):(?!(?<=\d:)\d)\s*(?P<list>[^:]+(?:,[^:]+){1,})$")
_NOT_OPEN = re.compile(
    r"\b(?:(?:this|that|these|those|it|which|none of (?:that|this|these|them|it))(?:\s*(?:is|are|'s|isn'?t|aren'?t)\s+|"
    r"'?s\s+|s\s+)(?:not\s+)?(?:like\s+)?(?:a\s+)?(?:matters? for discussion|non[- ]?negotiable|negotiable|up for "
    r"(?:discussion|debate|negotiation)|open to (?:discussion|debate)|discussion|debate|optional|fixed)|"
    r"(?:are|is) fixed|we don'?t negotiate|not negotiating|(?:my|our) conditions|non[- ]?negotiables?)\b[\s,.;]*",
    re.I,
)


# a heading that says the list under it is not open, with the first item (or its number) after the colon
_LIST_HEADER = re.compile(
    r"^(?P<lead>[^:]{0,80}?\b(?:not (?:open to|up for) (?:discussion|debate|negotiation)|non[- ]?negotiables?|"
    r"not negotiating(?: on)? (?:any of )?(?:it|this|these|them)|"
    r"not negotiable|deal[- ]?breakers?|red lines)\b[^:]{0,20}):\s*(?P<first>[^:]{0,100})$|"
    # announced in a sentence of its own, the items in the sentences after it
    r"^(?P<said>[^:]{0,80}?\b(?:things|conditions|terms|rules)\b[^:.]{0,30}?\b(?:(?:i|we)(?:'m| am|'re| are) not "
    r"(?:going to )?(?:budge|move|bend)|(?:i|we) (?:won'?t|will not|don'?t|do not) (?:budge|move|bend|change)|"
    r"(?:are|is) (?:not negotiable|non[- ]?negotiable))\b[^:]{0,60})$",
    re.I,
)
# what ends such a list: the sanction, or a sentence that is not an item
_LIST_ENDS = re.compile(r"\b(?:any|break|breach|otherwise|or else|if|unless|and (?:i|we)|will|'ll)\b", re.I)


# a sanction that points back at what was just listed: "Ignore them, ...", "Break any of these and ..."
_POINTS_BACK = re.compile(
    r"^(?:and\s+)?(?:if you\s+)?(?:break|ignore|breach|cross|skip|miss|forget|disregard|flout)s?\s+"
    r"(?:any of\s+)?(?:them|these|those|it|this|the rules|the above|any one|one of them)\b",
    re.I,
)
_RULES_HEADING = re.compile(r"^(?:[\w']+\s+){0,2}(?:rules|terms|conditions|policy|reminders?)$", re.I)


def _short_run_start(out: Sequence[str], i: int, longest: int) -> int:
    """Where the run of short sentences (at most ``longest`` words, none a tag like "Simple.") just
    before sentence ``i`` starts: the items a list marker or a sanction points back at."""
    start = i
    while start > 0 and len(out[start - 1].split()) <= longest and not _TAG.match(_clean(out[start - 1])):
        start -= 1
    return start


def _listed_terms(pieces: list[str]) -> list[str]:
    """A list of needs said not to be open ("we need: a, b and c. This is not negotiable, otherwise...",
    "no more X. no more Y. and Z. none of that's up for debate") is a list of non-negotiables; what
    follows the marker stays a sentence of its own."""
    out = list(pieces)
    for i, piece in enumerate(out):
        header = _LIST_HEADER.match(piece)
        if header:  # "HOUSE RULES - NOT OPEN TO DISCUSSION: 1. No guests. 2. No smoking. 3. Bins out by Tuesday."
            first = _ITEM_NUMBER.sub("", _BULLET_MARK.sub("", (header.group("first") or "").strip())).strip()
            # "My conditions are not up for debate: the rent on the 1st, no smoking indoors, and the bins out": the
            # items after the colon, in one sentence
            items = (_parallel_items(first) or [first]) if first else []
            j = i + 1
            while j < len(out) and len(out[j].split()) <= 14 and not _LIST_ENDS.search(out[j]):
                item = _ITEM_NUMBER.sub("", _BULLET_MARK.sub("", _clean(out[j]))).strip(" .")
                item = re.sub(r"^(?:and|also)\s+", "", item, flags=re.I)
                if item and not _BARE_NUMBER.match(item):  # "2." said as a sentence of its own is no item
                    items.append(item)
                j += 1
            if len(items) >= 2:
                out[i] = "Non-negotiable: " + "; ".join(x.strip(" .") for x in items)
                out[i + 1 : j] = [""] * (j - i - 1)
                continue
        listed = _NEED_LIST.search(piece)
        if listed and not _NONNEG.search(piece):
            inside = _NOT_OPEN.search(listed.group("lead"))
            after = _NOT_OPEN.match(out[i + 1]) if i + 1 < len(out) else None
            if inside or after:
                listing = re.sub(r",?\s*\b(?:okay|ok|right|yeah)\s*[?.!]*$", "", listed.group("list"), flags=re.I)
                out[i] = "Non-negotiable: " + listing
                if after:
                    out[i + 1] = out[i + 1][after.end() :]
                continue
        if not _NONNEG.search(piece):
            laid_down = _parallel_list(out, i)
            if laid_down is not None:
                terms, after_terms = laid_down
                out[i] = "Non-negotiable: " + "; ".join(terms)
                out[i + 1 : after_terms] = [""] * (after_terms - i - 1)
                continue
        if _POINTS_BACK.match(piece) and i >= 2:
            # "Recycling out Thursday. No parties on weeknights. Kitchen wiped nightly. Ignore them, you're
            # off the tenancy": the short sentences the sanction points back at are the list
            start = _short_run_start(out, i, longest=10)
            said = [_clean(x) for x in out[start:i] if _clean(x) and not _RULES_HEADING.match(_clean(x))]
            if len(said) >= 2:
                out[start:i] = [""] * (i - start - 1) + ["Non-negotiable: " + "; ".join(said)]
                continue
        marker = _NOT_OPEN.match(piece)
        if marker and len(piece[: marker.end()].split()) <= 8 and i >= 2:
            # the short sentences just before the marker are the list
            start = _short_run_start(out, i, longest=14)
            if i - start >= 2:
                said = [re.sub(r"^(?:and|also)\s+", "", _clean(x), flags=re.I) for x in out[start:i]]
                out[start:i] = [""] * (i - start - 1) + ["Non-negotiable: " + "; ".join(said)]
                out[i] = piece[marker.end() :]
    return [p for p in out if p.strip()]


# "Here's my discussion: a, b, and c", "When Kezia by you: a, b, an' c", "HOUSE RULES (NOT optional): 1. ... 2. ...":
# in a message already read as an ultimatum, three or more parallel items after a colon (or two or more numbered
# ones) are the terms being laid down, whatever words announce them
_COLON_LIST = re.compile(r"^(?P<lead>[^:]{0,120}):(?!(?<=\d:)\d)\s*(?P<list>.*)$")
# what announces a remark, not terms: "Just a thought: the skip's been on the pavement since March, and..."
_REMARK_LEAD = re.compile(
    r"\b(?:thought|saying|fyi|heads[- ]?up|update|news|ps|p\.s|by the way|btw|anyway|honestly|to be fair|mind you)\W*$",
    re.I,
)
# a comma inside an amount ("£1,500") parts nothing
_LIST_SPLIT = re.compile(
    r"\s*(?:;|,(?!(?<=\d,)\d{3}\b))\s*(?:(?:and|an'|&)\s+)?|\s+(?:and|an'|&)\s+(?=(?:no|nobody|never)\b)", re.I
)
_BARE_NUMBER = re.compile(r"^\(?\d{1,2}[.)]?$")


def _parallel_items(listing: str) -> list[str] | None:
    """The items of "a, b, and c" when there are three or more, each short and none a past event ("you left,
    I cleaned, nobody thanked me" is a story, not terms); None otherwise."""
    if "?" in listing:
        return None
    items = [re.sub(r"^(?:and|an'|&)\s+", "", x.strip(" .!"), flags=re.I) for x in _LIST_SPLIT.split(listing)]
    items = [x for x in items if x]
    if len(items) < 3 or any(not 1 <= len(x.split()) <= 18 for x in items):
        return None
    if any(_told(x) for x in items):
        return None
    # "Dates I can do: Monday, Tuesday, Friday" names choices, "I'm exhausted, you're late, ..." says how things
    # are: neither lays down terms
    if all(
        len(x.split()) <= 2 and not re.match(r"^no\b", x, re.I) and not any(w.is_verb for w in tag(x)) for x in items
    ):
        return None
    if any(re.match(r"^(?:i|you|u|he|she|they|we|it)(?:'m|'re|'s| am| are| is| was| were)\b", x, re.I) for x in items):
        return None
    if any(re.match(r"^(?:or|otherwise|else|if|unless)\b", x, re.I) for x in items):
        return None  # "you cook Monday to Wednesday, I do the rest, or we order takeaway on your card": an or-else
    return items


def _told(item: str) -> bool:
    """True for an item that tells what someone did ("you left", "I cleaned up", "nobody thanked me")."""
    words = [w for w in tag(item) if w.text.strip()]
    return (
        len(words) >= 2
        and re.match(r"^(?:i|you|u|he|she|they|we|nobody|everyone|everybody|someone|no one)$", words[0].lower)
        is not None
        and words[1].tag == "VBD"
    )


def _parallel_list(out: Sequence[str], i: int) -> tuple[list[str], int] | None:
    """The items laid down at sentence ``i`` (a colon list, or numbered items in the sentences after it) and
    the index of the first sentence after them; None when there is no such list."""
    colon = _COLON_LIST.match(out[i])
    if colon is None or _REMARK_LEAD.search(colon.group("lead")):
        return None
    listing = colon.group("list").strip()
    if not _ITEM_NUMBER.match(listing) and not (listing == "" and i + 1 < len(out) and _ITEM_NUMBER.match(out[i + 1])):
        items = _parallel_items(listing)
        return (items, i + 1) if items else None
    numbered = [_ITEM_NUMBER.sub("", listing).strip(" .")] if not _BARE_NUMBER.match(listing) else []
    marked = bool(_BARE_NUMBER.match(listing))  # the next sentence is an item only when a number leads it
    j = i + 1
    while j < len(out) and len(out[j].split()) <= 14:
        piece = out[j].strip()
        if _BARE_NUMBER.match(piece):
            marked = True
        elif marked or _ITEM_NUMBER.match(piece):
            numbered.append(_ITEM_NUMBER.sub("", _clean(piece)).strip(" ."))
            marked = False
        else:
            break  # the first sentence without a number ends the list ("Anyone who can't manage this...")
        j += 1
    numbered = [x for x in numbered if x]
    return (numbered, j) if len(numbered) >= 2 else None


def _clean(text: str) -> str:
    text = plain_spelling(_PICTURES.sub("", text))
    # "Please swish, sorry, transfer me your part": the word taken back gives way to the one said after it
    text = re.sub(r"\b[\w']+,\s*(?:sorry|i mean|i meant|or rather),\s*(?=\w)", "", text, flags=re.I)
    # "Sorted then: you pay for the boiler", "It's take it or leave it: I'll pay £300": how it is announced (the
    # finality is the lever, and the reframe drops it)
    text = re.sub(
        r"^(?:(?:sorted|settled|decided|right|ok(?:ay)?|so|well|fine)(?:\s+then)?|(?:it'?s|this is)\s+(?:a\s+)?"
        r"(?:take it or leave it|final offer|my final offer|my last offer))\s*:\s*(?=\w)",
        "",
        text,
        flags=re.I,
    )
    # the Irish "Would you ever keep him in?" is a plain "would you"
    text = re.sub(r"\b((?:would|could|will|can)\s+(?:you|u|ye))\s+ever\b(?=\s+[a-z])", r"\1", text, flags=re.I)
    text = re.sub(r"\b(today|tomorrow|now|this week)\s+itself\b", r"\1", text, flags=re.I)  # "by today itself"
    # "just read the minutes", "just saw your text": texted without its "I", a thing done, not asked for
    text = re.sub(
        r"^\s*(?=just (?:read|saw|seen|heard|got|found|noticed|realised|realized|spoke|checked)\b)",
        "I ",
        text,
        flags=re.I,
    )
    for _ in range(2):
        led = _LEAD_FILLER.sub("", _SARCASTIC_LEAD.sub("", text.strip())).strip()
        if led != text.strip() and re.match(r"^(?:look|listen|right|ok(?:ay)?|oi|well)\b", text.strip(), re.I):
            led = _NAMED_AFTER_LEAD.sub("", led)
        text = _VOCATIVE.sub("", led)
    text = _TAIL_FILLER.sub("", text).strip(" ,;:-–—")
    return text.strip(" .!?")


_BULLET = re.compile(r"^\s*(?:[•·▪◦*-]|\d{1,2}[.)])\s+")
_BULLET_MARK = re.compile(r"^\s*[•·▪◦*]\s*")
_POINTS_AT_THEM = re.compile(r"\b(?:them|these|those|all of (?:it|them|these)|all (?:three|four|five|[2-9]))\b", re.I)
# "If this can't happen, we'll be asking the agency...": a condition that points back at the bullets together
_IF_THIS = re.compile(r"\b(?:if|unless)\s+(?:this|that|these|those|any of (?:this|that|it|these|those))\b", re.I)
_UNMARKED_CONDITION = re.compile(
    r"^(?P<cond>\s*if\b[^,.?!]{3,80}?\b(?:by|before|till|until|after|on)\s+(?:[\w']+\s+){0,2}?"
    r"(?:\d{1,2}(?::\d\d)?\s*(?:am|pm)|today|tomorrow|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:the )?weekend|"
    r"(?:next |this |the end of the )?(?:week|month)|\d{1,2}(?:st|nd|rd|th)|\d{1,2}(?::\d\d)?(?=\s)))\s+"
    r"(?=(?:i|i'm|im|i'll|ill|we|we'll|we're|it's|its|it'll|you|you'll|you're|they|they'll|he|she|ur|u)\b)",
    re.I,
)
_DEAL_HEADING = re.compile(
    r"^[^:]{0,80}?\bhere(?:'?s|’s| is) (?:the|my|our) (?:deal|offer|plan|proposal|bottom line|position)\s*:\s*(?=\w)",
    re.I,
)


# shapes no English sentence has, left when a clause is cut into a template: a subject pronoun after "worried
# about" or "I need", "you to ain't", "being been", a capital after "worried about" that starts no name
_BROKEN = re.compile(
    r"\bworried about (?:I|we|he|she|they)\b(?!['’])|\bI need (?:he|she|they|I|we)\b(?!['’])|"
    r"\b(?:need you to|[Cc]ould you) (?:ain'?t|aint|is|are|was|were)\b|\bbeing been\b|"
    r"\bworried about (?-i:You|Your|The|It|This|That|My)\b|\bI need the (?:no|its|it's)\b|"
    # "I need you to let's keep things between us", "I need the some ground rules", "Could I have if you can't..."
    r"\b(?:need you to|[Cc]ould you|I need|[Cc]ould I have) (?:let'?s|if|when|unless|because)\b|"
    r"\b(?:I need|[Cc]ould I have) the (?:some|any|every|a|an|my|your|his|her|our|their|no)\b|"
    r"\bnot being[.?!]|"  # "I'm worried about the uniform money not being.": the state was lost
    # "I need the MD work for you I completely understand, but.": a clause cut off at its joint
    # ('so' as a pro-form is whole: "I need you to do so.")
    r",?\s(?:but|and|or|because)[.?!]|(?<!\bdo)(?<!\bdid)(?<!\bsay)(?<!\bsaid)(?<!\bthink)(?<!\bhope),?\sso[.?!]|"
    r"\b(?:I need|[Cc]ould I have) (?:in|would|could|should|will|can|might)\b|"
    # "I need anyone not paid up by Friday will not picked": a rule's sanction glued into the need
    r"\bI need (?:anyone|anybody|everyone|everybody|whoever)\b[^.?!]*\b(?:will|won't|can't)\b"
)


def is_lever(clause: str, phrasing: Phrasing) -> bool:
    """A clause after 'or' / 'if not' / 'unless...,' that is the consequence: the part a reframe drops."""
    c = clause.strip().lower()
    return (
        bool(_CONSEQUENCE.match(c))
        or is_lever_sentence(c, phrasing)
        or is_penalty(c)
        # "the deal's off and I'm keeping the deposit"
        or re.match(
            r"^(?:the|this|our|my) (?:deal|offer|agreement)(?:'s|’s| is| will be)\s+(?:off|withdrawn|dead|cancelled|over)\b",
            c,
        )
        is not None
    )


_TAG = re.compile(
    r"^(?:(?:and |but |i'?m |i am |this is |it'?s )?not (?:joking|kidding|a threat|threatening you|bluffing|a bluff|foolin[g']?|messing)|i (?:swear|mean it)|"
    r"i (?:ain'?t|am not|'m not) (?:playing|playin'?|messin'?g?)(?: (?:around|about|wid you|with you))?|"
    # "I'm not doing it anymore", "I can't do this any more": a walkout said on its own, not a need
    r"(?:i'?m|i am|im) not doing (?:it|this|that)(?: any ?more)?|i can'?t do (?:this|it|that) any ?more|"
    r"(?:it'?s )?just how it is|just saying|(?:go on,? )?keep it up|just so you know|(?:you'?ve|you have) been warned|try me|watch me|"
    r"i'?m (?:dead )?serious|no joke|don'?t test me|this is the last time i(?:'m| am) saying (?:it|this)|"
    r"last warning|final warning|your (?:call|choice|move)|the ball is in your court|up to you|simple as that|"
    r"end of|that'?s (?:it|that|final)|period|full stop|you know how (?:small|close|tight|quickly)|people talk|"
    r"(?:figure|sort|work|do|fix|find|deal with|pay for|clean|handle|manage|look after)\b.*\byoursel(?:f|ves)$|(?:i'?m |im )?done being \w+|"
    r"take it,?\s+or\b.*|(?:that |this |it )?should be (?:fun|interesting|good)|(?:have fun|good luck) with that|"
    # said on the way out: "Best of luck with the show."
    r"(?:(?:the )?best of luck|good luck) with (?:the|your) \w+(?: \w+)?|(?:this is )?not a drill|here'?s the deal|here it is|(?:just )?saying only|simple|no big deal|(?:final )?notice|"
    r"(?:none|any) of (?:that'?s|thats|this is|that is|it is|it'?s) (?:up for|open to) (?:debate|discussion|negotiation)|"
    r"(?:this|that|it|these|those|they) (?:is|'s|are|'re) not (?:a bargaining position|a negotiation|negotiable|"
    r"(?:up for|open to) (?:debate|discussion|negotiation))|"
    r"(?:i'?m|i am|i'?ve been|we'?re) keeping (?:a |every |all )?(?:tally|record|note|count|log|screenshots?|receipts)|"
    r"i'?ve (?:kept|got|saved) (?:every|all|the) (?:message|text|email|screenshot|receipt)s?|"
    # a threat asked as a question, and its follow-through: "Do you really want me to ring the council...? Because I will."
    r"do (?:you|u) (?:really |honestly |seriously )?want me to (?:ring|call|phone|report|tell|contact|involve|go to|get)\b.*|"
    r"(?:because |cos |coz |'cause )?i (?:will|would|do)(?: too)?\W*$|"
    # what goes with the one who walks: "And I'll take my costumes and half the chorus with me."
    r"(?:and |so )?(?:i'?ll|i will|we'?ll|we will|i'?m|i am|we'?re|we are) (?:taking|take) (?:my|our|all (?:my|our)|half|the|"
    r"everyone|everybody|the rest)\b[\w' ,&-]{0,60}? with (?:me|us|them)\b.*|"
    r"no [\w ]{1,20},? no \w+$|(?:\w+ )?(?:won'?t|will not) (?:restore|reinstate|reconnect|unblock|return|release)\b.*)\b",
    re.I,
)


_JUDGING_BODY = re.compile(JUDGING_BODY_HINT, re.I)
# a judgement held up over the other side, and what refusers are told not to expect (the drift check's shapes)
_HELD_UP = (
    re.compile(JUDGEMENT_HELD_UP, re.I),
    re.compile(NOT_TO_EXPECT, re.I),
    # ...or named on its own after a hint: "Just saying. Team selection's in two weeks."
    re.compile(
        r"^(?:just saying\W+)?(?:the |your |ur )?(?:[\w-]+ )?(?:selection|renewals?|reviews?|appraisals?)(?:'s|’s| is| are)\s+"
        r"(?:in|on|next|this|due|coming|soon)\b[^.?!]{0,30}$",
        re.I,
    ),
)


def _held_up(sentence: str) -> bool:
    """A judgement held up over the other side ("Just remember your lease is up for renewal")."""
    return any(held.search(sentence) for held in _HELD_UP)


def is_lever_sentence(sentence: str, phrasing: Phrasing) -> bool:
    """A whole sentence that is lever only: a lever word, a walkout or closed door, a tag like 'not joking', or a
    judging body said to be keen to hear ("I expect the trustees would be very interested to hear how...")."""
    c = sentence.strip().lower()
    return bool(phrasing.lever_pattern.search(c) or _TAG.match(c) or _JUDGING_BODY.search(c) or _held_up(c))


_PROGRESSIVE_ADVERBS = frozenset(
    [
        "still",
        "always",
        "constantly",
        "just",
        "really",
        "now",
        "forever",
        "continually",
        "actually",
        "even",
        "never",
        "ever",
    ]
)


def _gerund_clause(clause: str, base: bool = False) -> str:
    """'the council turns up at my door' -> 'the council turning up at my door'; with ``base``, a verb in its
    base form too ('should your husband raise the matter' -> 'your husband raising the matter')."""
    words = list(tag(clause))
    finite = {"VBZ", "VBD", "VBP"} | ({"VB"} if base else set())
    for i, w in enumerate(words):
        if w.tag in finite and i > 0:
            after = words[i + 1] if i + 1 < len(words) else None
            # what comes before a 'not' put in ("do" + "n't" was written without a space before it)
            before = [*words[: i - 1], Word(words[i - 1].text, words[i - 1].tag, words[i - 1].lemma, " ")]
            if after is not None and after.lower in {"n't", "not"} and i + 2 < len(words):
                # "folk don't like it" -> "folk not liking it"
                verb = words[i + 2]
                if verb.tag.startswith("VB"):
                    # "the rent isn't paid" -> "the rent not being paid": a passive keeps its participle
                    passive = verb.tag == "VBN" and w.lemma.lower() == "be"
                    ing = f"being {verb.text}" if passive else gerund(verb.lemma.lower())
                    said = Word(f"not {ing}", "VBG", verb.lemma.lower(), verb.space)
                    return join([*before, said, *words[i + 3 :]])
            ing = gerund(w.lemma.lower())
            progressive = next((j for j in range(i + 1, min(i + 3, len(words))) if words[j].tag == "VBG"), None)
            if (
                w.lemma.lower() == "be"
                and progressive is not None
                and all(words[j].lower in _PROGRESSIVE_ADVERBS for j in range(i + 1, progressive))
            ):
                # "you are still behaving like this" -> "you still behaving like this" (never "being behaving"), and
                # "I'm getting dragged in" -> "me getting dragged in"
                who = words[i - 1]
                subject = OBJECT_FORM.get(who.lower, who.text) if who.tag == "PRP" else who.text
                return join([*words[: i - 1], Word(subject, who.tag, who.lemma, " "), *words[i + 1 :]])
            if after is not None and after.lower in {"n't", "not"}:
                # "you and the kids aren't at Mum's" -> "you and the kids not being at Mum's" (not "beingn't")
                return join([*before, Word(f"not {ing}", "VBG", w.lemma.lower(), after.space), *words[i + 2 :]])
            if w.text.startswith("'") and not words[i - 1].space:
                words[i - 1] = Word(words[i - 1].text, words[i - 1].tag, words[i - 1].lemma, " ")
            words[i] = Word(ing, "VBG", w.lemma.lower(), w.space)
            return join(words)
    return clause


_SIGN_OFF = re.compile(
    r"\b(?i:" + PHONE_FOOTER + r")\W*$|"
    r"[\s,.]*\b(?i:yours (?:sincerely|faithfully|truly|ever)|yours(?=,)|kind regards|best regards|regards|best wishes|"
    r"many thanks|thanks(?: so much)?|cheers|warmly|sincerely|best(?=,)|with love|lots of love|love(?=,)|"
    r"your (?:loving|devoted) \w+|"
    # "Your uncle, Haji Rahman", "Your brother, Ian": who signs, as family
    r"your (?:uncle|aunt|auntie|brother|sister|cousin|mother|father|mum|mom|dad|son|daughter|nephew|niece|friend|"
    r"neighbou?r|landlord|landlady|coach|teacher)(?=,))\b[\s,.-]*(?:the\s+)?(?:[A-Z][\w.'-]*[\s,]*){0,6}"
    # "Lots of love, the Orchard Barn team x"
    r"(?:(?i:team|family|crew|office|committee|management)[\s,]*)?(?:x{1,3}\W*)?$|"
    r"\s+[-–—]\s*[A-Z][\w.'-]*$",
)


# permission said with a sigh: "No, it's fine.", "fine.", "Sure, keep letting him stay up till midnight"
_PERMISSION = re.compile(
    r"^(?:no,?\s+|oh,?\s+|ok(?:ay)?,?\s+)?(?:it'?s |that'?s )?(?:fine|whatever|sure(?=,?\s+(?:keep|carry on)\b|\W*$)|go ahead|by all means|suit yourself)"
    r"(?:\W*$|\s*[,.!]+\s*(?P<rest>\w.*))$",
    re.I,
)
# ...and what is 'permitted': something the other side wanted to do ("go to the stag do", "keep letting him")
_PERMITTED = re.compile(
    r"^(?:just\s+)?(?:go|keep|carry on|have|enjoy|take|spend|invite|book|buy|stay|play|do whatever|do what)\b", re.I
)
# ...with the sting after it: "Just don't expect me to be here", "I'm sure the school will find it interesting"
_STING = re.compile(
    r"^(?:just\s+|and\s+|but\s+)*(?:don'?t|do not|dont) (?:expect|bother|come|ask|think|call)\b|^(?:i'?m|im) sure\b|"
    r"^(?:we'?ll|we will) see\b|^see (?:how|what|if)\b",
    re.I,
)
# what says the sentence before it was a hint: "Just saying.", "I only say.", "I'll say no more."
_HINT = re.compile(
    r"^(?:(?:i'?m |i am |im )?(?:just |only )?saying(?: only)?|i only say|that'?s all i'?m saying|"
    r"i(?:'ll| will| shall) say no more|say no more|just a thought|food for thought|(?:that'?s )?something to think about|"
    r"(?:if )?you know what i mean|i'?m sure you understand)\W*$",
    re.I,
)
# a consequence only hinted at: "the school counsellor will find it really interesting", "word gets around"
_VEILED = re.compile(
    # "I will only say that the whole family will be at the Eid dinner": what is only said is the hint
    r"\bi(?:'ll| will| shall) (?:only|just) say\b|\ball i(?:'ll| will| shall) say is\b|"
    r"\b(?:will|would|might|'ll|'d) (?:find|be) (?:it|that|this|them|\w+) (?:really |very |most |quite )?"
    r"(?:interesting|fascinating|illuminating)\b|\bworth remembering\b|\bpeople talk\b|\bword (?:gets|travels) "
    r"(?:around|fast)\b|"
    # "I wonder what your new boss would make of the photos", "I haven't shown it to anyone yet", "I don't want to
    # say bad about you": the hint is the lever
    r"\bi wonder what (?:your|the|my|his|her|their) [\w' -]{1,30}? (?:would|'d|might|will) (?:make of|think|say)\b|"
    r"\b(?:haven'?t|have not|not) (?:yet )?(?:shown|told|sent|mentioned|forwarded) (?:it|this|that|them|anyone|anybody)\b"
    r"[^.?!]{0,20}\b(?:yet|so far|for now)\b|"
    r"^(?:i|we) (?:don'?t|do not) want to (?:say|speak|talk) (?:bad|badly|ill|anything bad)\b|"
    # "I don't want to involve the area boys": naming who could be brought in is the lever
    r"^(?:i|we) (?:don'?t|do not|wouldn'?t|would not|would hate to|'d hate to) (?:want to |like to )?(?:have to )?"
    r"(?:involve|bring in|get \w+ involved|call in)\b",
    re.I,
)
# ...or said with it: "My husband's brother is on the board of governors, you know."
# ...or led by it: "You know my brother sits on the board that approves parking permits.", "PS just saying, ..."
_HINTED = re.compile(
    r"\w,?\s+you know\W*$|^(?:p\.?s\.?\s*:?\s*)?(?:i'?m\s+|im\s+)?(?:just|only) saying\s*[,:–—-]\s*\S|^(?:you|u) know (?:that )?(?:my|our) [\w'-]+(?: [\w'-]+)? (?:is|sits|works|has|knows|'s)\b",
    re.I,
)


_LINE_NUMBER = re.compile(r"^\s*(?:\d{1,2}[.)]|\(\d{1,2}\)|\([a-h]\)|[a-h]\))\s+(?=\S)")
_SUBJECT_LINE = re.compile(r"^(?:re|subject|fwd?|fw)\s*:[^\n]*\n", re.I)


# a finality said on its own after an amount: "Not a penny more, not a penny less.", "Final.", "No more, no less."
_FINALITY_TAG = re.compile(
    r"^(?:(?:and\s+)?not (?:a|one) (?:penny|cent|dollar|pound|rand|euro|naira|rupee)s? (?:more|less)[\s,]*)+$|"
    r"^(?:final|that'?s final|no more,? no less|not negotiable|non[- ]negotiable)$",
    re.I,
)


# the same finality tacked on after an offer: ", not going lower", "and I'm not budging on that", ", no lower"
_FINALITY_AFTER = re.compile(
    r"[\s,;–—-]+(?:and\s+)?(?:(?:i'?m|i’m|im|we'?re|we’re|i am|we are|it'?s|it’s|it is)\s+)?(?:not|no)\s+(?:going\s+(?:any\s+)?"
    r"(?:lower|higher|down|up)|moving|budging|shifting|coming down|negotiating|lower|higher|less|more|"
    # "I'll pay £300 towards the damage and not a penny more"
    r"(?:a|one) (?:penny|cent|pound|dollar|euro|minute|day|inch) more)\b"
    r"(?:\s+(?:on|from)\s+(?:that|this|it|the price))?\s*[.!]*$",
    re.I,
)


# a walkout that hangs on something the other side can still do
_HANGS_ON_A_CONDITION = re.compile(
    r"\b(?:if|unless|or else|otherwise|until|till|til)\b|(?:,\s?|\s)or\s(?:i|im|i'm|i'll|we|we're|we'll|me)\b", re.I
)


# what follows "you" in a condition without being its verb: "if you lot", "if you two", "if you all"
_NOT_A_VERB_AFTER_YOU = frozenset(
    [
        "lot",
        "two",
        "both",
        "all",
        "guys",
        "people",
        "lads",
        "girls",
        "yourself",
        "yourselves",
        "alone",
        "still",
        "ever",
        "again",
        "really",
        "actually",
        "just",
        "are",
        "were",
        "was",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "shall",
        "not",
        "never",
    ]
)


def parts_of(text: str, phrasing: Phrasing, level_of: LevelOf | None = None) -> Parts:
    """Split a message into need, reason, deadline, worry, offer and the lever (set aside)."""
    parts = Parts()
    # a reply's quoted lines ("> you said...") are the other person's words, and a subject line names no need
    text = _SUBJECT_LINE.sub("", without_quoted_lines(text.strip()))
    queue = _sentences(_SIGN_OFF.sub("", _SALUTATION.sub("", without_hesitations(unshouted(text.strip())))))
    permitted = False
    # "1. The deposit held is £1,200. 2. I am prepared to return £950.": a letter numbered by paragraph says its
    # words without the numbers; a numbered list of terms ("1. no vaping indoors 2. ...") is read by its numbers
    numbered = [_LINE_NUMBER.sub("", x) for x in queue if _LINE_NUMBER.match(x)]
    numbered_letter = (
        bool(numbered)
        and all(any(w.tag in {"VBZ", "VBP", "VBD", "MD"} for w in tag(x)) for x in numbered)
        # "...3. My salary must be on time. If these cannot be, I will...": terms pointed back at together
        and not any(_IF_THIS.search(x) for x in queue if not _LINE_NUMBER.match(x))
    )
    while queue:
        raw = queue.pop(0)
        raw = _LINE_NUMBER.sub("", raw) if numbered_letter else raw
        # "Since nobody else can be bothered, here's the deal: I'll run the tuck shop": what comes after the
        # colon is what is said; the run-up to it is a heading
        raw = _DEAL_HEADING.sub("", raw)
        # "Let me match the energy: £1,500 for the full site": the run-up to an amount is a heading
        raw = re.sub(r"^[^:.?!]{0,60}:\s*(?=[£$€]\s?\d)", "", raw)
        # "Papa ji I respect you fully but if the family is not invited, then I will not come": the courtesy said
        # first is a sentence of its own, and the condition starts one
        courtesy = re.match(
            r"^(?P<head>[^,.?!]{3,60}?),?\s+but\s+(?P<rest>(?:if|unless)\b.{10,}\bthen\b.+)$", raw, re.I
        )
        if courtesy:
            parts.context.append(courtesy.group("head"))
            parts.said.append(courtesy.group("head"))
            raw = courtesy.group("rest")[0].upper() + courtesy.group("rest")[1:]
        if parts.offer is None and _FINALITY_TAG.match(_clean(raw) or raw) and (parts.needs or parts.context):
            # "£1,500 for the full site. Not a penny more, not a penny less.": the finality points back at the amount
            said = (parts.needs + parts.context)[-1]
            if re.search(r"[£$€]\s?\d|\d+\s?(?:pounds|dollars|euros?|rand|k)\b", said, re.I):
                _take_out(parts, said)
                parts.offer = said
                parts.levers.append(_clean(raw) or raw)
                parts.said.append(_clean(raw) or raw)
                continue
        # texted without a comma: "if its not gone by sunday 6pm its going in the skip" -> "..., its going..."
        raw = _UNMARKED_CONDITION.sub(r"\g<cond>, ", raw)
        # "If not I post on the Facebook group": the refusal said bare, then what follows it
        raw = re.sub(
            r"^((?:and\s+|but\s+|so\s+)?(?:if not|if no|if u don'?t|if you don'?t|if you can'?t|if u can'?t))\s+"
            r"(?=(?:i|we|i'll|ill|we'll|im|i'm|i am|we are|u will|you will|you'll)\s)",
            r"\1, ",
            raw,
            flags=re.I,
        )
        # ...and where no time marks the end, the parser reads where the condition stops: "if the kitchen is
        # like this again tomorrow im moving out" -> "..., im moving out"
        raw = with_condition_commas(raw)
        sentence = _dated_last(_clean(raw))
        sentence = _said_as_need(sentence)
        either = _YOU_OR_ELSE.match(sentence)
        tail = OR_ELSE.search(sentence, either.end("body")) if either else None
        if (
            either
            and tail is None
            and re.match(r"^(?:[\w ]{1,20},\s*)?(?:it(?:'s|’s| is)\s+)?either\b", raw.strip(), re.I)
        ):
            # "Either you sign the papers, or I carry you to court", "It's either you move your stuff, or it all goes
            # to the tip": after 'either', what happens instead is the lever
            tail = _OR_INSTEAD.search(sentence, either.end("body"))
        if either and tail and tail.start() <= either.end("body") + 2:
            # "Either you keep them inside after ten or I'm phoning the SPCA": what 'you' are to do is the need,
            # and what follows the 'or' is the lever
            parts.levers.append(sentence[tail.start() :].strip(" ,"))
            # "you need to pay me back by Friday or...": what is asked is the paying back
            body = re.sub(
                r"^(?:really\s+)?(?:must|need to|needs to|have to|has to|should|better|had better|gotta|got to|ought to)\s+",
                "",
                either.group("body"),
                flags=re.I,
            )
            _need_or_reason(f"I need you to {body}", parts, phrasing, condition=True)
            parts.conditional = True
            continue
        # "sort ya dishes tonight or they're going out on the deck": an order, then what happens if not
        ordered = OR_ELSE.search(sentence) if starts_with_verb(sentence) else None
        if ordered and 2 <= len(sentence[: ordered.start()].split()) <= 25:
            parts.levers.append(sentence[ordered.start() :].strip(" ,"))
            _need_or_reason(sentence[: ordered.start()].strip(" ,"), parts, phrasing, condition=True)
            parts.conditional = True
            parts.said.append(sentence)
            continue
        permission = _PERMISSION.match(sentence) or _PERMISSION.match(raw.strip())
        if not sentence and not permission:
            continue
        if parts.levers and re.match(
            # "...im not coming. i'll just stay at jess's", "I'm done. I'll hand back the keys": the walkout goes on
            r"^(?:and\s+)?(?:i'?ll|i will|we'?ll|we will)\s+(?:just\s+\w+|hand (?:back|in)|leave|quit|resign|walk|stay|"
            r"move out|stop|find (?:someone|another|somewhere)|go elsewhere|go back|move back|go home)\b",
            sentence,
            re.I,
        ):
            parts.levers.append(sentence)  # "...im not coming. i'll just stay at jess's": the lever goes on
            parts.said.append(sentence)
            continue
        handed = re.match(
            r"^(?:someone|somebody) else (?:can|could|will have to|'ll have to|’ll have to|needs to|has to)\s+(?P<rest>\w.+)$",
            sentence,
            re.I,
        )
        if parts.levers and handed:
            # "Consider this my last season. Someone else can chase up the subs, seeing as I'm the only one who
            # does": what is handed on is what is needed, from someone else
            parts.said.append(sentence)
            _need_or_reason(f"I need someone else to {handed.group('rest')}", parts, phrasing)
            continue
        if parts.levers and re.match(
            # "...I won't be prepping any practicals. Teachers can do it themselves.": the work handed back goes on
            r"^(?:and\s+)?(?:you|u|they|(?:the\s+)?\w+)\s+(?:can|could|will have to|'ll have to|’ll have to|will need to|"
            r"'ll need to|’ll need to)\s+(?:just\s+)?(?:do|sort|fix|manage|handle|deal with|sort out|cover)\s+"
            r"(?:it|that|this|them|the \w+)\s+(?:themselves|yourself|yourselves|himself|herself|on (?:their|your) own)\W*$",
            sentence,
            re.I,
        ):
            parts.levers.append(sentence)
            parts.said.append(sentence)
            continue
        if (
            parts.said
            and parts.levers
            and parts.levers[-1] in parts.said[-1]
            and len(sentence.split()) <= 4
            and not any(w.tag in {"VB", "VBZ", "VBP", "VBD", "MD"} for w in tag(sentence))
            and not _request_shaped(sentence)
        ):  # "Sort it by Saturday or I'm out. Coaching and all.": a fragment after the lever goes on with it
            parts.levers.append(sentence)
            parts.said.append(sentence)
            continue
        if permission and not permission.group("rest"):
            parts.said.append(sentence or raw.strip())  # "No, it's fine." said before what is 'permitted'
            permitted = True
            continue
        allowed = _clean(permission.group("rest")) if permission else sentence
        if (
            (permitted or permission)
            and _PERMITTED.match(allowed)
            and not re.search(r"\bor\b", allowed, re.I)
            and bool(queue)
            and _STING.match(_clean(queue[0]) or queue[0])
        ):
            # "fine. go to the stag do. just don't expect me to be here": what is 'permitted' with a threat after
            # it is what the person is worried about, never what they ask for ("I need you to go..." was offered)
            doing = re.sub(r"^(?:just\s+)?(?:keep|carry on)\s+(?=\w+ing\b)", "", allowed, flags=re.I)
            verb, _, said_after = doing.partition(" ")
            if not verb.lower().endswith("ing"):
                verb = gerund(verb.lower())
            parts.worry = parts.worry or f"you {verb} {said_after}".strip()
            parts.said.append(allowed)
            permitted = False
            continue
        permitted = False
        if not parts.items and _NOT_DEBATING.search(sentence):
            # "Bibs washed by Wednesday. Subs paid before match day. I'm not discussing any of it": the short
            # rules said just before, pointed back at together, are the list of non-negotiables
            run: list[str] = []
            for said in reversed(parts.said):
                if len(said.split()) > 10 or said.rstrip().endswith(":") or _RULES_HEADING.search(said):
                    break
                run.insert(0, said)
            if len(run) >= 2:
                for said in run:
                    for pool in (parts.needs, parts.context, parts.levers, parts.reasons):
                        for x in [x for x in pool if x in said or said in x]:
                            pool.remove(x)
                parts.items.extend(_ITEM_NUMBER.sub("", _LINE_NUMBER.sub("", x)).strip() for x in run)
                parts.levers.append(sentence)
                parts.said.append(sentence)
                continue
        itself = _HINTED.search(sentence) or _VEILED.search(sentence)
        if (itself or _HINT.match(sentence)) and not _request_shaped(sentence):
            # "My husband's brother is on the board of governors, you know. Just saying.": what is said before
            # 'just saying' (or with 'you know' after it) is the hint, the lever of a veiled threat
            said = sentence if itself else (parts.said[-1] if parts.said else "")
            for bucket in (parts.needs, parts.context, parts.reasons):
                for x in [x for x in bucket if said and (x in said or said in x) and not _request_shaped(x)]:
                    bucket.remove(x)
                    parts.levers.append(x)
            parts.levers.append(sentence)
            parts.said.append(sentence)
            continue
        if (len(sentence.split()) < 3 and not _request_shaped(sentence) and topic_of(sentence) is None) or (
            len(sentence.split()) <= 4 and sentence.isupper()
        ):  # "BRANCH 12", "HOUSE RULES": a heading, not something said
            parts.said.append(sentence)  # "Simple.", "FINAL NOTICE.", "Your call": nothing to keep or to ask
            continue
        if _held_up(sentence):
            # a judgement held up over the other side is lever, however it is put together (and what follows
            # 'so' may still be the request: "..., so let's get the reports in on time")
            parts.said.append(sentence)
            _hint_then_need(sentence, parts, phrasing)
            continue
        polite = _POLITE_IF.match(sentence)
        if polite:
            # "If the sessions could finish by 9.30, I think that would settle things": a request said as a wish
            who, what = (
                polite.group("who"),
                re.sub(
                    r"\band\s+((?:the|your|our|my)\s+[\w\s-]{1,30}?)\s+be\s+(?=\w+(?:ed|en|t)\b)",
                    r"and \1 ",
                    polite.group("what"),
                ),
            )
            asked = f"I need you to {what}" if who.lower() in {"you", "u"} else f"I need {_lower_first(who)} to {what}"
            parts.said.append(sentence)
            _need_or_reason(asked, parts, phrasing, condition=True)
            continue
        noticed = _NOTICED_WHO.search(sentence)
        if noticed:
            # "people are starting to notice who does and doesn't turn up to help": the hint is the lever, what
            # they are noticed for is the need
            parts.levers.append(sentence[: noticed.start()].strip(" ,") or sentence)
            parts.said.append(sentence)
            _need_or_reason(f"I need everyone to {noticed.group('what').strip(' .!')}", parts, phrasing, condition=True)
            continue
        mid = _mid_condition(sentence, phrasing, level_of)
        if mid is not None:
            run_up, sentence = mid
            if run_up and (_OFFER_BEFORE.match(run_up) or _OFFER_AFTER.search(run_up)):
                queue[:0] = [run_up, sentence]  # "...so this is as far as I can go, and if you can't agree...":
                continue  # the offer is heard first, so the refusal after it points back at it
            if run_up and _WHEN_ONLY.match(run_up):  # "From the 1st, unless he pays...": when, not context
                parts.deadline = parts.deadline or lower_initial(run_up)
            elif run_up:  # said before the condition: context, kept as said
                parts.context.append(run_up)
                parts.said.append(run_up)
        parts.said.append(sentence)
        if _VEILED_LEAD.match(sentence):
            # "it would be a shame if the agency heard...": what is hinted at is the lever itself, not a worry
            _hint_then_need(sentence, parts, phrasing)
            continue
        nonneg = _NONNEG.search(sentence)
        if nonneg:
            parts.levers.append(sentence)
            listed = nonneg.group(1)
            if (
                re.fullmatch(
                    r"\s*(?:very |quite |pretty )?(?:simple|clear|straightforward|easy|these)\W*", listed, re.I
                )
                and queue
            ):
                # "My terms are simple. Full refund, written apology, and you remove the review.": the list is next
                listed = _clean(queue.pop(0))
                parts.said.append(listed)
            wants = r"\b(?:i|we) (?:need|want|would like|'d like)\b"
            lead = re.match(wants, listed, re.I) and len(re.findall(wants, listed, re.I)) > 1
            splitter = (  # "I need X, I need Y, not like half-time, and I need Z": each 'I need' starts an item
                r",?\s*(?:and\s+)?(?=" + wants + ")"
                if lead
                else r"\s*;\s*(?:and\s+)?"  # "a; b, including c; d": semicolons part the items, commas do not
                if ";" in listed
                else r",(?!(?<=\d,)\d{3}\b)\s*(?:and\s+)?|\s+and\s+(?=\(?\d|no\b|you\b)"
            )
            items = [
                _ITEM_LEAD.sub("", _ITEM_NUMBER.sub("", _PICTURES.sub("", i).strip(" .,")).strip())
                for i in re.split(splitter, listed, flags=re.I)
            ]
            if lead:  # "I need the calls to stop because...": the item is what is needed, without the why
                items = [re.sub(r",?\s+(?:because|cos|since)\b.*$", "", i, flags=re.I) for i in items]
            parts.items.extend(i for i in items if i)
            continue
        after, before = _OFFER_AFTER.search(sentence), _OFFER_BEFORE.match(sentence)
        if (
            after
            and before
            and re.match(r"^(?:and|but|or|if|unless|so|otherwise)\b", after.group(1).strip(), re.I)
            and (
                not re.match(r"^(?:this|that|it)$", _clean(before.group(1)), re.I)
                # "This is my final offer and it will not be revised": the offer was said before it
                or any(_OFFERED.match(x) for x in parts.needs + parts.context)
            )
        ):
            after = None  # "3% is our final offer and if they reject it...": the offer is what came before
        if (
            after
            and after.group(1).strip(" ,.!")
            and (
                re.fullmatch(
                    r"[\s,.!]*(?:(?:already|lah|lor|leh|ok(?:ay)?|yeah|mate|then|sorry|eh)\W*)*", after.group(1), re.I
                )
                # any one word said after it ("This is my final offer, ta.") is a tag, and so is what the figure is
                # said to be ("the last figure I'll offer", "the last number I'll put forward"), unless an amount
                or (
                    not re.search(r"[\d£$€]", after.group(1))
                    and (
                        len(after.group(1).split()) == 1
                        or re.fullmatch(
                            r"\s*(?:that\s+)?(?:i|we)(?:'ll|’ll| will|'m|’m| am| can| would|'d)?\s+(?:\w+\s*){1,3}[.!]?",
                            after.group(1),
                            re.I,
                        )
                    )
                )
                # the finality said again ("£11,400 is my last price, no more discounting"): the offer came before
                or re.fullmatch(
                    r"[\s,.!;:–—-]*(?:no more|no further|not a (?:penny|cent|pound|dollar|rand|shilling) more|no lower|"
                    r"nothing (?:more|less)|no (?:more )?discount\w*|no negotiation|not negotiable|non-negotiable|"
                    r"can'?t go (?:any )?lower)\b[^.?!]{0,30}",
                    after.group(1),
                    re.I,
                )
            )
        ):
            after = None  # "$2,800, last price already": a particle, and the offer is what came before
            before = before or re.match(r"^(.+?)[\s,:–—-]+(?:(?:my|our|the)\s+)?(?:final|last|best)\b", sentence, re.I)
        if (
            after
            and re.search(r"\b(?:no|not|won'?t|will not|cannot|can'?t|never|nothing)\b", after.group(1), re.I)
            and any(_OFFERED.match(x) for x in parts.needs + parts.context)
        ):
            # "treat this as the full and final position: there is no further budget": why it is final, said
            # after an offer made before it
            after, before = None, None
            body = _offered_last(parts)
            if not is_lever_sentence(body, phrasing):
                parts.offer = parts.offer or _with_what_was_offered(body, parts)
            parts.levers.append(sentence)
            continue
        if after and re.match(
            r"^(?:on (?:it|this|that|the matter)|(?:you'?re|you are|you'?ll|you will) (?:going to )?(?:get|see|getting|hear|hearing)|"
            r"you(?:'ll| will) get|"
            # "the final figure the committee approved": who approved it, not what was offered
            r"(?:that |which )?(?:the \w+|we|i|they)\s+(?:has |have |had )?(?:approved|agreed|authori[sz]ed|signed off|"
            r"allowed|sanctioned|can (?:go|do|offer|afford|stretch))(?:\s+(?:to|on|for))?$|"
            # "This is the committee's final position and was agreed unanimously": how it was reached
            r"(?:and\s+)?(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?(?:agreed|approved|decided|signed off|"
            r"voted|endorsed|ratified)\b.*$)\b",
            _clean(after.group(1)),
            re.I,
        ):  # "that's my last word on it", "the best offer you're going to get": the offer is what came before
            after = None
            before = re.match(
                r"^(.+?)[\s,:–—-]+(?:and\s+)?(?:that'?s|that is|this is|it'?s)\s+(?:my|our|the)\b", sentence, re.I
            )
            if before is None and (parts.needs or parts.context):
                before = re.match(r"^(.+)$", _offered_last(parts))
        if after or before:
            body = _clean(after.group(1) if after and _clean(after.group(1)) else (before.group(1) if before else ""))
            # "Sanjay this is the last number", "Right Mr Jenkins this...": a name or a 'right' before 'this' points back too
            body = re.sub(
                r"^(?:(?:right|look|ok(?:ay)?|so|well|listen)[,\s]+)?(?:(?-i:[A-Z])[\w'’-]*[,\s]+){0,2}(?:this|that|it)(?:'s|’s| is)?$",
                "",
                body,
                flags=re.I,
            )
            if re.fullmatch(r"(?:(?:mr|mrs|ms|dr)\.?\s+)?(?-i:[A-Z])[\w'’-]*", body, re.I) and re.match(
                re.escape(body) + r"[\s,]+(?:this|that)\b", sentence
            ):
                body = ""  # "Sanjay this is the last number I'll put forward": the name said to, then 'this'
            # "That's our offer and it stands until the 30th": how long it holds, not what was offered
            stands = re.match(
                r"^(?:and\s+)?(?:it|this|that|the offer)\s+(?:still\s+)?(?:stands|holds|remains open|is open)\s*"
                r"(?P<until>(?:until|till|til|through)\b.*)?$",
                body,
                re.I,
            )
            if stands:
                parts.deadline = parts.deadline or stands.group("until")
                body = ""
            body = re.sub(r"[\s,]+(?:and|but|so|&)$", "", body, flags=re.I)  # "X and that's my final offer"
            # the finality said with the offer is the lever, not the offer: "£950 a month and that's it", "no more"
            body = re.sub(
                r"[\s,]*(?:and\s+)?(?:that'?s it|that is it|no more|not a penny more|full stop|end of)\s*$",
                "",
                body,
                flags=re.I,
            )
            body = re.sub(r"^(?:(?:last|final|best)\s+offer\s+)?on the table\s*[:,–—-]\s*", "", body, flags=re.I)
            # "I have thought it over most carefully and £950 a month": the run-up before an amount goes
            body = re.sub(
                r"^(?:i|we)\s+(?:have\s+|'ve\s+)?(?:thought|considered|looked|gone|mulled|slept)\b[^,]{0,50}?\b(?:and|,)\s+"
                r"(?=[£$€]\s?\d|\d)",
                "",
                body,
                flags=re.I,
            )
            if not body:  # "That is my final offer": the offer is what was said before it
                body = _offered_last(parts) if parts.needs or parts.context else ""
            # "I give you the last proposal. Kids are with you every second weekend...": the giving is a heading
            giving = re.match(
                r"^(?:so\s+|here\s+)?(?:i|we)(?:'m| am|'re| are)?\s+(?:give|giving|make|making|put|putting|send|sending|"
                r"offer|offering|bring|bringing)\s+(?:to\s+)?(?:you|u)(?:\s+(?:now|again|here))?$",
                body,
                re.I,
            )
            if giving:
                body = ""
            if (
                not body
                and queue
                and (
                    re.match(r"^\W*(?:\w+\s+){0,2}\w+\W*$", _clean(sentence))
                    or (giving and not re.match(r"^(?:if|unless|should|otherwise|or)\b", _clean(queue[0]), re.I))
                )
            ):
                # "ok last offer. u keep the car i keep the sofa": a heading, and the offer comes after it
                body = _clean(queue.pop(0))
            body = re.sub(r"^(?:since|because|as)\b[^:]{0,80}:\s*", "", body, flags=re.I)  # "since you love..."
            if len(body.split()) > 25:  # a long run-up: the offer is the last clause that says what was offered
                clauses = [c.strip() for c in re.split(r",\s*(?:and\s+|but\s+|so\s+)?|\s+(?:and|but|so)\s+", body)]
                offered = [c for c in clauses if _OFFER_CLAUSE.match(c)]
                if offered:
                    parts.context.append(body)
                    body = re.sub(r"^(?:basically|honestly)\s+|\s+which$", "", offered[-1])
            tail = _OFFER_TAIL.search(body)
            if tail and _offer_terms(body[tail.end() :], phrasing):
                tail = None  # "8% off the order if you pay the open invoices by 31 March": the terms are the offer's
            if (
                tail
            ):  # "I'll keep doing the accounts till the AGM but if nobody steps up...": the rest is heard on its own
                rest = body[tail.end() :]
                body = body[: tail.start()].strip(" ,")
                if tail.group("orelse"):
                    parts.levers.append(rest)
                else:
                    queue.insert(0, rest)
            body = re.sub(r"^(?:still\s+)?(?:stands|holds|remains|is final|is on the table)$", "", body, flags=re.I)
            if not _OFFERED.match(body):  # "380 per piece, I am not making any profit": the aside is not the offer
                body = re.split(
                    r",\s+(?=(?:(?:i|we)(?:'m| am| are|'re)|(?:it|that|this)(?: is|'s))\s)",
                    body,
                    maxsplit=1,
                    flags=re.I,
                )[0]
            # "our last price for use of the hall is 40 euro per hour" -> "40 euro per hour for use of the hall"
            body = re.sub(r"^((?:for|on|to)\s+.+?)\s+(?:is|are|will be)\s+(.+)$", r"\2 \1", body, flags=re.I)
            if body and not is_lever_sentence(body, phrasing):  # "we'll split it 50/50" is the offer itself
                parts.offer = parts.offer or _with_what_was_offered(body, parts)
            parts.levers.append(sentence)
            continue
        # "If any of that doesn't happen we're back in court": a condition, not what it hangs on
        led_by_if = bool(_COND_FIRST.match(sentence) and _cond_first(sentence, phrasing))
        hangs = None if led_by_if else _HANGS_ON.search(sentence)
        if hangs:  # "we can avoid that if X", "whether it stays that way depends on you doing X"
            parts.levers.append(sentence[: hangs.start()])
            _need_or_reason(_hung_need(hangs.group(1)), parts, phrasing, condition=True)
            continue
        rule = None if led_by_if else _rule_need(sentence)
        if rule and (
            _RESULT.match(sentence) or is_lever_sentence(sentence, phrasing) or _looks_like_threat(sentence, level_of)
        ):  # "anyone who has not completed the module by the 15th will...": a rule with a sanction
            parts.levers.append(sentence)
            _need_or_reason(rule, parts, phrasing, condition=True)
            continue
        result = _RESULT.match(sentence)
        if result and not _request_shaped(sentence):
            parts.levers.append(sentence)
            what = re.sub(r"^(?:further|more|other)\s+", "", result.group(1), flags=re.I)
            # "any further breach" is another one; "any branch still over the boundary" is any one at all
            again = what != result.group(1) or re.match(r"^(?:breach|repeat|recurrence|instance|incident)", what, re.I)
            article = "a" if what.split()[0].lower() == "resident" else "another" if again else "any"
            parts.worry = parts.worry or f"{article} {what}"
            parts.conditional = True  # "any further X will result in Y" is a condition to talk about first
            continue
        if _BARE_COND.match(sentence) and _cond_first(f"if {sentence}", phrasing, level_of):
            sentence = f"if {sentence[0].lower()}{sentence[1:]}"
        first = _cond_first(sentence, phrasing, level_of)
        tail = (
            (OR_ELSE.search(first[2]) or re.search(r",\s*(?:otherwise|or else|failing that)\b", first[2], re.I))
            if first
            else None
        )
        if first and tail and tail.start() > 0 and _NEED_SAID.match(first[2]) and not _NEGATIVE_COND.match(first[1]):
            # "If you want to rebook I need the £150 fee sorted by Friday, otherwise you're blacklisted": the
            # 'if' only says when it applies; what is needed comes before the 'otherwise', the lever after it
            parts.levers.append(first[2][tail.start() :].strip(" ,"))
            _need_or_reason(first[2][: tail.start()].strip(" ,"), parts, phrasing, condition=True)
            continue
        if first:
            word, cond, consequence = first
            parts.levers.append(consequence)
            _condition(word, cond, parts, phrasing)
            continue
        last = _COND_LAST.match(sentence)
        if (
            last
            and last.group(2).lower() == "if"
            and re.match(
                r"^(?:i|we)(?:'ll| will| can| could| am happy to|'m happy to)\s(?!not\b)", _clean(last.group(1)), re.I
            )
            # what the other side gives back: "if we do New Year with mine", "if you cover the petrol"
            and re.match(
                r"^(?:we|you|u)\s+(?:do|pay|cover|handle|help|cook|drive|host|split|share|agree|come|bring|give|let|"
                r"sort|book|organi[sz]e|look after|pick up|spend|have)\b",
                _clean(last.group(3)),
                re.I,
            )
            and not re.search(
                r"\b(?:again|one more time|once more|any more|anymore)\b", raw, re.I
            )  # a repeat is a threat
            and not is_lever_sentence(last.group(1), phrasing)
            and not is_penalty(last.group(1))
            and not _looks_like_threat(last.group(1), level_of)
            and not _NEGATIVE_COND.match(_clean(last.group(3)))
            and parts.offer is None
        ):  # "I'll do Christmas at your parents' if we do New Year with mine": a trade offered, not a threat
            parts.offer = sentence
            continue
        if last and (
            is_lever(last.group(1), phrasing)
            or _decided_before(last, sentence, phrasing, level_of)
            # "The shed stays locked until you pay what you owe": what is kept from them is the lever
            or (last.group(2).lower() in {"until", "till", "til"} and _KEPT_FROM_THEM.search(last.group(1)))
        ):
            parts.levers.append(last.group(1))
            _condition(last.group(2).lower(), last.group(3), parts, phrasing)
            continue
        bare = re.match(r"^([^,]{3,60}),\s*((?:i|we|i'm|im|we're|you're|you'll|ur|u'll|it's)\s.+)$", sentence, re.I)
        if (
            bare
            and (is_lever(bare.group(2), phrasing) or _PRESENT_CONSEQUENCE.match(bare.group(2)))
            and (
                (not _request_shaped(bare.group(1)) and any(w.tag in {"VBZ", "VBP"} for w in tag(bare.group(1))))
                or _POINTS_BACK.match(bare.group(1))
            )
        ):  # "Boyfriend moves in, I move out", "Ignore them, you're off the tenancy": a condition said without 'if'
            parts.levers.append(bare.group(2))
            if _POINTS_BACK.match(bare.group(1)) and parts.items:
                continue  # what they point back at is the list already read
            # "As not one person has learned their lines, I'm stepping down": the why, said as what it is
            why = re.sub(r"^(?:as|since|seeing as|given that)\s+", "", bare.group(1), flags=re.I)
            if not re.match(
                r"^(?:i|we)(?:'ve|’ve| have)?\s+(?:already\s+)?(?:mentioned|said|told you|explained)\b", why, re.I
            ):
                _condition("if", why, parts, phrasing)  # ("As I've mentioned, ..." says nothing to be worried about)
            continue
        joined = _and_condition(sentence, phrasing, level_of)
        if joined:  # "one more Sunday on the rota and I resign": a condition said with 'and'
            cond, consequence = joined
            parts.levers.append(consequence)
            _condition("if", cond, parts, phrasing)
            continue
        pieces = _OR_SPLIT.split(sentence, maxsplit=1)
        if (
            len(pieces) == 2
            and pieces[0].strip()
            and (
                is_lever(pieces[1], phrasing)
                or _looks_like_threat(pieces[1], level_of)
                # "Fix the roof by Friday or I stop paying rent": a request, then what the speaker will do
                or (
                    _request_shaped(pieces[0].strip())
                    and re.match(r"^(?:then\s+)?(?:i|we|im|i'm)\b", pieces[1].strip(), re.I)
                )
            )
        ):
            parts.levers.append(pieces[1])
            head = _clean(pieces[0])
            if not _content(head):  # "Anything else and we're finished": nothing but the lever
                parts.levers.append(sentence)
                continue
            if re.match(
                r"^(?:just\s+)?(?:accept|take|agree to|sign)\s+(?:this|that|it|the offer|my offer|the deal)$",
                head,
                re.I,
            ):
                # "I will trade you X for Y. Accept this or I walk": the offer said before is the point
                _condition("if", "that is not acceptable", parts, phrasing)
                if parts.offer:
                    continue
            as_need = None if _request_shaped(head) else need_from_clause(head, mine=False)
            being = re.match(r"^(?:i'?m|i am|we'?re|we are)\s+(.+)$", head, re.I)
            if being and as_need is None:  # "either I'm part of the decisions or..." -> "I need to be part of..."
                as_need = f"I need to be {being.group(1)}"
            _need_or_reason(as_need or head, parts, phrasing, condition=True)
            continue
        advice = _IF_I_WERE_YOU.match(sentence)
        if advice:  # "I'd sign the non-compete if I were you"
            parts.levers.append(sentence)
            _need_or_reason(f"I need you to {advice.group(1)}", parts, phrasing, condition=True)
            continue
        if_then = re.match(r"^(if|unless)\s+([^,]{3,120}?),\s*(?:then\s+)?(.+)$", sentence, re.I)
        if if_then and not is_lever_sentence(if_then.group(2), phrasing) and _looks_like_threat(sentence, level_of):
            # "if your lad's ball comes over again, it stays here": the consequence no pattern knows
            parts.levers.append(if_then.group(3))
            _condition(if_then.group(1).lower(), if_then.group(2), parts, phrasing)
            continue
        if is_lever_sentence(sentence, phrasing):
            _hint_then_need(sentence, parts, phrasing)
            continue
        if (
            not _request_shaped(sentence)
            and not _OFFERED.match(sentence)  # "I am prepared to buy your half for £140,000" is an offer
            # what has happened is no lever ("Members have now waited eleven weeks for the backpay"): a threat
            # says what will or could come
            and not (_ONLY_PAST.match(sentence) and not _CALLED_IN.search(sentence))
            and _looks_like_threat(sentence, level_of)
        ):
            if not (
                find_hits(sentence)
                or _CALLED_IN.search(sentence)
                or re.search(r"\b(?:if|unless|or|otherwise|else|till|until)\b", sentence, re.I)
            ):
                if (
                    _GRIEVANCE.match(sentence)
                    and len(sentence.split()) <= 25
                    and ":" not in sentence  # "TO WHOEVER KEEPS EATING MY YOGHURTS: stop.": the ask comes after
                    and not _ASKS_IN_PASSING.search(sentence)
                ):
                    # "Your hake was off again Friday, second time this month": what went wrong, said as it
                    # stands, threatens nothing; it says what the need is about
                    parts.context.append(sentence)
                    parts.grievances.append(sentence)
                    continue
                parts.guessed.append(sentence)
            _hint_then_need(sentence, parts, phrasing)
            continue
        _need_or_reason(sentence, parts, phrasing)
    if not (parts.needs or parts.worry or parts.offer or parts.items):
        # nothing left to ask for: a sentence the classifier alone set aside, with no lever shape of its own, is
        # more likely the need said firmly ("Rent arrears of £1,240 must be cleared in full by 5pm on Friday")
        # what went wrong, said as it stands ("Our records show that rent for October remains unpaid"), first
        for said in [g for g in parts.grievances if g in parts.context]:
            parts.context.remove(said)
            _need_or_reason(said, parts, phrasing)
        for guessed in _guessed_levers(parts) if not parts.needs else []:
            parts.levers.remove(guessed)
            _need_or_reason(guessed, parts, phrasing)
    # (a listed item the classifier alone set aside is still an item: "2. quiet after eleven on weeknights")
    unmarked = {_clean(_BULLET_MARK.sub("", n)) for n in parts.needs + parts.context + parts.guessed}
    bullets = [n for n in parts.said if _BULLET.match(n) and _clean(_BULLET_MARK.sub("", n)) in unmarked]
    # "If this can't happen, we'll be asking the agency...": a condition said of the bullets together
    if_this = [n for n in parts.said if _IF_THIS.search(n) and n not in bullets]
    if (
        len(bullets) >= 2
        and not parts.items
        # "Meet them in full or we ballot", "if u cant do all 3 then i want u out": said of the bullets together
        and (any(_POINTS_AT_THEM.search(n) for n in parts.needs + parts.levers if n not in bullets) or if_this)
    ):
        # "• Reinstate Carl • Scrap the 12-hour shifts • Full sick pay. Meet them in full or we ballot": the bullets
        # are what is asked for, and 'them' says no more than they do
        parts.items = [_BULLET.sub("", b).strip(" .") for b in bullets]
        listed = {_clean(_BULLET_MARK.sub("", b)) for b in bullets}
        # and a need read out of "if this can't happen" ("I need the weeknights happen") only says them again
        pointing = _content(" ".join(if_this))
        parts.needs = [
            n
            for n in parts.needs
            if n not in listed
            and not _POINTS_AT_THEM.search(n)
            and not (pointing and _content(n) - {"need"} <= pointing | _content(" ".join(bullets)))
        ]
        parts.context = [c for c in parts.context if c not in listed and c not in bullets]
        parts.levers = [x for x in parts.levers if x not in bullets and x not in listed]
    if any(_BY_THEN.search(need) for need in parts.needs):  # "anyone who hasn't paid by then": a day said before
        when = _day_before_then(parts)
        for k, need in enumerate(parts.needs):
            then = _BY_THEN.search(need)
            if then and when:
                parts.needs[k] = need[: then.start()] + f"{then.group(1)} {when}" + need[then.end() :]
    # "My number is £38k. I'm not negotiating down from that": when the lever says the position is final, the
    # position said beside it is the offer, not context
    # ("I've said £1,100 for the whole job. I'm not moving on that.": a short finality heard as context is lever)
    finality = [c for c in parts.context if len(c.split()) <= 8 and _FINAL_SAID.search(c) and not _request_shaped(c)]
    if parts.offer is None and finality and any(_OFFERED.match(x) for x in parts.context + parts.needs):
        for c in finality:
            parts.context.remove(c)
            parts.levers.append(c)
    if parts.offer is None and _FINAL_SAID.search(" ".join(parts.levers)):
        for pool in (parts.context, parts.needs):
            stated = next((x for x in pool if _OFFERED.match(x) and not OR_ELSE.search(x)), None)
            if stated is not None:
                pool.remove(stated)
                parts.offer = stated
                break
    # an "or else" no pattern named ("Fix the gap by the top gate or next time they're going in the pound"):
    # what follows it is the lever, and the need is what comes before it
    for k, need in enumerate(list(parts.needs)):
        tail = OR_ELSE.search(need)
        if tail:
            parts.levers.append(need[tail.start() :].strip(" ,"))
            parts.needs[k] = need[: tail.start()].strip(" ,;")
    if parts.worry:
        tail = OR_ELSE.search(parts.worry)
        if tail and tail.start() > 0:
            parts.levers.append(parts.worry[tail.start() :].strip(" ,"))
            parts.worry = parts.worry[: tail.start()].strip(" ,;")
    # "No more 'next week'.", "No more excuses.": a door shut, said beside the need, is lever too
    # "or i'm done / chair, coaching, kit washing, all of it": what the walkout takes with it is lever too
    widened = [
        c
        for c in parts.context
        if re.search(r",\s*(?:all of it|the lot|everything|the whole lot)\W*$", c, re.I)
        and _said_at(parts, c) > 0
        and parts.said[_said_at(parts, c) - 1] in parts.levers
    ]
    for said in [c for c in parts.context if OR_ELSE.search(c) or re.match(r"^no more\b", c, re.I)] + widened:
        parts.context.remove(said)
        parts.levers.append(said)
    parts.needs = [n for n in parts.needs if n]
    # "I should let you know that a number of parents have said": who said it, cut from what they said (the
    # threat after it), is the lever's run-up, never the need
    for said in [n for n in parts.needs if _SAID_BY_OTHERS.search(n)]:
        if len(parts.needs) > 1:
            parts.needs.remove(said)
            parts.levers.append(said)
    # "Would you ever keep him in at night? Do that or I'll...": 'do that' names nothing; the request it points
    # back at is the need
    for said in [n for n in parts.needs if re.match(r"^(?:just\s+)?(?:do|sort)\s+(?:that|this|it)\W*$", n, re.I)]:
        if len(parts.needs) > 1:
            parts.needs.remove(said)
    # "put it back to saturday / or i'm done": sent in bursts, the need is the line the "or" hangs on
    for i in range(1, len(parts.said)):
        hung = parts.said[i - 1]
        if re.match(r"^(?:or|otherwise|or else|else)\b", parts.said[i], re.I) and hung in parts.needs[1:]:
            parts.needs.remove(hung)
            parts.needs.insert(0, hung)
    if parts.offer:
        # "Here's what I can offer Callum: he trains with the firsts...": the offer is what follows the colon
        parts.offer = re.sub(r"^here(?:'?s|’s| is) what (?:i|we) [^:]{3,40}:\s*(?=\S)", "", parts.offer, flags=re.I)
        # "180 shipped, not going lower": the finality said after the amount is the lever, not the offer
        parts.offer = _FINALITY_AFTER.sub("", parts.offer) or parts.offer
        # "I've said £1,100 for the whole job": the figure itself is the offer
        parts.offer = re.sub(
            r"^(?:i|we)(?:'ve| have)? (?:said|quoted|told you)\s+(?=[£$€]?\d)", "", parts.offer, flags=re.I
        )
    # (never the date of a judgement held up: "Team selection's in two weeks" is the lever, not when)
    # (nor when the writer would act: "or I'm moving out when the lease is up in June" dates the walkout, not the need)
    lever_text = " ".join(
        x
        for x in parts.levers
        if not _held_up(x)
        and not re.match(
            r"^(?:i|we)(?:'m|’m|'re|’re|'ll|’ll| am| are| will| shall)?\s+(?:be\s+)?(?:moving (?:out|back|away|on)|leaving|"
            r"quitting|resigning|walking out|going back|off|out of here|done)\b",
            x,
            re.I,
        )
    )
    if parts.deadline is None:
        for source in [*parts.needs, lever_text]:
            m = _DEADLINE.search(source)
            if m:
                parts.deadline = m.group(0)
                break
    return parts


# what follows "or", "otherwise" or a failed condition is a consequence when it says what will happen:
# "or next time they're going in the pound", "or nobody gets it", "if you can't do all 3 then I want you out"
OR_ELSE = re.compile(
    r"(?:^|,?\s+|\b)(?:or|otherwise|" + _ELSE + r")\s+"
    # "or next weekend I'm going to my parents": when, said before what happens
    r"(?:(?:next|this|on|by|from|come|after|tomorrow|tonight)\b[\w ]{0,20}?\s(?=(?:i'm|i'll|we'll|we're)\b))?"
    r"(?:else\b|next time\b|nobody\b|no one\b|no more\b|you can forget\b|(?:someone|somebody) else (?:can|will|'ll)\b|"
    r"(?:you|u|we|they|he|she|it|there)(?:'ll|'re going| will| are going)\b|i'm\b|i\s*(?:won'?t|wont|will not) be\b|"
    r"i'll\b(?!\s+(?:happily|gladly|do it|"
    r"pick|drop|take|cover|sort|bring|come)\b)|the \w+(?:'s| is) going\b|" + DOOR_SHOWN + r")"
    # "or you could pack your things and go live by your mother": the door shown, as a choice
    r"|\bif (?:you|u) (?:can'?t|cannot|don'?t|won'?t|do not|will not|are not|aren'?t|fail|refuse)\b[^.?!]*?\bthen\b",
    re.I,
)
_BARE_REFUSAL = re.compile(
    r"^(?:not|(?:it|this|that|they|you|u|he|she)\s+(?:isn'?t|is not|aren'?t|are not|doesn'?t|does not|don'?t|do not|"
    r"won'?t|will not|hasn'?t|has not|haven'?t|have not|can'?t|cannot)(?:\s+(?:happen|be done|arrive|come))?|"
    r"(?:(?:any|all|one|some) of )?(?:it|that|this|these|those|them) (?:doesn'?t|does not|don'?t|do not|won'?t|will not) "
    r"happen(?:\s+(?:on|by|at|in|from|before|after|during|next|this)\b[\w' ]{1,30})?|"
    # "if you can't do all of that": the terms said just before, refused together
    r"(?:you|u)\s+(?:can'?t|cannot|won'?t|will not|don'?t|do not)\s+(?:do|agree to|accept|manage|meet)\s+"
    r"(?:all\s+(?:of\s+)?)?(?:that|this|these|those|them|it)|"
    # "if its not there by then": what was asked, not done, said again with 'it'
    r"(?:it|they|that)(?:'s|’s|s| is|'re|’re| are)\s+not\s+(?:there|here|back|done|paid|in|sorted|fixed|returned|"
    r"ready|gone|moved|cleared)(?:\s+(?:by then|by that date|by that time|in time|then|yet))?|"
    # "if that's not possible", "if that's too much to ask": what was asked just before, refused as a whole
    r"(?:it|this|that|any of (?:that|this|it)|none of (?:that|this|it))(?:'s|’s|s| is| was)\s+(?:(?:not|n't)\s+(?:possible|"
    r"doable|feasible|workable|an option|acceptable|ok|okay|going to happen|happening|agreed)|too much(?: to ask(?: for)?)?|"
    r"too hard|too difficult|impossible|a problem|asking too much))\W*$",
    re.I,
)
# a sentence that asks for something, said before a bare "if it isn't": "X needs to be with me by Friday"
_ASKED_BEFORE = re.compile(
    r"\b(?:needs? to|has to|have to|must|should|i need|i want|i'?d like|i would like|we'?d like|we would like|please|by (?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"by tomorrow|by tonight|by the end|by the \d{1,2}(?:st|nd|rd|th)|^need|here(?:'s|’s| is) the deal|"
    r"(?:these|here) are (?:my|our|the) terms)\b",
    re.I,
)
_FINAL_SAID = re.compile(
    r"\b(?:not negotiating|won'?t negotiate|no (?:further|more) (?:negotiation|discussion|reduction)|final|last offer|"
    r"take it or leave it|not going back and forth|no more back and forth|not budging|won'?t budge|non[- ]?negotiable|"
    r"not (?:moving|shifting) on (?:that|this|it|the price)|not going (?:any )?lower|not coming down)\b",
    re.I,
)
# after 'either', whatever follows 'or' ("or I carry you to court", "or it all goes to the tip"), never an 'or I can'
_OR_INSTEAD = re.compile(r",?\s+or\s+(?:else\s+)?(?!(?:i|we)\s+(?:can|could|may|might)\b)\w+", re.I)
_YOU_OR_ELSE = re.compile(
    # ("It's either you move your stuff, or...": the choice put as 'it')
    r"^(?:it(?:'s|’s| is)?\s+(?=either\b))?(?:either\s+)?(?:you|u)\s+(?:either\s+)?(?!(?:can|could|will|would|are|were|have|had|do|did|is|was|'re|'ll|'d)\b)"
    r"(?P<body>\w.+?)\s*,?(?=\s+(?:or|otherwise|else)\s)",
    re.I,
)
_WHEN = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|arvo|evening|night))?|"
    r"the \d{1,2}(?:st|nd|rd|th)|\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|"
    r"(?:the )?end of (?:the )?(?:day|week|month|term))\b",
    re.I,
)
# a need that says when, however: "by Friday", "within 7 days", "tonight", "before the 30th", "at 9am"
_DATED = re.compile(
    r"\b(?:by|before|until|till|til|within|no later than|from|after)\s+\S|\b(?:today|tonight|tomorrow|asap|"
    r"this (?:week|weekend|month|term|year)|next (?:week|weekend|month|term|year)|\d{1,2}(?::\d\d)?\s?(?:am|pm))\b",
    re.I,
)
# a run-up that only says when: "from the 1st", "as of Monday", "starting next week"
_WHEN_ONLY = re.compile(
    r"^(?:(?:and|but|so)\s+)?(?:from|as of|as from|starting|after|before|by|on|come|beginning)\s+[\w\s/.-]{1,25}$", re.I
)
_HANGS_ON = re.compile(
    r"\b(?:(?:avoid|prevent) (?:that|this|all that|all this|it)(?: happening)?|depends? (?:entirely )?on|"
    r"(?:that|this|it) (?:won'?t|needn'?t|doesn'?t) (?:have to )?(?:happen|come to that))\s+(?:if\s+|as long as\s+)?(.+)$",
    re.I,
)
_KEPT_FROM_THEM = re.compile(r"\b" + KEPT_FROM_THEM, re.I)
# a report of what others said, with what they said cut away: "a number of parents have said", "people are saying"
_SAID_BY_OTHERS = re.compile(
    r"\b(?:have|has|are|were|had)\s+(?:\w+\s+)?(?:said|saying|told (?:me|us)|mentioned|warned|been (?:saying|talking))\W*$",
    re.I,
)
_IF_I_WERE_YOU = re.compile(r"^i'?d\s+(.+?)\s+if i (?:were|was) you$", re.I)


_WHO_RULED = (
    r"\b(?:anyone|anybody|any(?:\s+\w+){1,2}?|those|all|members|tenants|residents|staff|players|people|parents)"
)
_RULE_UNDONE = re.compile(
    _WHO_RULED + r"\s+(?:who|that)\s+(?P<neg>has not|hasn'?t|have not|haven'?t|does not|doesn'?t|do not|don'?t|did not|"
    r"didn'?t|fails? to|failed to|is not|isn'?t|are not|aren'?t|still hasn'?t|still has not)\s+(?P<body>.+?)"
    # (the sanction said in the present: "anyone who hasn't done their rota week by Sunday pays £20 into the pot")
    r"(?:\s+(?:will|shall|'ll|is|are|gets?|get|must|can|may|should(?:n'?t| not)?|won'?t|cannot|can'?t|isn'?t|is not|aren'?t|are not|pays|loses|owes|forfeits|buys|misses|"
    r"sits out|puts in|chips in)\b|(?:,?\s+and)?\s+(?=(?:i|im|i'm|i'll|ill|we|we'll|we're)\s)|\s*$)",
    re.I,
)
_RULE_UNPAID = re.compile(
    _WHO_RULED + r"\s+whose\s+(?P<thing>[\w' -]{1,40}?)\s+(?:remains?|is|are|stays?)\s+(?:still\s+)?"
    r"(?P<state>unpaid|outstanding|overdue|not paid|not (?:returned|signed|submitted|done|in))"
    r"(?:\s+(?:after|by|on|beyond|past)\s+(?P<when>[^,.;]+?))?(?=\s+(?:will|shall|is|are|gets?)\b|[,.;]|$)",
    re.I,
)


# the need named as such, anywhere in a message: "What I need is for you to actually say something",
# "All I'm asking is that you text when you're late", "What we want is the fence put back"
_WHAT_I_NEED = re.compile(
    r"^(?:and\s+|but\s+|so\s+)?(?:what|all)\s+(?:i|we)(?:'m|’m| am|'re|’re| are)?\s+(?:really\s+|actually\s+|honestly\s+)?"
    r"(?:need|want|ask|asking|would like|'d like)(?:\s+for)?(?:\s+from (?:you|u))?\s+(?:is|was)\s+"
    r"(?:(?P<for>for\s+(?:you|u)\s+to)\s+|(?P<that>that\s+(?:you|u))\s+)?(?P<what>\w.*)$",
    re.I,
)


_BY_THEN = re.compile(r"\b(by|before) then\b", re.I)


def _day_before_then(parts: Parts) -> str | None:
    """The day a 'by then' points at: the one said last before it ("...by sunday night. anyone who hasnt paid by
    then"), not the first one; else a day said anywhere in the context."""
    upto: list[str] = []
    for said in parts.said:
        then = _BY_THEN.search(said)
        if then:
            upto.append(said[: then.start()])
            break
        upto.append(said)
    said_days = [m.group(0) for x in upto for m in _WHEN.finditer(x)]
    if said_days:
        return said_days[-1]
    return next((m.group(0) for m in (_WHEN.search(x) for x in parts.context) if m), None)


def _said_as_need(sentence: str) -> str:
    """'What I need is for you to X' -> 'I need you to X'; 'All I ask is that you X' -> 'I need you to X';
    'What I want is Y' -> 'I need Y'; any other sentence as it is."""
    m = _WHAT_I_NEED.match(sentence)
    if m is None:
        return sentence
    what = m.group("what")
    return f"I need you to {what}" if m.group("for") or m.group("that") else f"I need {what}"


def _rule_need(sentence: str) -> str | None:
    """What a rule with a sanction asks of everyone: 'anyone who has not completed the module by the 15th will
    lose access' -> 'I need everyone to complete the module by the 15th'; 'fobs of anyone whose annual fee
    remains unpaid after 31 January will be deactivated' -> 'I need every annual fee paid by 31 January'."""
    undone = _RULE_UNDONE.search(sentence)
    if undone and re.match(r"^(?:like|love|agree|want|approve|accept|care|get it)\b", undone.group("body"), re.I):
        undone = None  # "anyone who doesn't like it can find another team": a door shown, nothing to do
    if undone:
        body = undone.group("body")
        if re.match(r"^(?:is|isn'?t|are|aren'?t)", undone.group("neg").split()[-1], re.I):
            return f"I need everyone to be {body}"
        first, _, rest = body.partition(" ")
        return f"I need everyone to {base_form(first.lower())} {rest}".strip()
    unpaid = _RULE_UNPAID.search(sentence)
    if unpaid:
        state = unpaid.group("state").lower()
        done = "paid" if state in {"unpaid", "outstanding", "overdue", "not paid"} else state.split()[-1]
        when = f" by {unpaid.group('when')}" if unpaid.group("when") else ""
        return f"I need every {unpaid.group('thing')} {done}{when}"
    return None


# who a complaint brings round: "I've had the environmental health people round twice" is a lever even in the past
_CALLED_IN = re.compile(
    r"\b(?:environmental health|council|police|cops|solicitor|lawyer|court|agency|hr|union|bailiffs?|inspector|ombudsman|"
    r"social services|landlord|trading standards)\b",
    re.I,
)
# a sentence only about what has been: a subject, then a past or perfect verb, and no word of what comes next
_ONLY_PAST = re.compile(
    r"^(?![^.?!]*\b(?:will|'ll|shall|going to|gonna|would|'d|won'?t|can|could|may|might|unless|otherwise|or else|if|until|"
    r"till|before|next|soon|tomorrow|again|any more|anymore)\b)(?:[\w'-]+\s+){1,4}?(?:have|has|had|'ve|was|were)?\s*"
    r"(?:now\s+|already\s+|still\s+|just\s+)?(?:waited|been|paid|asked|done|tried|covered|sent|spent|worked|had|given|"
    r"called|written|chased|emailed|reported|complained|raised)\b",
    re.I,
)


# a request said inside what went wrong: "I am sending the invoice again for third time, inshallah you pay it"
_ASKS_IN_PASSING = re.compile(
    r"\b(?:please|pls|plz|inshallah|hope|hoping|need|needs|want|wants|must|should|have to|has to|got to|gotta)\b", re.I
)
# what has gone wrong, said as it stands, with nothing to come: "the balance of £2,340 is now 21 days overdue",
# "Boiler's been broken 11 days", "Whoever keeps eating my labelled food out the fridge"
_GRIEVANCE = re.compile(
    r"^(?![^.?!]*\b(?:will|'ll|’ll|shall|going to|gonna|would|'d|’d|could|may|might|unless|otherwise|else|if|until|"
    r"till|or|before|hate|shame|pity|careful|watch|remember|know|notice\w*|followers|review\w*|lawyer|solicitor|court|"
    r"police|council|boss|landlord|agency|school|school's|head|committee|everyone|everybody|people)\b)"
    r"(?=[^.?!]*\b(?:overdue|late|broken|blocked|blocking|leaking|missing|outstanding|unpaid|not working|again|"
    r"(?:second|third|fourth|fifth) time|\d+ (?:days?|weeks?|months?)|keeps?\s+\w+ing)\b)",
    re.I,
)


def _hint_then_need(sentence: str, parts: Parts, phrasing: Phrasing) -> None:
    """A lever sentence, unless what follows 'so' is a request: "it'd be a shame if the school found
    out, so just be there at three fifteen" -> the hint is the lever, being there is the need."""
    so = re.search(r",?\s+so\s+(?:maybe\s+|just\s+|please\s+)*(.+)$", sentence, re.I)
    together = re.match(r"^(?:let'?s|let’s|let us|we can|can we)\s+(.+?)[?.!]*$", so.group(1), re.I) if so else None
    if so and together and not is_lever(together.group(1), phrasing):
        # "..., so let's get the reports in on time from now on" -> "I need us to get the reports in on time"
        parts.levers.append(sentence[: so.start()])
        _need_or_reason(f"I need us to {together.group(1)}", parts, phrasing, condition=True)
        return
    if so and starts_with_verb(so.group(1)) and not is_lever(so.group(1), phrasing):
        parts.levers.append(sentence[: so.start()])
        _need_or_reason(f"I need you to {_lower_first(so.group(1))}", parts, phrasing, condition=True)
        return
    # "..., so I'm sure a replacement can go out this week?": the request said as what the writer is sure of
    sure = re.search(
        r",?\s+so\s+(?:i'?m|i’m|im|i am)\s+sure\s+(?:that\s+)?(.+?)\s+(?:can|could|will)\s+(?!not\b)(\w+)\b(.*?)[?.!\s]*$",
        sentence,
        re.I,
    )
    if sure and not is_lever(f"{sure.group(1)} {sure.group(2)}{sure.group(3)}", phrasing):
        parts.levers.append(sentence[: sure.start()])
        who = sure.group(1)
        need = (
            f"I need you to {sure.group(2)}{sure.group(3)}"
            if who.lower() in {"you", "u"}
            else f"I need {_lower_first(who)} to {sure.group(2)}{sure.group(3)}"
        )
        _need_or_reason(need, parts, phrasing, condition=True)
        return
    parts.levers.append(sentence)


def _offer_terms(rest: str, phrasing: Phrasing) -> bool:
    """Whether what follows an offer is its terms: what the other side does for it, said plainly ("if you pay
    the open invoices by 31 March", "if the shed is taken down"), not a refusal, a repeat or a lever."""
    m = re.match(r"^if\s+(.+)$", _clean(rest), re.I)
    if m is None:
        return False
    cond = m.group(1)
    return bool(
        re.match(r"^(?:you|u|the|your|ur)\b", cond, re.I)
        and not _NEGATIVE_COND.match(cond)
        and not _NOT_ACCEPTED.match(cond)
        and not _BARE_REFUSAL.match(cond)
        and not re.search(r"\b(?:again|one more time|once more|any more|anymore|ever)\b", cond, re.I)
        and not re.search(r",|\b(?:then|or|otherwise)\b", cond, re.I)  # a consequence said after it
        and not is_lever(cond, phrasing)
        and not is_penalty(cond)
    )


def _hung_need(what: str) -> str:
    """What a veiled threat hangs on, as a need: 'you withdrawing the grievance' -> 'I need you to withdraw the
    grievance'; 'the rent increase is signed by Friday' -> 'I need the rent increase signed by Friday'."""
    what = what.strip(" .!?")
    m = re.match(r"^(you|u|him|her|them|the \w+)\s+(\w+ing)\b\s*(.*)$", what, re.I)
    if m:
        who = "you" if m.group(1).lower() in {"you", "u"} else m.group(1)
        return f"I need {who} to {base_form(m.group(2))} {m.group(3)}".strip()
    return need_from_clause(what) or what


_MID_TRIES = 4  # a real message rarely holds more than two or three conditions in one sentence


def _mid_condition(sentence: str, phrasing: Phrasing, level_of: LevelOf | None = None) -> tuple[str, str] | None:
    """'Please be advised that if X, Y' / 'Further to the complaints, any breach...': (context, the rest),
    so the condition is read from its own start; None when the sentence has no such run-up. Only the first
    few places a condition could start are tried: each try reads the whole rest of the sentence, and a
    20,000-character run-on with hundreds of "if"s would otherwise take tens of seconds."""
    for m in itertools.islice((m for m in _MID_COND.finditer(sentence) if m.start() > 0), _MID_TRIES):
        rest = sentence[m.end() :]
        if _cond_first(rest, phrasing, level_of) is None:
            continue
        return _run_up(sentence[: m.start()]), rest
    unmarked = re.finditer(r"\s+(?:so\s+|and\s+|but\s+|then\s+)?(?=(?:if|unless)\s)", sentence, re.I)
    # a long run-up with no comma before the condition ("...and honestly if the figures aren't with me by
    # Wednesday I'm going to..."): the condition still has its own consequence after it
    # ...or a short hedge before it ("im not being funny but if the kitchen is like this again tomorrow...")
    hedged = (
        m
        for m in unmarked
        if len(sentence[: m.start()].split()) >= 8
        # (a need said before 'but' is no hedge: "I want you there on Saturday but if you bring her...")
        or (re.match(r"\s+but\s", m.group(0), re.I) and not _request_shaped(sentence[: m.start()]))
    )
    for m in itertools.islice(hedged, _MID_TRIES):
        rest = sentence[m.end() :]
        if _cond_first(rest, phrasing) is None:
            continue
        return _run_up(sentence[: m.start()]), rest
    for m in re.finditer(r"(?:,\s*|\bthat\s+)(?=(?:any|every|all)\s)", sentence, re.I):
        rest = sentence[m.end() :]
        if _RESULT.match(rest):
            return _run_up(sentence[: m.start()]), rest
    return None


def _run_up(prefix: str) -> str:
    """What comes before a condition, without the formal run-up ('kindly note', 'further to our meeting')."""
    prefix = _PREAMBLE_TAIL.sub("", prefix).strip(" ,:")
    prefix = re.sub(r"[\s,]+(?:so|and|but|then)$", "", prefix, flags=re.I).strip(" ,:")
    if len(prefix.split()) < 2:
        return ""
    if _FURTHER_TO.match(prefix):
        rest = _FURTHER_TO.sub("", prefix).strip()
        return f"This is about {rest[0].lower() + rest[1:]}" if rest else ""
    return prefix


def need_from_clause(clause: str, mine: bool = True) -> str | None:
    """A plain statement of what should happen, as a need: 'your timekeeping improves' -> 'I need your
    timekeeping to improve'; 'someone senior rings me back today' -> 'I need someone senior to ring me
    back today'. None when the clause has no subject and verb to work with."""
    words = [w for w in tag(clause) if w.text.strip()]
    i = next((k for k, w in enumerate(words) if w.tag in {"VBZ", "VBP", "VBD", "MD"}), -1)
    if i < 0:
        return None
    subject = words[:i]
    if not subject or not any(x.tag.startswith(("NN", "PRP")) or x.tag == "CD" for x in subject):
        return None
    if len(subject) > 8:
        return None
    if (
        len(subject) >= 2
        and subject[-1].lower in {"you", "u", "i", "we", "he", "she", "they"}
        and any(x.tag.startswith("NN") or x.tag == "$" or x.tag == "CD" for x in subject[:-1])
    ):
        return None  # "the £30 you owe me": a thing, with who owes it said after; no one to ask to 'owe'
    j = i
    if words[j].tag == "MD":
        j += 1
        if j >= len(words) or words[j].tag != "VB":
            return None
    verb = words[j]
    rest = words[j + 1 :]
    if rest and rest[0].lower in {"not", "n't", "never"}:
        return None  # a negative is handled where the condition is read
    lemma = "be" if verb.lower in {"is", "are", "was", "were", "'s", "'re", "am"} else verb.lemma.lower()
    if lemma in {"need", "want", "expect", "demand", "require", "have"} and verb.tag != "MD":
        return None
    tail = join(rest) if rest else ""
    who = join(subject)
    if who.lower() == "we":  # "if we do not go in spring": both of them, not the writer alone
        return sentence_case(f"I need us to {lemma} {tail}".strip()) if mine else None
    if who.lower() == "i":
        return sentence_case(f"I need to {lemma} {tail}".strip()) if mine else None
    who = OBJECT_FORM.get(who.lower(), who)  # "unless he's paying" -> "I need him to pay"
    if lemma == "be":
        if not rest or (len(rest) == 1 and rest[0].tag.startswith("JJ")):
            return None  # "water is important" is a statement, not something to ask for
        if rest[0].tag == "VBG" and rest[0].lemma.lower() != "be":  # "he's paying a share" -> "him to pay a share"
            return sentence_case(f"I need {_lower_first(who)} to {rest[0].lemma.lower()} {join(rest[1:])}".strip())
        return sentence_case(f"I need {_lower_first(who)} {tail}".strip())
    who = "you" if who.lower() in {"u", "you"} else _lower_first(who)
    return sentence_case(f"I need {who} to {lemma} {tail}".strip())


def _mid_sentence(words: str) -> str:
    """Words said mid-sentence: the first letter lowered unless it starts a name ("Gareth's directing") or an
    acronym."""
    first = tag(words)[:1]
    if (
        first
        and first[0].tag in {"NNP", "NNPS"}
        and not re.match(r"^(?:The|A|An|No|My|Your|Our|His|Her|Their|This|That|It|We|You|They|He|She)\b", words)
    ):
        return words
    return lower_initial(words)


def _lower_first(words: str) -> str:
    """'The March order' -> 'the March order'; a name or an acronym keeps its capital."""
    first = words.split()[0]
    if re.match(
        r"^(?:The|A|An|Another|Any|My|Your|Our|His|Her|Their|This|That|These|Those|Someone|Somebody|Anyone|Everyone)$",
        first,
    ):
        return first.lower() + words[len(first) :]
    return words


_REFUSED = re.compile(
    r"\b(?:not|n't|no|never|refuse[sd]?|reject(?:s|ed)?|decline[sd]?|turn(?:s|ed)? (?:it|this|that) down)\b", re.I
)
_INVITATION = re.compile(
    r"^(?:let'?s|let me know|tell me|talk to me|call me|ring me|text me|come|we can|we could|i can|i could|"
    r"i'?m (?:happy|glad|open)|i'?d (?:be happy|like|love)|happy to|please|maybe|perhaps|how about|what|why|"
    r"we'?ll (?:talk|sit down|find|work)|i'?ll (?:listen|understand|call)|(?:that'?s|it'?s) (?:fine|ok|okay))\b",
    re.I,
)


def _cond_first(sentence: str, phrasing: Phrasing, level_of: LevelOf | None = None) -> tuple[str, str, str] | None:
    """'If/unless X, Y' where Y is the consequence: (word, X, Y); tries each comma, so '£2,340' stays whole."""
    lead = _COND_FIRST.match(sentence)
    if not lead:
        return None
    body = sentence[lead.end() :]
    formal = re.match(r"^(?:absent|failing|in the absence of)\b", lead.group(1), re.I)
    if formal and "," in body:  # "Absent agreement by 30 June, the ballot opens": what follows is the consequence
        cond, consequence = body.split(",", 1)
        if _content(cond) and _content(consequence) and not re.match(r"^\s*(?:this|that|which|it|so)\s*$", cond, re.I):
            return "unless", cond.strip(), consequence.strip()
    for splits in (
        # the speaker's own 'I'/'we' first ('if you pull another no-show I'm filing..., and my lawyer...'),
        # then a comma or 'then' ('unless X confirms that the children will..., we'), then another subject
        r"\s+(?=(?:i|we|im|i'm|i'll|ill|we'll|we're|you'll|u'll|you're)\s)",
        r",\s+(?:then\s+)?|\s+then\s+|\s+(?=(?:don'?t|dont|do not) (?:bother|expect|come|call)\b)",
        r"\s+(?=(?:our|my|the|his|her|their) \w+ (?:will|'ll|shall|are going to|would)\b)",
    ):
        for comma in re.finditer(splits, body, re.I):
            cond = body[: comma.start()]
            consequence = body[comma.end() :]
            joint = re.search(r",\s*(?P<who>(?:the|my|our)\s+\w+(?:\s+\w+)?\s+and)\s*$", cond, re.I)
            if joint:  # "if he's on the list, the kids and I won't be coming": who acts with the writer
                cond, consequence = cond[: joint.start()], f"{joint.group('who')} {consequence}"
            if re.search(r",\s*then\s", consequence, re.I):
                continue  # "if they plan it without asking what we can do, then I'm out": 'then' is the split
            if any(
                is_penalty(after.strip())
                or (len(after.split()) >= 2 and is_lever(re.sub(r"\s+and$", "", after.strip()), phrasing))
                for after in cond.split(",")[1:]
            ):
                continue  # "if it's not gone by the 31st, it's going to the tip, and I won't be asking": the first
            # "if yours isn't there by then I'll...": a 'then' after 'by' is when, not the split
            if not re.search(r"\b(?:by|before|until|till)\s+then\s*$", cond, re.I):
                cond = re.sub(r",?\s*\bthen\s*$", "", cond, flags=re.I)
            if cond.strip() and (
                is_lever(consequence, phrasing)
                or _PRESENT_CONSEQUENCE.match(consequence)
                # "if any of that doesn't happen we're back in front of the mediator": after a bare refusal
                or (_BARE_REFUSAL.match(cond.strip(" ,")) and not _INVITATION.match(consequence))
            ):
                return lead.group(1).lower().strip(), cond, consequence
    action = decided_action(sentence)
    if action is not None and action[0] > lead.end():
        # the decision after a failed condition ("if u take my phone again im not coming on sunday")
        cond = re.sub(r"(?:,\s*|\s+)(?:then\s*)?$", "", sentence[lead.end() : action[0]])
        if _content(cond):
            return lead.group(1).lower().strip(), cond, sentence[action[0] :]
    bare = re.match(r"^([^,]{1,40}),\s+(?:then\s+)?(?=\S)", body)
    if bare and _BARE_REFUSAL.match(bare.group(1).strip()) and not _INVITATION.match(body[bare.end() :]):
        # "If not, I post on the Facebook group": after a bare refusal what follows is the consequence, in any tense
        return lead.group(1).lower().strip(), bare.group(1).strip(), body[bare.end() :]
    for comma in re.finditer(r",\s+(?:then\s+)?|\s+then\s+", body):
        # after a refusal ("if that's not good enough for you two then it goes to auction"), what follows
        # is the consequence, whoever does it, unless it is an invitation ("then tell me what would work")
        cond, consequence = body[: comma.start()], body[comma.end() :]
        if _REFUSED.search(cond) and _content(cond) and not _INVITATION.match(consequence):
            return lead.group(1).lower().strip(), cond, consequence
    if level_of is not None:  # a consequence no pattern knows ("the Branch will ballot members"): ask the classifier
        # a condition is short; "if folk don't like it they can find another club" has no comma
        split = r",\s+(?:then\s+)?|\s+(?=(?:they|he|she|you|u|ye|folk|everyone)\s+(?:can|could|will|'ll|may|might)\s)"
        for comma in itertools.islice(re.finditer(split, body, re.I), 3):
            cond, consequence = body[: comma.start()], body[comma.end() :]
            if _content(cond) and _looks_like_threat(consequence, level_of):
                return lead.group(1).lower().strip(), cond, consequence
    return None


# a consequence said in the present tense after a condition (learner English, "if X, I give you the notice")
_PRESENT_CONSEQUENCE = re.compile(
    r"^(?:then\s+)?(?:i|we)\s+(?:give|call|report|tell|throw|kick|send|cancel|stop|sell|change|take|put|leave|move|"
    r"sue|evict|block|end|close|cut|keep|charge|fine|finish|go|walk|quit)\b",
    re.I,
)


# what makes "X and Y" a condition and its consequence: X is a repeat ("one more time", "another",
# "again", "keep doing") or said to the other person ("you cancel on her one more time and...")
_REPEAT = re.compile(
    r"\b(?:one more|another|again|once more|keeps?|kept|any more|anymore|ever|next time|still)\b|^(?:you|u)\s", re.I
)


def _and_condition(sentence: str, phrasing: Phrasing, level_of: LevelOf | None) -> tuple[str, str] | None:
    """'Another Sunday on the rota and I resign' -> ('another Sunday on the rota', 'I resign'), when
    what follows 'and' is a consequence; None otherwise ('I'll bring the kids and we can talk')."""
    for m in re.finditer(r",?\s+and\s+(?:then\s+)?", sentence, re.I):
        cond, consequence = sentence[: m.start()].strip(), sentence[m.end() :].strip()
        # "Touch my car again and...": an order to do it again is a dare, so the condition is not a request
        dare = starts_with_verb(cond) and re.search(
            r"\b(?:again|once more|one more time)\b|^" + DARE + r"\b", cond, re.I
        )
        if (
            not cond
            or (not _REPEAT.search(cond) and not dare)
            or (_request_shaped(cond) and not re.match(r"^keep", cond, re.I) and not dare)
        ):
            continue
        if re.match(r"^(?:i|i'm|im|i am|we|we're|we are)\b", cond, re.I):
            continue  # "I'm not sitting through another meeting where... and I get told afterwards": the speaker's own account
        told = [w for w in tag(consequence)[:3] if w.text.strip()]
        if len(told) >= 2 and told[0].lower in {"i", "we"} and told[1].tag == "VBD":
            continue  # "You missed the appointment and I kept the chair free": what happened, not what will
        if (
            is_lever(consequence, phrasing)
            or _looks_like_threat(consequence, level_of)
            or re.match(r"^(?:i|im|i'm|i'll|ill|we|we're|we'll|you're|ur|you'll|u'll|it'?s)\b", consequence, re.I)
        ):
            return cond, consequence
    return None


def _looks_like_threat(clause: str, level_of: LevelOf | None) -> bool:
    return level_of is not None and len(clause.split()) >= 3 and level_of(clause) == "ultimatum"


# "Permission slips back by Monday", "Rent in by the 1st": a request said without a verb
_VERBLESS_NEED = re.compile(
    r"^(?!(?:i|we|you|it|this|that|there)\b)[\w' -]{2,40}?\s+(?:back|in|done|paid|returned|signed|sent|finished|"
    r"submitted|cleaned|sorted|out|fixed)\s+(?:by|before|no later than)\b",
    re.I,
)


# a wish said politely: "it'd be really great if the grievance was withdrawn before then"
_WOULD_BE_GREAT = re.compile(
    r"^(?:so\s+)?(?:i was (?:just )?thinking\s+)?(?:that\s+)?(?:it'?d|it would) be (?:really |so |very |much )?"
    r"(?:great|good|nice|helpful|lovely|ideal|best|better|appreciated) if\s+(.+)$",
    re.I,
)


def _request_shaped(sentence: str) -> bool:
    polite = re.match(r"^please\s*,\s*(?=\S)", sentence, re.I)
    if polite:
        # "Please, the balance is still outstanding": 'please' said before a statement asks nothing by itself
        return _request_shaped(sentence[polite.end() :])
    if _ASKED_ALREADY.match(sentence):
        return False
    if re.match(r"^please\s+(?:be\s+(?:advised|aware|informed)|note)\b", sentence, re.I):
        return False  # "Please be advised that interest will accrue...": a notice of what will happen, not a request
    if re.match(
        r"^(?:you|u)\s(?!.*\b(?:or|otherwise)\b).*(?:\s(?:can|ok|okay|pls|plz)|,\s*please)\W*$", sentence, re.I
    ):
        return True  # "You come fix this week can?": put to the reader with a tag that asks
    return bool(
        _VERBLESS_NEED.match(sentence)
        or _WOULD_BE_GREAT.match(sentence)
        or re.match(
            r"^(?:i|we)(?:'ll|’ll| will| shall)?\s+(?:need|want|would like|'d like|expect|ask)\b|^(?:please|could|can|would|will)\b|"
            # "I am only asking that you pay the K2,500 for the mealie meal"
            r"^(?:i|we)(?:'m| am|'re| are)\s+(?:only\s+|just\s+|simply\s+)?asking\s+(?:(?:you\s+)?(?:nicely|politely|kindly)\s+)?"
            r"(?:that|you|for)\b",
            sentence,
            re.I,
        )
        or any(p.match(sentence) for p, _ in _SECOND_TO_NEED)
        or starts_with_verb(sentence)
    )


_ACCEPTANCE_ONLY = re.compile(
    r"^(?:your\s+|their\s+|his\s+|her\s+|written\s+|such\s+)?(?:acceptance|agreement|signature|confirmation|consent)"
    r"(?:\s+(?:of|to)\s+(?:this|that|it|the|our|my)\b[^,]{0,40})?$",
    re.I,
)
_NOT_ACCEPTED = re.compile(
    r"^(?:that|this|it|the offer|my offer|our offer)\b[^,]{0,30}\b(?:work|suit|good enough|acceptable|ok|okay|agree|"
    r"accept|enough|do)\w*\b|^(?:no|not|you (?:don'?t|do not|won'?t|will not|can'?t) (?:agree|accept|like))\b|"
    # "should the membership reject it", "if they turn it down", "if we don't have your acceptance by Friday"
    r"^(?:you|u|they|he|she|the \w+|members?(?:hip)?)\s+(?:reject|refuse|decline|turn)s?\b(?:\s+(?:it|this|that|down))?|"
    # "if you say no": the offer just made, refused
    r"^(?:you|u|they|he|she)\s+(?:say|says|said)\s+no\b|"
    r"^(?:we|i) (?:don'?t|do not) (?:have|get|receive|hear)\b.{0,30}\b(?:acceptance|agreement|answer|signature|confirmation|yes)\b|"
    # "if you don't want it", "if you're not interested": the offer said before is refused
    r"^(?:you|u)(?:'re| are)? (?:don'?t|do not|not) (?:want|like|interested|happy with)\b",
    re.I,
)


_OFFERED = re.compile(
    r"^(?:[\w ,]{0,40},\s*)?(?:i|we)(?:'ll| will| can| could|'d| would| am offering|'m offering| are offering|'re offering|"
    r"'re able to| are able to|'m able to| am able to|'d like to offer| would like to offer|"
    r" am prepared to|'m prepared to| are prepared to|'re prepared to| am willing to|'m willing to)\s(?!not\b|never\b)|"
    # "the business is in a position to offer a 3% uplift", "the committee ... is asking you to contribute £600"
    r"^(?:[\w ,'’]{0,60}\s)?(?:is|are|am|'m|'re) in a position to (?:offer|pay|give|refund|return)\s|"
    r"^(?:[\w ,'’]{0,60}\s)?(?:has|have) agreed to (?:share|split|pay|cover|contribute|refund|offer)\s|"
    # "Our client is prepared to accept £42,000...": an offer made for someone the writer speaks for
    r"^(?:[\w ,]{0,40},\s*)?(?:our|my|the)\s+(?:clients?|company|firm|board|committee|family|side|team|school|club|council|"
    r"landlord|management|trust|association)\s+(?:is|are|will be|would be)\s+(?:prepared|willing|able|happy)\s+to\s|"
    # "the best we can do is 12% off list", "I can only give 3,000 pesos discount": a limit said as what is offered
    r"^(?:[\w ,'’]{0,60},\s*)?(?:the (?:best|most|furthest) (?:i|we) can (?:do|offer|go)(?: to)? is|(?:i|we) can only (?:give|offer|do|pay|go to))\s|"
    # "My number is £38k", "Our price stands at £420": a position said as a figure
    r"^(?:my|our) (?:price|rate|fee|asking price|offer)(?: for [\w' ]{1,30})? (?:is|stands at|will be)\s|"
    # "I've said £1,100 for the whole job": a figure the writer has already named, said again as where they stand
    r"^(?:i|we)(?:'ve| have)? (?:said|quoted|offered|told you)\s+(?=[£$€]?\d)|"
    # "Here's what I can offer Callum: he trains with the firsts..."
    r"^here(?:'?s|’s| is) what (?:i|we) (?:can|could|will|'ll) (?:offer|do|give)\b|"
    # "62k is the number", "£1,800 is my price": a figure said as where the writer stands
    r"^(?:[£$€]\s?)?\d[\d,.]*\s?(?:k|grand|pounds|dollars|euros?)?\s+(?:a (?:month|week|year|day|night|hour)\s+)?"
    r"(?:is|'s)\s+(?:my|our|the)\s+(?:number|price|offer|figure|limit|budget|ceiling|max(?:imum)?)\b|"
    # "£4,800 all in for the flat roof, EPDM, 20 yr guarantee", "$142k base, 0.3% equity": terms led by the figure
    r"^(?:[£$€]|R|HK\$|US\$|A\$)\s?\d[\d,.]*\s?(?:k|grand)?\s+(?:all in|all-in|base|flat|cash|total|upfront|up front|"
    r"for (?:the|your|it|everything|all)|to (?:cover|split)|from (?:me|us)|inc(?:luding|l)?)\b",
    re.I,
)


# "I will not be party to selling Mum's house...", "We won't agree to a four-day week": what is refused
_REFUSED_THING = re.compile(
    r"^(?:i|we)\s+(?:will not|won'?t|cannot|can'?t|refuse to|am not going to|'m not going to)\s+"
    r"(?:be (?:a )?party to|agree to|accept|allow|stand for|sign off on|support|go along with|put up with)\s+"
    r"(?P<what>\w+ing\b.{3,}|(?:a|an|the|any|this|that|your)\s.{3,})$",
    re.I,
)
_OFFERED_BEFORE = re.compile(
    r"^(?:[\w ,]{0,20},\s*)?(?:i|we)(?:'ve| have)\s+(?:already\s+)?offered\s+(?:\w+\s+){0,2}?to\s+(?P<what>.+)$", re.I
)


def _said_at(parts: Parts, part: str) -> int:
    """Where in the message a part was said (the index of the first sentence holding it), -1 if nowhere."""
    return next((i for i, said in enumerate(parts.said) if part in said), -1)


def _guessed_levers(parts: Parts) -> list[str]:
    """The sentences set aside as lever on the classifier's word alone, and still set aside."""
    return [g for g in parts.guessed if g in parts.levers]


def _take_out(parts: Parts, part: str) -> None:
    """Take a part out of the needs, the context and the levers, wherever it was put."""
    for pool in (parts.needs, parts.context, parts.levers):
        if part in pool:
            pool.remove(part)


def _offered_last(parts: Parts) -> str:
    """What 'that is my final offer' points back at, taken out of the needs or context: the last thing said
    that offers something ("I am prepared to return £950", not the reason said after it), else the last said."""
    pool = parts.needs or parts.context
    said = [x for x in parts.needs + parts.context if _OFFERED.match(x)]
    if said:
        chosen = max(said, key=lambda x: _said_at(parts, x))
        for bucket in (parts.needs, parts.context):
            if chosen in bucket:
                bucket.remove(chosen)
                return chosen
    return pool.pop()


def _with_what_was_offered(offer: str, parts: Parts) -> str:
    """A bare figure after what it is for: "I've offered twice to split the wall fifty-fifty. R8,000 from me,
    that's my last word" -> "R8,000 from me to split the wall fifty-fifty"."""
    if not re.match(r"^[£$€R]?\s?\d[\d,.]*k?\b", offer) or re.search(r"\b(?:for|to|towards)\b", offer, re.I):
        return offer
    for pool in (parts.needs, parts.context):
        for said in reversed(pool):
            earlier = _OFFERED_BEFORE.match(said)
            if earlier:
                pool.remove(said)
                return f"{offer} to {earlier.group('what')}"
    return offer


# a need said outright, as a request of the reader: "I need it paid by...", "Please return...", "Could you..."
_NEED_SAID = re.compile(r"^(?:(?:i|we) (?:really |just )?need|please\b|could you|can you|i'd like|we'd like)", re.I)


# a request said as a wish: "If the sessions could finish by 9.30, I think that would settle things", "In the meantime
# if you could stop drying washing on the radiators that would help everyone"
_POLITE_IF = re.compile(
    r"^(?:(?:in the meantime|meanwhile|so|and|but|also|honestly|for now),?\s+)?if\s+(?P<who>you|u|we|they|he|she|"
    r"(?:the|your|our|my)\s+[\w-]+(?:\s+[\w-]+){0,2}?)\s+could\s+(?:please\s+|just\s+)?(?P<what>[a-z][^?!]{3,160}?),?\s+"
    r"(?:then\s+)?(?:i think\s+|i'?m sure\s+|honestly\s+)?(?:that|it|this)(?:'d|’d| would)\s+(?:really\s+|probably\s+)?"
    r"(?:help|settle|sort|solve|fix|be (?:great|good|brilliant|lovely|ideal|appreciated|a (?:big |great |real )?help|helpful|"
    r"amazing|perfect|fab))\b[^?!]*$",
    re.I,
)


# people said to be noticing who does what is asked: "people are starting to notice who does and doesn't turn up"
_NOTICED_WHO = re.compile(
    r"\b(?:people|everyone|everybody|folk|the \w+|we|i)(?:'re|’re|'ve|’ve| are| have| has|'s)?\s+(?:\w+\s+){0,3}?notic\w*\s+"
    r"who\s+(?:(?:does|do|is|are|bothers?)(?:\s+and\s+(?:doesn'?t|don'?t|isn'?t|aren'?t|who doesn'?t))?|doesn'?t|don'?t)\s+"
    r"(?:bother(?:s)?\s+to\s+)?(?P<what>[a-z].+)$",
    re.I,
)


# a condition whose object points back: "if the rota can't reflect that", "if you won't agree to this"
_OBJECT_POINTS_BACK = re.compile(
    r"\b(?:reflect|do|allow|agree to|accept|manage|honou?r|respect|meet|sort|arrange|make|give me|go along with)\s+"
    r"(?:that|this|it)\s*$",
    re.I,
)
# a need said outright, however it is stressed: "I do need my weekends back", "we really do need a decision"
_NEED_OUTRIGHT = re.compile(r"^(?:i|we) (?:(?:do|really|still|also|just|honestly|genuinely)\s+){0,2}need\b", re.I)


def _condition(word: str, cond: str, parts: Parts, phrasing: Phrasing) -> None:
    """The condition of an if/unless threat: what the speaker needs, or the worry behind it."""
    raw = re.split(r",?\s+then\s+", cond, maxsplit=1, flags=re.I)[0].strip(" ,")  # "..., then we leave with nothing"
    cond = _clean(raw)  # spelled out by _clean
    if not cond:
        return
    if _BARE_REFUSAL.match(cond) and parts.items:
        return  # "If you can't manage these, ...": the items listed already say what
    if _BARE_REFUSAL.match(cond):
        # "If it isn't, ...", "If not, ...", "If you don't, ...": the condition is the request said just before
        # ...or terms the classifier alone set aside as a lever ("here is the deal number one you cover...")
        requests = [x for x in parts.context + parts.needs + _guessed_levers(parts) if _ASKED_BEFORE.search(x)]
        # the one said last before the condition, in the order the message says them
        requests.sort(key=lambda x: _said_at(parts, x))
        earlier = [x for x in parts.said[-2:] if cond not in _clean(x)]
        if not requests and earlier and not parts.items:
            # "You come fix this week can? If not, ...": what the refusal refuses is what was put to 'you' just before
            before = earlier[-1]
            if before in parts.context + parts.needs and re.search(r"(?<![\w'])(?:you|u)(?![\w'])", before, re.I):
                requests = [before]
        if requests:
            asked = requests[-1]
            _take_out(parts, asked)
            parts.needs.insert(0, asked)
            parts.conditional = True
            return
    if _NEGATIVE_COND.match(cond) and _OBJECT_POINTS_BACK.search(cond):
        # "I do need my weekends back from May... if the rota can't reflect that, ...": 'that' is the need said before
        said_need = [x for x in parts.context + parts.needs if _NEED_OUTRIGHT.match(x)]
        said_need.sort(key=lambda x: _said_at(parts, x))
        if said_need:
            _take_out(parts, said_need[-1])
            parts.needs.insert(
                0,
                re.sub(
                    r"^(i|we)\s+(?:(?:do|really|still|also|just|honestly|genuinely)\s+){1,2}(?=need\b)",
                    r"\1 ",
                    said_need[-1],
                    flags=re.I,
                ),
            )
            parts.conditional = True
            return
    refused = bool(
        _NOT_ACCEPTED.match(cond)
        or _NOT_ACCEPTED.match(raw)
        # "in the absence of acceptance", "failing your agreement": the offer not taken up
        or (word == "unless" and _ACCEPTANCE_ONLY.match(cond))
    )  # "if this is not okay" ('okay' is a filler elsewhere)
    if refused and parts.offer is None:
        # "I'll buy the car for three thousand. If that's not good enough...": what was said before is an offer
        for pool in (parts.needs, parts.context):
            said = next((s for s in reversed(pool) if _OFFERED.match(s)), None)
            if said is not None:
                pool.remove(said)
                # "..., that is my final already po": the finality said after the offer is the lever, not the offer
                parts.offer = re.sub(
                    # ("..., and it's not moving": the finality said with it is the lever too)
                    r",?\s*(?:and\s+)?(?:that|this|it)(?:'s|’s| is)\s+(?:(?:my|our|the)\s+(?:final|last|best)\b|"
                    r"not (?:moving|changing|going (?:up|down))\b).*$",
                    "",
                    said,
                    flags=re.I,
                )
                break
    if parts.offer and refused:
        return  # "if that doesn't work for you": the offer said before is the point, not a need
    cond = re.sub(r"\s+(?:before|by) then$", "", cond, flags=re.I)  # "fixed before then": 'then' is in the lever
    deadline = _DEADLINE.search(cond)
    if deadline and parts.deadline is None:
        parts.deadline = deadline.group(0)
    # "If by end of this month you are still...": the date leads the condition; what happens is the worry
    cond = re.sub(
        r"^(?:by|before|come)\s+(?:the\s+)?end of (?:this|the|next)\s+\w+\s*,?\s+(?=\w)", "", cond, flags=re.I
    )
    word = "until" if word in {"till", "til"} else word
    if word == "until":
        # "Till that £2,200 lands": the money arriving is the money paid
        cond = re.sub(
            r"^(?P<what>.*?[£$€]\s?\d[\d,.]*k?\b.*?)\s+(?:lands|arrives|comes through|clears|hits (?:my|the|our) account)$",
            r"\g<what> is paid",
            cond,
            flags=re.I,
        )
    if word in {"unless", "until"}:
        if parts.items and _ALL_OF_THEM.search(cond):
            return  # "until all three are met": the items already say what
        if word == "until" and any(_NEED_SAID.match(n) for n in parts.needs):
            # "I need it paid by the 30th. After that the site goes offline until payment is received": the
            # need said outright leads; what the penalty lasts until only backs it
            parts.conditional = True
            _need_or_reason(need_from_clause(cond) or cond, parts, phrasing)
            return
        _need_or_reason(need_from_clause(cond) or cond, parts, phrasing, condition=True)
        return
    if word == "should":
        shall = re.match(r"^(.+?)\s+not\s+be\s+(.+)$", cond, re.I)
        if shall:
            who = shall.group(1)
            if who.lower() in {"it", "this", "that"}:
                who = _topic_before(parts) or "this"
            _need_or_reason(f"I need {_lower_first(who)} {shall.group(2)}", parts, phrasing, condition=True)
            return
    negative = _NEGATIVE_COND.match(cond)
    if parts.items and _ALL_OF_THEM.search(cond):
        return  # "if I can't have those three": the items already say what
    mine = re.match(r"^(i|we)\s*(?:don'?t|do not|didn'?t|did not|can'?t|cannot|won'?t)\s+(.+)$", cond, re.I)
    if mine:  # "if I don't get the water" -> "I need the water"
        body = mine.group(2).strip()
        got = re.match(r"^(?:get|have|receive|see)\s+(.+)$", body, re.I)
        # "if we do not go in spring" -> "I need us to go in spring": both of them, not the writer alone
        to = "I need us to" if mine.group(1).lower() == "we" else "I need to"
        _need_or_reason(f"I need {got.group(1)}" if got else f"{to} {body}", parts, phrasing, condition=True)
        return
    nobody = _NOBODY.match(cond)
    if (
        nobody
    ):  # "if nobody has been out to look at it by Friday" -> "I need someone to come out to look at it by Friday"
        _need_or_reason(f"I need someone to come {nobody.group(1)}", parts, phrasing, condition=True)
        return
    if negative:
        subject = negative.group("who").lower()
        body = negative.group("body")
        if subject in {"you", "u"}:
            # "if u cant even be bothered to call dad" -> "call dad"; "if u cant be civil" -> "be civil"
            bothered = re.match(r"^(?:even\s+)?(?:be\s+)?bothered\s+to\s+(.+)$", body, re.I)
            if bothered:
                body = bothered.group(1)
            elif re.search(r"\b(?:can'?t|cannot|won'?t|will not)\s+be\s", negative.group(0), re.I):
                body = f"be {body}"
            being = re.search(r"\b(?:aren'?t|are not|'re not)\s", negative.group(0), re.I)
            going = re.match(r"^(?:gonna|going to)\s+(.+)$", body, re.I)  # "if ur not gonna wash ur dishes"
            said = (
                f"I need you to {going.group(1)}"
                if going
                else (f"I need you to be {body}" if being else f"you need to {body}")  # "if ur not home by 9"
            )
            _need_or_reason(said, parts, phrasing, condition=True)
        elif subject in {"it", "this", "that"}:
            body = re.sub(r"^been\s+", "", body, flags=re.I)  # "if it has not been returned" -> "...returned"
            # "your share is £212... If it isn't in my account by the 30th": what is paid is the amount named
            body = re.sub(
                r"\s+(?:when|while|as|because|since|once|after|before)$", "", body, flags=re.I
            )  # "...by Thursday when I'm back"
            topic = _topic_before(parts)
            # (never for a thing that already names the money: "the invoice", "your share of the rent")
            money_named = topic is not None and re.search(_MONEY_WORDS, topic, re.I)
            owed = (_amount_before(parts) if _PAID.match(body) and not money_named else None) or _wanted_before(
                parts, body
            )
            _need_or_reason(f"I need {owed or _lower_first(topic or 'this')} {body}", parts, phrasing, condition=True)
        else:
            # "if they're not out by Tuesday" -> "I need the bins out by Tuesday"; "if he doesn't pay" -> "I need him to pay"
            who = OBJECT_FORM.get(subject) or _lower_first(negative.group("who"))
            if subject == "they":
                who = _topic_before(parts, plural=True) or who
            neg = cond[negative.end("who") : negative.start("body")].strip().lower()
            being = re.match(r"^(?:aren'?t|are not|isn'?t|is not|'s not|'re not|not)(?:\s+be)?$", neg)
            said = f"I need {who} {body}" if being or re.match(r"\w+ed\b", body) else f"I need {who} to {body}"
            _need_or_reason(said, parts, phrasing, condition=True)
        return
    # a positive condition is the thing feared: "if the council turns up at my door again"
    # "late one more Friday" -> "late on a Friday again": the count is the lever, the day is not
    cond = re.sub(
        r"\bone more ((?:mon|tues|wednes|thurs|fri|satur|sun)day|weekend|night|morning)\b",
        r"on a \1 again",
        cond,
        flags=re.I,
    )
    worry = re.sub(r"\b(?:one more time|ever again|again|once more|any more|anymore)\b", "", cond, flags=re.I).strip(
        " ,"
    )
    worry = re.sub(
        r"\b(?:keeps?|kept|continues? to|still)\s+(?=\w+ing\b)", "", worry, flags=re.I
    )  # keep taking -> taking
    worry = re.sub(
        r",\s*[A-Z][a-z]+\s*,", ",", worry
    )  # "without asking me, Graham, after...": the name is not the worry
    worry = re.sub(r"^(?:keep|keeps)\s+(?=\w+ing\b)", "", worry, flags=re.I)
    # "if you continue to not answer about her fees, maybe the bank...": the hedge went with the lever
    worry = re.sub(r",?\s+(?:maybe|perhaps|well)\W*$", "", worry, flags=re.I)
    if not _content(worry):  # "one more time and I'm gone": the condition says nothing by itself
        return
    pointer = re.match(r"^(?:it|this|that)\b", worry, re.I)
    after = worry[pointer.end() :].split() if pointer else []
    if pointer and after and pointer.group(0).lower() != "it" and tag(" ".join(after[:2]))[0].tag.startswith("NN"):
        earlier = [x for x in parts.said if raw not in x and cond not in x]  # the sentences said before this one
        named_before = _REFUSED_THING.match(earlier[-1]) if earlier else None
        if named_before:
            # "I will not be party to selling Mum's house for under valuation. If that sale goes ahead...":
            # what 'that sale' is was said in the refusal before it
            parts.worry = parts.worry or _lower_first(named_before.group("what"))
            return
        # "if that sale goes ahead": 'that' points at a thing it names itself -> "the sale going ahead"
        worry, pointer = "the" + worry[pointer.end() :], None
    if pointer:  # "if it happens again tonight": 'it' is what the sentence before was about
        topic = _topic_before(parts)
        if topic and re.match(
            r"^\s*(?:happens?|happening|continues?|continuing|keeps? (?:on|happening|going)|carr(?:y|ies) on|goes on|"
            r"going on)\s*(?:again)?\W*(?:\s+\S.*)?$",
            worry[pointer.end() :],
            re.I,
        ):  # "if it continues this week", "if again this happen" -> "what keeps happening with the music"
            parts.worry = parts.worry or f"what keeps happening with {_lower_first(topic)}"
            return
        if topic:
            worry = topic + worry[pointer.end() :]
    worry = _lower_first(re.sub(r"^one more\b", "another", worry, flags=re.I))
    if word == "should":  # "should the changes be implemented" -> "the changes being implemented"
        worry = re.sub(r"\bbe\b", "being", worry, count=1)
    going = re.match(
        r"^(you|they|he|she)(?:'re| are|'s| is)\s+(?:\w+ly\s+)?(?:gonna|going to)\s+(\w+)\b(.*)$", worry, re.I
    )
    if going:  # "you're actually gonna make me wear..." -> "you making me wear..."
        parts.worry = parts.worry or f"{going.group(1)} {gerund(going.group(2).lower())}{going.group(3)}"
        return
    opening = tag(worry.split()[0]) if worry.split() else []
    common = bool(opening and opening[0].tag in {"NN", "NNS"})  # "Boyfriend moves in" -> "boyfriend moving in"
    if re.match(r"^(?:do|try|pull|say|repeat)\s+(?:it|that|this)\W*$", worry, re.I):
        # "Try it once more and...": 'it' is what was just done, said before
        topic = _topic_before(parts)
        if topic:
            parts.worry = parts.worry or f"what keeps happening with {_lower_first(topic)}"
            return
    yours = re.match(r"^(you|u)\s+([a-z]+)\b(.*)$", worry, re.I)
    if (
        yours
        and not yours.group(2).lower().endswith(("ing", "ed"))
        and yours.group(2).lower() not in _NOT_A_VERB_AFTER_YOU
        and tag(f"you {yours.group(2)} that thing")[1].tag in {"VB", "VBP"}
    ):  # "if you book that stag do" -> "you booking that stag do" (not "I'm worried about you book that...")
        parts.worry = parts.worry or f"you {gerund(yours.group(2).lower())}{yours.group(3)}"
        return
    if starts_with_verb(worry):  # "touch my car (again)" said as a dare -> "you touching my car"
        first, _, rest = worry.partition(" ")
        parts.worry = parts.worry or f"you {gerund(base_form(first.lower()))} {rest}".strip()
        return
    unable = re.match(r"^(.{1,40}?)\s+(?:cannot|can ?not|can'?t|could ?not|couldn'?t)\s+(?=\w)(.*)$", worry, re.I)
    if unable and not re.search(r"\b(?:if|when|and|but)\b", unable.group(1), re.I):
        # "you people cannot send something small every month" -> "you people not being able to send ..."
        worry = f"{unable.group(1)} not being able to {unable.group(2)}"
    else:
        worry = _gerund_clause(worry, base=word == "should")
    parts.worry = parts.worry or (worry[0].lower() + worry[1:] if common else worry)


def _decided_before(last: re.Match[str], sentence: str, phrasing: Phrasing, level_of: LevelOf | None) -> bool:
    """'We will be moving our contract to another vendor unless you commit to the 48-hour turnaround': a
    decision no pattern knows, said before what would stop it; the sentence as a whole reads as a threat and
    the condition is something to be done (after 'unless') or not done (after 'if'), not a lever itself."""
    word, cond = last.group(2).lower(), last.group(3)
    if word == "until" or is_lever(cond, phrasing) or _request_shaped(last.group(1).strip()):
        return False
    if word == "if" and not _NEGATIVE_COND.match(_clean(cond)):
        return False  # "I'd be glad if you came": a positive 'if' after something unknown is left alone
    return is_lever_sentence(sentence, phrasing) or _looks_like_threat(sentence, level_of)


def _topic_outside(parts: Parts, need: str, thing: bool = False, plural: bool = False) -> str | None:
    """What 'it' in the need points back at: the first noun phrase of the nearest sentence said before
    the need's own ("ur trailer's been parked across my drive. get it moved by tmrw" -> "your trailer")."""
    own = _content(need)
    at = next((k for k, said in enumerate(parts.said) if own and len(own & _content(said)) * 2 >= len(own)), None)
    before = parts.said[:at] if at is not None else parts.said
    head = _said_before_need(parts.said[at], need) if at is not None else ""
    # what holds a lever ("I was chatting to the housing officer") or is a short exclamation ("Small world!")
    # is not what the need points back at
    said = [x for x in before if not _PHATIC.match(x)]
    plain = [x for x in said if not parts.holds_lever(x)]
    # the other side's own thing ("your van", "ur dog") is what 'it' or 'him' usually points back at, said
    # near the need: never "your foot" from a greeting five sentences up
    near = said[-2:]
    # (a thing said with its determiner: "talking about Christmas" would come back as "the christmas")
    if head and re.search(r"\b(?:the|your|ur|my|our|his|her|their|this|that)\s+\w", head, re.I):
        # "I'm not discussing the summer holidays again until you stop dragging your girlfriend into it": the
        # need's own sentence names 'it' before the need, nearer than any sentence said before
        said.append(head)
        near.append(head)
    # (never from a judgement held up: "I'd hate for missed deadlines to become a theme in your probation review"
    # says nothing of what 'it' in "get it over the line by Friday" is)
    yours = next((_yours_said(x, m) for x in reversed(near) if not _held_up(x) for m in [_YOURS.search(x)] if m), None)
    # 'them' are "those bins", not "the council" named before them in the same sentence
    many = (_nearest_topic(plain, True, True) or _nearest_topic(said, True, True)) if plural else None
    topic = yours or many or _nearest_topic(plain, thing) or _nearest_topic(said, thing) or _nearest_topic(before)
    return _lower_first(topic) if topic else None


def _said_before_need(sentence: str, need: str) -> str:
    """What a sentence says before the clause a need was carved from ("I'm not discussing the summer holidays
    again" before "until you stop dragging your girlfriend into it"); empty when the need starts the sentence."""
    words = re.findall(r"[\w'’]+", need)
    if len(words) < 3:
        return ""
    # the need's own words in order, as the sentence says them (the need may be reworded at its start)
    for skip in range(min(5, len(words) - 2)):
        found = re.search(r"\b" + r"\W+".join(map(re.escape, words[skip:])) + r"\b", sentence, re.I)
        if found:
            head = sentence[: found.start()]
            head = re.sub(
                r"\W*\b(?:until|till|unless|if|when|and|but|or|so|because|as long as)\b\W*(?:\w+\W+){0,2}$",
                "",
                head,
                flags=re.I,
            )
            return head.strip(" ,") if len(head.split()) >= 3 else ""
    return ""


_LIGHT_NOUNS = frozenset(
    {
        "look",
        "go",
        "word",
        "chat",
        "think",
        "try",
        "favour",
        "favor",
        "bit",
        "thing",
        "things",
        "lot",
        "lots",
        "nudge",
        "reminder",
    }
)
_YOURS = re.compile(
    r"\b(?:your|ur|yer|yuh)\s+(?!own\b|way\b|side\b|end\b|call\b|turn\b|fault\b)[a-z]+(?:\s+(?:van|car|dog|cat|bike|kids?|son|daughter|tree|hedge|fence|bins?))?\b",
    re.I,
)


def _yours_said(sentence: str, m: re.Match[str]) -> str:
    """The reader's thing as said, with what describes it: "Your young lad" -> "your young lad", not "your young"."""
    words = [w for w in tag(sentence[m.start() :]) if w.text.strip()][1:5]
    kept: list[Word] = []
    for w in words:
        if w.tag not in {"JJ", "JJR", "JJS", "NN", "NNS"}:
            break
        kept.append(w)
    while kept and not kept[-1].tag.startswith("NN"):
        kept.pop()
    said = m.group(0)
    if kept and len(join(kept)) > len(said) - len(said.split()[0]) - 1:
        return f"{said.split()[0]} {join(kept)}"
    return said


_PAID = re.compile(
    r"^(?:in (?:my|our|the) (?:account|bank)|paid|transferred|received|settled|cleared|with (?:me|us))\b", re.I
)
_MONEY_WORDS = r"\b(?:invoices?|payments?|deposits?|rent|balance|fees?|bills?|money|amount|arrears|share|sum|instalments?|\w*[£$€]\d)"
_AMOUNT = re.compile(r"(?<![\w£$€])[£$€]\s?\d[\d,]*(?:\.\d\d)?k?\b")


def _wanted_before(parts: Parts, body: str) -> str | None:
    """What 'it' is when the need was said before in the same words: "I need the first fix done before I come
    back, if it's not done by Thursday..." -> "the first fix"."""
    state = re.match(r"^(\w+)", body)
    if not state:
        return None
    for said in reversed(parts.said):
        m = re.search(
            r"\b(?:need|want|expect)\s+((?:the|your|my|our|this|that)\s+(?:[\w'-]+\s+){0,3}?)"
            + re.escape(state.group(1))
            + r"\b",
            said,
            re.I,
        )
        if m:
            return m.group(1).strip()
    return None


def _amount_before(parts: Parts) -> str | None:
    """The last amount of money said before the condition, as a thing: "the £212"."""
    for said in reversed(parts.said[:-1]):
        amounts = _AMOUNT.findall(said)
        if amounts:
            # "your half of Mum's carer invoice for January is £620": what the amount is, named with it
            named = re.search(
                r"(?:^|,\s*)(?P<what>(?:your|ur|the|my|our|his|her|their)\s+[^,.;:]{2,60}?)\s+(?:is|comes to|totals|was|"
                r"came to)\s+" + re.escape(amounts[-1]) + r"\W*$",
                said,
                re.I,
            )
            if named:
                return f"{_lower_first(named.group('what'))}, {amounts[-1]},"
            return f"the {amounts[-1]}"
    return None


def _topic_before(parts: Parts, plural: bool = False) -> str | None:
    """What 'it' points back to: the first noun phrase of the sentence said before; with ``plural`` ('they'),
    the first plural thing named there ("them cake stands", not "Darlene")."""
    return _nearest_topic(parts.said[:-1], thing=plural, plural=plural)


def _nearest_topic(said: Sequence[str], thing: bool = False, plural: bool = False) -> str | None:
    """The first noun phrase of the last of these sentences that has one (nearest first); with ``thing``, the
    first that names no person ('it' is the medicine, not "my sister"), and with ``plural`` a plural one first
    ('they' are "them cake stands", not "Darlene")."""
    # ("No hot water with a newborn. If it isn't fixed...": 'it' is never a lack, "the no hot water")
    if thing:
        for x in reversed(said):
            found = topic_of(x, first=True, thing=True, plural=plural)
            if found and not _A_LACK.match(found):
                return found
    return next((t for t in (topic_of(x, first=True) for x in reversed(said)) if t and not _A_LACK.match(t)), None)


_A_LACK = re.compile(r"^(?:the\s+)?(?:no|none|nothing|not)\b", re.I)


# who a sentence may name that 'it' or 'they' (said of a thing) never points back at
_PERSON = frozenset(
    [
        "sister",
        "brother",
        "mum",
        "mom",
        "mother",
        "dad",
        "father",
        "wife",
        "husband",
        "son",
        "daughter",
        "kid",
        "kids",
        "child",
        "children",
        "friend",
        "boyfriend",
        "girlfriend",
        "partner",
        "neighbour",
        "neighbor",
        "boss",
        "manager",
        "teacher",
        "judge",
        "worker",
        "lawyer",
        "solicitor",
        "landlord",
        "tenant",
        "family",
        "auntie",
        "aunt",
        "uncle",
        "granny",
        "grandma",
        "grandad",
        "nan",
        "cousin",
        "mate",
        "people",
        "guy",
        "guys",
        "lady",
        "man",
        "woman",
        "officer",
        "council",
        "police",
        "someone",
        "everyone",
        "nobody",
        "anybody",
        "folk",
        "folks",
        "committee",
    ]
)


# said to keep things warm, never a need: "Hope that's OK x", "Love you, I guess", "Can't wait", "Speak soon";
# sympathy and a run-up about the message itself: "Totally understand if things are hectic", "I don't even know
# how to start this"
_PHATIC = re.compile(
    r"^(?:(?:i\s+)?(?:totally\s+|completely\s+|fully\s+|do\s+)?understand if\b[^.?!]{0,40}$|"
    # patience said in sarcasm beside a deadline: "Take your time.", "No rush at all"
    r"(?:oh,?\s+)?(?:take (?:your|all the) time(?: you need)?|no rush(?: at all)?|no hurry)\W*$|"
    # a sign-off wish: "Enjoy your long weekend!", "Have a lovely break."
    r"(?:enjoy|have)\s+(?:your|the|a)\s+(?:(?:lovely|nice|good|great|long|well-earned)\s+)*(?:weekend|break|holiday|"
    r"evening|day|trip|time off|half term|christmas|summer)\W*$|"
    r"i (?:don'?t|do not) (?:even |really )?know how to (?:start|say|begin|put|word|write)\b[^.?!]{0,40}$|"
    # a run-up, not an offer: "I'll be straight with you"
    r"(?:i'?ll|i will|let me|(?:i|we) (?:want|wanna|would like|'d like|have|need|must)(?: to)?) be (?:straight|honest|frank|"
    r"blunt|upfront|clear|real|open) with (?:you|u|ye)\W*$|"
    # who is writing: "its Jodie's mum", "This is Callum's dad"
    r"(?:it'?s|its|this is|it is)\s+[\w'-]+(?:'s|s'|’s)\s+(?:mum|mom|mam|mother|dad|father|nan|gran|grandma|grandad|carer|"
    r"guardian|auntie|aunt|uncle)\W*$|"
    # an offer tacked on the end: "Let me know if you want me to trial the pistachio tart"
    r"(?:just |do )?let me know if (?:you|u) (?:want|need|'?d like|would like) me to\b|"
    r"hope\b|love (?:you|ya|u)\b|miss (?:you|u)\b|thanks?\b|thank you\b|cheers\b|can'?t wait\b|speak soon|"
    r"talk soon|see you\b|bye\b|x+$|lol$|haha|small world|i hope (?:this|that|it)(?:'s| is) (?:ok|okay|alright|fine)\b|(?:lovely|nice|good|great|glad|so glad) to hear (?:from (?:you|u)|that|(?:you|u)(?:'re| are)?)\b|fair enough|never mind|funny (?:that|how)|just saying|"
    r"(?:how )?(?:lovely|brilliant|great|wonderful|fab|perfect)$|"
    # a greeting said as a sentence of its own: "Hello neighbour.", "Hi Tom."
    r"(?:hi|hello|hey|hiya|howdy|dear|morning|evening|good (?:morning|afternoon|evening|day))\b[\w' ]{0,25}$)",
    re.I,
)


# a date said before an order to the reader: "Until 15 May you must cut it", "By Friday, you need to..."
_DATE_FIRST = re.compile(
    r"^(?:by|before|until|till|til|no later than)\s+(?P<when>(?:the\s+)?[\w/.-]+(?:\s+[\w/.-]+){0,2}?),?\s+"
    r"(?P<rest>(?:you|u)\s*(?:must|need to|have to|'ve got to|should|gotta|got to)\s+.+)$",
    re.I,
)
# a reminder that it was asked before is no request: "I ask you before two times", "we have asked already"
_ASKED_ALREADY = re.compile(
    r"^(?:i|we)\s+(?:have\s+|'ve\s+|already\s+)*ask(?:ed)?\b(?:\s+(?:you|u))?\s+"
    r"(?:before|already|again|twice|\w+ times|many|several|so many|over and over)\b",
    re.I,
)


def _dated_last(sentence: str) -> str:
    """ "Until Friday you must move the car or I'll have it towed" -> "you must move the car by Friday or I'll
    have it towed": the date said first is when the order is due, said where the order ends."""
    dated = _DATE_FIRST.match(sentence)
    if dated is None:
        return sentence
    rest, when = dated.group("rest"), dated.group("when")
    # ...or at the last 'or' / 'otherwise' ("or I go to the lawyer", "or your place will be cancelled")
    tail = OR_ELSE.search(rest) or re.search(
        r"(?<=\w),?\s+(?:or else|or|otherwise)\s+(?!.*\b(?:or|otherwise)\b)", rest, re.I
    )
    if tail is None:
        return f"{rest.rstrip(' .!?')} by {when}"
    return f"{rest[: tail.start()].rstrip(' ,')} by {when}{',' if rest[tail.start() - 1] == ',' else ''} {rest[tail.start() :].lstrip(' ,')}"


def _need_or_reason(sentence: str, parts: Parts, phrasing: Phrasing, condition: bool = False) -> None:
    # asides are not the need: "(see the inventory photographs)", ", which was already worn when we moved in"
    sentence = re.sub(r"\s*\([^()]*\)", "", sentence)
    sentence = re.sub(r",\s*which\b[^,]*(?=,|$)", "", sentence)
    sentence = re.sub(  # "..., as you will recall": said to the reader, not a reason
        r",?\s*as you (?:will |may |might |well |already )?(?:know|recall|remember|are aware|can see)\b",
        "",
        sentence,
        flags=re.I,
    )
    sentence = _clean(_BULLET_MARK.sub("", sentence))  # "• I need a backfill": the bullet is no word of the need
    dated = _DATE_FIRST.match(sentence)
    if dated:
        # "Until 15 May you must cut it" -> "you must cut it by 15 May": the date said first is when it is due
        sentence = f"{dated.group('rest')} by {dated.group('when')}"
    if not sentence or is_lever_sentence(sentence, phrasing) or (_PHATIC.match(sentence) and not condition):
        return
    reason = _REASON.search(sentence)
    if reason and reason.start() > 0:
        parts.reasons.append(reason.group(1).strip(" .,"))
        sentence = sentence[: reason.start()].strip(" ,")
    elif reason:
        parts.reasons.append(reason.group(1).strip(" .,"))
        return
    if not sentence:
        return
    if condition:
        parts.conditional = True
        # what the threat hangs on is the need; statements said before it are its context
        while parts.needs and not _request_shaped(parts.needs[-1]):
            parts.context.append(parts.needs.pop())
        parts.needs.insert(0, sentence)
        return
    if parts.needs and not _request_shaped(sentence):
        parts.context.append(sentence)
        return
    if parts.needs and _request_shaped(sentence) and not _request_shaped(parts.needs[0]):
        parts.context.append(parts.needs.pop(0))  # a complaint, then the request: the request is the need
    parts.needs.append(sentence)


# someone else's duty said as theirs: "He needs to be back by 6", "The kids have to be in bed by 8", "Sam must pay"
_THIRD_PERSON_NEED = re.compile(
    # "The kids' school uniform money, £60, needs to be with me by Friday": an amount said beside it is part of it
    r"^(?P<who>he|she|they|(?-i:[A-Z][a-z]+)|(?:the|your|my|our|his|her|their) [\w' -]{1,30}?(?:,\s*[£$€R₦]?[\d,.]+k?,)?)\s+"
    r"(?:(?:needs|need|has|have|got) to|must|should)\s+(?P<what>(?!be (?:nice|great|good)\b)\w.*)$",
    re.I,
)


def need_sentence(need: str, phrasing: Phrasing) -> str:
    """A need in the speaker's own voice, as a statement: 'pay me back by Friday' -> 'I need you to pay me back by Friday'."""
    need = phrasing.blame_pattern.sub("", need)
    need = re.sub(r"\s{2,}", " ", need).strip(" ,.!?")
    for pattern, form in _SECOND_TO_NEED:
        m = pattern.match(need)
        if m:
            return sentence_case(form.format(m.group(1).strip()))
    third = _THIRD_PERSON_NEED.match(need)
    if third:  # "He needs to be back by 6 on Sundays" -> "I need him to be back by 6 on Sundays"
        who = third.group("who")
        who = OBJECT_FORM.get(who.lower(), _lower_first(who))
        return sentence_case(f"I need {who} to {third.group('what')}")
    both = re.match(
        r"^we\s+(?!(?:need|want|have|had|were|was|are|can'?t|cannot|won'?t|don'?t|didn'?t|never|always|used)\b)"
        r"((?:start|stop|go|get|see|talk|sit|sort|book|try|agree|find|make|split|take|keep|move|sell|share|pay|spend|"
        r"set|meet|work|look|put|have)\w*\b.*)$",
        need,
        re.I,
    )
    if both:  # "Either we start seeing someone together, or I'm moving out" -> "I need us to start seeing someone"
        return sentence_case(f"I need us to {both.group(1)}")
    own = re.match(r"^(?:need|want)\s+(?!to\b)(.+)$", need, re.I)
    if own:  # "need ur share of the bills by sunday": the writer's own need, with the 'I' left out
        return sentence_case(f"I need {own.group(1)}")
    wish = _WOULD_BE_GREAT.match(need)
    if wish:  # "it'd be great if the grievance was withdrawn" -> "I need the grievance withdrawn"
        said = re.sub(r"^(?:you|u)\s+(?:could\s+)?(?:maybe\s+)?", "you to ", wish.group(1), flags=re.I)
        said = re.sub(r"^(.+?)\s+(?:was|were|is|are|got|get)\s+(\w+(?:ed|en|wn))\b", r"\1 \2", said, count=1)
        return sentence_case(f"I need {said}")
    if starts_with_verb(need):
        return sentence_case(f"I need you to {need[0].lower() + need[1:]}")
    if _VERBLESS_NEED.match(need) or re.match(
        # "the £30 you owe me for the ticket by saturday": a thing, with who owes it said inside
        r"^(?:the|my|that|this)\s+[\w£$€,.' -]{1,30}?\s+(?:you|u)\s+(?:still\s+)?owe\s+(?:me|us)\b",
        need,
        re.I,
    ):
        return sentence_case(f"I need {lower_initial(need)}")
    passive = _PASSIVE_NEED.match(need)
    if passive and not re.match(r"^(?:i|we|you|it|this|that)\b", need, re.I):
        subject = passive.group(1)
        return sentence_case(f"I need {subject[0].lower() + subject[1:]} {passive.group(2)}{passive.group(3)}")
    return sentence_case(need)


# who did it, unnamed: "Whoever keeps eating my labelled food", "anyone who parks in bay 14"
_WHO_DID_IT = r"whoever|anyone who|the person who"


def _need_question(need: str) -> str | None:
    m = re.match(r"^I need you (not )?to (.+)$", need)
    if m:
        return f"Could you {m.group(1) or ''}{m.group(2)}?"
    m = re.match(r"^I need us to (.+)$", need)
    if m:  # "I need us to go in spring" -> "Could we go in spring?"
        return f"Could we {m.group(1)}?"
    m = re.match(r"^I need (him|her|them) to (.+)$", need)
    if m:  # "I need him to pay his share" -> "Could he pay his share?"
        return f"Could {SUBJECT_FORM[m.group(1)]} {m.group(2)}?"
    m = re.match(
        r"^I need ((?:(?:the|your|my|our|his|her|their|a|an|someone|somebody|everyone|everybody)\b|[A-Z])[^.?!]*?) to (\w+)\b(.*)$",
        need,
    )
    # "I need the tombola given back to me": a thing and the state wanted for it, not someone to do something
    # ("I need your leylandii cut down to two metres": 'to' before an amount is how far, not someone to act)
    if m and not any(w.tag in {"VBN", "VBD"} for w in tag(m.group(1))) and _verb_after_to(f"{m.group(2)}{m.group(3)}"):
        return f"Could {m.group(1)} {m.group(2)}{m.group(3)}?"
    # "I need whoever keeps eating my labelled food to stop" -> "Could whoever keeps eating my labelled food stop?"
    m = re.match(r"^I need ((?:" + _WHO_DID_IT + r")\b[^.?!]*?) to (\w+)\b(.*)$", need)
    if m and _verb_after_to(f"{m.group(2)}{m.group(3)}"):
        return f"Could {m.group(1)} {m.group(2)}{m.group(3)}?"
    m = re.match(r"^I need (.+)$", need)
    if m and not re.match(r"^(?:to|a break|some time|him|her|them)\b", m.group(1)):
        return f"Could I have {m.group(1)}?"
    return None


def _verb_after_to(rest: str) -> bool:
    """Whether what follows 'to' is something to do ("ring me", "now improve"), not how far ("two metres")."""
    words = [w for w in tag(f"to {rest}") if w.text.strip()][1:]
    first = next((w for w in words if not w.tag.startswith("RB")), None)
    return first is not None and first.tag == "VB"


def _names_something(need: str) -> bool:
    """Whether a need names what it is about: a noun that is not only when ("a date by Wednesday", "confirm by
    the end of this week" name nothing), an amount ("£2,000"), or a count of days ("three days remote, two in")."""
    words = tag(need)
    return any(
        w.tag == "$"
        or (w.tag.startswith("NN") and w.lower not in _SAYS_NOTHING)
        or (w.lower in _TIME_UNITS and i > 0 and words[i - 1].tag == "CD")
        for i, w in enumerate(words)
    )


def _nounish(words: Sequence[Word]) -> bool:
    """A noun, or an amount of money ('£300')."""
    return any(x.tag.startswith("NN") for x in words) or any(x.tag == "$" for x in words)


def _noun_chunks(text: str) -> list[list[Word]]:
    """The noun phrases of a text in order: runs of determiners, adjectives, nouns and numbers that hold a noun
    ("the Monday stand-ups": a hyphen joins its words; "the committee's" before a verb is "the committee is")."""
    chunks: list[list[Word]] = []
    current: list[Word] = []

    def close() -> None:
        nonlocal current
        while current and current[-1].tag in {"POS", "HYPH"}:
            current = current[:-1]
        if _nounish(current) and not all(
            w.lower in _NOT_A_TOPIC or w.tag in {"DT", "CD"} or w.lower in _HOW_OFTEN for w in current
        ):  # "every single night", "the whole week": when, however it is said
            chunks.append(current)
        current = []

    for w in [w for w in tag(text) if w.text.strip()]:
        joined = bool(current) and (current[-1].tag == "HYPH" or (w.tag == "HYPH" and not w.space))
        if w.tag in {"DT", "PRP$", "JJ", "NN", "NNS", "NNP", "CD", "$"} or (current and w.tag == "POS") or joined:
            current.append(w)
            continue
        close()
    close()
    return chunks


_HOW_OFTEN = frozenset(["every", "single", "each", "whole", "entire", "other", "last", "next", "same"])
# what says when, never what: a noun phrase of these alone is no topic ("the 31st", "end of the week")
_TIME_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "tomorrow",
        "tonight",
        "week",
        "weekend",
        "month",
        "year",
        "day",
        "days",
        "weeks",
        "months",
        "morning",
        "midnight",
        "midday",
        "noon",
        "afternoon",
        "evening",
        "night",
        "time",
        "date",
        "deadline",
        "end",
        "start",
        "1st",
        "2nd",
        "3rd",
        "4th",
        "5th",
        "6th",
        "7th",
        "8th",
        "9th",
        "10th",
        "11th",
        "12th",
        "13th",
        "14th",
        "15th",
        "16th",
        "17th",
        "18th",
        "19th",
        "20th",
        "21st",
        "22nd",
        "23rd",
        "24th",
        "25th",
        "26th",
        "27th",
        "28th",
        "29th",
        "30th",
        "31st",
        "due",
        "asap",
    ]
)
_TIME_UNITS = frozenset(["week", "weekend", "month", "year", "day", "days", "weeks", "months"])
_NOT_A_TOPIC = _TIME_WORDS | frozenset(
    [
        # "Be a shame if anything happened to...": what the hint calls it, never what it is about
        "shame",
        "pity",
        # "I asked you before two times": how often, never what
        "time",
        "times",
        "anyone",
        "anybody",
        "everyone",
        "everybody",
        "someone",
        "somebody",
        "nobody",
        "nothing",
        "anything",
        "everything",
        "something",
    ]
)
# what a need may name and still say nothing of what it is about: "I need a date by Wednesday", "an answer by Friday"
_SAYS_NOTHING = (
    _NOT_A_TOPIC
    | _LIGHT_NOUNS
    | frozenset(
        [
            "answer",
            "answers",
            "response",
            "reply",
            "decision",
            "confirmation",
            "update",
            "date",
            "word",
            "yes",
            "no",
            "one",
        ]
    )
)


# a day or a date is when, never what ("its the 9th" is not what 'it' points back to)
_DATE_WORD = re.compile(
    r"^(?:\d+(?:st|nd|rd|th)|its|(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|june|july|"
    r"august|september|october|november|december|today|tomorrow|tonight|yesterday)$"
)


def topic_of(text: str, first: bool = False, thing: bool = False, plural: bool = False) -> str | None:
    """The main noun phrase of a need ('the rent', 'the damp in the bedroom'), for a plain question;
    with ``first``, the first noun phrase (what a sentence opens on is usually what 'it' points back to);
    with ``thing``, none that names a person or a name ('it' is the medicine, not "my sister"), and with
    ``plural`` a plural one first."""
    # "a look", "a chat": a light noun is never what a message is about
    chunks = [
        c
        for c in _noun_chunks(text)
        if any(
            w.tag == "$" or (w.tag.startswith("NN") and w.lower not in _LIGHT_NOUNS and not _DATE_WORD.match(w.lower))
            for w in c
        )
    ]
    if thing:
        chunks = [
            c
            for c in chunks
            if not (c[-1].tag in {"NNP", "NNPS"} or c[-1].lower in _PERSON)
            and not (c[-1].tag.startswith("NN") and c[-1].lower.endswith("in"))  # "waitin": a verb without its g
        ]
        if plural:
            chunks = [c for c in chunks if c[-1].tag in {"NNS", "NNPS"}] or chunks
        chunks = [[w for w in c if w.lower not in {"them", "dem"}] for c in chunks]  # "them cake stands"
        chunks = [c for c in chunks if c]
    if not chunks:
        return None
    best = chunks[0] if first else max(chunks, key=len)  # the first of the longest on a tie
    phrase = join(best)
    phrase = re.sub(r"^(?:my|your|our|his|her|their)\b", "the", phrase, flags=re.I)
    if not re.match(r"^(?:the|a|an|this|that|these|those|\d|£|\$)", phrase, re.I):
        phrase = "the " + phrase
    # a word in capitals is shouted ("BINS."), unless it is a short acronym ("the NHS", "VAT")
    phrase = re.sub(
        r"\b[A-Z]{4,}\b", lambda m: m.group(0).lower() if re.search("[AEIOU]", m.group(0)) else m.group(0), phrase
    )
    # an amount keeps its currency's letters: "R12 000", "RM1,600", "GH₵ 4,500"
    return phrase.lower() if not re.search(r"[A-Z]{2,}|£|\$|[₵€¥₹]|\b[A-Z]{1,3}\s?\d", phrase) else phrase


# who or what a threat calls in: never the topic of a plain question about it
_AUTHORITY = re.compile(
    r"\b(?:council|police|cops?|court|judge|lawyer|solicitor|ombudsman|tribunal|hr|management|manager|agency|bailiffs?|"
    r"landlord|review|reviews|press|social media|group chat|union|boss|head|headteacher|director|board|bank|"
    r"notice|deposit|lease|tenancy|contract|solicitors|authorities|inspector|officer|ballot|strike|action|"
    r"everyone|everybody|people|time|times|way|thing|things|lot|bit|"
    # a relative called in ("Do you really want me to call your mother about this?") and a judging body
    r"mother|mum|mom|father|dad|parents|governing body|governors|trustees|committee)\b",
    re.I,
)


def _first_topic(sentence: str, phrasing: Phrasing) -> str | None:
    """The first noun phrase of a sentence that is not what a threat calls in ('Touch my car again and
    you'll hear from the police' -> 'the car'), for a question that keeps the topic; None when there is none."""
    for chunk in _noun_chunks(sentence):
        phrase = topic_of(join(chunk))
        if phrase and not _AUTHORITY.search(phrase) and not phrasing.lever_pattern.search(phrase.lower()):
            return phrase
    return None


class Reframer:
    """Builds and checks reframes for messages the drift check called ultimatums."""

    def __init__(
        self, phrasing: Phrasing, level_of: LevelOf, levels_of: Callable[[Sequence[str]], list[str]] | None = None
    ) -> None:
        self.phrasing = phrasing
        self.level_of = level_of
        # the content words of every reframe template, placeholders left out: ours, never a lever's
        self.template_words = frozenset(
            _content(" ".join(re.sub(r"\{\w+\}", " ", t) for ts in phrasing.reframes.values() for t in ts))
        )
        # the candidates' levels in one batch (one embedding pass) when the caller can do that
        self.levels_of = levels_of or (lambda texts: [level_of(t) for t in texts])

    def reframes(self, text: str, kinds: Sequence[str]) -> list[str]:
        """Two or three phrasings that keep the need and drop the lever, each checked; at least one."""
        return self.reframes_and_levers(text, kinds)[0]

    def reframes_and_levers(self, text: str, kinds: Sequence[str]) -> tuple[list[str], list[str]]:
        """The reframes, and the parts of the message set aside as the lever (to show why it was flagged)."""
        parts = parts_of(text, self.phrasing, self.level_of)
        return self._reframes(parts, text, kinds), list(parts.levers)

    def _reframes(self, parts: Parts, text: str, kinds: Sequence[str]) -> list[str]:
        kind = kinds[0] if kinds else "threat"
        if parts.items and kind != "non-negotiable-list":
            kind = "non-negotiable-list"
        elif parts.offer and kind not in {"final-offer"}:
            kind = "final-offer"
        if parts.worry and parts.needs and not parts.conditional and not _request_shaped(parts.needs[0]):
            parts.context.insert(0, parts.needs.pop(0))  # a statement beside a worry is its context, not a need
        slots = self._slots(parts)
        candidates = []
        own = self.phrasing.reframes.get(kind, [])
        # the one item, or the offer, is the point of a list or a final offer: no need-shaped extras beside it
        extras = (parts.needs or parts.worry) and not parts.items and not parts.offer
        threat = self.phrasing.reframes["threat"] if extras else []
        # notice given ("I'm stepping down as director", "take this as notice that...") with what it protests:
        # the grievance is what to talk about, and a pause from "this conversation" fits no resignation
        notice = any(_NOTICE_GIVEN.search(lever) for lever in parts.levers)
        if kind in {"walkout", "cut-off"} and (parts.conditional or notice or _HANGS_ON_A_CONDITION.search(text)):
            # "if X, I'm out" and "X or I'm moving out" are a condition to talk about, not a pause: "I need a
            # break from this conversation" would put words in the writer's mouth, so the pause is offered only
            # when nothing else can be said
            own, threat = (threat, []) if threat else (threat, own)
        for template in own + threat:
            if placeholders(template) - {k for k, v in slots.items() if v is not None}:
                continue
            filled = template.format(**{k: v or "" for k, v in slots.items()})
            candidates.append(_tidy(filled))
        safe = _fullest(self.checked(candidates, text, parts), slots)
        if not safe and parts.needs:
            # a "need" that reads as a threat on its own ("just remember I know your bank pin") is lever the
            # parts reader took for a need: set it aside and build again from what is left
            threats = [n for n, lv in zip(parts.needs, self.levels_of(parts.needs), strict=True) if lv == "ultimatum"]
            if threats:
                parts.levers.extend(threats)
                parts.needs = [n for n in parts.needs if n not in threats]
                return self._reframes(parts, text, kinds)
        if not safe:
            safe = self.checked(self._fallbacks(parts), text, parts) or [self.phrasing.fallback]
        return safe[:3]

    def checked(self, candidates: Sequence[str], original: str, parts: Parts) -> list[str]:
        """Only the phrasings that carry none of the lever and read as open or firm, without repeats."""
        keep: list[str] = []
        kept_parts = parts.needs + parts.reasons + ([parts.offer] if parts.offer else []) + parts.items
        allowed = " ".join(kept_parts + ([parts.worry] if parts.worry else [])).lower()
        # what the dispute is about ("my bike" in "ive lent u my bike 4 times...") may be named in a sentence read
        # as lever; the consequence's own words are what must go
        about = {t for t in (_first_topic(x, self.phrasing) for x in parts.levers) if t}
        # what the person said around the need and not as lever ("Three days remote, two in") may be said again
        context = " ".join(c for c in parts.context if not is_lever_sentence(c, self.phrasing))
        lever_words = (
            _content(" ".join(parts.levers))
            - _content(f"{allowed} {context}")
            # the templates' own words ("I need you to...") are ours, never what the lever said
            - self.template_words
            - _content(" ".join(about))
            - _content(" ".join(parts.pointed))
        )
        plausible: list[str] = []
        for c in candidates:
            if not c or c in plausible:
                continue
            if _content(c) & lever_words:
                continue  # it still carries the consequence's words
            if self.wording_problem(c, original, allowed) is None:
                plausible.append(c)
        # each sentence is checked on its own too: a threat carried inside a friendly template ("I need you
        # to break them, you're off the lease") is diluted by the words around it, not gone; a run of the
        # listed demands alone ("the tenancy permits one pet, arrears of £640 are to be cleared in full...") is
        # what was asked, said bluntly, and carries no consequence of its own
        listed = _content(" ".join(parts.items))
        # so is a part of the writer's own proposal that reads as open as a whole ("I take the sofa and the telly,
        # you keep the car and the bikes": its second half alone sounds like an order)
        # (the items too, when each reads as open on its own: "anyone who can't respect that can stay home" is no item)
        own_levels = self.levels_of(parts.needs + parts.items) if plausible and (parts.needs or parts.items) else []
        need_levels, item_levels = own_levels[: len(parts.needs)], own_levels[len(parts.needs) :]
        own = _content(" ".join(x for x, lv in zip(parts.needs, need_levels, strict=False) if lv != "ultimatum"))
        calm_items = [x for x, lv in zip(parts.items, item_levels, strict=False) if lv != "ultimatum"]
        # (and what went wrong, said as it stands with no threat word in it, is what the need is about)
        own |= _content(" ".join(parts.grievances))
        pieces = [
            [
                x
                for sentence in _REFRAME_SENTENCES.split(c)
                for x in _FOLLOW_ON.split(sentence)[1:]
                if len(x.split()) >= 4 and not (listed and _content(x) <= listed) and not (own and _content(x) <= own)
            ]
            for c in plausible
        ]
        flat = [x for group in pieces for x in group]
        # the listed demands are what was asked: the whole is read without them ("...and we're finished by
        # midnight" is the party's end, not the relationship's)
        probes = [_without_items(c, calm_items) for c in plausible]
        levels = self.levels_of(probes + flat) if plausible else []
        whole, each = levels[: len(plausible)], iter(levels[len(plausible) :])
        for c, level, group in zip(plausible, whole, pieces, strict=True):
            sentence_levels = [next(each) for _ in group]
            if level == "ultimatum" or "ultimatum" in sentence_levels:
                continue
            if not any(_same_gist(c, k) for k in keep):
                keep.append(c)
        return keep

    def problem(self, reframe: str, original: str, allowed: str = "") -> str | None:
        """Why a reframe may not be shown, or None: the check every reframe passes, offline or from an LLM."""
        wording = self.wording_problem(reframe, original, allowed)
        if wording is not None:
            return wording
        if self.level_of(reframe) == "ultimatum":
            return "it still reads as an ultimatum"
        return None

    def wording_problem(self, reframe: str, original: str, allowed: str = "") -> str | None:
        """The checks on a reframe's words alone (no classifier): lever words, repeats, copying, case."""
        lowered = reframe.lower()
        for m in self.phrasing.lever_pattern.finditer(lowered):
            if m.group(0) not in allowed:
                return f"it still carries the lever ('{m.group(0)}')"
        if re.search(r"\b(\w+(?:\s+\w+){2,})\W+\1\b", lowered):
            return "it repeats itself"
        if _copies(reframe, original):
            return "it repeats the original message"
        left = OR_ELSE.search(reframe)
        if left and left.group(0).strip(" ,").lower() not in allowed:
            return f"it still says what happens otherwise ('{left.group(0).strip(' ,')}')"
        tacked = tacked_on_consequence(reframe)
        if tacked:  # even when the parts reader took it for the need: a need never carries its own penalty
            return f"it still carries a consequence ('{tacked}')"
        if re.search(r"(?:^|[\s.!?])i(?:\s|'(?:m|ll|d|ve)\b)", reframe):
            return "it has a lower-case 'i'"
        broken = _BROKEN.search(reframe)
        if broken:  # "I'm worried about I not doing...", "I need he needs...", "not being been": not sent garbled
            return f"its grammar is broken ('{broken.group(0)}')"
        for m in _ASKS_YOU_TO.finditer(reframe):
            # "I need you to civil to Dan", "Could you sure, keep letting him...": what follows must be a verb
            # tagged after a bare 'you' ("you civil to Dan" reads JJ; after "you to" the tagger guesses VB)
            words = [w for w in tag("you " + reframe[m.end() :].strip()) if w.text.strip()]
            first = words[1] if len(words) > 1 else None
            if (
                first is not None
                and len(words) > 2
                and first.lower in {"do", "does"}
                and words[2].lower in {"n't", "not"}
            ):
                return f"it asks for a 'don't' as if it were an action ('{m.group(0)} {first.text}{words[2].text}')"
            if first is not None and not (
                first.tag in {"VB", "VBP"} or (first.tag in {"RB", "MD"} and first.lower in _ACTION_ADVERBS)
            ):
                return f"it asks for something that is not an action ('{m.group(0)} {first.text}')"
        return None

    def _slots(self, parts: Parts) -> dict[str, str | None]:
        pronoun = (
            re.match(
                # ...or the thing asked for: "Please drop them to the office by Saturday noon"
                r"^(?:(?:they|these|those)\b(?=\s+(?:must|need|needs|should|have|has|are|will)\b)|"
                r"(?:please\s+|kindly\s+)?(?:drop|bring|return|hand|send|give|put|pass|post|leave)\s+(?P<them>them)\b"
                r"(?=\s+(?:back|in|to|round|over|at|by)\b))",
                parts.needs[0],
                re.I,
            )
            if (parts.needs and parts.said)
            else None
        )
        # "They must be returned by Saturday": what 'they' are was said before ("the spare set of hall keys")
        if pronoun:
            at = next((i for i, x in enumerate(parts.said) if parts.needs[0] in x or x in parts.needs[0]), 0)
            before = parts.said[at - 1] if at > 0 else ""
            # only a plain "the hall keys": one such thing said before, a determiner, nouns and what describes them
            plural = [
                c
                for c in _noun_chunks(before)
                if c
                and len(c) <= 4
                # "the receipts", or nouns alone after "of" ("hall keys"), never a lone "loads"
                and (c[0].tag in {"DT", "PRP$"} or (len(c) >= 2 and c[0].tag in {"NN", "NNP"}))
                and c[-1].tag in {"NNS", "NNPS"}
                and all(w.tag in {"JJ", "NN", "NNS", "NNP", "NNPS", "VBG"} for w in c[1:])
            ]
            if len(plural) > 1 and before.lower().startswith(join(plural[0]).lower()):
                plural = plural[1:]  # "The scouts still have the hall keys. They must be returned": not the scouts
            if len(plural) == 1:
                said = join(plural[-1])
                said = (
                    said if re.match(r"^(?:the|your|my|our|his|her|their|those|these)\b", said, re.I) else f"the {said}"
                )
                if pronoun.group("them"):
                    need0 = parts.needs[0]
                    parts.needs[0] = need0[: pronoun.start("them")] + _mid_sentence(said) + need0[pronoun.end("them") :]
                else:
                    parts.needs[0] = said[0].upper() + said[1:] + parts.needs[0][pronoun.end() :]
        need_text = " ".join(parts.needs[:2]) if parts.needs else None
        need = need_sentence(parts.needs[0], self.phrasing) if parts.needs else None
        context_parts = [
            c
            for c in parts.context
            if not is_lever_sentence(c, self.phrasing) and not _POINTS_ONLY.match(c) and not _PHATIC.match(_clean(c))
        ]
        # "have a look", "give it a go": a light noun says no more than 'sort it out' does
        it = re.search(r"(?<=\w )it\b(?!['’])", need) if need else None
        # "I ask you before two times" says it was asked, not what: no lead for a need that names nothing
        lead_pool = [c for c in context_parts if not _ASKED_ALREADY.match(c)] or parts.reasons
        at = _said_at(parts, parts.needs[0]) if parts.needs else -1
        if (
            need
            and it
            and parts.said
            and not _names_something(need)
            and (not lead_pool or (at >= 0 and _said_at(parts, lead_pool[0]) > at))
        ):
            # "I need it paid by 30th April": what 'it' is, said before, names the need better than a lead
            # sentence that may be a pleasantry ("I am sorry, but I have no choice")
            topic = _topic_outside(parts, parts.needs[0], thing=True)
            if topic and topic.lower() not in need.lower():
                need = need[: it.start()] + topic + need[it.end() :]
                parts.pointed.append(topic)
        led = bool(need and not _names_something(need) and lead_pool)
        if need and led:
            # 'sort it out' says nothing alone: the sentence before it says what 'it' is
            said = lead_pool[0]
            (context_parts if said in context_parts else parts.reasons).remove(said)
            # "Please, the balance is still outstanding": the 'please' asks nothing once the need is said after it
            said = re.sub(r"^please\s*,\s*", "", said, flags=re.I)
            lead = sentence_case(self.phrasing.blame_pattern.sub("", said).strip(" ,."))
            whoever = re.match(r"^(?:" + _WHO_DID_IT + r"|whichever)\b[^.?!:]*$", lead, re.I)
            yours = re.match(r"^I need you to (.+)$", need)
            # "Whoever keeps eating my labelled food. Stop.": who is asked is whoever did it
            need = f"I need {lower_initial(lead)} to {yours.group(1)}" if whoever and yours else f"{lead}. {need}"
            need_text = f"{lead} {need_text}"
        if (
            need
            and len(parts.needs) > 1
            and len(need.split()) < 6
            and not parts.needs[1].lower().startswith("i need")
            # ("I'm asking nicely for a plan" is a sentence of its own, never the tail of "I need one by Friday")
            and not _request_shaped(parts.needs[1])
        ):
            need = need_sentence(parts.needs[0] + " " + parts.needs[1], self.phrasing)
        elif (
            need
            and len(parts.needs) > 1
            and not _names_something(need)
            and _request_shaped(parts.needs[1])
            and _said_at(parts, parts.needs[1]) > -1
            and _said_at(parts, parts.needs[0]) in {-1, *range(_said_at(parts, parts.needs[1]) + 1, len(parts.said))}
        ):
            # "I'm asking nicely for a plan. If I don't get one by Friday...": said first, it says what 'one' is
            need = f"{sentence_case(_clean(parts.needs[1]))}. {need}"
        if need and parts.deadline and parts.deadline.lower() not in need.lower():
            need = f"{need} {parts.deadline}"
        because = None
        if parts.reasons:
            reason = self.phrasing.blame_pattern.sub("", parts.reasons[0]).strip(" ,.")
            # a reason says something happens or is so ("because I start at six"); "because always" or "because a
            # toilet" is a piece cut off, never sent
            said_so = any(w.tag.startswith("VB") or w.tag == "MD" for w in tag(reason)) if reason else False
            because = f", because {_mid_sentence(reason)}" if reason and said_so else None
        context = None
        if context_parts and (need or parts.worry):
            said = sentence_case(self.phrasing.blame_pattern.sub("", context_parts[0]).strip(" ,."))
            context = f"{said}. " if said and 3 <= len(said.split()) <= 25 else None
        # 'it' / 'him' / 'them' in the need points back at what was said before it ("Your dog was barking
        # until 2am. Maybe keep him in at night?" -> "keep your dog in at night"): every phrasing says it,
        # not only the one that leads with the sentence before
        # (in the need's first clause: "..., and I'll explain it to the cousins myself" is the writer's own 'it')
        own_clause = (
            re.split(r",?\s+(?:and|but|so|then)\s+(?:i|we)(?:'ll|’ll|'d|'m)?\s", need, maxsplit=1, flags=re.I)[0]
            if need
            else ""
        )
        pointer = re.search(r"(?<=\w )(?:it|him|them)\b(?!['’])", own_clause) if need and not led else None
        if pointer and re.search(
            r"\b(?:and|but)\s+(?:still\s+)?(?:nobody|no one|no-one|not one \w+)\b[^,]*$",
            own_clause[: pointer.start()],
            re.I,
        ):
            pointer = None  # "the room's been double-booked since May and nobody has sorted it out": 'it' is that
        if need and pointer and parts.said:
            topic = _topic_outside(
                parts, parts.needs[0], thing=pointer.group(0) == "it", plural=pointer.group(0) == "them"
            )
            if (
                topic
                and topic.lower() not in need.lower()
                # "Your leylandii are taking all the light. I want them cut down": the reader's own things
                and (pointer.group(0) == "it" or context is not None or re.match(r"^(?:your|ur)\s", topic, re.I))
            ):
                need = need[: pointer.start()] + topic + need[pointer.end() :]
                parts.pointed.append(topic)
        # "they saying they'll do it" -> "them saying they'll do it": after "worried about", the object form
        worry = (
            re.sub(
                # "I not doing every weekend on my own" -> "me not doing...", "You knowing" -> "you knowing"
                r"^(they|he|she|we|i|you)\s+(?=(?:not\s+|\w+ly\s+)?\w+ing\b)",
                lambda m: object_pronoun(m.group(1)) + " ",
                parts.worry,
                flags=re.I,
            )
            if parts.worry
            else None
        )
        worry_plain = (
            f"I'm worried about {_mid_sentence(worry)}, and I'd rather say so plainly."
            if worry
            else self.phrasing.worry_plain_default
        )
        # "No guests after 11pm" is said mid-sentence ("Rosie the cat" keeps her capital); a leading "that" goes,
        # the template says it where it is needed
        listed = [
            i if tag(i)[0].tag in {"NNP", "NNPS"} and i.split()[0] != "No" else lower_initial(i)
            for i in (re.sub(r"^that\s+", "", x, flags=re.I) for x in parts.items)
            if i.strip()
        ]
        first, rest = (listed[0], listed[1:]) if listed else (None, [])
        # said as people speak ("I'll trade you...", not the formal "I will"), which reads warmer
        offer = (
            _CONTRACT.sub(lambda m: f"{m.group(1)}'{_CONTRACTED[m.group(2).lower()]}", parts.offer)
            if parts.offer
            else None
        )
        # (terms listed with commas, "$142k base, 0.3% equity, remote-first", are said as they are, after a colon)
        offer_said = bool(
            offer
            and (
                re.match(r"^(?:i|we)\b", offer, re.I) or _is_clause(offer) or len(re.findall(r"[,;](?!\d)", offer)) >= 2
            )
        )
        aside = "," if offer and re.search(r",(?!\d)", offer) else ""  # "R8,000 from me": a figure's comma is not one
        return {
            "need": need,
            "invite": (
                self.phrasing.invite_after_request
                if need and _asks(f"{context or ''} {need}")
                else self.phrasing.invite_after_statement
            ),
            "dated": "" if need and (_WHEN.search(need) or _DATED.search(need)) else None,
            "need_sentence": f"{need}. " if need else "",
            "need_question": _need_question(need) if need else None,
            # the need said after the worry, so a worry never stands in for it
            "then_need": f" {need}." if need and need.lower() not in (context or "").lower() else "",
            "because": because or "",
            "context": context or "",
            "concern": (context or "")
            + (f"{need}. " if need else (f"I'm worried about {worry[0].lower() + worry[1:]}. " if worry else "")),
            "deadline": parts.deadline,
            "worry": worry,
            "worry_plain": worry_plain,
            # "£950 a month" is as far as I can go; "we'll split it 50/50" is said as a sentence of its own
            # "the revised offer of 3.5%, backdated to April, is as far as I can go": an aside keeps its closing comma
            "offer": sentence_case(offer) + aside if offer and not offer_said else None,
            "offer_lower": lower_initial(offer) + aside if offer and not offer_said else None,
            "offer_clause": sentence_case(offer) if offer and offer_said else None,
            "offer_clause_lower": lower_initial(offer) if offer and offer_said else None,
            "first": first,
            # "the damp in the bathroom treated" is a thing and the state wanted for it: "getting it treated"
            "first_that": (
                (
                    f"getting {first}"
                    if _participle_item(first)
                    else f"that {first}"
                    if _is_clause(first)
                    # "fix the lift in block C" said as a demand: "it's that you fix the lift", not "it's fix the lift"
                    else f"that you {first}"
                    if starts_with_verb(first) and not re.match(r"^(?:no|not|never)\b", first, re.I)
                    else first
                )
                if first
                else None
            ),
            # "Could we start with you moving out of the spare room?", "...with getting the damp treated?"
            "first_start": _started_with(first) if first and rest else None,
            "rest_open": self.phrasing.rest_open.format(rest=_and_list(rest)) if rest else "",
            "rest": _and_list(rest) if rest else None,
            "rest_unnamed": None if rest else "",
            "topic": topic_of(need_text) if need_text else None,
            "walk_topic": self._walk_topic(parts),
        }

    def _walk_topic(self, parts: Parts) -> str | None:
        """What a walkout or a closed door was about ("the tree" in "I will not be discussing the tree with you
        any further"), for a pause that keeps the topic; only when no need or worry says more."""
        if parts.needs or parts.worry:
            return None
        topic = self._first_named(parts)
        return topic if topic and _sound_topic(topic, parts.said) else None

    def _first_named(self, parts: Parts) -> str | None:
        """The first thing the message names, sentences without a lever first: a sentence that holds one ("Do it
        one more time and I'll forward the email trail to HR") comes after every sentence that holds none, so
        the grievance is what a question or a pause is about."""
        said_first = [x for x in parts.said if not parts.holds_lever(x) and not _PHATIC.match(x)] + parts.levers
        return next((t for t in (_first_topic(x, self.phrasing) for x in said_first) if t), None)

    def _fallbacks(self, parts: Parts) -> list[str]:
        said = parts.needs or ([parts.worry] if parts.worry else []) or parts.context or parts.items
        topic = topic_of(" ".join(said)) if said else None
        if topic is None:  # nothing but lever: what the threat is about is usually the first thing it names
            topic = self._first_named(parts)
        if topic and _sound_topic(topic, parts.said):
            # the topic says what to talk about; the bare question beside it would only lose it
            return [self.phrasing.fallback_with_topic.format(topic=topic)]
        return [self.phrasing.fallback]


_DOUBLED_DETERMINER = frozenset(
    [
        *["some", "any", "every", "no", "a", "an", "my", "your", "its", "it's", "his", "her", "our", "their"],
        *["this", "that"],
        # "the someone round this week": a pronoun glued after 'the' names nothing to talk about
        *["someone", "somebody", "anyone", "anybody", "everyone", "everybody", "something", "anything", "nothing"],
    ]
)


def _sound_topic(topic: str, said: Sequence[str]) -> bool:
    """False for a topic no one would ask about: a name ("the pádraig", from "Right, Pádraig, here's the deal"),
    or words the chunker glued ("the some ground rules", "the no uncertain terms")."""
    words = topic.split()
    if len(words) >= 2 and words[1].lower() in _DOUBLED_DETERMINER:
        return False
    if len(words) >= 3 and words[0].lower() == "the" and "the" in (w.lower() for w in words[1:3]):
        return False  # "the fur the lunch club": a dialect word glued in front of the thing
    for word in words[1:] if words[0].lower() in {"the", "a", "an"} else words:
        named = word[:1].upper() + word[1:]
        if (
            named == word.lower()
            or _WHEN.match(word)
            or re.match(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", word, re.I)
        ):
            continue  # a day or a month is written with its capital, and is no name
        as_name = re.compile(rf"(?<![.!?]\s)(?<!^)\b{re.escape(named)}\b")
        if any(as_name.search(s) for s in said) and not any(
            re.search(rf"\b{re.escape(word.lower())}\b", s) for s in said
        ):
            return False  # said only with a capital, mid-sentence: someone's name
    return True


_REFRAME_SENTENCES = re.compile(r"(?<=[.?!])\s+")
# a sentence that only points back and names nothing: "That's all it ever was", "That's all I'm asking"
_POINTS_ONLY = re.compile(
    r"^(?:that'?s|that is|this is|it'?s|it is)\s+(?:all|it|what)\b(?:\s+(?:it|i|i'm|i am|we|we're|you|ever|"
    r"really|was|is|have|had|asked|asking|want|wanted|need|needed|said|say|ask))*\W*$",
    re.I,
)
_ACTION_ADVERBS = frozenset(
    [
        "not",
        "never",
        "please",
        "kindly",
        "really",
        "just",
        "also",
        "always",
        "still",
        "maybe",
        "perhaps",
        "possibly",
        "actually",
        "finally",
        "genuinely",
        "simply",
        "only",
    ]
)
_ASKS_YOU_TO = re.compile(r"\b(?:I need you to|Could you|Can you|Would you)(?=\s)")
# a clause with its own subject after a comma inside one sentence of a reframe: where a consequence the
# parts reader missed would hide ("I need you to keep to the rules, you're off the lease otherwise")
_FOLLOW_ON = re.compile(r",\s+(?=(?:and\s+)?(?:you|u|he|she|they|i|we|it|the|your|my|his|her|their)\b)", re.I)
_CONTRACTED = {"will": "ll", "am": "m", "are": "re", "would": "d"}
_CONTRACT = re.compile(r"\b(I|we|We)\s+(will|am|are|would)\b(?!\s+not\b)")


def _started_with(item: str) -> str | None:
    """A listed item said after "start with": a thing as it is ("kids back by 6"), a thing and its wanted state
    as "getting the damp treated", a clause or a demand as a gerund ("you moving out", "me keeping final say");
    None where it cannot be said cleanly (a bullet or a heading left in it, words the tagger cannot read)."""
    if re.search(r"[•:()\u20e3]|^\W", item):
        return None
    # "we need the revised rota published 14 days ahead": what is needed is the thing, not the needing
    item = re.sub(
        r"^(?:i|we) (?:really )?(?:need|want|require|would like|'d like)\s+(?=(?:the|a|an|my|our|your)\b)",
        "",
        item,
        flags=re.I,
    )
    if _participle_item(item):
        return f"getting {item}"
    # "the bus fee hike must be rolled back" -> "the bus fee hike being rolled back"
    item = re.sub(r"\b(?:must|should|shall|will|needs? to|has to|have to|is to|are to)\s+be\b", "being", item)
    if "being" in item.split():
        return item
    if starts_with_verb(item) and not re.match(r"^(?:no|not|never)\b", item, re.I):
        item = f"you {item[0].lower()}{item[1:]}"
    if not _is_clause(item):
        return item
    if re.match(
        r"^(?:the|my|your|our)\b(?:(?!\b(?:is|are|was|were)\b).)*\b(?:what|which|where|how)\s+\w+\s+(?:is|are|was|were)\b",
        item,
        re.I,
    ):
        return item  # "the travel budget back to what it was": a thing, its only verb inside 'what it was'
    words = item.split()
    if not re.match(
        r"^(?:i|we|you|u|he|she|they|it|the|my|your|our|his|her|their|this|that|these|those)$", words[0], re.I
    ):
        return None  # "House rules from now on", "Woh bina bataye...": no clause the tagger can be trusted with
    said = _gerund_clause(item)
    subject = re.match(r"^(i|we|he|she|they)\b", said, re.I)
    if subject:
        said = object_pronoun(subject.group(1)) + said[subject.end() :]
    return re.sub(r"\bbeing to be\b", "being", said)  # "the second dog is to be rehomed"


def _participle_item(item: str) -> bool:
    """True for a thing and the state wanted for it ("the damp in the bathroom treated", "the rent held at its
    level"): the first verb is a past participle straight after a noun, with nothing before it to make a clause."""
    words = [w for w in tag(item) if w.text.strip()]
    # "the leaking roof repaired": a verb in -ing before a noun describes it
    verbs = [
        i
        for i, w in enumerate(words)
        if w.is_verb and not (w.tag == "VBG" and i + 1 < len(words) and words[i + 1].tag.startswith("NN"))
    ]
    if not verbs or not words or words[0].tag not in {"DT", "PRP$"}:
        return False
    first = verbs[0]
    return words[first].tag in {"VBN", "VBD"} and words[first - 1].tag.startswith("NN")


def _is_clause(item: str) -> bool:
    """True for an item that is a whole clause ("Amara stays at her school"), not a noun phrase."""
    words = list(tag(item))
    return any(
        w.tag in {"VBZ", "VBP", "MD"} or (w.tag == "VBD" and words[i - 1].tag not in {"DT", "CD", "JJ", "PRP$"})
        for i, w in enumerate(words)
        if i > 0
    )


def _and_list(items: Sequence[str]) -> str:
    items = [i.strip() for i in items if i.strip()]
    if len(items) <= 1:
        return "".join(items)
    if any("," in i for i in items):  # "no smoking, including the garden; and bins out by Tuesday"
        return "; ".join(items[:-1]) + "; and " + items[-1]
    return ", ".join(items[:-1]) + " and " + items[-1]


# days and months keep their capitals in a reframe, however they were texted ("by friday" -> "by Friday");
# "may" and "march" are words too, so they are left as typed
_CALENDAR = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:january|february|april|june|july|august|september|"
    r"october|november|december)\b"
)


def _without_items(reframe: str, items: Sequence[str]) -> str:
    """The reframe with each listed demand said as "that": what the classifier reads of the words around them."""
    for item in sorted(items, key=len, reverse=True):
        if len(item.split()) >= 2:
            reframe = re.sub(re.escape(item), "that", reframe, flags=re.I)
    return reframe


def _tidy(text: str) -> str:
    text = _CALENDAR.sub(lambda m: m.group(0).capitalize(), plain_spelling(text))
    text = re.sub(r"\s+([,.?!])", r"\1", text)
    text = re.sub(r"([.?!])\s*\.", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    sentences = re.split(r"(?<=[.?!])\s+", text.strip())
    return " ".join(sentence_case(s) for s in sentences if s)


def _content(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z£$0-9']+", text.lower()) if w not in _STOPWORDS and len(w) > 2}


_ASKS = re.compile(
    r"\b(?:must|should|need|needs|has to|have to|due|want|would like|'d like|would welcome|prefer|asking|ask|please|"
    r"by (?:the )?\w+|before|within|until|till|til|today|tonight|tomorrow|(?:you|ye)(?:'ll| will))\b",
    re.I,
)


def _asks(need: str) -> bool:
    """True when a need reads as (or holds) a request ('I need X by Friday', 'Bills money by Sunday'), not only
    a statement ('I've been on hold 45 minutes', 'Lovely to hear your bass at 2am')."""
    return any(_request_shaped(x) or _ASKS.search(x) for x in re.split(r"(?<=[.?!])\s+", need.strip()))


def _fullest(reframes: list[str], slots: dict[str, str | None]) -> list[str]:
    """The phrasings that say as much of what the person is about as the fullest one does: a variant that
    drops 'the fridge still isn't cold' to say 'Timing matters to me here' differs, but not usefully."""
    said = [slots.get(k) for k in ("context", "worry", "need", "walk_topic")]
    topics = [_content(t) for t in (topic_of(x) for x in said if x) if t]
    topics = [t for t in topics if t]
    if len(reframes) < 2 or not topics:
        return reframes

    def covered(reframe: str) -> int:
        words = _content(reframe)
        return sum(1 for t in topics if t & words)

    most = max(covered(r) for r in reframes)
    return [r for r in reframes if covered(r) == most]


def _same_gist(a: str, b: str) -> bool:
    ca, cb = _content(a), _content(b)
    return bool(ca) and ca == cb


def _copies(reframe: str, original: str) -> bool:
    """True when the reframe contains the whole original message (a wrapper, not a reframe)."""
    orig = " ".join(re.findall(r"[\w'£$]+", original.lower()))
    text = " ".join(re.findall(r"[\w'£$]+", reframe.lower()))
    return len(orig.split()) >= 4 and f" {orig} " in f" {text} "
