"""The party: how many travel, which of them are children, and the children's ages."""

from __future__ import annotations

import re

from tripdesigner_kernel.designers.offline.understanding.numbers import NUM, number
from tripdesigner_kernel.designers.offline.understanding.request import TripRequest
from tripdesigner_kernel.designers.offline.vocabulary import CHILD_WORDS, COMPANIONS

_PLURAL = {"children": "child", "kids": "kid", "babies": "baby", "in laws": "in laws"}
_WHO = (
    r"(in laws|grandparents|grandmother|grandfather|grandma|grandpa|children|"
    + "|".join(sorted((w + "s?" for w in COMPANIONS if " " not in w), key=len, reverse=True))
    + r"|kids|babies|infants?)"
)
# A count of the whole party, said outright. "Seats 5 people" (a car) is not one.
_TOTAL = [
    rf"\b(?:family|group|party|team|total) of {NUM}\b(?! (?:cities|days|nights|stops|places))",
    rf"(?<!seats )(?<!sleeps )(?<!fits )(?<!for up to )\b{NUM} (?:people|persons|ppl|pax|"
    rf"travell?ers?|individuals|participants|guests|of us|in total|in our group|of me)\b",
    rf"\b(?:we re|we are|we ll be|we will be|there are|there will be|there ll be|it s|"
    rf"it will be|we re now|we are now|now we re|now we are) (?:now )?(?:a group of )?{NUM}\b"
    r"(?! (?:days?|nights?|weeks?|hours?|stars?|cities|hotel|rooms?|minutes?|years?|kids|"
    r"children|adults))",
    rf"\bfor {NUM}\b(?! (?:days?|nights?|weeks?|months?|hours?|cities|stops|rooms?|"
    r"hotel|stars?|more|minutes?|years?|adults?|kids|children|of)\b)",
    rf"\b{NUM} person\b",
    # "3 friends in Cancun" are the party; "me and 3 friends" are companions (below)
    rf"(?<!with )(?<!and )(?<!plus )(?<!my )(?<!our )\b{NUM} (?:friends|colleagues|buddies)\b",
]
_ADULTS = rf"\b{NUM} (?:adults?|grown ups?|grownups?)\b"
_CHILDREN = rf"\b{NUM} (?:of them (?:are )?)?(?:(?:young|little|small) )?(?:kids?|children|child|toddlers?|babies|baby|infants?|teens?|teenagers?|boys?|girls?)\b"  # noqa: E501
_AGES = (
    r"\b(?:aged?|ages)? ?(\d{1,2}(?:(?: and |, ?| & )\d{1,2})*)"
    r"(?: (?:years? old|yrs?|y o))?\b"
)


def _ages(folded: str, text: str) -> list[int]:
    """Children's ages: "(5 and 8)", "aged 5 and 8", "a 6 year old"."""
    ages: list[int] = []
    for group in re.findall(r"\((\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})*)\)", text):
        ages += [int(a) for a in re.findall(r"\d+", group)]
    for group in re.findall(r"\b(?:aged?|ages) (\d{1,2}(?:(?: and | )\d{1,2})*)\b", folded):
        ages += [int(a) for a in re.findall(r"\d+", group)]
    ages += [int(a) for a in re.findall(r"\b(\d{1,2}) (?:years? old|yr old|y o)\b", folded)]
    return [a for a in ages if a < 18]


def _companions(folded: str) -> tuple[int, int, bool] | None:
    """(people, of whom children, whether the count is guessed) named as companions: "with my
    sister", "me and 3 friends", "with my kids" (two, guessed)."""
    people = children = 0
    guessed = False
    pattern = (
        rf"\b(?:my|our|with|w|and|me|i|plus) (?:the )?(?:({NUM[1:-1]}) (?!years? old))?"
        rf"(?:(?:little|young|small|elderly|old|best|\d{{1,2}} years? old) )?{_WHO}\b"
    )
    for match in re.finditer(pattern, folded):
        count_word, word = match[1], match[2]
        said_whose = re.match(r"\S+ (?:my|our|the|\d|[a-z]+ (?:little|young|small))", match[0])
        if not (said_whose or count_word or match[0].startswith(("my ", "our "))):
            continue  # "for with children", "with friends": a kind of trip, not a count
        if word in COMPANIONS:  # "sister", "parents" (2)
            singular, count = word, COMPANIONS[word]
        else:  # "friends", "kids": as many as said, else two (a guess, said as one)
            singular, count = _PLURAL.get(word, word[:-1]), 2
            guessed = guessed or not count_word
        if count_word and count_word not in ("a", "an"):
            count = number(count_word)
        if singular in CHILD_WORDS:
            children += count
        people += count
    return (people, children, guessed) if people else None


def _is_number(word: str) -> bool:
    try:
        number(word)
    except KeyError:
        return False
    return word not in ("a", "an")


def read_party(folded: str, request: TripRequest, text: str = "") -> None:
    """Travellers in all (adults and children) and the children's ages when said."""
    ages = _ages(folded, text or folded)
    adults = re.search(_ADULTS, folded)
    kids = re.search(_CHILDREN, folded)
    kid_count = number(kids[1]) if kids else 0
    total = None
    for pattern in _TOTAL:
        match = re.search(pattern, folded)
        if match and match[1] not in ("a", "an"):  # "for a week" is no party size
            total = number(match[1])
            break
    companions = _companions(folded)
    if total is None and adults:
        total = number(adults[1]) + kid_count
    if total is None and companions:
        people, children, guessed = companions
        total, kid_count = people + 1, max(kid_count, children)
        request.travelers_guessed = guessed and len(ages) < children
    if total is None:
        if re.search(
            r"\b(a couple|as a couple|we re a couple|honeymoon\w*|duo|the two of us|both of us)\b",
            folded,
        ):
            total = 2
        elif re.search(
            r"\b(solo|alone|by myself|on my own|just me|only me|one person|(?:for|is for) an "
            r"individual|single (?:person|travell?er|adult|individual))\b",
            folded,
        ):
            total = 1
    if total is None:
        return
    request.travelers = total
    if kids or (companions and companions[1]) or ages:
        count = max(kid_count, len(ages))
        request.children = [*ages, *[None] * (count - len(ages))][: max(count, 0)]
