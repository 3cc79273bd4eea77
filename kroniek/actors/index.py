"""The alias index: every name, adjective, metonym and agent word under its folded token key.

Built once per language (``build_index`` is cached) and matched by looking up n-grams that
start at each token: a dict probe per candidate length, no per-alias regex, so scanning an
article costs a few hundred dict lookups.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from kroniek import lang as lang_data
from kroniek.actors.kb import KB
from kroniek.actors.kb import load as load_kb
from kroniek.actors.normalize import (
    TOKEN_RE,
    Token,
    case_signature,
    fold,
    is_acronym,
    key_of,
    plain,
)

# Entry kinds, in the order that decides between entries on the same words.
KINDS = ("none", "person", "org", "inst", "country", "seat", "cref", "adj", "people", "one",
         "agent", "org_seat", "surname")  # "none": a phrase that names nobody ("vragende partij")
_PRIORITY = {k: i for i, k in enumerate(KINDS)}
# What a Dutch genitive -s may attach to: "Ruslands", "Poetins", "Vladimir Poetins".
GENITIVE_KINDS = frozenset({"person", "surname", "country"})


@dataclass(frozen=True)
class Entry:
    kind: str
    target: str            # actor id (ISO3, org id, person id) or "" for agents
    sig: tuple[int, ...]   # case signature of the alias as written
    alias: str
    sector: str | None = None
    data: Any = None       # agent spec (dict) or country-ref list


@dataclass
class Index:
    lang: str | None
    keys: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)  # first key -> lengths
    glue: dict[str, frozenset[tuple[str, ...]] | frozenset[str]] = field(default_factory=dict)
    stop_names: frozenset[str] = frozenset()
    surname_people: dict[str, list[str]] = field(default_factory=dict)
    genitive_s: bool = False  # the language marks possession with a bare -s ("Ruslands")

    def add(self, phrase: str, entry: Entry) -> None:
        key = key_of(phrase)
        if not key:
            return
        bucket = self.keys.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    def finish(self) -> None:
        lengths: dict[str, set[int]] = defaultdict(set)
        for key, bucket in self.keys.items():
            lengths[key[0]].add(len(key))
            bucket.sort(key=lambda e: _PRIORITY[e.kind])
        self.lengths = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}

    def match_at(self, tokens: list[Token], i: int) -> tuple[int, list[Entry]] | None:
        """Longest alias starting at token ``i`` whose case fits: ``(length, entries)``."""
        for n in self.lengths.get(tokens[i].key, ()):
            if i + n > len(tokens):
                continue
            bucket = self.keys.get(tuple(t.key for t in tokens[i:i + n]))
            if not bucket:
                continue
            window = tokens[i:i + n]
            fits = [e for e in bucket if _case_fits(e, window)]
            if fits:
                return n, fits
        return None


    def match_genitive(self, tokens: list[Token], i: int) -> tuple[int, list[Entry]] | None:
        """A name, surname or country with a genitive -s on its last word ("Poetins")."""
        first = tokens[i].key
        lengths = set(self.lengths.get(first, ()))
        if len(tokens[i].text) > 4:
            lengths.update(n for n in self.lengths.get(fold(tokens[i].text[:-1]), ()) if n == 1)
        for n in sorted(lengths, reverse=True):
            if i + n > len(tokens):
                continue
            last = tokens[i + n - 1]
            if not (last.cap and len(last.text) > 4 and last.text.endswith("s")):
                continue
            stem = fold(last.text[:-1])
            bucket = self.keys.get(tuple(t.key for t in tokens[i:i + n - 1]) + (stem,))
            if not bucket:
                continue
            window = tokens[i:i + n]
            fits = [e for e in bucket if e.kind in GENITIVE_KINDS and _case_fits(e, window)]
            if fits:
                return n, fits
        return None


def _case_fits(entry: Entry, window: list[Token]) -> bool:
    """Whether the text's capitals fit the alias as written (:func:`case_signature`).

    Two more checks keep short names from meeting common words: a short all-capitals word is
    an acronym ("CAO", the collective labour agreement, is not the surname "Cao"), and a name
    word of up to three letters must be spelt as written, not merely transliterate to it
    ("Hoe", a question word, folds to the key of "Hu", "Daar" to that of "Dar")."""
    sig = entry.sig
    if len(sig) != len(window):
        return False
    for need, tok in zip(sig, window, strict=True):
        if need == 2 and not tok.upper:
            return False
        if need == 1 and (not tok.cap or (tok.upper and is_acronym(tok.text))):
            return False
        if need == 3 and tok.cap:  # a word that, capitalised, is part of a name
            return False
    if any(need == 1 for need in sig):
        words = [plain(m.group()) for m in TOKEN_RE.finditer(entry.alias)]
        if len(words) == len(window) and any(
                need == 1 and len(word) <= 3 and plain(tok.text) != word
                for need, tok, word in zip(sig, window, words, strict=True)):
            return False
    return True


def _langs(lang: str | None) -> tuple[str, ...]:
    return (lang,) if lang else ("nl", "en")


def agent_data(lang: str) -> dict[str, Any]:
    return lang_data.load(lang, "agents") or {}


def _add_country_aliases(idx: Index, kb: KB, langs: tuple[str, ...]) -> None:
    for c in kb.countries.values():
        for lg in langs:
            for name in c.names.get(lg, []):
                idx.add(name, Entry("country", c.id, case_signature(name), name))
            for adj in c.adjectives.get(lg, []):
                idx.add(adj, Entry("adj", c.id, case_signature(adj), adj))
            for dem in c.people.get(lg, []):
                idx.add(dem, Entry("people", c.id, case_signature(dem), dem))
            for sector, per_lang in c.seats.items():
                for seat in per_lang.get(lg, []):
                    idx.add(seat, Entry("seat", c.id, case_signature(seat), seat, sector))


def singular_demonyms(kb: KB, lang: str) -> dict[str, list[str]]:
    """One person of a nationality ("de Oekraïner", "een Rus"): the language's irregular forms
    plus those its suffix rules derive from the plural demonyms ("Oekraïners" -> "Oekraïner").
    A derived form that spells a name, adjective or plural of any country is dropped."""
    spec = agent_data(lang).get("singular_demonyms") or {}
    taken = {key_of(w) for c in kb.countries.values()
             for w in [*c.names.get(lang, []), *c.adjectives.get(lang, []), *c.people.get(lang, [])]}
    out: dict[str, list[str]] = {k: list(v) for k, v in (spec.get("words") or {}).items()}
    for c in kb.countries.values():
        for plural in c.people.get(lang, []):
            for suffix, repl in spec.get("suffixes") or []:
                if plural.endswith(suffix) and len(plural) > len(suffix) + 2:
                    one = plural[:-len(suffix)] + repl
                    if key_of(one) not in taken and one not in out.setdefault(c.id, []):
                        out[c.id].append(one)
    return out


def _add_singular_demonyms(idx: Index, kb: KB, langs: tuple[str, ...]) -> None:
    for lg in langs:
        for iso3, words in singular_demonyms(kb, lg).items():
            if iso3 not in kb.countries:
                continue
            for w in words:
                idx.add(w, Entry("one", iso3, case_signature(w), w, "CVL"))


def _add_org_aliases(idx: Index, kb: KB, langs: tuple[str, ...]) -> None:
    for o in kb.organizations.values():
        for lg in langs:
            for name in o.names.get(lg, []):
                idx.add(name, Entry("org", o.id, case_signature(name), name, o.sector))
            for seat in o.metonyms.get(lg, []):
                idx.add(seat, Entry("org_seat", o.id, case_signature(seat), seat, o.sector))


def _add_institutions(idx: Index, kb: KB, langs: tuple[str, ...]) -> None:
    for inst in kb.institutions:
        for lg in langs:
            for name in inst.names.get(lg, []):
                idx.add(name, Entry("inst", inst.country, case_signature(name), name,
                                    inst.sector))


def surname_variants(name: str, surname: str, aliases: list[str]) -> list[str]:
    """The surname as each alias spells it: "Hassan Rohani" gives "Rohani" when the name is
    "Hassan Rouhani". Only aliases that start with the name's given names count, so an alias
    in another order ("Kim Jong Un" for surname "Kim") never yields a wrong surname."""
    nk, sk = key_of(name), key_of(surname)
    if not sk or nk[-len(sk):] != sk:
        return []
    given = nk[:-len(sk)]
    out = []
    for alias in aliases:
        words = alias.split()
        if len(words) > len(given) and key_of(" ".join(words[:len(given)])) == given:
            rest = " ".join(words[len(given):])
            if key_of(rest) != sk:
                out.append(rest)
    return out


def _add_people(idx: Index, kb: KB) -> None:
    for p in kb.people.values():
        for name in [p.name, *p.aliases]:
            idx.add(name, Entry("person", p.id, case_signature(name), name))
        for sur in [p.surname, *surname_variants(p.name, p.surname, p.aliases)]:
            idx.add(sur, Entry("surname", p.id, case_signature(sur), sur))
            people = idx.surname_people.setdefault(" ".join(key_of(sur)), [])
            if p.id not in people:
                people.append(p.id)


def _add_agents(idx: Index, langs: tuple[str, ...]) -> None:
    glue: dict[str, set[Any]] = defaultdict(set)
    stop: set[str] = set()
    for lg in langs:
        data = agent_data(lg)
        for spec in data.get("agents", []):
            for word in spec["words"]:
                sig = case_signature(word)
                if spec.get("lowercase"):  # "Indian National Congress" is no Indian national
                    sig = tuple(3 for _ in sig)
                idx.add(word, Entry("agent", "", sig, word, spec["sector"], spec))
        for phrase in data.get("not_agents", []):
            idx.add(phrase, Entry("none", "", case_signature(phrase), phrase))
        for ref in data.get("country_refs", []):
            for word in ref["words"]:
                idx.add(word, Entry("cref", "", case_signature(word), word, None,
                                    tuple(ref.get("countries", ()))))
        for name in ("articles", "place_prepositions", "modifiers", "former", "name_particles",
                     "locators", "place_nouns", "coordinators", "describing"):
            glue[name].update(k for w in data.get(name, []) for k in key_of(w))
        glue["place_heads"].update(key_of(w) for w in data.get("place_heads", []))
        nouns = data.get("demonym_nouns") or {}
        glue["demonym_articles"].update(k for w in nouns.get("articles", []) for k in key_of(w))
        glue["demonym_followers"].update(
            k for w in nouns.get("followers", []) for k in key_of(w))
        glue["linkers"].update(key_of(w) for w in data.get("linkers", []))
        glue["possessive"].update(data.get("possessive", []))
        stop.update(key_of(w)[0] for w in data.get("stop_names", []) if key_of(w))
        idx.genitive_s = idx.genitive_s or bool(data.get("genitive_s"))
        home = data.get("home") or {}
        if home.get("country"):
            glue["home_country"].add(home["country"])
            glue["home_words"].update(key_of(w) for w in home.get("words", []))
    idx.glue = {k: frozenset(v) for k, v in glue.items()}
    idx.stop_names = frozenset(stop)


@cache
def build_index(lang: str | None, people_path: str | None = None) -> Index:
    """All aliases a text in ``lang`` may use (both languages when ``lang`` is None)."""
    kb = load_kb(people_path)
    langs = _langs(lang)
    idx = Index(lang)
    _add_country_aliases(idx, kb, langs)
    _add_singular_demonyms(idx, kb, langs)
    _add_org_aliases(idx, kb, langs)
    _add_institutions(idx, kb, langs)
    _add_people(idx, kb)
    _add_agents(idx, langs)
    idx.finish()
    return idx
