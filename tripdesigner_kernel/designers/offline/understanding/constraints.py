"""Hard constraints: transport rules, the kind of stay and its house rules, accessibility,
arrival and departure times. Named with TravelPlanner's terms where it has them."""

from __future__ import annotations

import re

from tripdesigner_kernel.designers.offline.understanding.numbers import find_phrases
from tripdesigner_kernel.designers.offline.understanding.request import TripRequest
from tripdesigner_kernel.designers.offline.vocabulary import ACCESSIBILITY_WORDS, AMENITY_WORDS

# A refusal a few words before what is refused: "we'd rather avoid air travel",
# "we will not be self-driving", "please avoid any flight bookings".
_NEGATION = (
    r"\b(?:no|not|never|without|avoid|avoiding|exclude|excluding|do not|does not|cannot|"
    r"(?:don|doesn|didn|isn|aren|wasn|weren|won|wouldn|couldn|shouldn|can|haven|hasn|"
    r"needn|mustn) ?t|nor|rather not|prefer not to|hate|afraid of|fear of|scared of)\b"
)
# Up to six words between the refusal and the thing, none that opens a new clause ("we'll
# not be flying and will presumably drive": the driving is not refused).
_GAP = r"(?: (?!and\b|but\b|so\b|then\b|though\b|although\b|however\b)\S+){0,6}? "
_FLY = r"(?:fly|flying|flights?|flight based|air travel|airplanes?|planes?|airlines?)\b"
_DRIVE = r"(?:self driv\w*|driv\w*|rent(?:ing)? a car|car rentals?|rental cars?)"


def read_transport(folded: str, sentences: list[str], request: TripRequest) -> None:
    """ "No flights", "we prefer not to drive", "train only"; "road trip" is self-driving.

    A refusal counts within its own sentence (``sentences``: each folded)."""
    found: list[str] = []
    refused_flying = any(
        re.search(_NEGATION + _GAP + _FLY, s) and not re.search(r"\b(?:don ?t|do not) mind fl", s)
        for s in sentences
    )
    no_drive = any(re.search(_NEGATION + _GAP + _DRIVE, s) for s in sentences) or re.search(
        r"\b(?:don t|do not|can t|cannot) have a car\b|\bno car\b", folded
    )
    train_only = re.search(
        r"\b(?:(?:by )?(?:trains?|rail) only|only (?:by |take |use )?(?:trains?|rail))\b", folded
    )
    if train_only:
        found.append("train only")
    if train_only or refused_flying:
        found.append("no flight")
    if train_only or no_drive:
        found.append("no self-driving")
    elif re.search(
        r"\b(?:road trip|rent(?:ing)? a (?:car|\w+ that seats)|car rental|rental car|"
        r"drive ourselves|driving ourselves|self driv\w*|by car|drive (?:to|there|down|up|from)|"
        r"(?:we|i) (?:ll|will|want to|"
        r"plan to|re going to|d like to|would like to) drive|we re driving|i m driving)\b",
        folded,
    ):
        found.append("self-driving")
    request.transport = found


# Kinds of stay people name, folded ("B&B" folds to "b b"): the kind the plan books.
LODGING_KINDS = {
    "hostel": r"(?:youth |backpacker s? )?hostels?",
    "B&B": r"b ?b s?|b and b|bnb|bed (?:and|n) breakfasts?",
    "guesthouse": r"guest ?houses?|pensions?|pensiones?|pousadas?|homestays?",
    "apartment": r"airbnbs?|vrbo|holiday (?:lets?|rentals?|apartments?)|vacation rentals?"
    r"|self catering|serviced apartments?|(?:an |a )?(?:apartment|flat|condo)(?! hotel)",
    "ryokan": r"ryokans?",
}
_NOT_THIS_KIND = (
    r"\b(?:no|not|never|hate|avoid|without|rather not|don t want|do not want|not in)"
    r" (?:a |an |any |the )?(?:\w+ )?$"
)


def read_lodging_kind(folded: str) -> str | None:
    """The kind of stay asked for ("hostels are fine": hostel, "we want a B&B": B&B,
    "Airbnb": apartment), or None; a kind refused ("no hostels") is not asked for."""
    for kind, words in LODGING_KINDS.items():
        for match in re.finditer(rf"\b(?:{words})\b", folded):
            if not re.search(_NOT_THIS_KIND, folded[: match.start()]):
                return kind
    return None


def read_lodging(folded: str, request: TripRequest) -> None:
    """The kind of stay and of room, and the house rules the stay must allow."""
    request.lodging_kind = read_lodging_kind(folded)
    if re.search(
        r"\b(?:not|non|neither|never|no|un) shared\b|\bshared\W+(?:\w+ ){0,2}no\b|"
        r"\b(?:aren t|isn t|not be|nothing) shared\b",
        folded,
    ):
        request.accommodation_type = "not shared room"
    elif re.search(
        r"\b(?:entire|whole) (?:room|rooms|home|homes|house|houses|apartment|apartments|flat|"
        r"flats|place|places|unit|units|property)\b|\b(?:rooms?|place|apartment) to ourselves\b",
        folded,
    ):
        request.accommodation_type = "entire room"
    elif re.search(r"\bprivate rooms?\b", folded):
        request.accommodation_type = "private room"
    elif re.search(r"\b(?:shared rooms?|dorms?|dormitory|dormitories|share a room)\b", folded):
        request.accommodation_type = "shared room"
    rules = []
    if re.search(r"\bsmok(?:ing|er|ers|e)\b", folded) and not re.search(
        r"\b(?:non|no|not|without|free of) smok|\bsmok\w* free\b|\bsmoking (?:is )?not\b", folded
    ):
        rules.append("smoking")
    if re.search(
        r"\bparties\b|\bparty (?:friendly|allowed)\b|\bthrow(?:ing)? a party\b|\bhost(?:ing)? "
        r"(?:a )?part(?:y|ies)\b",
        folded,
    ):
        rules.append("parties")
    if re.search(
        r"\b(?:children|kids|child|ones) (?:who are )?(?:under|below|younger than) "
        r"(?:the age of )?(?:10|ten)\b|\b(?:toddlers?|babies|baby|infants?)\b",
        folded,
    ) or any(age is not None and age < 10 for age in request.children):
        rules.append("children under 10")
    if re.search(
        r"\b(?:allow\w*|permit\w*|host\w*|welcom\w*|accept\w*|receiv\w*|accommodat\w*|have|having|"
        r"bring\w*|invit\w*|regarding|for) (?:\w+ ){0,2}visitors?\b|\bvisitors? (?:friendly|"
        r"allowed|are allowed|are welcome|permitted|restrictions?|polic\w+|rules?|over)\b",
        folded,
    ) and not re.search(r"\bno visitors\b", folded):
        rules.append("visitors")
    if re.search(
        r"\bpets?\b|\b(?:our|my|the) (?:dogs?|cats?|puppy|puppies)\b|\bdog friendly\b", folded
    ) and not re.search(r"\b(?:no|without) pets\b", folded):
        rules.append("pets")
    request.house_rules = rules
    request.amenities = [
        amenity
        for amenity in find_phrases(folded, AMENITY_WORDS)
        if not re.search(rf"\b(?:no|without|don t need an?|not) {amenity}\b", folded)
    ]


def read_accessibility(folded: str, request: TripRequest) -> None:
    found: list[str] = []
    for pattern, need in ACCESSIBILITY_WORDS:
        if need not in found and re.search(pattern, folded):
            found.append(need)
    request.accessibility = found


_CLOCK = r"(\d{1,2})(?:[:.h](\d{2}))? ?(am|pm|a m|p m|h|hrs)?\b|\b(noon|midday|midnight)\b"
_ARRIVE = r"\b(?:land|lands|landing|arrive|arrives|arriving|arrival|get in|getting in|gets in)\b"
_LEAVE = (
    r"\b(?:leave|leaves|leaving|depart|departs|departing|departure|fly out|flying out|"
    r"flight (?:home|back|out)|head home|heading home|fly home|flying home|check out)\b"
)


def _clock(match: re.Match[str]) -> str | None:
    hour_text, minutes, half, word = match.groups()
    if word:
        return "00:00" if word == "midnight" else "12:00"
    if not minutes and not half:
        return None  # a bare number is no time of day
    hour = int(hour_text)
    if half in ("pm", "p m") and hour < 12:
        hour += 12
    elif half in ("am", "a m") and hour == 12:
        hour = 0
    if hour > 23 or int(minutes or 0) > 59:
        return None
    return f"{hour:02d}:{int(minutes or 0):02d}"


def _time_after(cue: str, folded_with_colons: str) -> str | None:
    pattern = cue + r"(?: [^\d ]+){0,6}? (?:at|around|about|by|after|before|~)? ?(?:" + _CLOCK + ")"
    for match in re.finditer(pattern, folded_with_colons):
        clock = _clock(match)
        if clock:
            return clock
    return None


def read_times(text: str, request: TripRequest) -> None:
    """ "Landing at 3pm", "our flight leaves at 10:00 on the last day": local HH:MM."""
    lowered = re.sub(r"[^\w:.]+", " ", text.lower()).replace(". ", " ")
    request.arrival_time = _time_after(_ARRIVE, lowered)
    request.departure_time = _time_after(_LEAVE, lowered)
