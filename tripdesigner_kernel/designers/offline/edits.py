"""Follow-up edits to a plan: add or remove days, swap days, cheaper, more or less of X..."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tripdesigner_kernel.designers.offline.lodging import about_the_hotel
from tripdesigner_kernel.designers.offline.plan_items import DAY_WORDS, names_an_item
from tripdesigner_kernel.designers.offline.plan_items import ORDINALS as _ORDINALS
from tripdesigner_kernel.designers.offline.understanding.languages import expand_shorthand
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

    # add_days, remove_day, swap_days, cheaper, pricier, more, less, replace (a place, by
    # another), drop (a place or city), undo, add_city,
    # shift (days, months), start_day (day of the month), end_shift (days), end_day (day of
    # the month), leave_day (the start or the end, whichever is nearer), party (count), origin
    action: str
    days: int = 0
    day: int = 0
    other_day: int = 0
    subject: str = ""
    months: int = 0
    count: int = 0
    to: str = ""  # replace: the city that takes a removed city's days ("give them to Paris")
    weak: bool = False  # replace said with a weak word ("forget Nice"): only a city of the trip
    note: str = ""  # what the reply says of the edit (kind_swaps: when our data falls short)


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
    # "push it a day", "move everything by a week": no way said, so later
    rf"|\b(?:push|move|shift|delay|postpone|bump|put off)\b(?: (?:it|the trip|everything|all"
    rf"|it all|the whole (?:thing|trip)|the dates))* (?:by )?{_NUM} (days?|weeks?|months?)\b"
    r"(?! (?:in|to|at|from|of|for|with|into)\b)"
)
_START_DAY = re.compile(
    r"\b(?:start|starting|begin|beginning|(leave|leaving|depart|departing)|arrive|arriving|go"
    r"|going|get there|fly out|flying out|fly in|flying in|set off|head out)"
    r"(?: it| the trip)?(?: on)? the (\d{1,2})(?:st|nd|rd|th)\b(?! of)"
)
# Which end of the trip a message moves: "start a day later" moves the whole trip (same
# length); "come back a day later" or "leave a day early" moves only its end.
_START_WORDS = (
    r"start|starting|begin|beginning|arrive|arriving|get there|getting there|get in|fly out"
    r"|flying out|fly in|set off|setting off|head out|go|going|leave|leaving|depart|departing"
    r"|travel|travelling|traveling|do it|do the trip|the start"
)
_END_WORDS = (
    r"end|ending|finish|finishing|come back|coming back|come home|coming home|go home"
    r"|going home|fly home|flying home|fly back|flying back|head home|head back|get back"
    r"|getting back|return|returning|go back|check out|the end|stay"
)
_UNIT = r"(days?|nights?|weeks?)"
_END_MOVE = re.compile(
    rf"\b(?:{_END_WORDS})\b(?: (?!and\b|but\b)[a-z]+){{0,3}}? (?:by )?{_NUM} {_UNIT} "
    r"(earlier|early|sooner|later|late|longer|less|shorter)\b"
    rf"|\b(leave|leaving|depart|departing)\b(?: [a-z]+){{0,3}}? {_NUM} {_UNIT} (early)\b"
)
_START_MOVE = re.compile(
    rf"\b(?:{_START_WORDS})\b(?: (?!and\b|but\b)[a-z]+){{0,3}}? (?:by )?{_NUM} {_UNIT} "
    r"(earlier|sooner|later|early|late)\b"
)
_BARE_MOVE = re.compile(rf"^(?:[a-z]+ ){{0,5}}?{_NUM} {_UNIT} (later|earlier|sooner)\b")
_END_DAY = re.compile(
    rf"\b(?:{_END_WORDS})(?: it| the trip)?(?: on)? the (\d{{1,2}})(?:st|nd|rd|th)\b(?! of)"
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


def _unit_days(count: str, unit: str) -> int:
    return _number(count) * (7 if unit.startswith("week") else 1)


def _end_moves(folded: str) -> list[Edit]:
    """ "Come back a day later", "leave a day early", "return on the 14th": the end only."""
    end = _END_MOVE.search(folded)
    if end:
        count, unit, way = (end[1], end[2], end[3]) if end[1] else (end[5], end[6], end[7])
        sign = -1 if way in ("earlier", "early", "sooner", "less", "shorter") else 1
        return [Edit("end_shift", days=sign * _unit_days(count, unit))]
    end_day = _END_DAY.search(folded)
    if end_day:
        return [Edit("end_day", day=int(end_day[1]))]
    return []


def _date_moves(folded: str) -> list[Edit]:
    """ "Push it all a week later", "start a day later", "3 days earlier", "come back a day
    later", "start on the 12th instead"."""
    shift = _SHIFT.search(folded)
    if shift:
        groups = shift.groups()
        if groups[0]:
            count, unit, way = groups[0], groups[1], groups[2]
        elif groups[3]:
            way, count, unit = groups[3], groups[4], groups[5]
        elif groups[6]:
            way, count, unit = "later", groups[6], groups[7]
        else:
            way, count, unit = "later", groups[8], groups[9]
        sign = -1 if way in ("earlier", "sooner", "forward") else 1
        amount = sign * _number(count)
        if unit.startswith("month"):
            return [Edit("shift", months=amount)]
        return [Edit("shift", days=amount * (7 if unit.startswith("week") else 1))]
    ends = _end_moves(folded)
    if ends:
        return ends
    start = _START_MOVE.search(folded) or _BARE_MOVE.search(folded)
    if start:
        sign = -1 if start[3] in ("earlier", "sooner", "early") else 1
        return [Edit("shift", days=sign * _unit_days(start[1], start[2]))]
    start_day = _START_DAY.search(folded)
    if start_day:  # "leave on the 14th": the end when the 14th falls in the trip's last days
        return [Edit("leave_day" if start_day[1] else "start_day", day=int(start_day[2]))]
    return []


_REPLACING = ("replace", "swap out", "swap", "change", "instead of")
_ITEM_EDIT = re.compile(
    r"\b(replace|swap out|swap|change|instead of|skip|remove|drop|delete|cut|lose|get rid of"
    r"|take out|leave out|forget about|cancel|ditch|scrap|nix|no|without"
    r"|(?:don[’']?t|do not) (?:want|need|do)|not do)"
    r" (?:the |a |an |that |our )?"
    r"([\w' .-]+?)(?:$|[,;?!]|\.(?:\s|$)| -| with| for (?!day\b)| please\b| instead\b| and\b"
    r"| but\b"
    r"| after all\b| (?:completely|entirely|altogether)\b)",
    re.IGNORECASE,
)


def _item_edit(text: str, folded: str) -> Edit | None:
    """ "Drop the museum on day 2", "replace the Louvre", "skip lunch tomorrow": a place (or
    a city) of the plan to take out ("drop") or to put something else in place of."""
    for found in _ITEM_EDIT.finditer(text):
        verb, subject = fold(found[1]), found[2].strip()
        said = fold(subject)
        if not said or re.match(r"(?:the )?(?:last )?(?:day|night)s?\b", said):
            continue
        loose = verb in ("no", "without", "change", "swap") or verb.startswith(("do", "not"))
        if loose and not (names_an_item(said) and DAY_WORDS.search(said)):
            continue  # "no museums" is less of them; "change the dates" is no place
        # "drop Leipzig, spend the extra time in Berlin": the city that takes its days.
        action = "replace" if verb in _REPLACING else "drop"
        return Edit(action, subject=subject, to=_taker(text[found.end(2) :]))
    return None


def understand_edit(text: str) -> list[Edit]:
    """Follow-up edits named in ``text`` (empty when it asks for none)."""
    text = expand_shorthand(text)
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
        r"\b(cheaper|less expensive|save money|lower (?:the )?(?:cost|budget)|too expensive"
        r"|too pricey|less pricey|more affordable)\b",
        folded,
    ):
        edits.append(Edit("cheaper_hotel" if about_the_hotel(folded) else "cheaper"))
    elif re.search(r"\b(fancier|more luxurious|upgrade|splurge more|nicer|better)\b", folded):
        if about_the_hotel(folded):
            edits.append(Edit("pricier_hotel"))
        elif not re.search(r"\b(nicer|better)\b", folded):
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
        if DAY_WORDS.search(word):  # "no museum on day 2": that day's museum, not all
            continue
        interests = _find_phrases(word, INTEREST_SYNONYMS)
        edits += [Edit("less", subject=i) for i in interests]
    item = _item_edit(text, folded)
    if item and not remove and not fewer:
        edits.append(item)
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
