"""Time to resolve dates and places in a 500-word news article (target: under 5 ms together).

Run: .venv/bin/python bench/bench_time_places.py
The article is written for the benchmark (Dutch and English); index building is timed apart,
since it happens once per process in ``create``.
"""

from __future__ import annotations

import statistics
import time

from kroniek.model import PartialDate
from kroniek.places import find
from kroniek.time import resolve

NL = (
    "Gisteren sprak de premier in Den Haag met de vakbonden over de pensioenen. Volgens de "
    "minister wordt in december een akkoord verwacht. Afgelopen dinsdag demonstreerden "
    "duizenden mensen in Amsterdam en Rotterdam tegen de plannen. Op 12 juni komt de Kamer "
    "opnieuw bijeen, en eind mei moet het advies van de Raad van State binnen zijn. "
    "In Brussel zei de Europese Commissie vorige week dat Nederland de begroting moet bijstellen. "
    "Drie dagen geleden reisde de minister van Buitenlandse Zaken naar Moskou en Kiev. "
    "Begin april werd in Genève overlegd over een wapenstilstand in Syrië en de Gazastrook. "
)
EN = (
    "Yesterday the prime minister met union leaders in London to discuss pensions. A deal is "
    "expected in December, the minister said. Last Tuesday thousands of people marched in "
    "Manchester and Birmingham against the plans. On June 12 parliament meets again, and the "
    "advice is due in late May. In Brussels the European Commission said last week that Britain "
    "must revise its budget. Three days ago the foreign secretary travelled to Moscow and Kyiv. "
    "In early April talks on a ceasefire in Syria and the Gaza Strip were held in Geneva. "
)


def article(paragraph: str, words: int = 500) -> str:
    out: list[str] = []
    while len(" ".join(out).split()) < words:
        out.append(paragraph)
    return " ".join(" ".join(out).split()[:words])


def timeit(fn, repeat: int = 200) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples), sorted(samples)[int(len(samples) * 0.95) - 1]


def main() -> None:
    for lang, paragraph, date in (("nl", NL, "2018-05-16"), ("en", EN, "2018-05-17")):
        text = article(paragraph)
        doc_date = PartialDate.parse(date)
        t = time.perf_counter()
        resolve("", lang, doc_date)
        dates = resolve(text, lang, doc_date)
        first_time = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        places = find(text, lang)
        first_place = (time.perf_counter() - t) * 1000
        d_med, d_p95 = timeit(lambda t=text, lg=lang, d=doc_date: resolve(t, lg, d))
        p_med, p_p95 = timeit(lambda t=text, lg=lang: find(t, lg))
        b_med, b_p95 = timeit(lambda t=text, lg=lang, d=doc_date: (resolve(t, lg, d), find(t, lg)))
        print(f"[{lang}] {len(text.split())} words, {len(dates)} dates, {len(places)} places")
        print(f"  first call (builds patterns / gazetteer): dates {first_time:.0f} ms, places {first_place:.0f} ms")
        print(f"  dates  median {d_med:.2f} ms  p95 {d_p95:.2f} ms")
        print(f"  places median {p_med:.2f} ms  p95 {p_p95:.2f} ms")
        print(f"  both   median {b_med:.2f} ms  p95 {b_p95:.2f} ms  (target < 5 ms)")


if __name__ == "__main__":
    main()
