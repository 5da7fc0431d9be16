"""A PostgreSQL address for sessions, whose password is never shown.

``postgresql://[user[:password]@]host[:port]/dbname[?schema=NAME&...]``: ``schema`` (ours, by
default ``tripdesigner``) is taken off; every other parameter goes to libpq as written. A
password may also come from ``PGPASSWORD`` or ``~/.pgpass``, which libpq reads itself.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

SCHEMES = ("postgresql://", "postgres://")
DEFAULT_SCHEMA = "tripdesigner"
SCHEMA_PATTERN = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def is_postgres_url(text: str) -> bool:
    """True when ``text`` names a PostgreSQL server."""
    return text.strip().lower().startswith(SCHEMES)


class PostgresURL:
    """A parsed address: ``shown`` is safe to print; ``conninfo()`` holds the password.

    ValueError (without the password) for an address that cannot be used.
    """

    __slots__ = ("_conninfo", "schema", "shown")

    def __init__(self, text: str) -> None:
        parts = urlsplit(text.strip())
        if not is_postgres_url(text) or not (parts.hostname or parts.path.strip("/")):
            raise ValueError(
                "A PostgreSQL address looks like postgresql://USER@HOST:PORT/DBNAME "
                "(the password from the address, $PGPASSWORD or ~/.pgpass)."
            )
        query = parse_qsl(parts.query, keep_blank_values=True)
        schema = dict(query).get("schema", DEFAULT_SCHEMA)
        if not SCHEMA_PATTERN.fullmatch(schema):
            raise ValueError(
                f"schema={schema!r}: use lower-case letters, digits and _ (at most 63)."
            )
        self.schema = schema
        kept = urlencode([(k, v) for k, v in query if k != "schema"])
        self._conninfo = urlunsplit((parts.scheme, parts.netloc, parts.path, kept, ""))
        user = quote(unquote(parts.username)) + "@" if parts.username else ""
        host = parts.hostname or ""
        host = f"[{host}]" if ":" in host else host
        try:
            port = f":{parts.port}" if parts.port else ""
        except ValueError:
            raise ValueError("The port in the PostgreSQL address is not a number.") from None
        suffix = "" if schema == DEFAULT_SCHEMA else f"?schema={schema}"
        self.shown = f"postgresql://{user}{host}{port}{parts.path}{suffix}"

    def conninfo(self) -> str:
        """What libpq connects with (the password included, if the address had one)."""
        return self._conninfo

    @property
    def has_password(self) -> bool:
        return urlsplit(self._conninfo).password is not None

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, PostgresURL) and other._conninfo == self._conninfo

    def __hash__(self) -> int:
        return hash(self.shown)

    def __repr__(self) -> str:
        return f"PostgresURL({self.shown!r})"

    def __str__(self) -> str:
        return self.shown

    def __reduce__(self) -> Any:
        raise TypeError("a database address with its password cannot be pickled")
