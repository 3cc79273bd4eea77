"""A recipient the roles left empty: the place an act hit, went to or left, unnamed people at
home (domestic actions), a protest against one's own government, and a meeting's host.

Part of the coder (``kroniek/events/coder.py``), as a mixin.
"""

from __future__ import annotations

from typing import Any

from kroniek.events import arguments, modality, roles, syntax
from kroniek.events.candidate import Candidate
from kroniek.events.matching import _ends_with
from kroniek.events.syntax import Token
from kroniek.model import Actor


class Recipients:
    """Targets from places and from what the text says about the people acted on."""

    def _fallback_targets(self, c: Candidate, index: arguments.ActorIndex) -> list[Actor]:
        """The recipient the roles left empty, from the place the act hit, went to or left;
        a meeting's or a joint act's parties are all actors, so it has none."""
        if c.targets or c.pattern.symmetric:
            return c.targets
        sources, etype, tok = c.sources, c.type, c.token
        own = {a.country for a in sources}
        people = self._people_object(tok) if etype in ("ASSAULT", "COERCE") else None
        if people is not None:
            # "ontvoerde schoolmeisjes in Nigeria" by a Nigerian group: unnamed people in the
            # actor's own country make that country the target (gold rule: domestic actions);
            # arrests and purges of unnamed people (a group, not one person whose country the
            # text does not give) with no place abroad are domestic too
            places = self._place_target(tok, index)
            if places and places[0].country in own:
                return places[:1]
            plural = "Plur" in syntax.morph(people, "Number") or (
                people.lower_ != people.lemma_.lower() and not syntax.morph(people, "Number"))
            if not places and etype == "COERCE" and sources and plural:
                return [sources[0]]
        visit = etype == "CONSULT" and c.mode == "visit" and c.pattern.pos == "verb"
        if c.pattern.needs_target and not visit:
            return []  # the pattern's own roles must name it ("beat England" is no assault)
        if etype in modality.PLACE_TARGET:
            if etype != "MOBILIZE" and tok.pos_ != "NOUN":
                # "beschoot de hoofdstad", "bombed Aleppo": the place attacked is the target,
                # in the actor's own country too
                objs = [o for o in roles.logical_objects(tok) if not index.by_token.get(o.i)]
                found = self._places(objs, index)
                if found:
                    return found
            # a place in the actor's own country says where, not against whom ("imposed a
            # curfew in Kabul"); abroad it names the recipient ("struck targets in Yemen",
            # "sloot de watertoevoer naar Gaza af")
            found = [a for a in self._place_target(tok, index, self.place_preps | self.goal_preps)
                     if a.country not in own]
            if found:
                return found
        if etype == "PROTEST" and sources and self._domestic(tok):
            # "against the pension reform", "tegen de nieuwe arbeidswet": a protest against the
            # country's own government or policy is aimed at that country
            return [sources[0]]
        preps = {"AID": self.goal_preps, "RETREAT": self.away_preps}.get(etype)
        if visit:
            preps = self.place_preps | self.goal_preps  # "arrived in Moscow": the host
        if preps:
            # "airdropped food to Gaza", "stuurde hulp naar Libië": the place aid goes to;
            # "withdrew from Kherson", "trokken zich terug uit Cherson": the place left
            return [a for a in self._place_target(tok, index, preps) if a.country not in own]
        return []

    def _place_target(self, tok: Token, index: arguments.ActorIndex,
                      preps: frozenset[str] | None = None) -> list[Actor]:
        """"struck Houthi targets in Yemen", "shelled Kharkiv", "in het zuiden van Libanon":
        the country (or countries) of the place the act hangs on or is aimed at."""
        preps = self.place_preps if preps is None else preps
        objs = roles.logical_objects(tok) if tok.pos_ != "NOUN" else []
        if preps is self.place_preps:  # the object itself a place: "shelled Kharkiv"
            found = self._places([o for o in objs if not index.by_token.get(o.i)], index)
            if found:
                return found
        heads = [tok, *objs]
        if tok.pos_ == "NOUN":  # "carried out air strikes | inside Iran": on the light verb
            lv = roles.light_verb(tok, self.grammar)
            if lv is not None:
                heads.append(lv)
        for h in heads:
            for prep, arg in syntax.prep_args(h):
                if preps and prep not in preps:
                    continue  # "a crossing with the United States" says with whom, not where
                found = self._places([arg], index)
                if not found:  # "in the south of Lebanon", "in delen van Manipur"
                    found = self._places([a for p2, a in syntax.prep_args(arg)
                                          if p2 in self.grammar.of_preps], index)
                if found:
                    return found
        return []

    def _people_object(self, tok: Token) -> Token | None:
        """The act's object when it is unnamed people ("schoolmeisjes", "demonstrators")."""
        if not self.people or tok.pos_ == "NOUN":
            return None
        for o in roles.logical_objects(tok):
            for w in (o.lemma_.lower(), o.lower_):
                if w in self.people or (self.compounds and _ends_with(w, self.people)):
                    return o
        return None

    def _domestic(self, tok: Token) -> bool:
        """A protest against the country's own government or policy ("tegen de nieuwe
        arbeidswet"): on the trigger or its light verb in the parse, or, where a weak parse hung
        the phrase elsewhere ("blokkeerden snelwegen ... uit protest tegen het
        stikstofbeleid"), the first noun after an against-preposition in the trigger's clause."""
        heads = [tok]
        lv = roles.light_verb(tok, self.grammar) if tok.pos_ == "NOUN" else None
        if lv is not None:
            heads.append(lv)
        for h in heads:
            for prep, arg in syntax.prep_args(h):
                if prep in self.against_preps and self._policy(arg):
                    return True
        for k in syntax.kids(tok):
            # "walked off the job to protest a plan": the object of a purpose clause that is
            # itself a protest
            if k.dep_.lower() in ("xcomp", "advcl") and k.lemma_.lower() in self.protest_verbs \
                    and any(self._policy(o) for o in roles.logical_objects(k)):
                return True
        if not self.linear:
            return False
        start, end = self._clause(tok)
        doc = tok.doc
        for t in doc[start:end]:
            if t.lower_ not in self.against_preps:
                continue
            for n in doc[t.i + 1:min(end, t.i + 5)]:
                if n.pos_ in ("NOUN", "PROPN", "VERB"):
                    if self._policy(n):
                        return True
                    break
        return False

    def _policy(self, tok: Token) -> bool:
        """A domestic policy word, or a compound ending in one ("arbeidswet", "stikstofbeleid")."""
        lemma = tok.lemma_.lower()
        return lemma in self.domestic or (self.compounds and any(
            len(lemma) > len(d) + 2 and lemma.endswith(d) for d in self.domestic))

    @staticmethod
    def _places(heads: list[Token], index: arguments.ActorIndex) -> list[Actor]:
        out: list[Actor] = []
        for h in heads:
            for t in syntax.expand_conj(h):
                place = index.places_by_token.get(t.i)
                if place is not None and place.country not in {p.country for p in out}:
                    out.append(place)
        return out

    def _host(self, parties: list[Actor], mode: str | None, location: dict[str, Any] | None,
              sent: Any, index: arguments.ActorIndex) -> tuple[list[Actor], list[Actor],
                                                               str | None]:
        """A meeting in the country of some of its parties is a visit by the others (PLOVER:
        the visitor is the actor, the host the recipient): "met Merkel in Berlin"."""
        # the place the meeting is attached to, when it is not itself a party ("talks between
        # Russia and Ukraine"); a place elsewhere in the sentence may be another trip's
        places = {index.places_by_token[t.i].country for t in sent
                  if t.i in index.places_by_token and t.i not in index.by_token}
        country = (location or {}).get("country")
        if country not in places:
            return parties, [], mode
        hosts = [a for a in parties if a.country == country]
        guests = [a for a in parties if a.country != country]
        if not hosts or not guests:
            return parties, [], mode
        return guests, hosts, "visit"
