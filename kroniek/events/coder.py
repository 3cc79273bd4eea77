"""The event coder: patterns matched on the parse, arguments resolved to actors, PLOVER out.

Per sentence: every token whose lemma is a trigger is a candidate (one per token, the best
fitting pattern); a candidate hanging from another one that frames it ("weigerde te ontmoeten",
"called for talks", "threatened to attack") is folded into that frame; modality, negation and
reported speech are read off the parse; then the precision guards decide what is kept.

The steps live in modules named after what they do, joined here as mixins of ``Coder`` (they
share its words, dictionary and per-document caches):

- ``matching``: which tokens are triggers, and the pattern's conditions;
- ``sides``: source and target actors of a trigger, its best ``Candidate``;
- ``frames``: the sentence's candidates among themselves (refusals, absorption, frames);
- ``recipients``: targets from places and from the people acted on;
- ``pronouns``: pronouns as actors;
- ``building``: the PLOVER event out of a candidate.
"""

from __future__ import annotations

import re
from typing import Any

from kroniek.events import arguments, modality, prospect, roles, syntax
from kroniek.events.attach import Attacher
from kroniek.events.building import Building
from kroniek.events.candidate import Candidate
from kroniek.events.frames import Frames
from kroniek.events.matching import Matching
from kroniek.events.merge import evidence as merge_evidence
from kroniek.events.merge import merge
from kroniek.events.ontology import load as load_ontology
from kroniek.events.patterns import Dictionary
from kroniek.events.patterns import load as load_patterns
from kroniek.events.pronouns import Pronouns
from kroniek.events.recipients import Recipients
from kroniek.events.sides import Sides
from kroniek.model import Analysis, Event

__all__ = ["Candidate", "Coder"]


class Coder(Matching, Sides, Frames, Recipients, Pronouns, Building):
    """Built once per language (loading is done here); called once per document."""

    def __init__(self, lang: str, config: dict[str, Any]) -> None:
        self.lang = lang
        self.dict: Dictionary = load_patterns(lang)
        w = self.dict.word_set
        # every ending of a light verb: a verb whose lemma is none of them cannot be one, with
        # or without a particle joined in front ("voerde ... uit" → "uitvoeren")
        self._light_tails = frozenset(v[k:] for v in w("light_verbs") for k in range(len(v)))
        self.grammar = roles.Grammar(w("agent_preps"), w("light_verbs"), w("of_preps"),
                                     w("between_preps"), w("carrier_preps"), self._verb_forms,
                                     w("document_nouns"), w("object_control"))
        self.words = modality.Words(w("negation"), w("negative_det"), w("hypothetical"),
                                    w("conditional"), w("intent"), w("future"), w("speech"),
                                    w("according"))
        self.person_pronouns = w("person_pronouns")
        self.other_pronouns = w("other_pronouns")
        self.speaker_pronouns = w("speaker_pronouns")
        self.speaker_marks = w("speaker_marks")
        self.openers = w("clause_openers")
        self.during_preps = w("during_preps")
        self.passive_aux = w("passive_aux")
        self.perfect_aux = w("perfect_aux")
        self.people = w("people_nouns")
        self.fillers = w("fillers")
        self.denial = w("denial")
        self.unwilling = w("unwilling")
        self.clause_intent = w("clause_intent")
        self.place_preps = w("place_preps")
        self.away_preps = w("away_preps")
        self.goal_preps = w("goal_preps")
        self.announce = w("announce")
        self.host_verbs = w("host_verbs")
        self.link_verbs = w("link_verbs")
        self.assist_words = w("assist_words")
        # the verbs of the protest patterns ("to protest a plan": a purpose that is a protest)
        self.protest_verbs = frozenset(base for (pos, base), found in self.dict.by_base.items()
                                       if pos == "verb" and any(p.type == "PROTEST"
                                                                for p, _ in found))
        self.against_preps = w("against_preps")
        self.domestic = w("domestic_policy")
        self.non_actor_heads = w("non_actor_heads")
        self.fallback_lemmas = bool(self.dict.words.get("lemma_fallback", False))
        self.linear = bool(self.dict.words.get("linear_fallback", False))
        # "schort ... op" → "op" + "schort" + "en": the infinitive from a verb-second stem
        self.infinitive = str(self.dict.words.get("infinitive_suffix") or "")
        self.quantifiers = w("quantifiers")
        self.compounds = bool(self.dict.words.get("compound_nouns", False))
        self.separable = bool(self.dict.words.get("separable_prefix", False))
        self.not_particles = w("not_particles")  # "zij kennen er niets van" is no "erkennen"
        self.not_compounds = w("not_compounds")  # "zelfmoord" is no "moord"
        self.prospect = prospect.ProspectWords(
            w("copulas"), w("possible_predicates") | w("hypothetical"), w("planned_predicates"),
            w("prepare_phrases"), w("predicate_fillers"))
        self.onto = load_ontology()
        # the endings of separable verbs ("schorten" of "opschorten"): only a verb whose lemma
        # is one of them can be the stem of a split separable verb
        self._verb_tails = frozenset(base[k:] for (pos, base) in self.dict.by_base
                                     if pos == "verb" for k in range(1, len(base) - 1))
        self._bases = frozenset(base for (_, base) in self.dict.by_base)
        self._trigger_words = self._bases | self._verb_tails
        self.attacher = Attacher()
        cfg = (config or {}).get("events", {}) if isinstance(config, dict) else {}
        self.require_source = bool(cfg.get("require_source", True))
        self.min_confidence = float(cfg.get("min_confidence", 0.0))
        self._forms_memo: dict[tuple[int, int], set[str]] = {}
        self._clause_memo: dict[tuple[int, int], tuple[int, int]] = {}
        self._sent_memo: dict[int, str] = {}
        self._words_memo: dict[int, re.Pattern[str]] = {}
        self._trigger_memo: dict[tuple[str, str], bool] = {}

    def __call__(self, analysis: Analysis) -> None:
        doc = analysis.nlp_doc
        self._forms_memo = {}  # caches for this document only
        self._clause_memo = {}
        self._sent_memo = {}
        syntax.clear_memo()
        if doc is None or not self.dict.patterns or not doc.has_annotation("DEP"):
            return
        index = arguments.ActorIndex.build(analysis, self.non_actor_heads,
                                           self.grammar.of_preps)
        if not index.by_token:
            return
        events: list[Event] = []
        previous: list[Event] = []
        for sent in doc.sents:
            previous = self.code_sentence(sent, index, analysis, previous)
            events.extend(previous)
        analysis.events = merge(events)

    def code_sentence(self, sent: Any, index: arguments.ActorIndex,
                      analysis: Analysis, previous: list[Event] | None = None) -> list[Event]:
        pronoun = self._pronoun_resolver(index, analysis)
        cands: dict[int, Candidate] = {}
        for tok in sent:
            if not self.may_match(tok):
                continue
            c = self.candidate(tok, index, pronoun)
            if c is not None:
                cands[tok.i] = c
        if not cands:
            return []  # no trigger in the sentence: every step below works on candidates
        self._refusals(cands)
        self._drop_light_verbs(cands)
        self._drop_bare_settings(cands, index)
        self._visit_hosts(cands, index, pronoun)
        self._absorb_same_type(cands)
        self._absorb_consequences(cands)
        self._assisting_deployments(cands)
        self._absorb_framed_objects(cands)
        self._apply_denials(cands)
        self._clause_targets(cands, index, pronoun)
        self._fold_frames(cands)
        self._earlier_content(cands, previous or [])
        self._prospects(cands)
        out: list[Event] = []
        for c in cands.values():
            if c.absorbed:
                continue
            earlier = self._continued(c, previous or [])
            if earlier is not None:
                c.sources = [*earlier.source]
            e = self._event(c, sent, index, analysis, pronoun)
            if e is None or e.confidence < self.min_confidence:
                continue
            if earlier is not None and prospect.fold(earlier, e, merge_evidence(e)):
                continue  # the same meeting as the previous sentence's: it says when and where
            out.append(e)
            out.extend(self._also(c, e))
        return out
