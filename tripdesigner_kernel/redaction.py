"""Finding secrets by name and by value, so no key leaves in a file or an option.

A field is secret when its name, split into words (``api-key``, ``apiKey``,
``X-API-Key`` all give ``api key``), names a credential; a string is secret where
it looks like one: a provider key (``sk-...``, ``ghp_...``, ``AIza...``), an HTTP
credential (``Bearer ...``, ``Basic ...``), a password in a URL, a JSON Web Token, or
a long random-looking token. Counts of model tokens (``tokens``, ``total_tokens``)
are not secrets.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from typing import Any

REDACTED = "[redacted]"

# Words that make a field name a secret's, whatever else the name says.
_SECRET_WORDS = frozenset(
    {
        "password", "passwd", "pwd", "passphrase", "secret", "secrets", "authorization",
        "auth", "bearer", "credential", "credentials", "cookie", "apikey", "token",
        "privatekey", "signature",
    }
)  # fmt: skip
# "key" is a secret's name when it is the last word: api_key, openai_key, x-api-key.
_KEY_WORDS = frozenset({"key", "keys"})

_PATTERNS = [
    r"\b(?:sk|pk|rk|or)-[A-Za-z0-9_\-]{16,}",  # OpenAI, OpenRouter, Anthropic, Stripe
    r"\b(?:ghp|gho|ghu|ghs|ghr|github_pat|hf|glpat|xox[abprs])[_-][A-Za-z0-9_\-]{16,}",
    r"\bAIza[A-Za-z0-9_\-]{30,}",  # Google
    r"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b",  # AWS access key id
    r"\beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]*",  # JSON Web Token
    r"(?<=://)[^/\s:@]+:[^/\s@]+(?=@)",  # user:password@ in a URL
]
_KNOWN = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
# An HTTP credential: the word, then something that is no English word (a digit, "=", long).
_HTTP = re.compile(r"\b(?i:bearer|basic|token)(?:\s+|\s*[:=]\s*)([A-Za-z0-9._~+/=\-]{8,})")
_RUN = re.compile(r"[A-Za-z0-9+/=_\-]{30,}")
_PIECE = re.compile(r"[A-Za-z0-9]{30,}")
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")


class Secret:
    """An API key in memory: never shown by ``repr`` or ``str``, never pickled.

    Held instead of the plain text wherever a traceback's locals could show it.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('********')"

    __str__ = __repr__

    def __reduce__(self) -> Any:
        raise TypeError("an API key cannot be pickled")


def name_words(name: str) -> list[str]:
    """``'X-API-Key'`` -> ``['x', 'api', 'key']``; ``'apiKey'`` -> ``['api', 'key']``."""
    return [word.lower() for word in _WORD.findall(name)]


def is_secret_name(name: str) -> bool:
    """True for a field or option name that names a credential (``api-key``, ``token``)."""
    words = name_words(name)
    if not words:
        return False
    joined = "".join(words)
    if any(word in _SECRET_WORDS for word in words) or any(
        part in joined for part in ("apikey", "accesskey", "secretkey", "privatekey", "password")
    ):
        return True
    return words[-1] in _KEY_WORDS


def _random_looking(piece: str) -> bool:
    digits = sum(c.isdigit() for c in piece)
    letters = sum(c.isalpha() for c in piece)
    if digits < 2 or letters < 2:
        return False
    counts = Counter(piece)
    entropy = -sum(n / len(piece) * math.log2(n / len(piece)) for n in counts.values())
    return entropy >= 3.0


def _credential_like(word: str) -> bool:
    """Not an English word: long, padded, with digits, or with case flips (base64)."""
    flips = sum(a.islower() and b.isupper() for a, b in itertools.pairwise(word))
    return len(word) >= 24 or word.endswith("=") or any(c.isdigit() for c in word) or flips >= 2


def _secret_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _KNOWN.finditer(text)]
    for match in _HTTP.finditer(text):
        if _credential_like(match.group(1)):
            spans.append(match.span())
    for run in _RUN.finditer(text):
        if any(_random_looking(p.group()) for p in _PIECE.finditer(run.group())):
            spans.append(run.span())
    return spans


def looks_like_secret(text: str) -> bool:
    """True when ``text`` holds anything shaped like a key, token or password."""
    return bool(_secret_spans(text))


def redact_text(text: str, known: str | None = None) -> str:
    """``text`` with ``known`` (a key in hand) and anything key-shaped replaced."""
    if known:
        text = text.replace(known, REDACTED)
    spans = sorted(_secret_spans(text))
    if not spans:
        return text
    pieces, position = [], 0
    for start, end in spans:
        if end <= position:
            continue
        pieces.append(text[position : max(start, position)])
        pieces.append(REDACTED)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def redact(value: Any) -> Any:
    """A copy of JSON-shaped ``value`` without secret-named fields or secret-looking text.

    Private bookkeeping fields (names starting with ``_``) are dropped too.
    """
    if isinstance(value, dict):
        return {
            key: redact(item)
            for key, item in value.items()
            if not (
                str(key).startswith("_") or is_secret_name(str(key)) or looks_like_secret(str(key))
            )
        }
    if isinstance(value, list):
        return [redact(item) for item in value]
    if isinstance(value, str):
        return redact_text(value)
    return value
