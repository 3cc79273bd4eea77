"""The places table: mentions in context (exonyms, ambiguous names, names that are not places).

The figure is printed; at least 95% of the rows must be right."""

from __future__ import annotations

from pathlib import Path

from kroniek.places import find

DATA = Path(__file__).parent / "data" / "places.tsv"


def rows() -> list[list[str]]:
    return [line.split("\t") for line in DATA.read_text("utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def correct(lang: str, text: str, mention: str, name: str, iso3: str) -> tuple[bool, str]:
    at = text.index(mention)
    found = find(text, lang)
    if name == "NONE":
        hits = [p for p in found if p.start < at + len(mention) and at < p.end]
        return not hits, str([(p.text, p.name, p.country) for p in hits])
    hits = [p for p in found if p.start == at and p.end == at + len(mention)]
    if not hits:
        return False, f"not found; got {[(p.text, p.name, p.country) for p in found]}"
    p = hits[0]
    ok = p.name == name and p.country == iso3 and p.lat is not None and p.lon is not None
    return ok, f"{p.name}/{p.country}"


def test_places_table() -> None:
    table = rows()
    assert len(table) >= 150
    wrong = []
    for lang, text, mention, name, iso3 in table:
        ok, got = correct(lang, text, mention, name, iso3)
        if not ok:
            wrong.append(f"{lang} {mention!r} in {text!r}: want {name}/{iso3}, got {got}")
    score = 1 - len(wrong) / len(table)
    print(f"\nplaces: {len(table) - len(wrong)}/{len(table)} correct = {score:.3f}")
    for w in wrong:
        print("  WRONG", w)
    assert score >= 0.95
