"""The cache of services, keyed by ``service_key``; kept light so loading stays fast."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)


@dataclass
class _Entry:
    service: Any
    code: dict[str, int]  # module name -> identity of its code when the service was built


class ServiceCache:
    """Services by ``service_key``; each remembers the code it was built from."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}

    def get_or_build(
        self, key: str, build: Callable[[], Any], code: dict[str, int]
    ) -> tuple[Any, bool]:
        """The cached service, or a new one; True as second item when the code changed."""
        entry = self._entries.get(key)
        stale = entry is not None and any(
            code.get(name, ident) != ident for name, ident in entry.code.items()
        )
        if entry is None or stale:
            if entry is not None:
                _close(entry.service)
            entry = self._entries[key] = _Entry(build(), dict(code))
        return entry.service, stale

    def clear(self) -> int:
        """Close and drop every service; the number dropped."""
        entries, self._entries = self._entries, {}
        for entry in entries.values():
            _close(entry.service)
        return len(entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Any]:
        return iter([entry.service for entry in self._entries.values()])

    def __repr__(self) -> str:
        return f"<ServiceCache: {len(self)} service(s)>"


def _close(service: Any) -> None:
    try:
        service.close()
    except Exception:  # an old service failing to close must not block the new code
        log.warning("closing a cached service failed", exc_info=True)
