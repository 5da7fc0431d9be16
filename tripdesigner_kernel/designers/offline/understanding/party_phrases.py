"""Party phrases as people type them, put in the words ``party`` reads: "me + gf",
"me and the bf", "my 70 yo mum", "our baby (1 yr)"; and a trip for others only ("my
parents want to see Vienna": the two of them, not the writer too).

Kept apart from ``party`` (the recogniser itself): this module only rewrites the
message's party words and says when the writer stays home.
"""

from __future__ import annotations

import re

from tripdesigner_kernel.designers.offline.vocabulary import COMPANIONS

_WHO = "|".join(sorted((re.escape(w) for w in COMPANIONS), key=len, reverse=True))
_REWRITES = [
    # "me + gf", "me & my wife", "parents+me": "and"
    (re.compile(r"\s*(?:\+|&)\s*"), " and "),
    # "me and the bf", "with the wife": whose they are
    (re.compile(rf"\b(me|i|myself|with|and|plus)\s+the\s+(?=(?:{_WHO})s?\b)", re.I), r"\1 my "),
    # "me and gf", "me and 2 friends" stay; "me and gf" -> "me and my gf"
    (re.compile(rf"\b(me|i|myself)\s+and\s+(?=(?:{_WHO})\b)", re.I), r"\1 and my "),
    # "70 yo", "70yo", "5 y/o", "1 yr", "3 yrs", "(1 yr)": years old
    (
        re.compile(r"\b(\d{1,2})\s*(?:y\.?\s?o\.?|y/o|yrs?|years?)(?:\s*old)?(?![\w/])", re.I),
        r"\1 years old",
    ),
]
# "my parents want to see Vienna": the subject travels, and no word says the writer does.
_OTHERS_TRAVEL = re.compile(
    rf"\b(?:my|our) (?:(?:\d{{1,2}} years old|elderly|old|retired) )?(?:{_WHO})s?"
    r"(?: \d{1,2})?(?: and (?:my |our )?\w+)? (?:want|wants|would like|d like|would love|"
    r"are going|is going|"
    r"are visiting|is visiting|are planning|is planning|plan|plans|are travell?ing|"
    r"is travell?ing|will travel|are flying|is flying|need|needs|have always wanted|"
    r"ha(?:ve|s) never been)\b"
)
_WRITER = re.compile(
    r"\b(?:i|me|we|us|myself|ourselves|with|together|join\w*|accompany\w*|taking|take|"
    r"bring\w*|i m|i ll|i d|we re|we ll|let s)\b"
)


def party_text(text: str) -> str:
    """``text`` with party phrases in the words the party recogniser reads."""
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    return text


def only_others_travel(folded: str) -> bool:
    """Whether the message is about a trip for others alone: "my parents want to see
    Vienna", with no "I", "we", "with"... saying the writer comes too."""
    if not _OTHERS_TRAVEL.search(folded):
        return False
    rest = re.sub(r"\b(?:my|our) \w+", " ", folded)
    return not _WRITER.search(rest)
