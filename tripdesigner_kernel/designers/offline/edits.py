"""Follow-up edits to a plan: add or remove days, swap days, cheaper, more or less of X..."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tripdesigner_kernel.designers.offline.understanding.numbers import NUM as _NUM
from tripdesigner_kernel.designers.offline.understanding.numbers import (
    find_phrases as _find_phrases,
)
from tripdesigner_kernel.designers.offline.understanding.numbers import number as _number
from tripdesigner_kernel.designers.offline.vocabulary import INTEREST_SYNONYMS
from tripdesigner_kernel.knowledge.text import fold


@dataclass
class Edit:
    """A follow-up change to the current plan."""

    # add_days, remove_day, swap_days, cheaper, pricier, more, less, replace, undo, add_city,
    # shift (days, months), start_day (day of the month), party (count), origin (subject)
    action: str
    days: int = 0
    day: int = 0
    other_day: int = 0
    subject: str = ""
    months: int = 0
    count: int = 0
    to: str = ""  # replace: the city that takes a removed city's days ("give them to Paris")
    weak: bool = False  # replace said with a weak word ("forget Nice"): only a city of the trip


_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_DAY_REF = (
    r"(?:the )?(?:day (\d{1,2})"
    r"|(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) day)"
)


def _day_number(match: re.Match[str], group: int) -> int:
    return int(match[group]) if match[group] else _ORDINALS[match[group + 1]]


_FEWER_DAYS = re.compile(
    rf"\b(?:remove|drop|delete|cut|lose|take off|take away|shorten (?:it |the trip )?by) "
    rf"(?:the last |{_NUM} )?(?:days?|nights?)\b"
    rf"|\b{_NUM} (?:days?|nights?) (?:less|shorter|fewer)\b|\bone less day\b"
)
_LATER = r"later|back|out|forward|earlier|sooner"
_SHIFT = re.compile(
    rf"\b(?:push|move|shift|delay|postpone|bring|pull|put off|make)\b[a-z ]*?\b"
    rf"(?:by )?{_NUM} (days?|weeks?|months?) ({_LATER})\b"
    rf"|\b(?:push|move|shift|delay|postpone|bring|pull)\b[a-z ]*?\b({_LATER})\b[a-z ]*?"
    rf"\b(?:by )?{_NUM} (days?|weeks?|months?)\b"
    rf"|\b(?:delay|postpone|push back|put off)\b[a-z ]*?\bby {_NUM} (days?|weeks?|months?)\b"
)
_START_DAY = re.compile(
    r"\b(?:start|starting|begin|beginning|leave|leaving|arrive|arriving|go|going)"
    r"(?: it)?(?: on)? the (\d{1,2})(?:st|nd|rd|th)\b(?! of)"
)
_PARTY_NOW = re.compile(
    rf"\b(?:we re|we are|we ll be|we will be|there ll be|there will be|there are) (?:now )?"
    rf"{_NUM}\b(?! (?:days?|nights?|weeks?|hours?|minutes?|am|pm))"
    rf"|\bnow (?:we re|we are) {_NUM}\b"
    rf"|\b{_NUM} of us (?:now|instead|after all|in total)\b"
)
# "btw we fly from Denver": where the trip starts, named in a follow-up.
_ORIGIN = re.compile(
    r"(?i:\b(?:fly|flying|fly out|flying out|leave|leaving|depart|departing|start|starting"
    r"|come|coming|travel|travell?ing|drive|driving|set off|setting off|head out|heading out"
    r"|take off|taking off))\s+(?i:from)\s+([A-Z][\w.'’-]*(?:[ -][A-Z][\w.'’-]*)*)"
)


# "spend the extra time in Berlin", "give Paris those days", "stay in Rome the whole time":
# the city that takes the days of a city taken out of the trip (one group each).
_CITY = r"([A-Z][\w.'’-]*(?:[ -][A-Z][\w.'’-]*)*)"
_TAKES_THE_DAYS = [
    re.compile(
        r"(?i:\b(?:spend|give|put|add|use|move|transfer|shift|have|allocate)\b[^.;!?]*?"
        r"\b(?:time|days?|nights?)\b[^.;!?]*?\b(?:in|to|on|for|into|with))\s+" + _CITY
    ),
    re.compile(
        r"(?i:\bgive)\s+" + _CITY + r"(?i:\s+(?:the|those|these|its|that|their|all the)"
        r"(?: extra| spare)? (?:time|days?|nights?))"
    ),
    re.compile(
        r"(?i:\b(?:stay|spend|be) longer (?:in|at)|\bmore (?:time|days?|nights?) (?:in|at)"
        r"|\b(?:extend|lengthen)(?: the)?(?: stay in| time in)?)\s+" + _CITY
    ),
    re.compile(
        r"(?i:\b(?:stay|remain|be|spend it all|spend all of it) (?:in|at))\s+"
        + _CITY
        + r"(?i:\s+(?:the whole time|the entire time|throughout|instead|for the rest|for all"
        r" of it|all the time|the whole trip))"
    ),
]
# "drop Nice but keep the trip length", "same number of days": the others share its days.
_KEEP_LENGTH = re.compile(
    r"\b(?:keep|same|maintain|preserve|don t change|do not change|without changing)\b"
    r"[a-z ]{0,30}?\b(?:length|number of days|total|duration|days|dates)\b"
)
# Weaker words for taking a city out ("forget Nice", "no Nice after all", "take Nice out"):
# only for a name with a capital, and only when it is a city of the trip.
_DROP_NAMED = re.compile(
    r"\b(?:forget(?: about)?|no|not|without|take) " + _CITY + r"(?: out| after all| anymore)?"
)


def _taker(text: str) -> str:
    """The city said to take a dropped city's days, "*" for "keep the length", or ""."""
    for pattern in _TAKES_THE_DAYS:
        found = pattern.search(text)
        if found:
            return found[1]
    return "*" if _KEEP_LENGTH.search(fold(text)) else ""


def _date_moves(folded: str) -> list[Edit]:
    """ "Push it all a week later", "3 days earlier", "start on the 12th instead"."""
    shift = _SHIFT.search(folded)
    if shift:
        groups = shift.groups()
        if groups[0]:
            count, unit, way = groups[0], groups[1], groups[2]
        elif groups[3]:
            way, count, unit = groups[3], groups[4], groups[5]
        else:
            way, count, unit = "later", groups[6], groups[7]
        sign = -1 if way in ("earlier", "sooner", "forward") else 1
        amount = sign * _number(count)
        if unit.startswith("month"):
            return [Edit("shift", months=amount)]
        return [Edit("shift", days=amount * (7 if unit.startswith("week") else 1))]
    start_day = _START_DAY.search(folded)
    if start_day:
        return [Edit("start_day", day=int(start_day[1]))]
    return []


def understand_edit(text: str) -> list[Edit]:
    """Follow-up edits named in ``text`` (empty when it asks for none)."""
    folded = fold(text)
    edits: list[Edit] = []
    if re.search(r"\b(undo|go back|revert)\b", folded):
        return [Edit("undo")]
    swap = re.search(rf"\b(?:swap|switch|exchange) {_DAY_REF} (?:and|with) {_DAY_REF}", folded)
    swap_days = re.search(
        r"\b(?:swap|switch|exchange) days (\d{1,2}) (?:and|with) (\d{1,2})\b", folded
    )
    if swap:
        edits.append(Edit("swap_days", day=_day_number(swap, 1), other_day=_day_number(swap, 3)))
    elif swap_days:  # "swap days 1 and 3"
        edits.append(Edit("swap_days", day=int(swap_days[1]), other_day=int(swap_days[2])))
    remove = re.search(rf"\b(?:remove|drop|delete|skip|cut) {_DAY_REF}", folded)
    fewer = _FEWER_DAYS.search(folded)
    if remove:
        edits.append(Edit("remove_day", day=_day_number(remove, 1)))
    elif fewer:  # "remove a day", "two days less": from the end of the trip
        count = next((g for g in fewer.groups() if g), "a")
        edits.append(Edit("remove_day", day=-1, days=_number(count)))
    edits += _date_moves(folded)
    party = _PARTY_NOW.search(folded)
    if party:
        edits.append(Edit("party", count=_number(next(g for g in party.groups() if g))))
    origin = _ORIGIN.search(text)
    if origin:
        edits.append(Edit("origin", subject=origin[1].strip()))
    add = re.search(
        rf"\badd (?:another |one more |an extra |a )?{_NUM}? ?(?:more |extra )?days?\b", folded
    )
    if add or re.search(r"\b(one more|an extra|another) day\b", folded):
        count = _number(add[1]) if add and add[1] else 1
        edits.append(Edit("add_days", days=count))
    if re.search(
        r"\b(cheaper|less expensive|save money|lower (?:the )?(?:cost|budget)|too expensive)\b",
        folded,
    ):
        edits.append(Edit("cheaper"))
    elif re.search(r"\b(fancier|more luxurious|upgrade|splurge more)\b", folded):
        edits.append(Edit("pricier"))
    for word in re.findall(r"\bmore ([a-z ]+?)(?:,|\.| and |$)", folded):
        interests = _find_phrases(word, INTEREST_SYNONYMS)
        edits += [Edit("more", subject=i) for i in interests]
    for word in re.findall(
        r"\b(?:less|fewer|no more|no|without|hate|dislike|not into|not interested in"
        r"|not a fan of|(?:don t|do not|didn t) (?:like|want|care for|enjoy)) ([a-z ]+?)"
        r"(?:,|\.| and |$)",
        folded,
    ):
        interests = _find_phrases(word, INTEREST_SYNONYMS)
        edits += [Edit("less", subject=i) for i in interests]
    replace = re.search(
        r"\b(?:replace|swap out|instead of|skip|remove|drop|(?-i:cut|ditch|scrap|lose|nix)"
        r"|take out|leave out|get rid of|forget about) (?:the )?"
        r"([\w' .-]+?)(?:$|[,.;!?]| -| with| for| but| after all| and (?:instead |rather )?"
        r"(?:give|spend|put|add|use|move|stay|have|make|keep|extend)\b"
        r"| (?:completely|entirely|altogether)\b)",
        text,
        re.IGNORECASE,
    )
    if (
        replace
        and not remove
        and not fewer
        and not re.match(r"(?:the )?(?:last )?day\b", fold(replace[1]))
    ):
        edits.append(Edit("replace", subject=replace[1].strip(), to=_taker(text[replace.end(1) :])))
    elif not remove and not fewer and (named := _DROP_NAMED.search(text)):
        to = _taker(text[named.end(1) :])
        edits.append(Edit("replace", subject=named[1], to=to, weak=True))
    add_city = re.search(
        rf"\b[Aa]dd ([A-Z][\w .'-]+?)(?: for (?i:{_NUM})(?: (?i:days?|nights?))?)?"
        r"(?:$|[,.?!]| to| at| and| for)",
        text,
    )
    if add_city and not add:
        days = _number(add_city[2]) if add_city[2] else 0
        edits.append(Edit("add_city", subject=add_city[1].strip(), days=days))
    return edits
