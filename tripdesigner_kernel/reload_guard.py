"""The pre-reload hook: when service code changes on disk, drop the cached services.

IPython has no pre-reload event. This guard is a ``pre_run_cell`` callback put
first in the list, so it runs before autoreload and still sees the old code;
a ``post_execute`` callback notes the modules imported during the cell. Only
the service cache is cleared: sessions live elsewhere and are never touched.

``%autoreload 3`` patches every class a reloaded module holds, pydantic's own
``BaseModel`` included, and fails inside IPython (printing the error twice). So
modules that hold pydantic models are taken out of its hands (marked skipped,
as ``%aimport -MODULE`` would) and this guard reloads them itself, plainly, when
their file changes: sessions are JSON, so no old model instance needs patching.
"""

from __future__ import annotations

import importlib
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

    def __init__(self, on_change: Callable[[], tuple[int, int]], shell: Any = None) -> None:
        # ``on_change`` clears the services and returns (services cleared, sessions kept).
        self.on_change = on_change
        self.shell = shell
        self.model_modules: set[str] = set()  # watched modules that hold pydantic models
        self._taken: dict[str, bool] = {}  # taken from autoreload -> %aimport-ed by name
        self.extra_modules: set[str] = set()
        self._mtimes: dict[str, tuple[str, int]] = {}  # module name -> (file, mtime_ns)
        self._seen_module_count = -1
        # module name -> (id of its __spec__, file mtime_ns when that spec was first seen)
        self._loaded: dict[str, tuple[int, int]] = {}

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
                mtime = os.stat(path).st_mtime_ns
            except OSError:
                continue
            self._mtimes[name] = (path, mtime)
            self._loaded[name] = (id(getattr(module, "__spec__", None)), mtime)
            if _holds_pydantic_models(module):
                self.model_modules.add(name)

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
        """Each watched module's loaded code, as the file's mtime when that code was loaded.

        A reload gives a module a new ``__spec__``; the file time noted at the first sight
        of that spec tells a reload of changed code (a new time) from a reload of the same
        file (``%reload_ext``, an idle ``importlib.reload``), which changes no code.
        """
        modules = sys.modules
        identity = {}
        for name, (path, _) in list(self._mtimes.items()):
            module = modules.get(name)
            if module is None:
                continue
            spec = id(getattr(module, "__spec__", None))
            seen = self._loaded.get(name)
            if seen is None or seen[0] != spec:
                try:
                    seen = (spec, os.stat(path).st_mtime_ns)
                except OSError:
                    seen = (spec, -1)
                self._loaded[name] = seen
            identity[name] = seen[1]
        return identity

    def check(self) -> bool:
        """Drop the services if service code changed on disk; True when it did.

        Model modules taken from ``%autoreload 3`` are reloaded here, before autoreload runs.
        """
        reloader = self._autoreloader()
        if reloader is not None:
            self._take_model_modules(reloader)
        changed = self.changed_modules()
        if not changed:
            return False
        self.report(*self.on_change())
        if reloader is not None:
            self._reload_taken(reloader, changed)
        return True

    def _autoreloader(self) -> Any:
        """IPython autoreload's ``ModuleReloader`` when it is loaded and on, else None."""
        magics_manager = getattr(self.shell, "magics_manager", None)
        magics = magics_manager.registry.get("AutoreloadMagics") if magics_manager else None
        reloader = getattr(magics, "_reloader", None)
        return reloader if getattr(reloader, "enabled", False) else None

    def _take_model_modules(self, reloader: Any) -> None:
        if not getattr(reloader, "autoload_obj", False):  # only mode 3 breaks on them
            return
        for name in self.model_modules.difference(self._taken):
            self._taken[name] = name in reloader.modules
            reloader.mark_module_skipped(name)

    def _reload_taken(self, reloader: Any, changed: list[str]) -> None:
        for name in changed:
            if name not in self._taken or name not in reloader.skip_modules:
                continue  # not ours to reload (or given back with %aimport NAME)
            if not (reloader.check_all or self._taken[name]):
                continue  # mode 1 reloads only %aimport-ed modules
            module = sys.modules.get(name)
            if module is None:
                continue
            try:
                importlib.reload(module)
            except Exception as error:  # a syntax error in the edit: say so, keep the old code
                print(f"[tripdesigner] reloading {name} failed: {type(error).__name__}: {error}")

    @staticmethod
    def report(cleared: int, preserved: int) -> None:
        print(MESSAGE.format(n=cleared, m=preserved))

    # IPython callbacks -------------------------------------------------------------

    def pre_run_cell(self, info: Any = None) -> None:
        self.check()

    def post_execute(self) -> None:
        self.record_new_modules()


def _holds_pydantic_models(module: ModuleType) -> bool:
    # A widget's turn may be importing pydantic on its worker thread right now: a module
    # still being initialised has no BaseModel yet.
    base = getattr(sys.modules.get("pydantic"), "BaseModel", None)
    if base is None:
        return False
    return any(
        isinstance(value, type) and issubclass(value, base) for value in vars(module).values()
    )
