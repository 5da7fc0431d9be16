"""Whether a short message gives the offline designer anything to read.

The magics use it to tell a stray word (``%tripchat frobnicate``) from a message: a word
that names no place and nothing of a trip is more likely a mistyped command than a
request, and is not worth a turn and a place in the session's history.
"""

from __future__ import annotations

from datetime import date


def reads_as_travel(text: str, today: date) -> bool:
    """Whether ``text`` names a place or anything the designer reads as travel.

    A place: any city or town by any of its names ("lisboa", "Wien"), a close misspelling
    of a well-known city ("Barcelonna"), a country or a region. Travel: a length, dates,
    the party, money, wishes, a travel word ("weekend", "beach"), a follow-up edit
    ("cheaper", "undo"), or thanks.
    """
    from tripdesigner_kernel.designers.offline.edits import understand_edit
    from tripdesigner_kernel.designers.offline.understanding import understand
    from tripdesigner_kernel.designers.offline.understanding.intents import THANKS, about_travel
    from tripdesigner_kernel.knowledge.cities import city_index, close_city
    from tripdesigner_kernel.knowledge.text import fold

    folded = fold(text)
    if city_index().has_name(folded, towns=True) or close_city(text) is not None:
        return True
    if understand_edit(text):
        return True
    request = understand(text, today)
    return bool(
        request.stays or request.origin or about_travel(folded, request) or THANKS.match(folded)
    )
