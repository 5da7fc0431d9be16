"""The designer registry: built-ins and plugins both come from one entry-point group."""

from __future__ import annotations

import logging
from importlib.metadata import entry_points

from tripdesigner_kernel.designers.base import DesignerFactory

ENTRY_POINT_GROUP = "tripdesigner_kernel.designers"
log = logging.getLogger(__name__)

# Built-ins, used only when the package's metadata is missing (a source checkout
# that was never installed); installed, they come through the entry points.
_FALLBACK = {
    "offline": "tripdesigner_kernel.designers.offline:OfflineDesigner",
    "openai": "tripdesigner_kernel.designers.llm:OpenAIDesigner",
}


class UnknownDesignerError(LookupError):
    """No designer has that name."""

    def __str__(self) -> str:
        return str(self.args[0])


class DesignerRegistry:
    """Names to designer factories. Entry points load on first use."""

    def __init__(self) -> None:
        self._factories: dict[str, DesignerFactory] = {}
        self._discovered = False

    def register(self, name: str, factory: DesignerFactory) -> None:
        """Add or replace a designer, e.g. one defined in a notebook."""
        self._factories[name] = factory

    def _discover(self) -> None:
        if self._discovered:
            return
        self._discovered = True
        found = {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}
        targets: dict[str, object] = dict(_FALLBACK)
        targets.update(found)
        for name, target in targets.items():
            if name in self._factories:
                continue
            try:
                if isinstance(target, str):
                    module_name, _, attr = target.partition(":")
                    module = __import__(module_name, fromlist=[attr])
                    factory = getattr(module, attr)
                else:
                    factory = target.load()  # type: ignore[attr-defined]
            except Exception:  # a broken plugin must not break the others
                log.warning("designer plugin %r failed to load; skipped", name, exc_info=True)
                continue
            self._factories[name] = factory

    def names(self) -> list[str]:
        self._discover()
        return sorted(self._factories)

    def factory(self, name: str) -> DesignerFactory:
        self._discover()
        try:
            return self._factories[name]
        except KeyError:
            raise UnknownDesignerError(
                f"No designer {name!r}. Available: {', '.join(self.names())}."
            ) from None


registry = DesignerRegistry()
