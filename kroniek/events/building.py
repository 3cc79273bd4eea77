"""From a candidate to the PLOVER event: modality, negation and reported speech, PLOVER's
future rules (future cooperation is AGREE, a future retreat CONCEDE), CAMEO code, date, place,
confidence; and the second event a pattern's ``also`` states.

Part of the coder (``kroniek/events/coder.py``), as a mixin.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from kroniek.events import arguments, modality, roles, syntax
from kroniek.events.candidate import Candidate
from kroniek.events.frames import INTENDED_CONTENT
from kroniek.events.syntax import Token
from kroniek.model import Analysis, Event, Span

# CAMEO code for a cooperative event turned into AGREE by tense or intent.
# CAMEO code of leaving an organisation (reduce relations), as the dictionaries' "leave".
LEAVE_CAMEO = "160"
AGREE_CAMEO = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033"}


class Building:
    """Events out of candidates."""

    def _event(self, c: Candidate, sent: Any, index: arguments.ActorIndex,
               analysis: Analysis, pronoun: arguments.Resolver) -> Event | None:
        if self.require_source and not c.sources and not self._nameless_crowd(c):
            return None  # a possible meeting "met X" alone names one party: only a continued
            # meeting (``_continued``) gets its other party
        if not c.sources and not c.targets:
            return None
        c.targets = self._fallback_targets(c, index)
        joint = c.pattern.symmetric and len(c.sources) >= 2  # "Poland and Lithuania ... joint"
        if (c.pattern.needs_target or self.onto.types[c.type].requires_recipient and
                c.pattern.pos == "noun") and not c.targets and not joint:
            return None
        sources, targets = c.sources, c.targets
        if c.type == "RETREAT" and not c.pattern.symmetric:
            # a withdrawal, release or resignation is never aimed at the actor's own country
            # ("trok zijn troepen terug", "het ontslag van zijn kabinet")
            own = {a.country for a in sources if a.country}
            targets = [a for a in targets if a.country not in own]
        etype, mode, cameo = c.type, c.mode, c.cameo
        if etype == "RETREAT" and mode == "withdraw" and targets and all(
                a.kind == "organization" and not a.country for a in targets):
            # PLOVER: RETREAT withdraw leaves territory; withdrawing oneself from an
            # organisation ("withdrawal from ECOWAS", "terugtrekking uit de AU") is SANCTION
            etype, mode, cameo = "SANCTION", "withdraw", LEAVE_CAMEO
        date = self.attacher.date(analysis, c.token)
        taken = [(a.mention.start, a.mention.end) for a in (*c.sources, *c.targets)
                 if a.mention is not None]
        location = self.attacher.location(analysis, c.token, taken, date)
        if c.pattern.symmetric and not c.absorbed:
            # PLOVER: the parties to a meeting (or joint action) are all actors, no recipient
            sources, targets = sources + [a for a in targets
                                          if a.id not in {s.id for s in sources}], []
            if etype == "CONSULT" and not c.setting:
                sources, targets, mode = self._host(sources, mode, location, sent, index)
        m = modality.assess(c.token, self.words)
        if c.refused:
            # the refusal is the event, performed by saying it ("is niet bereid ..., zei X")
            m.negated, m.reporter = False, None
        elif m.modality == "asserted":
            intended, future = self._clause_modality(c.token)
            if intended:
                m.modality = "intended"
            m.future = m.future or future
        if self._after_document(date, analysis) and "Past" not in syntax.morph(c.token, "Tense"):
            # (a verb in the past tense took a date meant for another clause)
            m.future = True
            if etype in INTENDED_CONTENT and m.modality == "asserted":
                # gold rule: a conflict action planned for a later day is intended ("zet
                # zaterdag agenten in"); an announced decision ("would withdraw") is the act
                m.modality = "intended"
        if etype == "RETREAT" and m.reporter is not None and not m.negated and \
                self._relays(c.token, m.reporter) and set(self._lemmas(m.reporter)) & self.announce:
            # "announced that its troops are leaving Syria": PLOVER codes an announced
            # retreat as CONCEDE, performed by the announcement itself
            etype, mode, cameo = "CONCEDE", None, None
            m.reporter = None
        if c.intended and m.modality == "asserted":
            m.modality = "intended"
        if c.modal == "hypothetical" or (c.modal == "intended" and m.modality == "asserted"):
            m.modality = c.modal
        if c.denied_by is not None:
            m.negated = True
            m.reporter = m.reporter or c.denied_by
        if etype in modality.FUTURE_TYPE and (
                m.future or m.modality == "intended"
                or (m.modality == "hypothetical" and modality.FUTURE_TYPE[etype] == "AGREE")):
            new = modality.FUTURE_TYPE[etype]
            cameo = AGREE_CAMEO.get(etype) if new == "AGREE" else None
            etype, mode = new, None
        row = self.onto.cameo_for(etype, cameo if cameo and
                                  self.onto.cameo.get(cameo, None) is not None and
                                  self.onto.cameo[cameo].type == etype else None)
        if mode is None and row.mode and self.onto.is_mode(etype, row.mode):
            mode = row.mode
        context = list(c.pattern.context) or list(row.contexts)
        reporter_actor = None
        speaker = m.reporter
        if speaker is not None:
            subj = roles.logical_subjects(speaker, self.grammar)
            found = arguments.resolve(subj, index, pronoun) if subj else []
            reporter_actor = found[0] if found else None
        else:
            acc = modality.according_to(c.token, self.words)
            if acc is not None:
                found = arguments.resolve([acc], index)
                reporter_actor = found[0] if found else None
        if reporter_actor is None:
            for q in analysis.quotes:
                if q.speaker is not None and q.start <= c.token.idx < q.end:
                    reporter_actor = q.speaker
                    break
        if (m.modality == "asserted" and not m.future
                and (self._relays(c.token, m.reporter) or reporter_actor is not None
                     and speaker is None and modality.according_to(c.token, self.words))):
            # a factual claim passed on by someone: "..., the ministry said", "volgens X"
            m.modality = "reported"
        conf = c.pattern.confidence
        if not targets:
            conf -= 0.1
        if m.modality != "asserted":
            conf -= 0.05
        tok = c.token
        return Event(
            type=etype, source=sources, target=targets,
            trigger=Span(tok.text, tok.idx, tok.idx + len(tok.text)),
            sentence=(sent.start_char, sent.end_char), rule=c.pattern.id,
            confidence=max(0.05, min(1.0, conf)), mode=mode, context=context,
            date=date,
            location=location,
            modality=m.modality,  # type: ignore[arg-type]
            negated=m.negated, cameo=row.code, goldstein=row.goldstein,
            quad_class=row.quad_class, reported_by=reporter_actor,
        )

    @staticmethod
    def _nameless_crowd(c: Candidate) -> bool:
        """"Farmers blocked the roads into Brussels": a protest whose pattern asks for a crowd
        word as subject (farmers, protesters, workers) is coded with the crowd unnamed (gold:
        source ``[]`` where the country is unknown) rather than dropped."""
        return c.type == "PROTEST" and c.pattern.pos == "verb" and bool(c.pattern.subjects) \
            and not c.absorbed

    def _also(self, c: Candidate, e: Event) -> list[Event]:
        """The second event a pattern's ``also`` states where its clause says so ("tot tien jaar
        cel": the conviction is also an arrest)."""
        if not c.pattern.also or e.negated or e.type != c.pattern.type:
            return []
        start, end = self._clause(c.token)
        words = {w for t in c.token.doc[start:end] for w in (t.lower_, t.lemma_.lower())}
        out: list[Event] = []
        for a in c.pattern.also:
            if not a.when & words:
                continue
            known = a.cameo is not None and self.onto.cameo[a.cameo].type == a.type
            row = self.onto.cameo_for(a.type, a.cameo if known else None)
            mode = a.mode if a.mode is not None else (
                row.mode if row.mode and self.onto.is_mode(a.type, row.mode) else None)
            out.append(replace(e, type=a.type, mode=mode, cameo=row.code,
                               goldstein=row.goldstein, quad_class=row.quad_class,
                               context=list(row.contexts), evidence=[]))
        return out

    def _clause_modality(self, tok: Token) -> tuple[bool, bool]:
        """(intended, future) from the words before an infinitive trigger in its clause: "Rusland
        wil Noord- en Zuid-Korea helpen", "is bereid Libanon te helpen", "zullen F-16's
        leveren", when a weak parse hung the modal word elsewhere."""
        if not (self.linear and "Inf" in syntax.morph(tok, "VerbForm")):
            return False, False
        start, _ = self._clause(tok)
        intended = future = False
        for t in tok.doc[start:tok.i]:
            forms = {t.lemma_.lower(), t.lower_}
            if forms & self.clause_intent and t.pos_ in ("VERB", "AUX", "ADJ", "ADV", "NOUN"):
                intended = True
            if forms & self.words.future and t.pos_ in ("AUX", "VERB") and \
                    "Past" not in syntax.morph(t, "Tense"):  # "zou" is no future
                future = True
        return intended, future

    @staticmethod
    def _after_document(date: dict[str, Any] | None, analysis: Analysis) -> bool:
        """The text dates the event after the document's own date ("reist morgen naar Ankara"):
        it has not happened yet."""
        doc_date = analysis.doc.date
        if not date or not date.get("text") or doc_date is None:
            return False
        ev, ref = str(date.get("value") or ""), str(doc_date.value)
        n = min(len(ev), len(ref))
        return n >= 4 and ev[:n] > ref[:n]

    @staticmethod
    def _relays(trigger: Token, reporter: Token | None) -> bool:
        """The trigger states a happening inside what ``reporter`` says (a clause under it, or
        the clause it hangs from); "announced the release" names no clause and relays nothing."""
        if reporter is None:
            return False
        return not (trigger.head == reporter and trigger.dep_.lower() in syntax.OBJ)
