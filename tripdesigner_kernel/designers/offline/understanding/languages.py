"""Trip phrases in German, French, Spanish, Italian and Portuguese, put into English.

The recognisers read English. A request written in another language names its length,
party and month with a handful of phrases ("6 Tage", "pour 2 personnes", "3 días", "en
mayo", "per 4 persone"); ``to_english`` rewrites just those phrases (a number with its
unit, a month after its preposition) and leaves every other word, places included, as
written. Number words are only read next to a unit ("zwei Personen"), never alone: "tre"
and "due" are English words too.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Number words, folded (no accents), 1-14: enough for days, nights and a party.
_NUMBERS = {
    # German
    "ein": 1, "eine": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "funf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwolf": 12, "vierzehn": 14,
    # French
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quatorze": 14,
    # Spanish
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "doce": 12, "catorce": 14,
    # Italian
    "due": 2, "tre": 3, "quattro": 4, "sei": 6, "sette": 7, "otto": 8, "nove": 9,
    "dieci": 10, "undici": 11, "dodici": 12, "quattordici": 14,
    # Portuguese
    "um": 1, "uma": 1, "duas": 2, "quatro": 4, "sete": 7, "oito": 8, "dez": 10, "doze": 12,
}  # fmt: skip

# Units, folded, -> the English word the recognisers read.
_UNITS = {
    "days": r"tage|tagen|jours|jour|dias|dia|giorni|giorno",
    "nights": r"nachte|nachten|nacht|nuits|nuit|noches|noche|notti|notte|noites|noite",
    "weeks": r"wochen|woche|semaines|semaine|semanas|semana|settimane|settimana",
    "people": r"personen|person|personnes|personne|personas|persona|persone|pessoas|pessoa|"
    r"leute|gente",
    "adults": r"erwachsene|erwachsenen|adultes|adulte|adultos|adulto|adulti",
    "children": r"kinder|kindern|enfants|enfant|ninos|nino|hijos|bambini|bambino|figli|"
    r"criancas|crianca|filhos",
}

_MONTHS = {
    "january": "januar|janvier|enero|gennaio|janeiro",
    "february": "februar|fevrier|febrero|febbraio|fevereiro",
    "march": "marz|mars|marzo|marco",
    "april": "avril|abril|aprile",
    "may": "mai|mayo|maggio|maio",
    "june": "juni|juin|junio|giugno|junho",
    "july": "juli|juillet|julio|luglio|julho",
    "august": "aout|agosto",
    "september": "septembre|septiembre|setiembre|settembre|setembro",
    "october": "oktober|octobre|octubre|ottobre|outubro",
    "november": "novembre|noviembre|novembro",
    "december": "dezember|decembre|diciembre|dicembre|dezembro",
}
# "im April", "en mai", "au mois de juin", "a maggio", "em maio", "ab Mai", "Anfang Juni"
_MONTH_BEFORE = (
    r"im|in|en|a|em|ab|au mois de|en el mes de|nel mese di|no mes de|anfang|mitte|"
    r"ende|debut|fin|finales de|principios de|inizio|fine|"
    r"(?:\d{1,2}(?:er|\.)?|primo|premier)(?: de)?"
)
_PARTS = {
    "anfang": "early", "debut": "early", "principios de": "early", "inizio": "early",
    "mitte": "mid", "ende": "late", "fin": "late", "finales de": "late", "fine": "late",
}  # fmt: skip
# Whole phrases, folded -> English: weekends and parties of two said without a number.
_PHRASES = {
    r"(?:ein )?langes wochenende|(?:un )?long week[ -]end": "a long weekend",
    r"wochenende|week[ -]end|fin de semana|fine settimana|fim de semana": "weekend",
    r"zu zweit|a deux|en pareja|in coppia|a dois": "for 2 people",
    r"allein|seul|seule|solo|sola|sozinho|sozinha": "alone",
    r"meiner frau|ma femme|mi esposa|mi mujer|mia moglie|minha esposa|minha mulher": "my wife",
    r"meinem mann|mon mari|mi marido|mio marito|meu marido": "my husband",
    r"meinem partner|meiner partnerin|mon partenaire|ma partenaire|mi pareja|"
    r"il mio partner|la mia partner|meu parceiro|minha parceira": "my partner",
    r"meinen kindern|meinen kinder|mes enfants|mis hijos|mis ninos|i miei figli|"
    r"miei figli|meus filhos": "my kids",
    r"meinen eltern|mes parents|mis padres|i miei genitori|miei genitori|meus pais": "my parents",
    r"meinen freunden|mes amis|mis amigos|i miei amici|miei amici|meus amigos": "my friends",
}
# "for": the prepositions of a party ("für 2 Personen", "pour 2", "para 3", "per 4")
_FOR = r"fur|pour|para|per"


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    numbers = "|".join(sorted((w.strip() for w in _NUMBERS), key=len, reverse=True))
    patterns = []
    for english, words in _UNITS.items():
        patterns.append(
            (re.compile(rf"\b(?:({_FOR}) )?(\d{{1,3}}|{numbers})[ -]({words})\b"), english)
        )
    return patterns


_MONTH_PATTERN = re.compile(
    rf"\b({_MONTH_BEFORE}) ({'|'.join(_MONTHS.values())})\b(?: (?:de )?(\d{{4}}))?"
)
_ENGLISH_MONTH = {word: english for english, words in _MONTHS.items() for word in words.split("|")}
# A cheap first look: is there anything here worth rewriting?
_ANY = re.compile(r"\b(?:" + "|".join([*_UNITS.values(), *_MONTHS.values(), *_PHRASES]) + r")\b")


def _number(word: str) -> str:
    return word if word.isdigit() else str(_NUMBERS[word])


def _plain(char: str) -> str:
    """One character, lower case and without its accent: "Ä" -> "a" (one for one)."""
    base = unicodedata.normalize("NFKD", char)[0].lower()
    return base if len(base) == 1 else char


# Chat shorthand in the words the recognisers read: "4 nts", "bangkok 4n +", "wknd",
# "me n my gf". Each keeps the letters around it, so place names read as written.
_SHORTHAND = [
    (re.compile(r"\b(\d{1,2}) ?(?:nts?|nites?|nghts?)\b", re.I), r"\1 nights"),
    (re.compile(r"\b(\d{1,2})n(?=\s*(?:[+,&;)]|and\b|then\b|$))", re.I), r"\1 nights"),
    (re.compile(r"\b(\d{1,2}) ?(?:dys?)\b", re.I), r"\1 days"),
    (re.compile(r"\bwk(?:e?nd|end)s?\b", re.I), "weekend"),
    (re.compile(r"\b(\d{1,2}) ?wks?\b", re.I), r"\1 weeks"),
    (
        re.compile(r"\b(me|you|him|her|us|mum|mom|dad|wife|husband|gf|bf) n (?=\w)", re.I),
        r"\1 and ",
    ),
]


def expand_shorthand(text: str) -> str:
    """``text`` with chat shorthand written out ("4 nts" -> "4 nights", "wknd" ->
    "weekend"); the same text when it has none."""
    for pattern, replacement in _SHORTHAND:
        text = pattern.sub(replacement, text)
    return text


def to_english(text: str) -> str:
    """``text`` with its foreign length, party and month phrases in English; the same
    text when it has none. Only the matched phrases change: capitals and accents stay
    elsewhere, so place names read as written."""
    text = expand_shorthand(text)
    text = re.sub(r"\bw/o\b", "without", text)
    text = re.sub(r"\bw/(?=\s?\w)", "with ", text)  # "w/ kids", "w/pool"
    # "wife & kids", "+ kid"; not in names ("Resort & Spa")
    text = re.sub(r"(?<=\w) ?(?:&|\+) ?(?=[a-z])", " and ", text)
    text = re.sub(
        r"\b(?:mit|avec)\b"
        r"|\b(?:con|com)\b(?= (?:\d|mi|mis|mia|mio|miei|i miei|la|il|minha|meu|meus))",
        "with",
        text,
    )
    plain = text.lower() if text.isascii() else "".join(_plain(c) for c in text)
    if not _ANY.search(plain):
        return text
    spans: list[tuple[int, int, str]] = []
    for pattern, english in _patterns():
        for match in pattern.finditer(plain):
            lead = "for " if match[1] else ""
            spans.append((match.start(), match.end(), f"{lead}{_number(match[2])} {english}"))
    for phrases, english in _PHRASES.items():
        for match in re.finditer(rf"\b(?:{phrases})\b", plain):
            if not any(a <= match.start() < b for a, b, _ in spans):
                spans.append((match.start(), match.end(), english))
    for match in _MONTH_PATTERN.finditer(plain):
        spans.append((match.start(), match.end(), _month(match)))
    for start, end, english in sorted(spans, reverse=True):
        text = text[:start] + english + text[end:]
    return text


def _month(match: re.Match[str]) -> str:
    before, english = match[1], _ENGLISH_MONTH[match[2]]
    year = f" {match[3]}" if match[3] else ""
    day = re.match(r"(\d{1,2})", before)
    if day:
        return f"{english} {day[1]}{year}"
    if before in ("primo", "premier"):
        return f"{english} 1{year}"
    return f"{_PARTS.get(before, 'in')} {english}{year}"
