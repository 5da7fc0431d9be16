"""The party: how many travel, which of them are children, and the children's ages."""

from __future__ import annotations

import re

from tripdesigner_kernel.designers.offline.understanding.numbers import NUM, number
from tripdesigner_kernel.designers.offline.understanding.request import TripRequest
from tripdesigner_kernel.designers.offline.vocabulary import CHILD_WORDS, COMPANIONS
from tripdesigner_kernel.knowledge.text import fold

_PLURAL = {
    "children": "child",
    "kids": "kid",
    "babies": "baby",
    "in laws": "in laws",
    "grandchildren": "grandchild",
}
_PLURAL.update({w[:-1] + "ies": w for w in COMPANIONS if w.endswith("y") and w[-2] not in "aeiou"})
_WHO = (
    r"(in laws|grandparents|grandmother|grandfather|grandma|grandpa|children|"
    + "|".join(sorted(_PLURAL, key=len, reverse=True))
    + "|"
    + "|".join(sorted((w + "s?" for w in COMPANIONS if " " not in w), key=len, reverse=True))
    + r"|kids|infants?)"
)
# Ages a child word gives when none is said: a baby is under one, a toddler about two.
_AGE_OF_WORD = {"baby": 0, "babies": 0, "infant": 0, "infants": 0, "toddler": 2, "toddlers": 2}
_CHILD_NOUN = r"(?:kids?|child|children|sons?|daughters?|boys?|girls?|twins)"
_NOT_AGE_AFTER = r"(?! ?(?:days?|nights?|weeks?|months?|hours?|people|adults?|of us|pm|am)\b)"
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
_CHILDREN = rf"(?<!family of )(?<!group of )(?<!party of )\b{NUM} (?:of them (?:are )?)?(?:(?:young|little|small) )?(?:kids?|children|child|toddlers?|babies|baby|infants?|teens?|teenagers?|boys?|girls?)\b"  # noqa: E501
_AGES = (
    r"\b(?:aged?|ages)? ?(\d{1,2}(?:(?: and |, ?| & )\d{1,2})*)"
    r"(?: (?:years? old|yrs?|y o))?\b"
)


_BARE_COMPANION = re.compile(
    r"\b(me|i|myself|me and|i and|and|with|plus) (?=(?:"
    + "|".join(sorted((w for w, n in COMPANIONS.items() if n == 1), key=len, reverse=True))
    + r")\b(?! (?:of|s)\b))"
)


def _ages(folded: str, text: str) -> list[int]:
    """Children's ages: "(5 and 8)", "aged 5 and 8", "a 6 year old"."""
    ages: list[int] = []
    for group in re.findall(r"\((\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})*)\)", text):
        ages += [int(a) for a in re.findall(r"\d+", group)]
    # each age, unless a unit follows it: "aged 6 and 9, 5 days in Rome" has two ages
    age = rf"\d{{1,2}}\b{_NOT_AGE_AFTER}"
    for group in re.findall(rf"\b(?:aged?|ages) ({age}(?:(?: and | ){age})*)", folded):
        ages += [int(a) for a in re.findall(r"\d+", group)]
    ages += [int(a) for a in re.findall(r"\b(\d{1,2}) (?:years? old|yr old|y o)\b", folded)]
    # "my son, he's 10", "our girls, they're 5 and 8"
    for group in re.findall(
        rf"\b(?:he s|he is|she s|she is|they re|they are|who s|who is|who are) ({age}"
        rf"(?:(?: and | ){age})*)",
        folded,
    ):
        ages += [int(a) for a in re.findall(r"\d+", group)]
    if ages:
        return [a for a in ages if a < 18]
    # "kid 6", "our 2 girls, 4 and 9": ages right after the children, when no unit follows
    for group in re.findall(
        rf"\b{_CHILD_NOUN}(?: (?:are|is))? (\d{{1,2}}(?:(?: and | | & )\d{{1,2}})*)\b"
        + _NOT_AGE_AFTER,
        folded,
    ):
        ages += [int(a) for a in re.findall(r"\d+", group)]
    return [a for a in ages if a < 18]


def _companions(folded: str) -> tuple[int, int, bool] | None:
    """(people, of whom children, whether the count is guessed) named as companions: "with my
    sister", "me and 3 friends", "with my kids" (two, guessed)."""
    people = children = 0
    guessed = False
    # "my wife and kids": the kids are mine too
    folded = re.sub(rf"\b(my|our) (\w+) (and|plus) (?={_WHO}\b)", r"\1 \2 \3 \1 ", folded)
    pattern = (
        rf"\b(?:my|our|his|her|their|with|w|and|me|i|plus) (?:the )?"
        rf"(?:({NUM[1:-1]}) (?!years? old))?"
        rf"(?:(?:little|young|small|elderly|old|best|teenage|teen|baby|infant|"
        rf"\d{{1,2}} years? old) )?{_WHO}\b"
    )
    for match in re.finditer(pattern, folded):
        count_word, word = match[1], match[2]
        said_whose = re.match(r"\S+ (?:my|our|the|\d|[a-z]+ (?:little|young|small))", match[0])
        if not (
            said_whose
            or count_word
            or match[0].startswith(("my ", "our ", "his ", "her ", "their "))
        ):
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


def _writer_stays_home(folded: str) -> bool:
    """ "A trip for my parents": the companions travel, the writer does not."""
    return bool(
        re.search(r"\b(?:for|gift for|surprise for) (?:my|our) ", folded)
        and not re.search(
            r"\b(?:i|me|we|us|myself|with|taking|take|bring\w*|join\w*|and i|i ll|i m)\b",
            re.sub(r"\b(?:for (?:my|our)|my|our) \w+", " ", folded),
        )
    )


def _couples(folded: str) -> int | None:
    match = re.search(rf"\b{NUM} couples\b", folded)
    return 2 * number(match[1]) if match and _is_number(match[1]) else None


_JOINS = (
    r"(?:is|are|s|re|will be|ll be) (?:also )?(?:coming|joining|tagging along|in)"
    r"(?: (?:too|as well|along|with us|us|after all|now))+|(?:also )?(?:joins?|will join|wants? "
    r"to (?:come|join)|can come) (?:us|too|as well|after all|now)"
)
_LEAVES = (
    r"(?:can t|cannot|can not|won t|will not|isn t|aren t|is not|are not) (?:come|coming|"
    r"make it|join(?:ing)? (?:us)?)|(?:dropped|drops|pulled|pulls) out|is out|are out|"
    r"cancell?ed"
)
_WHO_CHANGES = rf"(?:(?:my|our) (?:\w+ )?{_WHO}|(?!i |we |you |it )[a-z]+(?: and [a-z]+)?)"


def _party_change(folded: str) -> int | None:
    """How many join (+) or leave (-) when the message says the party changes."""
    more = re.search(
        rf"\b(?:(?:add|plus) )?(?:{NUM} )?more (?:person|people|travell?ers?|adults?|guests?)\b",
        folded,
    )
    if more:
        word = more[1] if more[1] and _is_number(more[1]) else "one"
        return number(word)
    if re.search(rf"\b{NUM} (?:less|fewer) (?:person|people|travell?ers?)\b|\bminus one\b", folded):
        match = re.search(rf"\b{NUM} (?:less|fewer)", folded)
        return -number(match[1]) if match and _is_number(match[1]) else -1
    for cue, sign in ((_JOINS, 1), (_LEAVES, -1)):
        match = re.search(rf"\b({_WHO_CHANGES}) (?:{cue})\b", folded)
        if match:
            who = match[1]
            named = re.search(_WHO + r"$", who)
            count = 1 + who.count(" and ")
            if named and named[1] in COMPANIONS:
                count = COMPANIONS[named[1]]
            elif named and (named[1] in _PLURAL or named[1].endswith("s")):
                count = 2
            return sign * count
    return None


def _aside(folded: str, match: re.Match[str]) -> bool:
    """ "no seafood for one of us", "two of us are vegetarian": some of the party, not its
    size (a count said outright, "the 3 of us", is)."""
    if not match[0].endswith("of us"):
        return False
    before, after = folded[: match.start()], folded[match.end() :]
    return bool(
        re.search(r"\b(?:for|with|but|and|except|if|since|as|because)$", before.rstrip())
        or re.match(
            r" (?:is|are|s|re|has|have|uses?|needs?|can|can t|cannot|doesn t|don t|does not"
            r"|do not|eats?|will|won t|gets?|hates?|loves?|likes?|prefers?|wants?)\b",
            after,
        )
    )


def read_party(folded: str, request: TripRequest, text: str = "") -> None:
    """Travellers in all (adults and children) and the children's ages when said; a baby
    is taken as 0 and a toddler as 2 when no age is said."""
    if text:  # "me + wife + 2 kids", "kids 8 & 11": the signs are words here
        folded = fold(re.sub(r"\s*[+&]\s*", " and ", text))
    # "me and wife": a companion named without "my" is still the writer's
    folded = _BARE_COMPANION.sub(r"\1 my ", folded)
    ages = _ages(folded, text or folded)
    change = _party_change(folded)
    if change is not None and not re.search(_TOTAL[2], folded):
        request.travelers_delta = change
        return
    adults = re.search(_ADULTS, folded)
    kids = re.search(_CHILDREN, folded)
    kid_count = number(kids[1]) if kids else 0
    one_child = re.findall(
        r"\b(?:a|an|one|my|our|the|plus|and) (?:little |young |small |teenage )?"
        r"(kid|child|son|daughter|boy|girl|baby|toddler|infant|teen|teenager)\b",
        folded,
    )
    # "a 3 year old and a baby": a child said by age is one more child
    one_child += [
        "aged"
        for _ in re.findall(
            r"\b(?:a|an|one|and|my|our) \d{1,2} (?:years? old|yr old|y o)\b", folded
        )
    ]
    total = _couples(folded)
    for pattern in _TOTAL:
        match = None if total else re.search(pattern, folded)
        if match and match[1] not in ("a", "an") and not _aside(folded, match):
            total = number(match[1])  # "for a week" is no party size
            break
    companions = _companions(folded)
    if total is None and adults:
        total = number(adults[1]) + max(kid_count, len(ages), len(one_child))
        kid_count = total - number(adults[1])
    if total is None and companions:
        people, children, guessed = companions
        total = people + (0 if _writer_stays_home(folded) else 1)
        kid_count = max(kid_count, children)
        request.travelers_guessed = guessed and len(ages) < children
        if people == children and re.search(r"\b(?:our|we|us)\b", folded):
            total = people + 2  # "with our 2 boys": the two parents too, a guess
            request.travelers_guessed = True
    if total is None and (kid_count or ages or one_child):
        # "with kids aged 6 and 9", "with a 7 year old": the children and one or two adults
        kid_count = max(kid_count, len(ages), len(one_child))
        grown = 2 if re.search(r"\b(?:we|us|our)\b", folded) else 1
        total, request.travelers_guessed = kid_count + grown, True
    if total is None:
        if re.search(
            r"\b(a couple|as a couple|we re a couple|honeymoon\w*|duo|the two of us|both of us)\b"
            r"(?! (?:of|more|days?|nights?|weeks?|hours?|cities|stops)\b)",
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
    if total <= len(ages) and not _writer_stays_home(folded):
        total, request.travelers_guessed = len(ages) + 1, True  # the children need an adult
    request.travelers = total
    if kid_count or ages or one_child:
        count = max(kid_count, len(ages))
        defaults = [_AGE_OF_WORD.get(w) for w in one_child if w in _AGE_OF_WORD]
        known = [*ages, *defaults][:count]
        request.children = [*known, *[None] * (count - len(known))]
