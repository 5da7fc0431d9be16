"""The pre-reload hook: when service code changes on disk, drop the cached services.

IPython has no pre-reload event. This guard is a ``pre_run_cell`` callback put
first in the list, so it runs before autoreload and still sees the old code;
a ``post_execute`` callback notes the modules imported during the cell. Only
the service cache is cleared: sessions live elsewhere and are never touched.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

PACKAGE = "tripdesigner_kernel"
MESSAGE = (
    "[tripdesigner] service code changed: cleared {n} cached service(s), {m} session(s) preserved"
)


def _source_file(module: ModuleType) -> str | None:
    path = getattr(module, "__file__", None)
    if not path or not path.endswith(".py"):
        return None
    return path


class ReloadGuard:
    """Watches our modules and any module registered as service code."""

    def __init__(self, on_change: Callable[[], tuple[int, int]]) -> None:
        # ``on_change`` clears the services and returns (services cleared, sessions kept).
        self.on_change = on_change
        self.extra_modules: set[str] = set()
        self._mtimes: dict[str, tuple[str, int]] = {}  # module name -> (file, mtime_ns)
        self._seen_module_count = -1

    def watch(self, module_name: str) -> None:
        """Treat ``module_name`` (a user's designer plugin, say) as service code."""
        self.extra_modules.add(module_name)
        self._seen_module_count = -1

    def _is_watched(self, name: str) -> bool:
        return name == PACKAGE or name.startswith(PACKAGE + ".") or name in self.extra_modules

    def record_new_modules(self) -> None:
        """Note the mtimes of watched modules we have not seen (post_execute)."""
        modules = sys.modules
        if len(modules) == self._seen_module_count:
            return  # nothing was imported since the last look
        self._seen_module_count = len(modules)
        for name, module in list(modules.items()):
            if name in self._mtimes or module is None or not self._is_watched(name):
                continue
            path = _source_file(module)
            if path is None:
                continue
            try:
                self._mtimes[name] = (path, os.stat(path).st_mtime_ns)
            except OSError:
                continue

    def changed_modules(self) -> list[str]:
        """Watched modules whose file changed since last noted; notes the new times."""
        changed = []
        stat = os.stat
        # Copies: a widget's turn runs on a worker thread while cells note new modules.
        for name, (path, mtime) in list(self._mtimes.items()):
            try:
                now = stat(path).st_mtime_ns
            except OSError:
                continue
            if now != mtime:
                changed.append(name)
        for name in changed:
            path = self._mtimes[name][0]
            self._mtimes[name] = (path, stat(path).st_mtime_ns)
        return changed

    def code_identity(self) -> dict[str, int]:
        """Identity of each watched module's loaded code; a reload gives it a new ``__spec__``."""
        modules = sys.modules
        identity = {}
        for name in list(self._mtimes):
            module = modules.get(name)
            if module is not None:
                identity[name] = id(getattr(module, "__spec__", None))
        return identity

    def check(self) -> bool:
        """Drop the services if service code changed on disk; True when it did."""
        if not self.changed_modules():
            return False
        self.report(*self.on_change())
        return True

    @staticmethod
    def report(cleared: int, preserved: int) -> None:
        print(MESSAGE.format(n=cleared, m=preserved))

    # IPython callbacks -------------------------------------------------------------

    def pre_run_cell(self, info: Any = None) -> None:
        self.check()

    def post_execute(self) -> None:
        self.record_new_modules()
