"""Mentions in a text -> actors: scan with the alias index, combine, then resolve in context.

One pass over the tokens finds every alias (longest match first); a second pass reads the
matches left to right and combines them the way news text does: a country adjective or name
with a generic agent ("de Russische minister van Buitenlandse Zaken", "Russia's foreign
minister", "VN-chef"), an agent with "van/of" and a country or organisation ("de president van
Rusland"), an agent with a name in apposition ("president Poetin", "de Franse activist Jean
Dupont"). Offices become the person who held them at the document date when exactly one did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from kroniek.actors.context import ParseRoles, dominant
from kroniek.actors.coref import DocState
from kroniek.actors.dates import active, known_by, last_role, role_at
from kroniek.actors.gazetteer import place_country
from kroniek.actors.index import Entry, Index
from kroniek.actors.kb import KB, Person
from kroniek.actors.normalize import Token, key_of, plain, slug, tokenize
from kroniek.model import Actor, Entity, PartialDate, Span

_MODIFIER_KINDS = ("adj", "country", "people", "org")
_SALIENT = ("supreme_leader", "head_of_state", "head_of_government")
_SENT_END = set(".!?:;\"'“”‘’«»()[]")


@dataclass
class Match:
    i: int
    j: int
    entries: list[Entry]
    genitive: bool = False  # "Ruslands", "Poetins": the name owns what follows

    def first(self, *kinds: str) -> Entry | None:
        for e in self.entries:
            if e.kind in kinds:
                return e
        return None


HYPHENS = frozenset({"-", "‐", "‑"})  # joining two halves of one name: "OVD-Info"
NAME_LABELS = frozenset({"PER", "ORG", "MISC"})
# a capitalised word joined by a hyphen to the name right after / before it
_LEFT_HALF = re.compile(r"(?<![\w\-‐‑])[A-Z][\w.]*[-‐‑]$")
_RIGHT_HALF = re.compile(r"[-‐‑][A-Z]\w*(?![\w\-‐‑])")


@cache
def _title_words(words: tuple[str, ...]) -> tuple[frozenset[tuple[str, ...]], frozenset[str]]:
    """The words of an agent's line in agents.yaml as matching keys (for coreference) and in
    plain spelling (to compare with the first word of an alias: "King Salman")."""
    return frozenset(key_of(w) for w in words), frozenset(plain(w) for w in words)


def _line_words(spec: dict) -> tuple[frozenset[tuple[str, ...]], frozenset[str]]:
    return _title_words(tuple(spec.get("words", ())))


def _joined_label(a: Entity, b: Entity) -> str:
    """The label of the half with more words (Pierre-Marie Dupont: PER); on a tie ORG wins
    (OVD-Info, Hewlett-Packard: names of one word each are mostly organisations)."""
    na, nb = len(a.text.split()), len(b.text.split())
    if na != nb:
        return a.label if na > nb else b.label
    return "ORG" if "ORG" in (a.label, b.label) else a.label


def elided(idx: Index, tokens: list[Token], text: str, i: int) -> list[Entry] | None:
    """The first conjunct of a shared head: "Noord- en Zuid-Korea", "Oost- en West-Duitsland",
    "North and South Korea". Token ``i`` ("Noord") borrows the rest of the name that follows the
    coordinator ("Korea"), so each conjunct becomes its own actor, never a merged one."""
    coords = idx.glue.get("coordinators", frozenset())
    k = i + 1
    if not tokens[i].cap or k + 1 >= len(tokens) or tokens[k].key not in coords:
        return None
    if text[tokens[i].end:tokens[k].start].strip() not in ("-", "–", ""):
        return None
    hit = idx.match_at(tokens, k + 1)
    if hit is None or hit[0] < 2:
        return None
    borrowed = [tokens[i], *tokens[k + 2:k + 1 + hit[0]]]
    own = idx.match_at(borrowed, 0)
    return own[1] if own is not None and own[0] == len(borrowed) else None


def scan(idx: Index, tokens: list[Token], text: str = "") -> list[Match]:
    out: list[Match] = []
    i, n = 0, len(tokens)
    while i < n:
        hit = idx.match_at(tokens, i)
        genitive = False
        if hit is None and idx.genitive_s and tokens[i].cap:
            hit = idx.match_genitive(tokens, i)
            genitive = hit is not None
        if hit is None and text:
            entries = elided(idx, tokens, text, i)
            hit = (1, entries) if entries else None
        if hit:
            out.append(Match(i, i + hit[0], hit[1], genitive))
            i += hit[0]
        else:
            i += 1
    return out


class Resolver:
    """Resolves one text; cheap to make (the index and KB are shared and read-only)."""

    def __init__(self, text: str, idx: Index, kb: KB, date: PartialDate | None,
                 entities: list[Entity] | None, nlp_doc: Any = None) -> None:
        self.text, self.idx, self.kb, self.date = text, idx, kb, date
        self.roles = ParseRoles(nlp_doc)
        self.tokens = tokenize(text)
        self.entities = entities
        self.per_starts = {e.start: e for e in entities or [] if e.label == "PER"}
        self.state = DocState()
        self.out: list[Actor] = []
        g = idx.glue
        self.articles = g.get("articles", frozenset())
        self.place = g.get("place_prepositions", frozenset())
        self.modifiers = g.get("modifiers", frozenset())
        self.former = g.get("former", frozenset())
        self.particles = g.get("name_particles", frozenset())
        self.linkers = g.get("linkers", frozenset())
        self.locators = g.get("locators", frozenset())
        self.describing = g.get("describing", frozenset())
        self.possessive = g.get("possessive", frozenset())
        self.place_nouns = g.get("place_nouns", frozenset())
        self.place_heads = g.get("place_heads", frozenset())
        self.demonym_articles = g.get("demonym_articles", frozenset())
        self.demonym_followers = g.get("demonym_followers", frozenset())
        self.of = frozenset(lk[0] for lk in self.linkers if len(lk) == 1)
        self.matches: list[Match] = []
        self.home = next(iter(g.get("home_country", ())), None)
        self.home_words = g.get("home_words", frozenset())

    # ---------------------------------------------------------------- small helpers
    def gap(self, a: int, b: int) -> str:
        """Text between token a's end and token b's start."""
        return self.text[self.tokens[a].end:self.tokens[b].start]

    def adjacent(self, a: int, b: int) -> bool:
        """Tokens a and b (a < b) are next to each other with only space or a hyphen between."""
        return b == a + 1 and self.gap(a, b).strip(" \t\n-–") == ""

    def sentence_initial(self, i: int) -> bool:
        if i == 0:
            return True
        before = self.text[:self.tokens[i].start].rstrip()
        return not before or before[-1] in _SENT_END

    def span(self, i: int, j: int) -> Span:
        s, e = self.tokens[i].start, self.tokens[j - 1].end
        return Span(self.text[s:e], s, e)

    def is_place(self, i: int) -> bool:
        """A place preposition before token i (skipping articles and modifiers), or a place
        noun with "van/of" ("de straten van Minsk", "the outskirts of Kyiv")."""
        k = i - 1
        while k >= 0 and (self.tokens[k].key in self.articles or
                          self.tokens[k].key in self.modifiers) and k > i - 3:
            k -= 1
        if k >= 1 and self.tokens[k].key in self.of:
            return self.tokens[k - 1].key in self.place_nouns
        return k >= 0 and self.tokens[k].key in self.place

    def is_former(self, i: int) -> bool:
        k = i - 1
        while k >= 0 and k > i - 4:
            key = self.tokens[k].key
            if key in self.former:
                return True
            if key not in self.articles and key not in self.modifiers:
                return False
            k -= 1
        return False

    def name_neighbour(self, m: Match, covered: set[int]) -> bool:
        """A proper-name token right before or after: the match is part of another name."""
        i, j = m.i, m.j
        if i > 0 and self.adjacent(i - 1, i) and (i - 1) not in covered:
            prev = self.tokens[i - 1]
            if prev.cap and not self.sentence_initial(i - 1) and prev.key not in self.particles:
                return True
        if j < len(self.tokens) and self.adjacent(j - 1, j) and j not in covered:
            nxt = self.tokens[j]
            if nxt.cap and nxt.key not in self.idx.stop_names:
                return True
        return False

    def inside_larger_entity(self, m: Match) -> bool:
        s, e = self.tokens[m.i].start, self.tokens[m.j - 1].end
        for ent in self.entities or []:
            if ent.label in ("PER", "ORG") and ent.start <= s and e <= ent.end and (
                    ent.end - ent.start) > (e - s):
                return True
        return False

    # ---------------------------------------------------------------- actor builders
    def person(self, pid: str, sp: Span) -> Actor:
        p = self.kb.people[pid]
        role = role_at(p, self.date)
        if role is not None:
            country = role.country or self._org_country(role.org)
            return Actor(p.id, p.name, "person", country, role.sector, p.wikidata, sp,
                         org=role.org)
        past = last_role(p, self.date)
        country = (past.country or self._org_country(past.org)) if past else None
        return Actor(p.id, p.name, "person", country, None, p.wikidata, sp)

    def _org_country(self, org: str | None) -> str | None:
        o = self.kb.organizations.get(org or "")
        return o.country if o else None

    def country(self, iso3: str, sp: Span) -> Actor:
        c = self.kb.countries[iso3]
        return Actor(c.id, c.name, "country", c.id, None, c.wikidata, sp)

    def org(self, oid: str, sp: Span) -> Actor:
        o = self.kb.organizations[oid]
        return Actor(o.id, o.name, "organization", o.country, o.sector, o.wikidata, sp, org=o.id)

    def group(self, iso3: str | None, sector: str, sp: Span,
              candidates: list[str] | None = None) -> Actor:
        sname = self.kb.sectors.get(sector, sector).lower()
        if iso3 is None:
            return Actor(sector, sname, "group", None, sector, None, sp, candidates or [])
        return Actor(f"{iso3}-{sector}", f"{self.kb.countries[iso3].name} {sname}", "group",
                     iso3, sector, None, sp)

    def holders(self, where: str, roles: list[str]) -> list[Person]:
        """People holding the first of ``roles`` (in order) that anyone held at the date."""
        for role in roles:
            found = list({p.id: p for p, r in self.kb.offices.get((where, role), ())
                          if active(r, self.date)}.values())
            if found:
                return found
        return []

    # ---------------------------------------------------------------- main loop
    def run(self) -> list[Actor]:
        found = scan(self.idx, self.tokens, self.text)
        covered = {t for m in found for t in range(m.i, m.j)}
        # a phrase that names nobody ("vragende partij") only keeps its words from other readings
        matches = self.matches = [m for m in found if m.entries[0].kind != "none"
                                  and not (m.genitive and self.in_org_entity(m))]
        k = 0
        while k < len(matches):
            k = self.step(matches, k, covered)
        self.unknown_entities()
        self.out.sort(key=lambda a: a.mention.start if a.mention else -1)
        return self.out

    def emit(self, actor: Actor, surname_key: str | None = None) -> None:
        self.out.append(actor)
        self.state.note(actor, surname_key)

    def step(self, ms: list[Match], k: int, covered: set[int]) -> int:
        m = ms[k]
        nxt = ms[k + 1] if k + 1 < len(ms) else None
        agent_next = nxt.first("agent") if nxt else None
        mod = m.first(*_MODIFIER_KINDS)
        # "in Israeli jails", "op Russische bodem": an adjective with a place noun is a place
        if mod and mod.kind == "adj" and (nxt is None or nxt.i != m.j):
            n = self.place_head(m.j)
            if n:
                sp = self.span(m.i, m.j + n)
                self.out.append(Actor(f"loc:{slug(sp.text)}", sp.text, "location", mod.target,
                                      None, None, sp))
                return k + 1
        # 0. coordinated holders sharing one agent: "Russian and Chinese troops",
        #    "de Duitse en Franse inlichtingendiensten": each holder gets the agent
        if mod and mod.kind == "adj" and nxt and not agent_next:
            shared = self.shared_agent(ms, k)
            if shared is not None:
                self.emit(self.office_actor(mod.target, mod.target in self.kb.organizations,
                                            shared.data or {}, self.is_former(m.i),
                                            self.span(m.i, m.j)))
                return k + 1
        # 1. holder + agent: "Russische minister", "Russia's foreign minister", "VN-chef"
        if mod and agent_next and nxt and self.links_forward(m, nxt):
            return self.office(ms, k, k + 1, mod, agent_next, m.i)
        # 1b. a person's genitive + agent: "Trump's administration", "Poetins regering"
        owner = m.first("person", "surname")
        if owner and agent_next and nxt and self.possessive_link(m, nxt):
            return self.owned_office(ms, k, owner, agent_next, covered)
        # a body known by its own name beats the generic word ("het Congres", "Openbaar
        # Ministerie"): the institution is specific, the agent word is not
        agent = m.first("agent") if m.entries[0].kind != "inst" else None
        # 2. agent + van/of + holder: "de president van Rusland"
        if agent:
            link = self.linked_holder(ms, k)
            if link is not None:
                return self.office(ms, k, k + 1, link, agent, m.i)
            return self.bare_agent(ms, k, agent)
        return self.single(m, covered, k + 1)

    def place_head(self, j: int) -> int:
        """Length of the place noun ("jails", "detention centres") at token ``j``, or 0."""
        for n in (2, 1):
            if j + n <= len(self.tokens) and self.adjacent(j - 1, j) and \
                    tuple(t.key for t in self.tokens[j:j + n]) in self.place_heads:
                return n
        return 0

    def demonym_noun(self, m: Match) -> bool:
        """A nationality adjective standing for one person: "a Ukrainian was arrested",
        "een Oekraïense werd opgepakt". The parse says whether it is a noun; without one, an
        article before and the end of the clause or a listed word after."""
        if m.i == 0 or self.tokens[m.i - 1].key not in self.demonym_articles:
            return False
        sp = self.span(m.i, m.j)
        noun = self.roles.is_noun(sp.start, sp.end)
        if noun is not None:
            return noun
        if m.j >= len(self.tokens):
            return True
        if self.gap(m.j - 1, m.j).strip():
            return True  # punctuation after: "a Ukrainian, who ..."
        return self.tokens[m.j].key in self.demonym_followers

    def origin_of_nationals(self, m: Match, k_next: int) -> bool:
        """A nationality adjective right before another country's people noun gives their
        origin, not the actor: "Turkse Nederlanders", "Russian Americans" are Dutch and
        American citizens."""
        if k_next >= len(self.matches):
            return False
        nxt = self.matches[k_next]
        people = nxt.first("people")
        return (people is not None and nxt.i == m.j and people.target != m.entries[0].target
                and not self.gap(m.j - 1, m.j).strip())

    def shared_agent(self, ms: list[Match], k: int) -> Entry | None:
        """The agent that a list of holders shares ("Russian, Chinese and Iranian troops"):
        holders joined by commas or a coordinator, the last one right before the agent."""
        coords = self.idx.glue.get("coordinators", frozenset())
        while k + 1 < len(ms):
            m, nxt = ms[k], ms[k + 1]
            between = self.tokens[m.j:nxt.i]
            gap = self.text[self.tokens[m.j - 1].end:self.tokens[nxt.i].start].strip()
            joined = (len(between) == 1 and between[0].key in coords) or (
                not between and gap == ",")
            if not joined or not nxt.first("adj"):
                return None
            after = ms[k + 2] if k + 2 < len(ms) else None
            agent = after.first("agent") if after else None
            if agent is not None and after is not None and self.links_forward(nxt, after):
                spec = agent.data or {}
                if spec.get("org_only") or spec.get("org") or spec.get("counterpart"):
                    return None
                return agent
            k += 1
        return None

    def possessive_link(self, m: Match, nxt: Match) -> bool:
        """``m`` owns ``nxt``: a genitive -s ("Poetins regering") or 's ("Trump's cabinet"),
        or a bare name before an institution word ("the Obama administration")."""
        if m.genitive:
            return nxt.i == m.j and self.adjacent(m.j - 1, nxt.i)
        spec = next((e.data for e in nxt.entries if e.kind == "agent"), None) or {}
        if nxt.i == m.j and self.gap(m.j - 1, nxt.i) == " " and not spec.get("role") and \
                spec.get("sector") == "GOV" and not self.tokens[nxt.i].cap:
            return True
        between = self.tokens[m.j:nxt.i]
        return (len(between) == 1 and between[0].key == "s" and
                self.gap(m.j - 1, m.j).strip() in self.possessive)

    def owned_office(self, ms: list[Match], k: int, owner: Entry, agent: Entry,
                     covered: set[int]) -> int:
        """The person stays a mention of their own; the office is their country's."""
        before = len(self.out)
        self.single(ms[k], covered, k + 1)
        person = self.out[-1] if len(self.out) > before else None
        if person is None or person.kind != "person" or not person.country:
            return k + 1
        holder = Entry("country", person.country, (), person.country)
        nxt = ms[k + 1]
        return self.office(ms, k + 1, k + 1, holder, agent, nxt.i)

    def links_forward(self, m: Match, nxt: Match) -> bool:
        j = m.j
        if nxt.i == j:
            return self.adjacent(j - 1, j) or self.gap(j - 1, j).strip() == ""
        # possessive: "Russia's foreign minister"
        between = self.tokens[j:nxt.i]
        if (len(between) == 1 and between[0].key == "s" and
                self.gap(j - 1, j).strip() in self.possessive):
            return True
        return all(t.key in self.modifiers or t.key in self.former for t in between) and \
            len(between) <= 2 and "," not in self.text[self.tokens[j - 1].end:
                                                        self.tokens[nxt.i].start]

    def linked_holder(self, ms: list[Match], k: int) -> Entry | None:
        """The holder after "van"/"of" ("president van Rusland") or a locative
        ("rebellen in Jemen", "refugees from Syria")."""
        m = ms[k]
        if k + 1 >= len(ms):
            return None
        h = ms[k + 1]
        between = [t.key for t in self.tokens[m.j:h.i]]
        if not between or len(between) > 2 or not all(b in self.articles
                                                       for b in between[1:]):
            return None
        gap = self.text[self.tokens[m.j - 1].end:self.tokens[h.i].start]
        if "," in gap or any(ch in _SENT_END for ch in gap):  # "gevangenen uit. De VAE ..."
            return None
        if between[0] in {lk[0] for lk in self.linkers}:
            return h.first("country", "org")
        if between[0] in self.locators and not (m.first("agent").data or {}).get("role"):
            return h.first("country", "seat")
        return None

    def office(self, ms: list[Match], k_start: int, k_end: int, holder: Entry | None,
               agent: Entry, i0: int) -> int:
        """An office phrase; returns the index of the next match to read."""
        spec = agent.data or {}
        if spec.get("counterpart"):
            spec = self.counterpart_spec(spec)
        last = ms[k_end]
        j = last.j
        where = spec.get("org") or (holder.target if holder else None)
        is_org = where in self.kb.organizations
        if holder and holder.kind != "org" and spec.get("org_only"):
            # "Russische chef" is not an office we know: read the parts alone
            self.single(ms[k_start], set(), k_start + 1)
            return k_start + 1
        former = self.is_former(i0) or any(
            t.key in self.former for t in self.tokens[i0:ms[k_end].i])
        name = self.apposition(j, ms, k_end + 1)
        if name is not None:
            end_j, pid, k_next = name
            sp = self.span(i0, end_j)
            if pid:
                self.emit(self.person(pid, sp), self._surname_key(pid))
            else:
                self.emit(self.unknown_person(i0, end_j, j, sp, where, spec, is_org))
            self.note_title(agent)
            return k_next
        actor = self.office_actor(where, is_org, spec, former, self.span(i0, j))
        named = self.candidate_named(actor, j)
        if named:
            self.emit(self.person(named, self.span(i0, j + 1)), self._surname_key(named))
            self.note_title(agent)
            return self._skip_to(ms, k_end + 1, j + 1)
        self.emit(actor)
        self.note_title(agent)
        return k_end + 1

    @staticmethod
    def fits_title(person: Person, spec: dict) -> bool:
        """With ``titled_alias`` (monarchs), only someone the actor base knows by one of the
        line's titles ("King Salman", "Koning Filip"): a republic's head of state is no king."""
        if not spec.get("titled_alias"):
            return True
        titles = _line_words(spec)[1]
        return any(plain(a.split()[0]) in titles for a in (person.name, *person.aliases) if a)

    def note_title(self, agent: Entry) -> None:
        """Remember the title the person just emitted was named with, for later coreference."""
        actor = self.out[-1]
        if actor.kind == "person":
            self.state.titles.append((key_of(agent.alias), _line_words(agent.data or {})[0], actor))

    def counterpart_spec(self, spec: dict) -> dict:
        """"zijn Amerikaanse ambtgenoot", "her Russian counterpart": the office of the person
        last named, in the other country."""
        pid = self.state.last_person(lambda p: role_at(self.kb.people[p], self.date) is not None)
        role = role_at(self.kb.people[pid], self.date) if pid else None
        return dict(spec, role=[role.role]) if role else spec

    def candidate_named(self, actor: Actor, j: int) -> str | None:
        """"de Britse koningin Elizabeth": a first name that picks one of the candidates."""
        if not actor.candidates or j >= len(self.tokens) or not self.adjacent(j - 1, j) or \
                not self.tokens[j].cap:
            return None
        key = self.tokens[j].key
        hits = [pid for pid in actor.candidates if pid in self.kb.people and any(
            key in key_of(n) for n in [self.kb.people[pid].name, *self.kb.people[pid].aliases])]
        return hits[0] if len(hits) == 1 else None

    def office_actor(self, where: str | None, is_org: bool, spec: dict, former: bool,
                     sp: Span) -> Actor:
        sector = spec.get("sector", "GOV")
        roles = spec.get("role") or []
        if where and roles and spec.get("lookup", True) and not former:
            found = [p for p in self.holders(where, roles) if self.fits_title(p, spec)]
            if len(found) == 1:
                return self.person(found[0].id, sp)
            if len(found) > 1:
                base = self.org(where, sp) if is_org else self.group(where, sector, sp)
                base.candidates = sorted(p.id for p in found)
                return base
        if where is None:
            return self.group(None, sector, sp)
        if is_org:
            return self.org(where, sp)
        return self.group(where, "ELI" if former and roles else sector, sp)

    def unknown_person(self, i0: int, end_j: int, name_i: int, sp: Span, where: str | None,
                       spec: dict, is_org: bool) -> Actor:
        name_text = self.text[self.tokens[name_i].start:self.tokens[end_j - 1].end]
        country = None if is_org else where
        sector = spec.get("sector")
        actor = Actor(f"unk:{slug(name_text)}", name_text, "person", country, sector, None, sp)
        self.state.unknown[self.tokens[end_j - 1].key] = actor
        return actor

    def apposition(self, j: int, ms: list[Match], k_next: int
                   ) -> tuple[int, str | None, int] | None:
        """A name right after an office phrase: ``(end token, person id or None, next k)``."""
        if j >= len(self.tokens) or not self.adjacent(j - 1, j) or not self.tokens[j].cap:
            return None
        if k_next < len(ms) and ms[k_next].i == j and not self.name_goes_on(ms[k_next]):
            e = ms[k_next].first("person", "surname")
            if e is not None:
                pid = e.target if e.kind == "person" else self.surname_target(ms[k_next])
                if pid:
                    return ms[k_next].j, pid, k_next + 1
            return None
        if self.tokens[j].key in self.idx.stop_names:
            return None
        ent = self.per_starts.get(self.tokens[j].start)
        if ent is not None:
            end = j
            while end < len(self.tokens) and self.tokens[end].end <= ent.end:
                end += 1
            if self.as_place(ent.text, self.span(j, end)) is not None:
                return None
            return end, None, self._skip_to(ms, k_next, end)
        end = j
        while end < len(self.tokens) and (end == j or self.adjacent(end - 1, end)) and (
                self.tokens[end].cap or (self.tokens[end].key in self.particles and
                                         end + 1 < len(self.tokens) and
                                         self.tokens[end + 1].cap)):
            end += 1
        if end - j >= 2 and self.as_place(self.span(j, end).text, self.span(j, end)) is None \
                and not self.named_as_non_person(self.tokens[j].start):
            return end, None, self._skip_to(ms, k_next, end)
        return None

    def someone_else(self, m: Match) -> bool:
        """Whether a bare surname belongs to someone the actor base does not know: the document
        named a person with that surname and another first name before ("Todd Martin ...
        Martin" is no Paul Martin). (NER's organisation label is no evidence: it tags
        "Erdogan" ORG.)"""
        start, end = self.tokens[m.i].start, self.tokens[m.j - 1].end
        key = key_of(self.text[start:end])
        longer = [(ent, name) for ent in self.entities or []
                  if ent.label == "PER" and ent.end <= start and " " in ent.text
                  and len(name := key_of(ent.text)) > len(key) and name[-len(key):] == key]
        if not longer:
            return False
        pids = {e.target for e in m.entries if e.kind == "surname" and e.target in self.kb.people}
        known = {key_of(n) for pid in pids
                 for n in (self.kb.people[pid].name, *self.kb.people[pid].aliases)}
        found = [(a.mention.start, a.mention.end) for a in self.out
                 if a.mention and a.id in pids]
        return any(name not in known and not any(s < ent.end and ent.start < e for s, e in found)
                   for ent, name in longer)

    def describes_name(self, m: Match) -> bool:
        """"Versnick als commissievoorzitter", "Rutte, as prime minister": the office says what
        the person just named is doing, it names nobody else (not the Commission's president)."""
        if m.i < 2 or self.tokens[m.i - 1].key not in self.describing \
                or self.gap(m.i - 2, m.i - 1).strip() not in ("", ","):
            return False  # (the actor tokens hold no punctuation: only a comma may come between)
        before = self.tokens[m.i - 2]
        return before.cap and before.key not in self.articles

    def figurative(self, m: Match) -> bool:
        """A title glued to a common word is a figure of speech: "de mode-koning", "the
        pop-king" (but "oud-koning", "ex-king" are former kings)."""
        if m.i == 0 or self.gap(m.i - 1, m.i) not in HYPHENS:
            return False
        prev = self.tokens[m.i - 1]
        return not prev.cap and prev.key not in self.former

    def name_goes_on(self, m: Match) -> bool:
        """Whether NER's person name runs past a surname match: in "President Nelson Mandela"
        "Nelson" is a first name, not the surname of Brendan Nelson."""
        if m.first("person") is not None:
            return False
        start, end = self.tokens[m.i].start, self.tokens[m.j - 1].end
        return any(e.label == "PER" and e.start <= start and e.end > end
                   for e in self.entities or [])

    def named_as_non_person(self, start: int) -> bool:
        """Whether NER labels the name starting at ``start`` an organisation: "het bedrijf
        Hewlett-Packard" is no person called Hewlett-Packard. (A place label is not trusted
        here: "Minister Florence Chitauro" has a first name that is also a city.)"""
        return any(e.start == start and e.label == "ORG" for e in self.entities or [])

    @staticmethod
    def _skip_to(ms: list[Match], k: int, end_token: int) -> int:
        while k < len(ms) and ms[k].i < end_token:
            k += 1
        return k

    def _surname_key(self, pid: str) -> str:
        return " ".join(key_of(self.kb.people[pid].surname))

    def surname_target(self, m: Match) -> str | None:
        """The person a bare surname points to, or None when it is not clear."""
        key = " ".join(t.key for t in self.tokens[m.i:m.j])
        pids = self.state.surnames.get(key) or [
            p for p in dict.fromkeys(e.target for e in m.entries if e.kind == "surname")
            if known_by(self.kb.people[p], self.date)]
        if len(pids) == 1:
            return pids[0]
        live = [p for p in pids if role_at(self.kb.people[p], self.date)]
        if len(live) == 1:
            return live[0]
        # a bare surname shared by several office holders means the leader ("Kim")
        for role in _SALIENT:
            top = [p for p in live if (r := role_at(self.kb.people[p], self.date)) and
                   r.role == role]
            if top:
                if len(top) == 1:
                    return top[0]
                break
        seen = set(self.state.countries)
        near = [p for p in (live or pids)
                if (r := role_at(self.kb.people[p], self.date) or
                    last_role(self.kb.people[p], self.date)) and r.holder in seen]
        return near[0] if len(near) == 1 else None

    def bare_agent(self, ms: list[Match], k: int, agent: Entry) -> int:
        m = ms[k]
        spec = agent.data or {}
        if spec.get("org_only") or (spec.get("titled_alias") and self.figurative(m)) \
                or self.describes_name(m):
            return k + 1
        if spec.get("needs_holder") and self.apposition(m.j, ms, k + 1) is None:
            return k + 1
        if spec.get("org"):
            return self.office(ms, k, k, None, agent, m.i)
        name = self.apposition(m.j, ms, k + 1)
        if name is not None:
            end_j, pid, k_next = name
            sp = self.span(m.i, end_j)
            if pid and not spec.get("role") and self.gap(m.j - 1, m.j) in ("-", "–"):
                # "het kabinet-Rutte", "de regering-Netanyahu": that person's government
                p = self.person(pid, sp)
                if p.country:
                    self.emit(self.group(p.country, spec.get("sector", "GOV"), sp))
                    return k_next
            if pid:
                self.emit(self.person(pid, sp), self._surname_key(pid))
            else:
                where = self.state.distinct_countries()
                self.emit(self.unknown_person(m.i, end_j, m.j, sp,
                                              where[0] if len(where) == 1 else None, spec, False))
            self.note_title(agent)
            return k_next
        sp = self.span(m.i, m.j)
        roles = spec.get("role") or []
        if roles and m.j < len(self.tokens) and self.tokens[m.j].key in self.of:
            # "leader of the Conservative Party", "hoofd van de delegatie": an office of
            # something that is no country or organisation we know; guessing a person is worse
            return k + 1
        former = self.is_former(m.i)
        word = key_of(agent.alias)
        if spec.get("coref") and roles and not former:
            same = self.state.titled(word)
            if same is not None:  # "King Birendra ... the king"
                self.emit(same.at(sp) if same.id.startswith("unk:") else self.person(same.id, sp))
                return k + 1
            pid = self.state.last_person(
                lambda p: (r := role_at(self.kb.people[p], self.date)) is not None
                and r.role in roles and not self.state.other_title(p, word)
                and self.fits_title(self.kb.people[p], spec))
            if pid:
                self.emit(self.person(pid, sp))
                return k + 1
        countries = self.state.distinct_countries()
        chosen = self.pick_country(m, countries)
        if chosen is not None:
            actor = self.office_actor(chosen, False, spec, former, sp)
            if actor.kind == "person" and self.state.other_title(actor.id, word):
                # "President Jiang Zemin ... the king": China's head of state is no king
                actor = self.group(None, spec.get("sector", "GOV"), sp)
            self.emit(actor)
        else:
            sector = spec.get("sector", "GOV")
            cands = [f"{c}-{sector}" for c in countries]
            self.emit(self.group(None, sector, sp, cands))
        return k + 1

    def pick_country(self, m: Match, countries: list[str]) -> str | None:
        """Whose "het kabinet" / "parliament" this is, when the document has said enough.

        One country so far: that one. Several: the only one named earlier in the same
        sentence ("Theresa May told parliament"); else the language's home country for the
        words its press uses for home institutions ("het kabinet" in Dutch news); else the
        country that clearly dominates the document so far. Otherwise None (candidates)."""
        home_word = tuple(t.key for t in self.tokens[m.i:m.j]) in self.home_words
        if not countries:
            # "het Openbaar Ministerie" in a Dutch paper that names no country yet
            return self.home if home_word else None
        if len(countries) == 1:
            return countries[0]
        start = self.tokens[m.i].start
        here = self.state.countries_since(self.sentence_start(start))
        if len(set(here)) == 1:
            return here[0]
        if self.home in countries and home_word:
            return self.home
        return dominant(self.state.countries)

    def sentence_start(self, pos: int) -> int:
        """Offset where the sentence holding ``pos`` begins (the parse's, else punctuation)."""
        found = self.roles.sentence_start(pos)
        if found is not None:
            return found
        k = pos
        while k > 0:
            ch = self.text[k - 1]
            if ch in ".!?\n" and (k >= len(self.text) or self.text[k].isspace()):
                return k
            k -= 1
        return 0

    def seat_is_place(self, m: Match) -> bool:
        """A capital as a place ("in Moskou") rather than its government ("Moskou reageerde").

        A place preposition right before it makes it a place; otherwise the parse decides
        (subject or object: the government; a noun under a place preposition: the place).
        A visit's destination ("bezocht Den Haag", "visited Moscow") is an object, so it is
        the host government, which is what an event coder wants as the target."""
        if self.is_place(m.i):
            # a place preposition right before ("in Moskou") is never outvoted: a parse that
            # hangs the capital under a name ("Xi Jinping in Moskou" as flat:name) is wrong
            return True
        sp = self.span(m.i, m.j)
        return self.roles.place_or_actor(sp.start, sp.end, self.place,
                                         self.place_nouns) == "place"

    def single(self, m: Match, covered: set[int], k_next: int) -> int:
        e = m.entries[0]
        sp = self.span(m.i, m.j)
        if e.kind == "person":
            self.emit(self.person(e.target, sp), self._surname_key(e.target))
        elif e.kind == "surname":
            if self.tokens[m.i].key in self.idx.stop_names or self.name_neighbour(m, covered) \
                    or self.inside_larger_entity(m) or self.roles.function_word(sp.start, sp.end) \
                    or self.someone_else(m):
                return k_next
            pid = self.surname_target(m)
            if pid:
                self.emit(self.person(pid, sp), self._surname_key(pid))
            else:
                cands = sorted({x.target for x in m.entries if x.kind == "surname"})
                self.emit(Actor(f"unk:{slug(sp.text)}", sp.text, "person", None, None, None, sp,
                                cands))
        elif e.kind in ("seat", "org_seat"):
            if self.name_neighbour(m, covered) or self.inside_larger_entity(m):
                return k_next
            if self.seat_is_place(m):
                country = e.target if e.kind == "seat" else None
                self.out.append(Actor(f"loc:{slug(sp.text)}", sp.text, "location", country,
                                      None, None, sp))
            elif e.kind == "seat":
                self.emit(self.group(e.target, e.sector or "GOV", sp))
            else:
                self.emit(self.org(e.target, sp))
        elif e.kind == "inst":
            if self.name_neighbour(m, covered) or self.inside_larger_entity(m):
                return k_next
            if e.sector == "LEG" and self.seat_is_place(m):  # "spoke in the Bundestag"
                self.out.append(Actor(f"loc:{slug(sp.text)}", sp.text, "location", e.target,
                                      None, None, sp))
            else:
                self.emit(self.group(e.target, e.sector or "GOV", sp))
        elif e.kind == "org":
            self.emit(self.org(e.target, sp))
        elif e.kind == "one":
            return self.one_person(m, e, k_next)
        elif e.kind in ("country", "adj", "people"):
            if e.kind == "country" and (self.inside_larger_entity(m)):
                return k_next
            if e.kind == "adj" and self.demonym_noun(m):
                self.emit(self.group(e.target, "CVL", sp))  # "a Ukrainian was arrested"
                return k_next
            if e.kind == "adj" and self.origin_of_nationals(m, k_next):
                return k_next  # "Turkse Nederlanders": the Dutch citizens are the actor
            self.emit(self.country(e.target, sp))
        elif e.kind == "cref":
            if self.is_place(m.i):
                return k_next
            allowed: tuple[str, ...] = e.data or ()
            iso = self.state.last_country(allowed)
            if iso is None and len(allowed) == 1:
                iso = allowed[0]
            if iso is None:
                iso = self.named_later(m, allowed)
            if iso is not None:
                self.emit(self.country(iso, sp))
        return k_next

    def one_person(self, m: Match, e: Entry, k_next: int) -> int:
        """"de Oekraïner", "een Rus": a civilian of that country; with a name in apposition
        ("de Rus Ivan Petrov") the person, of that country."""
        name = self.apposition(m.j, self.matches, k_next)
        if name is not None:
            end_j, pid, k_after = name
            sp = self.span(m.i, end_j)
            if pid:
                self.emit(self.person(pid, sp), self._surname_key(pid))
            else:
                self.emit(self.unknown_person(m.i, end_j, m.j, sp, e.target, {}, False))
            return k_after
        self.emit(self.group(e.target, e.sector or "CVL", self.span(m.i, m.j)))
        return k_next

    def named_later(self, m: Match, allowed: tuple[str, ...]) -> str | None:
        """"The communist state fired a missile. Pyongyang said...": the one allowed country
        the rest of the document names, if there is exactly one."""
        later = {e.target for x in self.matches if x.i >= m.j for e in x.entries
                 if e.kind in ("country", "adj", "people", "seat") and e.target in allowed}
        return later.pop() if len(later) == 1 else None

    def unknown_entities(self) -> None:
        """PER/ORG entities NER found that no alias covered keep their name."""
        if not self.entities:
            return
        spans = [(a.mention.start, a.mention.end) for a in self.out if a.mention]
        for ent in self.hyphen_joined(spans):
            if ent.label not in ("PER", "ORG"):
                continue
            if any(s < ent.end and ent.start < e for s, e in spans):
                continue
            sp = Span(ent.text, ent.start, ent.end)
            kind = "person" if ent.label == "PER" else "organization"
            last_key = key_of(ent.text)[-1:] if key_of(ent.text) else ()
            prior = self.state.unknown.get(last_key[0]) if last_key else None
            if prior is not None and kind == "person":
                self.out.append(prior.at(sp))
                continue
            if kind == "person" and (place := self.as_place(ent.text, sp)) is not None:
                self.out.append(place)  # "Kherson was shelled": NER's PER is a city
                continue
            actor = Actor(f"unk:{slug(ent.text)}", ent.text, kind,
                          self.apposed_country(ent), None, None, sp)
            if kind == "person" and last_key:
                self.state.unknown[last_key[0]] = actor
            self.out.append(actor)

    def in_org_entity(self, m: Match) -> bool:
        """Whether NER took the words of a genitive reading for an organisation: "Philips" is
        the company, not Filip (Philip) + genitive -s."""
        start, end = self.tokens[m.i].start, self.tokens[m.j - 1].end
        return any(e.label == "ORG" and e.start <= start and end <= e.end
                   for e in self.entities or [])

    def hyphen_joined(self, known: list[tuple[int, int]]) -> list[Entity]:
        """The entities, with two unknown names written as one across a hyphen joined.

        The tokenizer splits "OVD-Info" or "Hewlett-Packard" at the hyphen and NER may label the
        halves apart (ORG + PER): one organisation, not a person called "Info". Halves that are
        known actors stay apart: "the Israel-Hamas war", "the Trump-Kim summit" name two.
        """
        def free(a: int, b: int) -> bool:
            return not any(s < b and a < e for s, e in known)

        out: list[Entity] = []
        for ent in self.entities or []:
            prev = out[-1] if out else None
            if prev is not None and self.text[prev.end:ent.start] in HYPHENS \
                    and {prev.label, ent.label} <= NAME_LABELS and free(prev.start, ent.end):
                label = _joined_label(prev, ent)
                out[-1] = Entity(self.text[prev.start:ent.end], label, prev.start, ent.end)
            else:
                out.append(ent)
        # a half NER left out: "Hewlett-" before "Packard", "-Info" after "OVD"
        for k, ent in enumerate(out):
            if ent.label not in NAME_LABELS:
                continue
            start, end = ent.start, ent.end
            left = _LEFT_HALF.search(self.text, 0, start)
            if left and free(left.start(), start) and not any(
                    o.end > left.start() for o in out[:k]):
                start = left.start()
            right = _RIGHT_HALF.match(self.text, end)
            if right and free(end, right.end()) and not any(
                    o.start < right.end() for o in out[k + 1:]):
                end = right.end()
            if (start, end) != (ent.start, ent.end):
                out[k] = Entity(self.text[start:end], ent.label, start, end)
        return out

    def as_place(self, name: str, sp: Span) -> Actor | None:
        """A location when the gazetteer knows ``name`` as a place and no person in the actor
        base (nor one named earlier in the document) has that name; else None."""
        key = key_of(name)
        if not key or any(e.kind in ("person", "surname") for e in self.idx.keys.get(key, ())):
            return None
        if key[-1] in self.state.unknown:
            return None
        known, iso3 = place_country(name, self.idx.lang, set(self.state.countries))
        if not known:
            return None
        return Actor(f"loc:{slug(name)}", name, "location", iso3, None, None, sp)

    def apposed_country(self, ent: Entity) -> str | None:
        """Country stated right before ("de Franse Jean Dupont") or in an apposition after."""
        for a in self.out:
            if a.mention and a.country and a.kind != "location":
                gap_before = self.text[a.mention.end:ent.start]
                if a.mention.end <= ent.start and gap_before.strip() == "":
                    return a.country
                gap_after = self.text[ent.end:a.mention.start]
                if ent.end <= a.mention.start and gap_after.lstrip().startswith(",") and \
                        len(key_of(gap_after)) <= 1 and all(
                            w in self.articles for w in key_of(gap_after)):
                    return a.country
        return None
