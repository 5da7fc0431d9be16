"""tripdesigner_kernel: design trips by chatting, in Jupyter.

``%load_ext tripdesigner_kernel`` registers ``%tripchat``. Sessions live in one
kernel-global ``KernelState`` and survive every code reload. Imports are lazy so
loading the extension stays fast.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tripdesigner_kernel.kernel import KernelState

__version__ = "0.1.0"
__all__ = [
    "ChatWidget",
    "check_for_reload",
    "kernel_state",
    "load_ipython_extension",
    "unload_ipython_extension",
]


def __getattr__(name: str) -> Any:
    if name == "ChatWidget":  # imported on use: ipywidgets is not needed to load the extension
        from tripdesigner_kernel.ui.widget import ChatWidget

        return ChatWidget
    raise AttributeError(name)


def _shell() -> Any:
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return get_ipython()


def kernel_state() -> KernelState:
    """The trip designer state of the current IPython shell (or of this process)."""
    from tripdesigner_kernel.kernel import state_for

    return state_for(_shell())


def load_ipython_extension(shell: Any) -> None:
    """Register ``%tripchat`` and the reload guard. Loading twice changes nothing."""
    from tripdesigner_kernel.kernel import state_for
    from tripdesigner_kernel.ui.magics import TripChatMagics
    from tripdesigner_kernel.ui.questions import protect_question_marks

    state = state_for(shell)
    cleanup = shell.input_transformers_cleanup
    if not any(getattr(t, "__name__", "") == protect_question_marks.__name__ for t in cleanup):
        cleanup.append(protect_question_marks)
    if state.settings not in shell.configurables:
        shell.configurables.append(state.settings)
    shell.register_magics(TripChatMagics)
    callbacks = shell.events.callbacks
    if state.guard.pre_run_cell not in callbacks["pre_run_cell"]:
        # First in the list: runs before autoreload, while the old code is still loaded.
        callbacks["pre_run_cell"].insert(0, state.guard.pre_run_cell)
    if state.guard.post_execute not in callbacks["post_execute"]:
        shell.events.register("post_execute", state.guard.post_execute)
    state.guard.record_new_modules()
    if state._environment_read:  # loaded again: hear other kernels' commits again
        state.placement.watch()
    state.read_environment()


def unload_ipython_extension(shell: Any) -> None:
    """Remove the magics and callbacks; the sessions stay on the shell for a reload."""
    from tripdesigner_kernel.kernel import STATE_ATTRIBUTE

    state = getattr(shell, STATE_ATTRIBUTE, None)
    shell.input_transformers_cleanup[:] = [
        t
        for t in shell.input_transformers_cleanup
        if getattr(t, "__name__", "") != "protect_question_marks"
    ]
    magics = shell.magics_manager.magics
    for kind in ("line", "cell"):
        magics[kind].pop("tripchat", None)
    shell.magics_manager.registry.pop("TripChatMagics", None)
    if state is None:
        return
    for event, callback in (
        ("pre_run_cell", state.guard.pre_run_cell),
        ("post_execute", state.guard.post_execute),
    ):
        while callback in shell.events.callbacks[event]:
            shell.events.unregister(event, callback)
    if state.settings in shell.configurables:
        shell.configurables.remove(state.settings)
    state.placement.unwatch()  # the listener thread ends with the extension


def check_for_reload(state: KernelState | None = None) -> None:
    """For widget and comm callbacks (no ``pre_run_cell`` fires for them):
    run the reload guard, then IPython autoreload's own check."""
    shell = _shell()
    state = state or kernel_state()
    state.guard.check()
    if shell is None:
        return
    autoreload = shell.magics_manager.registry.get("AutoreloadMagics")
    if autoreload is not None:
        # autoreload reports its own errors; a click must still work.
        with contextlib.suppress(Exception):
            autoreload.pre_run_cell(None)


def note_new_modules(state: KernelState | None = None) -> None:
    """After a widget or comm callback: what ``post_execute`` does after a cell.

    Modules first imported during the callback get their times noted, by the guard and by
    autoreload, or the first edit to them would go unnoticed.
    """
    state = state or kernel_state()
    state.guard.record_new_modules()
    shell = _shell()
    autoreload = shell.magics_manager.registry.get("AutoreloadMagics") if shell else None
    if autoreload is not None:
        with contextlib.suppress(Exception):
            autoreload.post_execute_hook()
