"""Who did it to whom: a trigger's source and target actors, from the parse's roles, with the
word-order fallbacks (``events/linear.py``) where a weak parse contradicts itself or leaves a
side empty; the best-fitting pattern of a token becomes its ``Candidate``.

Part of the coder (``kroniek/events/coder.py``), as a mixin.
"""

from __future__ import annotations

from kroniek.events import arguments, linear, roles, syntax
from kroniek.events.candidate import Candidate, _split_shared
from kroniek.events.patterns import Pattern, Trigger
from kroniek.events.syntax import Token
from kroniek.model import Actor

# Event nouns whose actor is no participant by a carrier preposition ("in de oorlog").
NOT_CARRIED = {"ASSAULT", "ACCUSE", "COERCE"}
# Acts only a state's authorities perform where they happen (arrests, expulsions, bans).
STATE_ACTS = {"COERCE"}
# Roles that are no preposition: a place there is the object or the setting, not a recipient
# the pattern names by its preposition.
NOT_PLACE_ROLES = {"subj", "obj", "iobj", "poss", "between", "light", "carrier"}

def _best_possible(p: Pattern, t: Trigger) -> tuple[int, int, int, int, int]:
    """``Candidate.rank`` of the pattern if it found both a source and a target: a bound that
    lets ``candidate`` skip reading the sides of a pattern that cannot win."""
    specific = (1 if p.objects else 0) + (1 if p.subjects else 0)
    return (1, 1 if t.particle else 0, 1, specific, 1)


def _starts_at(arg: Token, ends: set[int]) -> bool:
    """Whether a prepositional phrase begins at one of ``ends``: its first word (UD, where the
    preposition is under the argument) or the word before it (ClearNLP's preposition above)."""
    first = min(t.i for t in arg.subtree)
    return first in ends or first - 1 in ends


class Sides:
    """Candidates and their source and target actors."""

    def candidate(self, tok: Token, index: arguments.ActorIndex,
                  pronoun: arguments.Resolver) -> Candidate | None:
        best: Candidate | None = None
        found = self.matches(tok)
        if not found:
            return None
        # "bij het verbeteren van hun betrekkingen": a verb used as a noun has no subject of its
        # own in the clause; word order would hand it the main clause's subject
        nominal = any(c.dep_.lower() == "case" for c in syntax.kids(tok)) or (
            "Inf" in syntax.morph(tok, "VerbForm")
            and any(c.dep_.lower() == "det" and c.i < tok.i for c in syntax.kids(tok)))
        linear_ok = self.linear and not nominal
        hidden_passive = self._hidden_passive(tok)
        finite = self._finite(tok) if linear_ok and self.perfect_aux else tok
        for p, t in found:
            if best is not None and _best_possible(p, t) <= best.rank():
                continue  # even with both sides found it would not outrank the best so far
            if not self._objects_ok(p, tok, t) or (p.needs_frame and not self._framed(p, tok)):
                continue
            src = self._side(p, t, tok, p.source, index, pronoun)
            tgt = self._side(p, t, tok, p.target, index, pronoun, places=True)
            if tgt and all(a.kind == "location" for a in tgt):
                # a place stands for its country as recipient, never for the actor's own
                own = {a.country for a in src if a.country}
                tgt = [a for a in tgt if a.country not in own]
            shared = {a.id for a in src} & {a.id for a in tgt}
            if linear_ok and p.pos == "verb" and shared:
                # one name on both sides: the parse contradicts itself, word order decides
                lsrc, ltgt = self._linear(p, tok, index, [], [])
                if lsrc and ltgt and not {a.id for a in lsrc} & {a.id for a in ltgt}:
                    src, tgt = lsrc, ltgt
            if linear_ok and p.pos == "verb" and src and "subj" in p.source[:1]:
                # "Frankrijk, Duitsland en het Verenigd Koninkrijk veroordeelden": a parse that
                # keeps one member of a listed subject; the word-order group has them all
                lsub, _, _ = self._word_order(tok, index)
                ids = {a.id for a in lsub}
                if len(lsub) > len(src) and {a.id for a in src} <= ids:
                    src = lsub
            if linear_ok and p.pos == "verb" and not syntax.is_passive(tok) and (
                    (not src and tgt and all(a.mention is not None and a.mention.end <= tok.idx
                                             for a in tgt))
                    or (src and any(a.mention is not None and a.mention.start > finite.idx
                                    for a in src)
                        and self._opens_clause(tok, index, finite))):
                # "Rusland verbood Nederlandse media" with "Rusland" as obj: no subject and the
                # "object" before the verb of a main clause: word order reads both sides anew
                lsrc, ltgt = self._linear(p, tok, index, [], [])
                if lsrc and not {a.id for a in lsrc} & {a.id for a in ltgt}:
                    src, tgt = lsrc, ltgt
            if self.linear and (not src or not tgt) and (p.pos != "verb" or linear_ok):
                if p.pos == "verb":
                    src, tgt = self._linear(p, tok, index, src, tgt)
                else:
                    src, tgt = self._linear_noun(p, tok, index, src, tgt)
            if p.pos == "verb" and "subj" in p.source[:1] and hidden_passive:
                # "Israël is door de VN verzocht ..." with "is" read as a copula and "Israël" as
                # the subject: the door-phrase is the actor, the grammatical subject the target
                agents = arguments.resolve([a for prep, a in syntax.prep_args(tok)
                                            if prep in self.grammar.agent_preps], index, pronoun)
                subj = arguments.resolve(syntax.subjects(tok), index, pronoun)
                if agents:
                    src = agents
                    if subj and any(r in ("obj", "iobj") for r in p.target):
                        tgt = subj
            if p.type in STATE_ACTS and (
                    p.pos == "verb" and syntax.is_passive(tok) and not any(
                        prep in self.grammar.agent_preps for prep, _ in syntax.prep_args(tok))
                    or p.pos == "noun" and not src):
                # (also a noun without its actor: "the detention of a businessman in Beijing")
                # "two journalists were detained in Iran": an arrest, expulsion or ban with no
                # agent is the act of the state where it happened, whatever else the sentence
                # names
                where = self._place_target(tok, index)
                if not where and p.pos == "noun":  # "the arrest of two citizens | in Iran"
                    where = self._places([a2 for prep, a in syntax.prep_args(tok)
                                          if prep in self.grammar.of_preps
                                          for p2, a2 in syntax.prep_args(a)
                                          if p2 in self.place_preps], index)
                if where:
                    src = where[:1]
            src, tgt = _split_shared(src, tgt)
            c = Candidate(p, t, tok, src, tgt, p.type, p.mode, p.cameo)
            if best is None or c.rank() > best.rank():
                best = c
        return best

    def _side(self, p: Pattern, t: Trigger, tok: Token, names: tuple[str, ...],
              index: arguments.ActorIndex, pronoun: arguments.Resolver,
              places: bool = False) -> list[Actor]:
        """The actors of the first role (in the pattern's order) that names any; read once per
        token, trigger particle and role list (patterns share their role lists). ``places``:
        a place under one of the roles' prepositions counts as its country ("sent envoys to
        Kyiv", "suspended flights to Moscow": the recipient side)."""
        key = ("side", tok.i, p.pos, t.particle, names,
               frozenset(p.target) if p.pos == "noun" else None, places)
        if key not in index.memo:
            index.memo[key] = self._read_side(p, t, tok, names, index, pronoun, places)
        return list(index.memo[key])

    def _read_side(self, p: Pattern, t: Trigger, tok: Token, names: tuple[str, ...],
                   index: arguments.ActorIndex, pronoun: arguments.Resolver,
                   places: bool = False) -> list[Actor]:
        if p.pos == "noun" and "poss" in names:
            # "agreed in a phone call", "nam deel aan de oefening": the verb's subject takes
            # part; not in an attack or an inquiry ("kwam om in de oorlog", "werkte mee aan het
            # onderzoek": the subject suffered or helped, it did not act), only as light verb
            names = (*names, "light" if p.type in NOT_CARRIED else "carrier")
        for role in names:
            if p.pos == "verb":
                heads = roles.verb_role(tok, role, self.grammar, t.particle)
            else:
                heads = roles.noun_role(tok, role, self.grammar, frozenset(p.target))
            found = arguments.resolve(heads, index, pronoun) if heads else []
            inner: list[Token] = []
            if not found and heads and role not in ("subj", "poss", "between"):
                # "restrictions on travel to Cuba", "sancties tegen de export naar Iran": the
                # argument names no one; the phrase it carries one level down does
                inner = [a for h in heads if not index.by_token.get(h.i)
                         for _, a in syntax.prep_args(h)]
                # "boycotted meetings hosted by Hungary": the host of the argument (the agent
                # of a hosting participle on it) is whom the act is aimed at
                inner += [a for h in heads if not index.by_token.get(h.i)
                          for k in syntax.kids(h) if k.dep_.lower() in ("acl", "acl:relcl")
                          and k.lemma_.lower() in self.host_verbs
                          for prep, a in syntax.prep_args(k) if prep in self.grammar.agent_preps]
                if p.pos == "verb":
                    # "droeg de lichamen van ... soldaten over", "along the border with North
                    # Korea" with the last phrase hung on the verb: a phrase right after the
                    # argument belongs to it (for the object, only an of-phrase)
                    ends = {max(t.i for t in h.subtree) + 1 for h in heads
                            # a place is its own answer; a preposition (ClearNLP's dative
                            # "to") is no argument a phrase could follow
                            if h.i not in index.places_by_token and h.pos_ != "ADP"}
                    inner += [a for prep, a in syntax.prep_args(tok)
                              if (prep in self.grammar.of_preps or role != "obj")
                              and a.i not in {h.i for h in heads}
                              and _starts_at(a, ends)]
                found = arguments.resolve(inner, index, pronoun) if inner else []
            if not found and heads and role == "subj" and self.link_verbs:
                # "hackers linked to Chinese intelligence broke into ...": nameless actors tied
                # to a named one act for it
                # (also as a weak parse has it: "Hackers" the subject of "linked", the trigger
                # coordinated with that participle)
                links = [k for h in heads if not index.by_token.get(h.i)
                         for k in [*syntax.kids(h), h.head]
                         if k.lemma_.lower() in self.link_verbs and k != tok and (
                             k.dep_.lower() in ("acl", "amod") and k.head == h
                             or h.head == k and h.dep_.lower() in syntax.SUBJ)]
                found = arguments.resolve([a for k in links for prep, a in syntax.prep_args(k)
                                           if prep not in self.grammar.agent_preps],
                                          index, pronoun)
            if not found and places and heads and role not in NOT_PLACE_ROLES:
                found = self._places(heads, index) or self._places(inner, index)
            if found:
                return found
        return []

    def _clause(self, tok: Token) -> tuple[int, int]:
        """``linear.clause`` of a token, once per token of the current document."""
        key = (id(tok.doc), tok.i)
        if key not in self._clause_memo:
            self._clause_memo[key] = linear.clause(tok)
        return self._clause_memo[key]

    @staticmethod
    def _groups(tok: Token, index: arguments.ActorIndex) -> list[linear.Group]:
        """``linear.groups`` of a token, once per token of the current document."""
        key = ("groups", tok.i)
        if key not in index.memo:
            index.memo[key] = linear.groups(tok, index.by_token)
        return index.memo[key]  # type: ignore[no-any-return]

    def _word_order(self, tok: Token, index: arguments.ActorIndex) -> tuple[
            list[Actor], list[Actor], dict[str, list[Actor]]]:
        key = ("roles", tok.i)
        if key not in index.memo:
            index.memo[key] = linear.roles(tok, index.by_token, syntax.is_passive(tok),
                                           self.grammar.agent_preps, self.openers,
                                           self._groups(tok, index))
        subj, obj, by_prep = index.memo[key]
        return list(subj), list(obj), dict(by_prep)

    def _linear(self, p: Pattern, tok: Token, index: arguments.ActorIndex, src: list[Actor],
                tgt: list[Actor]) -> tuple[list[Actor], list[Actor]]:
        """Fill a side the parse left empty from word order (see ``events/linear.py``)."""
        subj, obj, by_prep = self._word_order(tok, index)
        if src and not tgt and subj and not obj and not syntax.is_passive(tok) and \
                not {a.id for a in subj} & {a.id for a in src}:
            # the parse named the subject ("Wij staan klaar om Noord-Korea bij te staan") and it
            # is no name: the only bare name group of the clause is the object
            subj, obj = [], subj

        def pick(names: tuple[str, ...]) -> list[Actor]:
            for role in names:
                # a bare indirect object is the second bare name group too ("hebben Griekenland
                # een lening verstrekt")
                found = subj if role == "subj" else obj if role in ("obj", "iobj") \
                    else by_prep.get(role)
                if found:
                    return list(found)
            return []
        if not src:
            src = pick(p.source)
        if not tgt:
            tgt = pick(p.target)
        return src, tgt

    def _linear_noun(self, p: Pattern, tok: Token, index: arguments.ActorIndex,
                     src: list[Actor], tgt: list[Actor]) -> tuple[list[Actor], list[Actor]]:
        """"De ontmoeting van Poetin met Erdogan" with "met Erdogan" hung elsewhere: the names
        right after the noun, by their preposition (see ``events/linear.py``)."""
        after = [g for g in self._groups(tok, index) if g.start > tok.i and g.prep]
        # only the noun's own phrase: stop at the first name without a preposition
        owners = self.grammar.of_preps | self.grammar.agent_preps

        def pick(names: tuple[str, ...], taken: set[str]) -> list[Actor]:
            for role in names:
                for g in after:
                    if g.prep in taken:
                        continue
                    if g.prep == role or (role == "poss" and g.prep in owners):
                        return list(g.actors)
            return []
        target_preps = {r for r in p.target if r not in ("subj", "obj", "iobj", "poss")}
        if not tgt:
            tgt = pick(p.target, set())
        if not src:
            src = pick(p.source, target_preps)
        return _split_shared(src, tgt)

    def _framed(self, p: Pattern, tok: Token) -> bool:
        """A noun with one of the pattern's target prepositions under it, or carried by a light
        verb ("stelden een onderzoek in"): an act, not a study or a report."""
        preps = set(p.target)
        return any(prep in preps for prep, _ in syntax.prep_args(tok)) or \
            roles.light_verb(tok, self.grammar) is not None

    def _hidden_passive(self, tok: Token) -> bool:
        """A passive the parse did not mark: a passive auxiliary ("is", "werd") under the verb
        as aux/cop, an agent phrase ("door X") and a plain subject."""
        if not self.passive_aux or tok.pos_ != "VERB":
            return False
        aux = any(c.pos_ == "AUX" and c.dep_.lower() in ("aux", "cop")
                  and c.lemma_.lower() in self.passive_aux for c in syntax.kids(tok))
        return aux and not syntax.is_passive(tok) and bool(syntax.subjects(tok)) and any(
            prep in self.grammar.agent_preps for prep, _ in syntax.prep_args(tok))

    def _finite(self, tok: Token) -> Token:
        """The verb in second place of the trigger's main clause: its perfect auxiliary before
        it ("Ecuador heeft ... asiel verleend"), also when a weak parse made that auxiliary the
        head ("Nederland heeft ... gebracht" with "gebracht" as ccomp of "heeft"); else itself."""
        for a in syntax.kids(tok):
            if a.dep_.lower() == "aux" and a.i < tok.i and a.lemma_.lower() in self.perfect_aux:
                return a
        head = tok.head
        if head != tok and head.i < tok.i and tok.dep_.lower() in ("ccomp", "xcomp") and \
                head.lemma_.lower() in self.perfect_aux:
            return head
        return tok

    @staticmethod
    def _opens_clause(tok: Token, index: arguments.ActorIndex,
                      finite: Token | None = None) -> bool:
        """A bare name group opens the verb-second main clause right before the (finite) verb:
        in Dutch news that is the subject, whatever a weak parse says ("Xi Jinping nodigde
        ...", "Ecuador heeft ... verleend")."""
        verb = tok if finite is None else finite
        start, _ = linear.clause(tok)
        while start < verb.i and tok.doc[start].pos_ in ("DET", "PUNCT", "SPACE"):
            start += 1  # "De EU dreigt ...": the group starts after its article
        groups = [g for g in Sides._groups(tok, index) if g.start < verb.i]
        if not (bool(groups) and groups[0].prep is None and groups[0].start <= start and
                all(t.i in index.by_token for t in tok.doc[groups[0].start:verb.i]
                    if t.pos_ not in ("DET", "PUNCT", "CCONJ"))):
            return False
        # agreement decides where it can: "Hem/De sancties steunde Rusland" - a fronted name
        # group whose number the finite verb does not share, while the name after it does,
        # is the object
        verb_num = syntax.morph(verb, "Number")
        if "Fin" not in syntax.morph(verb, "VerbForm") or not verb_num:
            return True
        first = tok.doc[groups[0].end - 1]
        after = tok.doc[verb.i + 1] if verb.i + 1 < len(tok.doc) else None
        cased = "Acc" in syntax.morph(first, "Case")
        clash = len(groups[0].actors) == 1 and syntax.morph(first, "Number") and \
            syntax.morph(first, "Number") != verb_num
        agrees_after = after is not None and after.pos_ in ("PROPN", "NOUN", "PRON") and \
            syntax.morph(after, "Number") == verb_num
        return not (cased or (clash and agrees_after))
