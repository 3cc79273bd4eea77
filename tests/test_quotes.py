"""Quotes: the project's own test table (tests/data/quotes-*.jsonl) and the apostrophe rule.

The table scores the whole finder at once: a quote counts as found only with its exact span
text and its direct/indirect flag; a quote it finds that the table does not list counts
against it too. Speakers are judged on ``speaker_text`` and, where the case names actors,
on the resolved actor id.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from kroniek.model import Actor, Analysis, Document, Span
from kroniek.quotes import create, find

DATA = Path(__file__).parent / "data"


def _cases(lang: str) -> list[dict]:
    with open(DATA / f"quotes-{lang}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def mentions(text: str, actors: list[dict]) -> list[Actor]:
    """An ``Actor`` per occurrence of each listed name, longest names first."""
    taken: list[tuple[int, int]] = []
    out: list[Actor] = []
    names = sorted(((m, a) for a in actors for m in a["mentions"]), key=lambda x: -len(x[0]))
    for name, a in names:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if any(m.start() < e and m.end() > s for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append(Actor(a["id"], a["name"], a["kind"], mention=Span(name, m.start(), m.end())))
    return sorted(out, key=lambda x: x.mention.start)  # type: ignore[union-attr]


def score(lang: str, parse: Any = None) -> tuple[float, float, list[str]]:
    exact = spurious = expected = speaker_ok = 0
    problems: list[str] = []
    for case in _cases(lang):
        text = case["text"]
        found = find(text, lang, mentions(text, case["actors"]),
                     parse(text) if parse is not None else None)
        for q in found:
            assert text[q.start:q.end] == q.text, (case["id"], q)
        by_key = {(q.text, q.direct): q for q in found}
        want = {(e["text"], e["direct"]) for e in case["quotes"]}
        for q in found:
            if (q.text, q.direct) not in want:
                spurious += 1
                problems.append(f"{case['id']} extra {q.text!r} direct={q.direct}")
        for e in case["quotes"]:
            expected += 1
            q = by_key.get((e["text"], e["direct"]))
            if q is None:
                problems.append(f"{case['id']} missed {e['text']!r} direct={e['direct']}")
                continue
            exact += 1
            ok = q.speaker_text == e["speaker_text"]
            if ok and "speaker_id" in e:
                ok = q.speaker is not None and q.speaker.id == e["speaker_id"]
            if ok and "addressee_id" in e:
                ok = q.addressee is not None and q.addressee.id == e["addressee_id"]
            if ok:
                speaker_ok += 1
            else:
                problems.append(f"{case['id']} speaker {q.speaker_text!r} "
                                f"({q.speaker.id if q.speaker else None}) for {e['text']!r}, "
                                f"want {e['speaker_text']!r} ({e.get('speaker_id')})")
    span = exact / (expected + spurious) if expected + spurious else 1.0
    speaker = speaker_ok / expected if expected else 1.0
    return span, speaker, problems


@pytest.mark.parametrize("lang,minimum", [("nl", 80), ("en", 40)])
def test_table_size(lang: str, minimum: int) -> None:
    assert len(_cases(lang)) >= minimum


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_quote_table(lang: str) -> None:
    span, speaker, problems = score(lang)
    print(f"[{lang}] quote span exact: {span:.1%}")
    print(f"[{lang}] speaker correct: {speaker:.1%}")
    for p in problems:
        print("  ", p)
    assert span >= 0.95
    assert speaker >= 0.90


@pytest.mark.slow
def test_quote_table_with_english_parse(en_parser) -> None:  # noqa: ANN001
    """The same table with sentence ends from en_core_web_sm instead of our own splitter."""
    nlp = en_parser
    span, speaker, problems = score("en", lambda text: nlp(text))
    print(f"[en+parse] quote span exact: {span:.1%}")
    print(f"[en+parse] speaker correct: {speaker:.1%}")
    assert span >= 0.95 and speaker >= 0.90, problems


IN_WORD = [
    ("nl", "'s Ochtends ging hij naar 's-Hertogenbosch, 's avonds terug."),
    ("nl", "Het was d'r eigen schuld, vond ze, en 't was al laat."),
    ("nl", "De baby's, de auto's en de foto's van de opa's."),
    ("nl", "Een rapport van O'Brien en D'Hondt over 'n zaak uit de jaren '80."),
    ("nl", "Zo'n plan, m'n idee, z'n fout, 's zomers en 's winters."),
    ("nl", "Agnes' fiets stond naast Kees' auto bij de ministers' ingang."),
    ("en", "O'Brien's report on the '90s rock 'n' roll scene didn't mention y'all."),
    ("en", "The ministers' meeting and James' speech weren't over till 'em all left."),
    ("en", "It's the company's third quarter; they'd've known, wouldn't they?"),
    ("en", "In the ’90s O’Brien’s band played rock ’n’ roll at the Queen’s party."),
    ("en", "Travellers' cheques, the Joneses' house and Charles' horse."),
]


@pytest.mark.parametrize("lang,text", IN_WORD)
def test_in_word_apostrophes_make_no_quote(lang: str, text: str) -> None:
    assert find(text, lang) == []


def test_apostrophes_inside_a_real_quote_do_not_break_it() -> None:
    text = "'O'Brien's plan didn't work in the '90s either,' she said."
    [q] = find(text, "en")
    assert q.text == "O'Brien's plan didn't work in the '90s either,"
    assert q.speaker_text == "she"


def test_possessive_before_the_closing_mark() -> None:
    text = "'The ministers' plan will not survive the winter,' the senator said."
    [q] = find(text, "en")
    assert q.text == "The ministers' plan will not survive the winter,"
    assert q.speaker_text == "the senator"


def test_pronoun_resolves_to_the_last_person_outside_the_quote() -> None:
    text = "Minister Kaag sprak in Brussel. “Ik heb Borrell gebeld,” zei ze."
    actors = [{"id": "A:kaag", "name": "Sigrid Kaag", "kind": "person", "mentions": ["Kaag"]},
              {"id": "A:borrell", "name": "Josep Borrell", "kind": "person",
               "mentions": ["Borrell"]}]
    [q] = find(text, "nl", mentions(text, actors))
    assert q.speaker_text == "ze" and q.speaker is not None and q.speaker.id == "A:kaag"


def test_surname_refers_back_to_the_full_name() -> None:
    text = "Sergej Lavrov landde in Peking. “Wij zoeken samenwerking,” zei Lavrov."
    people = [Actor("A:lavrov", "Sergej Lavrov", "person",
                    mention=Span("Sergej Lavrov", 0, 13))]
    [q] = find(text, "nl", people)
    assert q.speaker is not None and q.speaker.id == "A:lavrov"
    assert q.speaker.mention is not None and q.speaker.mention.text == "Lavrov"


def test_no_actor_means_no_invented_speaker() -> None:
    [q] = find("“Wij gaan door,” zei Jan Jansen.", "nl", [])
    assert q.speaker_text == "Jan Jansen" and q.speaker is None


def test_language_without_cues_still_finds_quotes() -> None:
    [q] = find("« Nous ne céderons pas », a déclaré le ministre.", "fr")
    assert q.text == "Nous ne céderons pas" and q.direct and q.speaker_text is None


def test_sentences_from_a_parse_are_used_when_given() -> None:
    class Sent:
        def __init__(self, end: int) -> None:
            self.end_char = end

    class Doc:
        def __init__(self, ends: list[int]) -> None:
            self.sents = [Sent(e) for e in ends]

    text = "“Dit is onzin. Echt waar.” Dat zei Lavrov."
    # a parser that splits inside the quote and before the closing mark
    doc = Doc([14, 25, len(text)])
    [q] = find(text, "nl", nlp_doc=doc)
    assert q.text == "Dit is onzin. Echt waar." and q.speaker_text == "Lavrov"


def test_stage_fills_analysis_quotes() -> None:
    text = "“We blijven Oekraïne steunen,” zei Rutte. Hij zei dat er meer geld komt."
    a = Analysis(doc=Document(id="d1", text=text), lang="nl")
    a.actor_mentions = [Actor("A:rutte", "Mark Rutte", "person", mention=Span("Rutte", 35, 40))]
    create("nl", {})(a)
    assert [(q.text, q.direct, q.speaker.id if q.speaker else None) for q in a.quotes] == [
        ("We blijven Oekraïne steunen,", True, "A:rutte"),
        ("er meer geld komt", False, "A:rutte"),
    ]
    for q in a.quotes:
        d = q.to_dict()
        assert d["speaker_text"] in ("Rutte", "Hij")


@pytest.mark.parametrize("text", ["", "   ", "“", "”", "\"\"\"", ",,''", "‘’‘’", "«»«", "'" * 50,
                                  "“Open maar nooit dicht, zei hij", "zei dat", "according to",
                                  "\n\n“\n“\n”", "x" * 5000, "“a” " * 300])
def test_bad_input_never_raises(text: str) -> None:
    for lang in ("nl", "en", "xx", ""):
        for q in find(text, lang):
            assert text[q.start:q.end] == q.text
