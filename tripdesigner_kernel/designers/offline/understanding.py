"""Understanding a trip request with rules: where, when, how long, who, budget, interests."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from tripdesigner_kernel.designers.offline.vocabulary import (
    BUDGET_WORDS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DIETARY_WORDS,
    INTEREST_SYNONYMS,
    LOWERCASE_NOT_COUNTRIES,
    NOT_PLACES,
    NUMBER_WORDS,
    PACE_WORDS,
    SEASON_MONTHS,
)
from tripdesigner_kernel.knowledge.cities import (
    City,
    city_index,
    close_destination,
    country_codes_by_name,
    destination_keys,
    destinations_in_country,
)
from tripdesigner_kernel.knowledge.text import fold

_NUM = r"(\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
MONTHS = {fold(name): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({fold(name): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS.pop("may", None)  # "may" is also a verb: only matched with a day or year
_MONTH = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
)


@dataclass
class CityStay:
    """A city of the request, with its days when the person gave them."""

    city: City
    days: int | None = None


@dataclass
class TripRequest:
    """What a message asked for; None where it said nothing."""

    stays: list[CityStay] = field(default_factory=list)
    country: str | None = None
    days: int | None = None
    start_date: date | None = None
    month: int | None = None
    year: int | None = None
    travelers: int | None = None
    travelers_guessed: bool = False  # from "I"/"my" alone, not said outright
    budget_level: str | None = None
    budget_amount: Decimal | None = None
    budget_currency: str | None = None
    interests: list[str] = field(default_factory=list)
    dietary: list[str] = field(default_factory=list)
    pace: str | None = None
    origin: City | None = None
    weekend: bool = False
    unknown_places: list[str] = field(default_factory=list)


def _number(text: str) -> int:
    text = text.lower()
    return int(text) if text.isdigit() else NUMBER_WORDS[text]


def _find_phrases(folded: str, table: dict[str, str]) -> list[str]:
    found = []
    for phrase, value in sorted(table.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{re.escape(phrase)}\b", folded) and value not in found:
            found.append(value)
    return found


def _future_month(month: int, today: date, year: int | None) -> tuple[int, int]:
    if year is not None:
        return year, month
    return (today.year, month) if month > today.month else (today.year + 1, month)


def _next_date(month: int, day: int, year: int | None, today: date) -> date | None:
    """That day in ``year``, or without a year the next one after ``today``; None if no such day."""
    try:
        found = date(year or today.year, month, day)
        return found.replace(year=today.year + 1) if not year and found <= today else found
    except ValueError:  # "February 30", or February 29 of a common year
        return None


_TO = r"\s*(?:to|until|till|through|thru|-)\s*"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,? (\d{4}))?"
# (pattern, kind): the kind says which groups hold the first and last day and the year.
_RANGES = [
    (  # 2027-03-03 to 2027-03-09
        re.compile(r"\b(\d{4})-(\d{2})-(\d{2})" + _TO + r"(\d{4})-(\d{2})-(\d{2})\b"),
        "iso",
    ),
    (  # march 3 to march 9, dec 27 - jan 2, may 10-15, 2027
        re.compile(rf"\b{_MONTH}\.? {_DAY}{_YEAR}{_TO}(?:{_MONTH}\.? )?{_DAY}\b{_YEAR}"),
        "month_day",
    ),
    (  # 27 december to 2 january, 3 to 9 march, 3-9 march 2027
        re.compile(rf"\b{_DAY}(?: (?:of )?{_MONTH})?{_TO}{_DAY} (?:of )?{_MONTH}\b{_YEAR}"),
        "day_month",
    ),
]


def _parse_date_range(text: str, today: date, request: TripRequest) -> bool:
    """ "From Dec 27 to Jan 2": the first day and the number of days. True when found."""
    low = re.sub(r"[\u2013\u2014]", "-", text.lower())
    for pattern, kind in _RANGES:
        match = pattern.search(low)
        if not match:
            continue
        g = match.groups()
        if kind == "iso":
            first, last, year = (int(g[1]), int(g[2])), (int(g[4]), int(g[5])), int(g[0])
            end_year: int | None = int(g[3])
        elif kind == "month_day":
            first = (_month_number(g[0]), int(g[1]))
            last = (_month_number(g[3]) if g[3] else first[0], int(g[4]))
            year, end_year = int(g[2] or g[5] or 0), None
        else:
            last = (_month_number(g[3]), int(g[2]))
            first = (_month_number(g[1]) if g[1] else last[0], int(g[0]))
            year, end_year = int(g[4] or 0), None
        start = _next_date(*first, year or None, today)
        end = _next_date(*last, end_year, start - timedelta(days=1)) if start else None
        if start is None or end is None or end < start:
            return False  # not a range of real days; the rest of the message still counts
        request.start_date = start
        request.days = (end - start).days + 1
        return True
    return False


def _parse_dates(text: str, folded: str, today: date, request: TripRequest) -> None:
    if _parse_date_range(text, today, request):
        return
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if iso:
        request.start_date = date(int(iso[1]), int(iso[2]), int(iso[3]))
        return
    month_day = re.search(rf"\b{_MONTH}\.? (\d{{1,2}})(?:st|nd|rd|th)?(?:,? (\d{{4}}))?\b", folded)
    day_month = re.search(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_MONTH}(?:,? (\d{{4}}))?\b", folded
    )
    if month_day or day_month:
        if month_day:
            month, day, year = _month_number(month_day[1]), int(month_day[2]), month_day[3]
        else:
            assert day_month is not None
            month, day, year = _month_number(day_month[2]), int(day_month[1]), day_month[3]
        request.start_date = _next_date(month, day, int(year) if year else None, today)
        return
    if re.search(r"\bnext month\b", folded):
        request.year, request.month = (
            (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
        )
        return
    month_year = re.search(rf"\b{_MONTH} (\d{{4}})\b", folded)
    if month_year:
        request.month, request.year = _month_number(month_year[1]), int(month_year[2])
        return
    for word in re.findall(r"[a-z]+", folded):
        if word in MONTHS:
            request.year, request.month = _future_month(MONTHS[word], today, None)
            return
    if re.search(r"\b(in|during|for|to|into|until|till|early|mid|late|this|next) may\b", folded):
        request.year, request.month = _future_month(5, today, None)


def _month_number(word: str) -> int:
    return 5 if word == "may" else MONTHS[word]


def _parse_duration(folded: str, request: TripRequest) -> None:
    nights = re.search(rf"\b{_NUM} nights?\b", folded)
    days = re.search(rf"\b{_NUM}[ -]days?\b", folded)
    weeks = re.search(rf"\b{_NUM} weeks?\b", folded)
    if days:
        request.days = _number(days[1])
    elif nights:
        request.days = _number(nights[1]) + 1
    elif weeks:
        request.days = 7 * _number(weeks[1])
    elif re.search(r"\bfortnight\b", folded):
        request.days = 14
    elif re.search(r"\blong weekend\b", folded):
        request.days, request.weekend = 3, True
    elif re.search(r"\bweekend\b", folded):
        request.days, request.weekend = 2, True
    elif re.search(r"\b(a|one) day\b", folded):
        request.days = 1
    if re.search(r"\bweekend\b", folded):
        request.weekend = True


def _parse_party(folded: str, request: TripRequest) -> None:
    if re.search(
        r"\b(a couple|honeymoon|my (?:wife|husband|partner|girlfriend|boyfriend))\b", folded
    ):
        request.travelers = 2
        return
    patterns = [
        rf"\bfamily of {_NUM}\b",
        rf"\b{_NUM} (?:people|persons|adults|travell?ers|friends|of us|guests)\b",
        rf"\bfor {_NUM}\b(?! (?:days?|nights?|weeks?))",
        rf"\b{_NUM} person\b",
    ]
    for pattern in patterns:
        match = re.search(pattern, folded)
        if match and match[1] not in ("a", "an"):  # "for a week" is no party size
            request.travelers = _number(match[1])
            return
    if re.search(r"\bcouple\b", folded):
        request.travelers = 2
    elif re.search(r"\b(solo|alone|by myself|on my own|1 person)\b", folded):
        request.travelers = 1


def _parse_budget(text: str, folded: str, request: TripRequest) -> None:
    symbol = re.search(r"([$€£¥₩₹])\s?(\d[\d,. ]*\d|\d)(k?)\b", text)
    code_after = re.search(r"\b(\d[\d,]*)(k?) ?([a-z]{3}|dollars|euros?|pounds|yen)\b", folded)
    code_before = re.search(r"\b([a-z]{3}) ?(\d[\d,]*)(k?)\b", folded)
    amount = currency = None
    if symbol:
        amount, currency = symbol[2], CURRENCY_SYMBOLS[symbol[1]]
        thousands = symbol[3]
    elif code_after and code_after[3] in CURRENCY_WORDS:
        amount, thousands, currency = code_after[1], code_after[2], CURRENCY_WORDS[code_after[3]]
    elif code_before and code_before[1] in CURRENCY_WORDS:
        amount, thousands, currency = code_before[2], code_before[3], CURRENCY_WORDS[code_before[1]]
    if amount is not None:
        value = Decimal(re.sub(r"[,. ]", "", amount))
        request.budget_amount = value * 1000 if thousands else value
        request.budget_currency = currency
    levels = _find_phrases(folded, BUDGET_WORDS)
    if (
        amount is not None
        and levels == ["budget"]
        and not re.search(r"\bbudget (trip|travel)", folded)
    ):
        levels = []  # "budget $6000": the noun, not the level
    if levels:
        request.budget_level = levels[0]


def _parse_places(text: str, folded: str, request: TripRequest, towns: bool = False) -> None:
    """Cities (and an origin, and a country) named in the message.

    With ``towns``, small places count too: the second pass, when no city was found.
    """
    index = city_index()
    words = re.findall(r"[\w'’.-]+", text)
    taken: set[int] = set()
    found: list[tuple[int, CityStay]] = []
    origin_at = None
    origin_match = re.search(
        r"\b(?:flying|coming|travell?ing|departing|leaving|starting|driving) from ([\w .'-]+?)"
        r"(?= to | for | in |,|\.|$)",
        text,
        re.IGNORECASE,
    )
    if origin_match:
        origin_at = fold(origin_match[1])
        request.origin = index.lookup(origin_match[1])
    for size in (4, 3, 2, 1):
        for start in range(len(words) - size + 1):
            span = range(start, start + size)
            if taken.intersection(span):
                continue
            phrase = " ".join(words[start : start + size]).strip(".'’-")
            key = fold(phrase)
            if not key or key in NOT_PLACES or key.isdigit():
                continue
            if origin_at and key == origin_at:
                taken.update(span)
                continue
            if key in country_codes_by_name() and (
                phrase[:1].isupper() or key not in LOWERCASE_NOT_COUNTRIES
            ):
                iso = country_codes_by_name()[key]
                request.country = iso
                taken.update(span)
                continue
            capitalised = phrase[:1].isupper() or key in ("nyc", "la", "sf", "dc", "hcmc")
            if not capitalised:
                continue
            city = index.lookup(phrase, towns) if index.has_name(key, towns) else None
            if city is None and size == 1 and len(key) > 4:
                near = close_destination(phrase)
                city = index.lookup(near.name) if near else None
            if city is None:
                if size == 1 and start > 0 and not towns and phrase not in request.unknown_places:
                    request.unknown_places.append(phrase)
                continue
            # A capitalised first word is just a sentence start; our own destinations
            # (Ubud, Queenstown) count whatever their size.
            small_ok = (towns and start > 0) or (
                fold(city.name),
                city.country,
            ) in destination_keys()
            if size == 1 and city.population < 50_000 and not small_ok:
                if phrase not in request.unknown_places:
                    request.unknown_places.append(phrase)
                continue
            taken.update(span)
            if all(stay.city != city for _, stay in found):
                days_after = re.search(
                    rf"{re.escape(phrase)}\W+(?:for )?{_NUM}[ -]days?", text, re.IGNORECASE
                )
                days_before = re.search(
                    rf"{_NUM}[ -]?(?:days? )?(?:in|at) {re.escape(phrase)}\b", text, re.IGNORECASE
                )
                stay_days = None
                if days_before:
                    stay_days = _number(days_before[1])
                elif days_after and not re.match(
                    r"\W*(?:in )?total", text[days_after.end() :], re.IGNORECASE
                ):
                    stay_days = _number(days_after[1])
                found.append((start, CityStay(city, stay_days)))
    request.stays = [stay for _, stay in sorted(found, key=lambda pair: pair[0])]
    if not request.stays and request.country:
        for destination in destinations_in_country(request.country)[:3]:
            city = index.lookup(destination.name)
            if city:
                request.stays.append(CityStay(city))


def understand(text: str, today: date) -> TripRequest:
    """Read one message into a ``TripRequest``; dates are never before ``today``."""
    folded = fold(text)
    request = TripRequest()
    _parse_dates(text, folded, today, request)
    _parse_duration(folded, request)
    _parse_party(folded, request)
    _parse_budget(text, folded, request)
    request.interests = _find_phrases(folded, INTEREST_SYNONYMS)
    if "street food" in request.interests and "food" in request.interests:
        request.interests.remove("food")
    if re.search(r"\b(kids|children)\b", folded) and "kids" not in request.interests:
        request.interests.append("kids")
    request.dietary = _find_phrases(folded, DIETARY_WORDS)
    if "vegan" in request.dietary and "vegetarian" in request.dietary:
        request.dietary.remove("vegetarian")
    paces = _find_phrases(folded, PACE_WORDS)
    request.pace = paces[0] if paces else None
    _parse_places(text, folded, request)
    if not request.stays and not request.country and request.unknown_places:
        _parse_places(text, folded, request, towns=True)
    if request.month is None and request.start_date is None:
        _parse_season(folded, request, today)
    per_city = [s.days for s in request.stays if s.days]
    if len(request.stays) > 1 and request.days and request.days in per_city and len(per_city) == 1:
        for stay in request.stays:  # "Sydney and Melbourne, 8 days": the total, not one city's
            stay.days = None
    elif request.stays and all(s.days for s in request.stays):
        request.days = sum(s.days or 0 for s in request.stays)
    if (
        request.travelers is None
        and re.search(r"\b(i m|i am|i|me|my)\b", folded)
        and not re.search(r"\b(we|us|our)\b", folded)
    ):
        request.travelers, request.travelers_guessed = 1, True
    if request.start_date is not None and request.start_date <= today:
        request.start_date = None  # a date in the past is not a plan; fall back to defaults
    return request


def _parse_season(folded: str, request: TripRequest, today: date) -> None:
    """ "In spring": the season's middle month, where the trip goes (south of the equator
    the seasons turn round)."""
    match = re.search(
        r"\b(?:in|this|next|during|over|for)(?: the)? (spring|summer|autumn|fall|winter)\b",
        folded,
    )
    if not match:
        return
    month = SEASON_MONTHS[match[1]]
    if request.stays and request.stays[0].city.lat < 0:
        month = (month + 5) % 12 + 1
    request.year, request.month = _future_month(month, today, None)


def start_date_for(request: TripRequest, today: date) -> date:
    """The first day of the trip: the date given, else a sensible day of the month given."""
    if request.start_date:
        return request.start_date
    if request.month:
        year = request.year or _future_month(request.month, today, None)[0]
        first = date(year, request.month, 1)
        if request.weekend:  # weekends start on a Friday
            first += timedelta(days=(4 - first.weekday()) % 7)
        return max(first, today + timedelta(days=1))
    # No date given: a month from now, so bookings are still possible.
    return today + timedelta(days=30)
