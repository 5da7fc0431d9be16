"""Widget clicks run what a cell runs first: the reload guard, then autoreload's check.

A click arrives as a comm message, so no ``pre_run_cell`` fires and, without this, a
click after an edit would run old code (see DESIGN.md on ``AutoreloadMagics``). The
handler is looked up on its widget after the check, so a reloaded method's new code
runs; what the guard or autoreload said is handed back for the widget's status line.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from typing import Any


def check_for_reload_quietly(state: Any) -> str:
    """Run the reload guard and autoreload's check; what they printed, as one line."""
    from tripdesigner_kernel import check_for_reload

    said = io.StringIO()
    with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
        check_for_reload(state)
    return " ".join(line.strip() for line in said.getvalue().splitlines() if line.strip())


def guarded(
    widget: Any,
    handler: Callable[..., None],
    on_notice: Callable[[str], None],
    pass_change: bool = False,
) -> Callable[..., None]:
    """``handler`` wrapped for ``on_click`` or ``observe``: check first, note modules after.

    ``widget.state`` is the kernel state; while ``widget._picking`` is true the widget is
    setting its own controls and nothing runs. With ``pass_change`` the handler gets the
    traitlets change (``observe``); else it is called with no argument.
    """
    name = getattr(handler, "__name__", "")
    is_method = getattr(handler, "__self__", None) is widget

    def clicked(*args: Any) -> None:
        if getattr(widget, "_picking", False):
            return
        notice = check_for_reload_quietly(widget.state)
        if notice:
            on_notice(notice)
        target = getattr(widget, name) if is_method else handler
        try:
            if pass_change:
                target(args[0])
            else:
                target()
        finally:
            from tripdesigner_kernel import note_new_modules

            note_new_modules(widget.state)

    return clicked
