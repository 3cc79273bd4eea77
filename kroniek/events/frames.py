"""The candidates of one sentence among themselves: refusals, light verbs and settings dropped,
a noun inside another trigger's argument absorbed, denials applied, and an event hanging from
a frame ("weigerde te ontmoeten", "called for talks") folded into that frame.

Part of the coder (``kroniek/events/coder.py``), as a mixin.
"""

from __future__ import annotations

from kroniek.events import arguments, modality, prospect, roles, syntax
from kroniek.events.candidate import FRAME_TYPES, Candidate
from kroniek.events.syntax import Token
from kroniek.model import Actor, Event

# CAMEO code of forces sent to help (provide military protection or peacekeeping).
ASSIST_CAMEO = "074"
# Verbal frames that take another event as their content (PLOVER codes the frame).
FRAMES = FRAME_TYPES
# The mode a frame gets from the event it frames, when its pattern gives none.
FRAME_MODE = {
    "REQUEST": {"CONSULT": "meet", "AGREE": "meet", "AID": "assist", "COOPERATE": "assist",
                "SUPPORT": "assist", "RETREAT": "yield", "CONCEDE": "yield"},
    "REJECT": {"CONSULT": "meet", "AGREE": "meet", "AID": "assist", "COOPERATE": "assist",
               "SUPPORT": "assist", "RETREAT": "yield", "CONCEDE": "yield"},
    "THREATEN": {"ASSAULT": "violence", "MOBILIZE": "violence", "SANCTION": "relations"},
}
# Frames whose content, when a noun with its own participants, is an event of its own.
KEEPS_CONTENT = {"ACCUSE", "SUPPORT", "REJECT"}
# Event nouns that, inside another event's argument, only name its object ("withdrew from the
# nuclear deal", "condemned the accord"): the agreement is not a new event of the sentence.
ONLY_OBJECT = {"AGREE"}
# What a frame becomes when its content says more (PLOVER: an announced retreat is CONCEDE).
FRAME_TYPE = {("AGREE", "RETREAT"): "CONCEDE", ("AGREE", "CONCEDE"): "CONCEDE"}
# What an agreement to act becomes when the act is conflictual.
INTENDED_CONTENT = {"SANCTION", "ASSAULT", "COERCE", "MOBILIZE"}
# Links across which a noun is no longer part of another trigger's argument.
STOP_ABSORB = {"relcl", "acl:relcl", "ccomp", "advcl", "parataxis", "conj", "xcomp", "csubj"}


class Frames:
    """Sentence-level steps over the candidates."""

    def _refusals(self, cands: dict[int, Candidate]) -> None:
        """"heeft het aanbod niet aanvaard", "is niet bereid troepen te sturen", "wil niet
        onderhandelen": a refusal is REJECT (PLOVER), not a negated agreement or act."""
        merged: list[int] = []
        for c in cands.values():
            refusal = self._refused_by(c, cands) if c.pattern.if_negated else None
            if refusal is not None:
                # "refused to rule out force", "weigerde een aanval uit te sluiten": refusing
                # the act is its negation; the refusal verb says no more than that
                merged.append(refusal.token.i)
                c.sources = c.sources or refusal.sources
                new = c.pattern.if_negated
            elif c.pattern.if_negated and modality.assess(c.token, self.words).negated:
                new = c.pattern.if_negated
            elif self.unwilling and c.type != "REJECT" and self._unwilling(c.token):
                new = "REJECT"
            else:
                continue
            mode = FRAME_MODE["REJECT"].get(c.type) if new == "REJECT" else None
            c.type, c.mode, c.cameo, c.refused = new, mode, None, True
        for i in merged:
            cands.pop(i, None)

    def _refused_by(self, c: Candidate, cands: dict[int, Candidate]) -> Candidate | None:
        """The refusal verb whose infinitive the trigger is ("refused to rule out", "weigerde
        ... uit te sluiten"), also where a weak parse hung the frame under the infinitive."""
        for h in [*syntax.governing_chain(c.token, limit=1), *self._inverted_frame(c, cands)]:
            f = cands.get(h.i)
            if f is not None and f is not c and f.type == "REJECT" and f.pattern.pos == "verb" \
                    and not f.pattern.if_negated and f.token.lemma_.lower() not in self.denial \
                    and (c.token.head == f.token or f.token.head == c.token):
                return f
        return None

    def _unwilling(self, tok: Token) -> bool:
        """A negated intent word governing the trigger: on an auxiliary or head above it in the
        parse ("wil niet ... helpen"), or, for an infinitive, before it in its clause ("is niet
        bereid extra troepen te sturen" whatever the parse hung "bereid" on)."""
        neg = self.words.negation
        heads = [a for a in syntax.kids(tok) if a.dep_.lower() == "aux"]
        heads += syntax.governing_chain(tok, limit=2)
        for h in heads:
            if {h.lemma_.lower(), h.lower_} & self.unwilling:
                near = [tok, h] if h.head == tok or h in syntax.kids(tok) else [h]
                if any(c.lower_ in neg for n in near for c in syntax.kids(n)):
                    return True
        if not (self.linear and "Inf" in syntax.morph(tok, "VerbForm")):
            return False
        start, _ = self._clause(tok)
        doc = tok.doc
        for t in doc[start:tok.i]:
            if {t.lemma_.lower(), t.lower_} & self.unwilling:
                around = doc[max(start, t.i - 1):min(tok.i, t.i + 2)]
                if any(w.lower_ in neg for w in around if w.i != t.i):
                    return True
        return False

    def _prospects(self, cands: dict[int, Candidate]) -> None:
        """Meetings not yet held: "Een gesprek met X is mogelijk op ..." (hypothetical or
        planned) and "er wordt gewerkt aan een topontmoeting" (in preparation: intended); PLOVER
        then codes them AGREE (``modality.FUTURE_TYPE``)."""
        for c in cands.values():
            if c.pattern.pos != "noun" or c.type != "CONSULT" or c.absorbed:
                continue
            c.modal = prospect.modal_subject(c.token, self.prospect)
            if c.modal is None and prospect.prepared(c.token, self.prospect):
                c.intended = True

    @staticmethod
    def _continued(c: Candidate, previous: list[Event]) -> Event | None:
        """"... een topontmoeting tussen Kim en de VS. Een gesprek met Trump is mogelijk op 12
        juni": a possible meeting naming one party continues the previous sentence's meeting
        that has that party among two or more."""
        if c.modal is None or c.sources or not c.targets or not c.pattern.symmetric:
            return None
        parties = {a.country or a.id for a in c.targets}
        return prospect.earlier_meeting(previous, parties, "AGREE")

    def _drop_bare_settings(self, cands: dict[int, Candidate], index: arguments.ActorIndex) -> None:
        """"nodigde Kim tijdens het gesprek uit": a meeting noun that only says when another
        event happened and names no party of its own is no event of its own (its parties would
        be guessed from the other event's roles)."""
        for i, c in list(cands.items()):
            if c.pattern.pos != "noun":
                continue
            host = roles.verb_through_prep(c.token, self.during_preps)
            if host is None or host.i not in cands or host.i == i:
                continue
            if not any(index.by_token.get(t.i) for t in c.token.subtree if t.i != i):
                del cands[i]
                # "did not speak with Abbott during the G20 summit in Brisbane": a meeting
                # within a larger one is no visit to the summit's host country
                cands[host.i].setting = cands[host.i].setting or cands[host.i].type == c.type

    def _visit_hosts(self, cands: dict[int, Candidate], index: arguments.ActorIndex,
                     pronoun: arguments.Resolver) -> None:
        """"Erdogan praised Hungary during a visit by Orban": a visit that dates another act
        names its visitor only; the one acting in the clause it dates is the host (PLOVER: the
        visitor is the actor, the host the recipient)."""
        for c in cands.values():
            if c.pattern.pos != "noun" or c.type != "CONSULT" or c.mode != "visit" \
                    or not c.sources or c.targets:
                continue
            verb = roles.verb_through_prep(c.token, self.during_preps)
            if verb is None:
                continue
            subj = roles.logical_subjects(verb, self.grammar)
            guests = {a.id for a in c.sources} | {a.country for a in c.sources if a.country}
            c.targets = [a for a in (arguments.resolve(subj, index, pronoun) if subj else [])
                         if a.id not in guests and a.country not in guests]

    def _assisting_deployments(self, cands: dict[int, Candidate]) -> None:
        """"sent police officers to Haiti to help fight the gangs", "deployed troops to
        Mozambique at the request of its government": forces sent to help another country are
        military or police assistance, AID (PLOVER: AID includes "military and police
        assistance including arms and personnel"; MOBILIZE is posturing against someone). What
        the purpose clause says they will do is part of that aid, no event of its own."""
        if not self.assist_words:
            return
        for c in cands.values():
            if c.type != "MOBILIZE" or c.pattern.pos != "verb" or not c.targets or c.absorbed:
                continue
            purpose = [k for k in syntax.kids(c.token)
                       if k.dep_.lower() in ("xcomp", "advcl", "prep", "obl", "nmod")
                       and k.i > c.token.i]
            inside = {t.i for k in purpose for t in k.subtree}
            words = {w for i in inside for w in (c.token.doc[i].lemma_.lower(),
                                                 c.token.doc[i].lower_)}
            if not words & self.assist_words:
                continue
            c.type, c.mode, c.cameo = "AID", None, ASSIST_CAMEO
            for o in cands.values():
                if o is not c and o.token.i in inside:
                    o.absorbed = True

    def _drop_light_verbs(self, cands: dict[int, Candidate]) -> None:
        """"held talks", "launched strikes": the noun is the event, not the verb that carries it."""
        for i, c in list(cands.items()):
            if c.pattern.pos != "verb" or not self.grammar.is_light(c.token):
                continue
            carried = [o for o in cands.values()
                       if o.pattern.pos == "noun" and roles.light_verb(o.token, self.grammar)
                       == c.token]
            if not carried:
                continue
            if c.pattern.objects:
                # a verb pattern that asked for this very object ("concluded an agreement" =
                # SUPPORT, "declared a ceasefire" = CONCEDE) says more than the bare noun
                for o in carried:
                    o.absorbed = True
                continue
            del cands[i]

    def _absorb_same_type(self, cands: dict[int, Candidate]) -> None:
        """"killed by a drone strike", "did not meet during the summit": a noun trigger inside
        an argument of a trigger of the same type names the same happening, not a second one."""
        for c in cands.values():
            if c.pattern.pos != "noun" or c.absorbed:
                continue
            t = c.token
            for _ in range(4):
                if t.head == t or t.dep_.lower() in STOP_ABSORB:
                    break
                t = t.head
                other = cands.get(t.i)
                if other is None or other is c or other.absorbed:
                    continue
                # (a verb turned into a refusal no longer stands for the object it asked for:
                # "heeft het Franse aanbod niet aanvaard" keeps the offer as an event)
                asked = other.pattern.objects and other.type == other.pattern.type and (
                    c.token.lemma_.lower() in other.pattern.objects
                    or c.token.lower_ in other.pattern.objects)
                if other.type == c.type or asked or (
                        c.type in ONLY_OBJECT and other.pattern.pos == "verb"):
                    c.absorbed = True
                    other.setting = other.setting or other.type == c.type
                    if not other.sources:
                        other.sources = c.sources
                    if not other.targets:
                        other.targets = [a for a in c.targets
                                         if a.id not in {s.id for s in other.sources}]
                    if other.mode is None and c.mode and self.onto.is_mode(other.type, c.mode):
                        other.mode = c.mode  # "schortten hun staking op": no CONCEDE 'demo'
                break

    @staticmethod
    def _absorb_consequences(cands: dict[int, Candidate]) -> None:
        """"struck a hospital in Kyiv, killing two people", "went on strike to protest the
        budget": a participle or infinitive clause without a subject or conjunction of its own,
        under a trigger of the same type, states what that act did or was for; it is the same
        happening, not a second one."""
        for c in cands.values():
            tok = c.token
            if c.absorbed or c.pattern.pos != "verb" or tok.dep_.lower() not in ("advcl", "xcomp"):
                continue
            head = cands.get(tok.head.i)
            if head is None or head is c or head.absorbed or head.type != c.type:
                continue
            # (also a purpose of the same kind: "went on strike to protest the budget"; not a
            # clause with a conjunction of its own: "while", "after")
            form = syntax.morph(tok, "VerbForm")
            if any(k.dep_.lower() in syntax.SUBJ or (k.dep_.lower() == "mark"
                                                     and k.pos_ == "SCONJ")
                   for k in syntax.kids(tok)) or not {"Ger", "Part", "Inf"} & set(form):
                continue
            c.absorbed = True
            if not head.targets:
                head.targets = [a for a in c.targets if a.id not in {s.id for s in head.sources}]

    @staticmethod
    def _absorb_framed_objects(cands: dict[int, Candidate]) -> None:
        """"refused to extend the grain deal", "weigerde het akkoord te verlengen": an agreement
        that is the object of a plain verb framed by a refusal or threat is what the frame is
        about, not an agreement made in this sentence."""
        for c in cands.values():
            if c.absorbed or c.pattern.pos != "noun" or c.type not in ONLY_OBJECT:
                continue
            verb = c.token.head
            if c.token.dep_.lower() not in syntax.OBJ or verb.i in cands or verb == c.token:
                continue
            for h in syntax.governing_chain(verb, limit=2):
                frame = cands.get(h.i)
                if frame is not None and frame is not c and frame.type in FRAMES - {"AGREE"}:
                    c.absorbed = True
                    if not frame.targets:
                        frame.targets = [a for a in c.targets
                                         if a.id not in {s.id for s in frame.sources}]
                    break

    def _apply_denials(self, cands: dict[int, Candidate]) -> None:
        """A denied event is the event, negated and reported; the denial is no REJECT of its own
        when it denies a stated happening ("ontkent dat het leger ... heeft gebombardeerd")."""
        if not self.denial:
            return
        for i, d in list(cands.items()):
            if d.token.lemma_.lower() not in self.denial:
                continue
            content = [c for c in cands.values() if c is not d and not c.absorbed
                       and d.token in syntax.governing_chain(c.token, limit=3)]
            if not content:
                continue
            for c in content:
                c.denied_by = d.token
                if not c.sources:
                    c.sources = d.sources
            del cands[i]

    def _clause_targets(self, cands: dict[int, Candidate], index: arguments.ActorIndex,
                        pronoun: arguments.Resolver) -> None:
        """"promised that Ukraine would join", "warned that North Korea would face ...": the
        subject of a frame's content clause is whom the promise or warning is about."""
        for c in cands.values():
            if c.type not in FRAMES or c.targets or c.pattern.pos != "verb":
                continue
            for ch in syntax.kids(c.token):
                if ch.dep_.lower() != "ccomp":
                    continue
                subj = roles.logical_subjects(ch, self.grammar)
                found = arguments.resolve(subj, index, pronoun) if subj else []
                src = {a.id for a in c.sources} | {a.country for a in c.sources if a.country}
                # "Putin warned that Russia would ...": one's own country is no recipient; a
                # compatriot is ("the opposition demanded that Netanyahu resign")
                found = [a for a in found if a.id not in src
                         and not (a.country in src and a.kind in ("country", "organization"))]
                if found:
                    c.targets = found
                    break
            if not c.targets:
                c.targets = self._content_targets(c, cands, index, pronoun)

    def _content_targets(self, c: Candidate, cands: dict[int, Candidate],
                         index: arguments.ActorIndex,
                         pronoun: arguments.Resolver) -> list[Actor]:
        """"dreigt de gaslevering aan Oekraïne af te sluiten", "refused to sell Greenland to
        the United States": a frame whose content verb is no event of its own is aimed at whom
        that verb acts on (its object, else its prepositional objects, one phrase deep)."""
        src = {a.id for a in c.sources} | {a.country for a in c.sources if a.country}
        clauses = [ch for ch in syntax.kids(c.token) if ch.dep_.lower() in ("xcomp", "ccomp")]
        # "did not rule out the use of force to bring Taiwan under its control": the purpose
        # clause of the frame's object says whom the act is aimed at
        clauses += [ch for o in roles.logical_objects(c.token) for ch in syntax.kids(o)
                    if ch.dep_.lower() in ("acl", "advcl", "xcomp")]
        for ch in clauses:
            if ch.i in cands or ch.pos_ != "VERB":
                continue
            objs = roles.logical_objects(ch)
            preps = [a for p, a in syntax.prep_args(ch) if p not in self.grammar.agent_preps]
            nested = [a for o in objs for p, a in syntax.prep_args(o)
                      if p not in self.grammar.of_preps]
            for heads in (objs, preps, nested):
                found = arguments.resolve(heads, index, pronoun) if heads else []
                found = [a for a in found if a.id not in src and a.country not in src]
                if found:
                    return found
        return []

    @staticmethod
    def _inverted_frame(c: Candidate, cands: dict[int, Candidate]) -> list[Token]:
        """"heeft de VS verzocht Gülen uit te leveren" parsed with the infinitive as the root and
        the finite frame verb under it: a "te"-infinitive is never the head of the verb before
        it, so that verb, when it is a frame, is the frame of the infinitive."""
        tok = c.token
        if tok.head != tok or not any(k.lower_ == "te" and k.dep_.lower() == "mark"
                                      for k in syntax.kids(tok)):
            return []
        return [k for k in syntax.kids(tok) if k.i < tok.i and k.i in cands
                and cands[k.i].type in FRAMES and cands[k.i].pattern.pos == "verb"][:1]

    @staticmethod
    def _earlier_content(cands: dict[int, Candidate], previous: list[Event]) -> None:
        """"Amerikaanse en Britse troepen vielen Irak binnen. Rusland en Frankrijk veroordeelden
        de invasie.": a condemned (or praised) event noun that names no actor of its own refers
        back to the previous sentence's event of its type, whose actors the frame is aimed at."""
        if not previous:
            return
        for f in cands.values():
            if f.absorbed or f.targets or f.type not in KEEPS_CONTENT:
                continue
            for c in cands.values():
                if not (c.absorbed and c.pattern.pos == "noun" and not c.sources
                        and f.token in syntax.governing_chain(c.token, limit=2)):
                    continue
                earlier = [e for e in previous if e.type == c.type and e.source]
                if len(earlier) == 1:
                    own = {a.country or a.id for a in f.sources}
                    f.targets = [a for a in earlier[0].source if (a.country or a.id) not in own]
                break

    def _fold_frames(self, cands: dict[int, Candidate]) -> None:
        for c in cands.values():
            if c.absorbed:
                continue
            chain = syntax.governing_chain(c.token, limit=3) or self._inverted_frame(c, cands)
            for h in chain:
                frame = cands.get(h.i)
                if frame is None or frame is c:
                    continue
                if frame.type not in FRAMES:
                    break  # the nearest event above owns this one ("coordinate air strikes")
                if c.pattern.pos == "noun" and roles.verb_through_prep(
                        c.token, self.grammar.carrier_preps) == frame.token:
                    break  # "agreed in a phone call": the call is the setting, not the content
                if frame.type in KEEPS_CONTENT and c.pattern.pos == "noun" and c.sources:
                    # "condemned the killing of civilians by Russian troops": both are coded;
                    # the condemned is whoever did the killing
                    own = {s.country for s in frame.sources if s.country}
                    if not frame.targets or all(a.country in own for a in frame.targets):
                        # (its own citizens, "condemned the arrest of two Canadian citizens
                        # in Iran", are not whom a condemnation is aimed at; the arrester is)
                        frame.targets = [a for a in c.sources
                                         if a.id not in {s.id for s in frame.sources}] \
                            or frame.targets
                    if frame.type == "REJECT" and not c.targets:
                        # "rejected the Japanese request": it was addressed to the rejecter
                        c.targets = [a for a in frame.sources
                                     if a.id not in {s.id for s in c.sources}]
                    break
                c.absorbed = True
                if not frame.targets:
                    frame.targets = [a for a in (c.targets or [])
                                     if a.id not in {s.id for s in frame.sources}]
                if not frame.sources and c.sources:
                    frame.sources = c.sources
                new_type = FRAME_TYPE.get((frame.type, c.type))
                if new_type:
                    frame.type, frame.mode, frame.cameo = new_type, None, None
                elif frame.type in ("AGREE",) and c.type in INTENDED_CONTENT:
                    # "agreed to prepare sanctions": the sanction, intended (PLOVER does not
                    # turn conflictual plans into AGREE)
                    frame.type, frame.mode, frame.cameo = c.type, c.mode, c.cameo
                    frame.intended = True
                    frame.targets = frame.targets or c.targets
                if frame.mode is None and frame.pattern.mode is None:
                    frame.mode = FRAME_MODE.get(frame.type, {}).get(c.type, c.mode
                                                                     if frame.type == c.type
                                                                     else None)
                break
