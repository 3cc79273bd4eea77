"""Our spaCy components on hand-built docs: no trained model needed, so these always run."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

import kroniek.nlp.components  # noqa: F401
from kroniek.nlp.components import LookupLemmatizer, _punct_segments


def parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str],
           lemmas: list[str] | None = None) -> Doc:
    nlp = spacy.blank("nl")
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_separable_verb_takes_the_particle_that_makes_a_word() -> None:
    nlp = spacy.blank("nl")
    sep = nlp.add_pipe("kroniek_separable_verbs")
    # "Zij stelde het uit tot morgen": both 'uit' and 'tot' wrongly marked as particles
    doc = parsed(["Zij", "stelde", "het", "uit", "tot", "morgen"], [1, 1, 1, 1, 1, 4],
                 ["nsubj", "ROOT", "obj", "compound:prt", "compound:prt", "obl"],
                 ["PRON", "VERB", "PRON", "ADP", "ADP", "ADV"],
                 ["zij", "stellen", "het", "uit", "tot", "morgen"])
    assert sep(doc)[1].lemma_ == "uitstellen"


def test_separable_verb_leaves_joined_verbs_alone() -> None:
    nlp = spacy.blank("nl")
    sep = nlp.add_pipe("kroniek_separable_verbs")
    doc = parsed(["Hij", "is", "uitgenodigd"], [2, 2, 2], ["nsubj", "aux", "ROOT"],
                 ["PRON", "AUX", "VERB"], ["hij", "zijn", "uitnodigen"])
    assert sep(doc)[2].lemma_ == "uitnodigen"


def test_sentence_hints_mark_starts_after_full_stop_and_quote() -> None:
    nlp = spacy.blank("nl")
    hints = nlp.add_pipe("kroniek_sentence_hints")
    doc = hints(nlp(",,Wij gaan.'' Daarna viel het stil. dhr. Jansen bleef."))
    starts = [t.text for t in doc if t.is_sent_start]
    assert "Daarna" in starts and "''" not in starts and "Jansen" not in starts


def test_sentence_fix_moves_quote_and_merges_unpunctuated_split() -> None:
    nlp = spacy.blank("nl")
    fix = nlp.add_pipe("kroniek_sentence_fix")
    words = ["Het", "gaat", ".", "''", "Bondscoach", "Louis", "zwijgt", "."]
    # parser output: sentence 2 starts at the quote, sentence 3 wrongly at "Louis"
    doc = parsed(words, [1, 1, 1, 4, 4, 6, 6, 6],
                 ["nsubj", "ROOT", "punct", "punct", "ROOT", "nsubj", "ROOT", "punct"],
                 ["PRON", "VERB", "PUNCT", "PUNCT", "NOUN", "PROPN", "VERB", "PUNCT"])
    sents = [s.text for s in fix(doc).sents]
    assert sents[0].endswith("''") and len(sents) == 2, sents


def test_sentence_hints_straight_quote_that_opens_does_not_end_a_sentence() -> None:
    nlp = spacy.blank("nl")
    hints = nlp.add_pipe("kroniek_sentence_hints")
    doc = hints(nlp('Zij zijn lid van "Door Vrijheid Ontstaan" in Delft. Hij zei "nee" Toen ging hij.'))
    starts = [t.text for t in doc if t.is_sent_start]
    assert "Door" not in starts and "in" not in starts


def test_sentence_fix_undoes_split_after_opening_straight_quote_and_before_full_stop() -> None:
    nlp = spacy.blank("nl")
    fix = nlp.add_pipe("kroniek_sentence_fix")
    # 'Zij las " Het Parool " .' with the parser's splits before "Het" and before "."
    words = ["Zij", "las", '"', "Het", "Parool", '"', "."]
    spaces = [True, True, True, True, False, False, False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=[1, 1, 1, 4, 4, 4, 6],
              deps=["nsubj", "ROOT", "punct", "det", "ROOT", "punct", "ROOT"],
              pos=["PRON", "VERB", "PUNCT", "DET", "PROPN", "PUNCT", "PUNCT"])
    assert len(list(fix(doc).sents)) == 1


def test_lookup_lemmatizer_table_then_simplemma_then_form() -> None:
    lem = LookupLemmatizer("nl")
    lem.learn([parsed(["Hij", "liep"], [1, 1], ["nsubj", "ROOT"], ["PRON", "VERB"], ["hij", "lopen"])])
    assert lem.lemma("liep", "VERB") == "lopen"
    assert lem.lemma("Amsterdam", "PROPN") == "Amsterdam"
    assert lem.lemma("huizen", "NOUN") == "huis"


def test_crf_segments_follow_punctuation_after_a_parse() -> None:
    nlp = spacy.blank("nl")
    doc = parsed(["Kim", "Jong-un", "sprak", ".", "Hij", "ging"], [2, 0, 2, 2, 5, 5],
                 ["nsubj", "flat", "ROOT", "punct", "nsubj", "ROOT"],
                 ["PROPN", "PROPN", "VERB", "PUNCT", "PRON", "VERB"])
    assert [s.text for s in _punct_segments(doc)] == ["Kim Jong-un sprak .", "Hij ging"]
    assert _punct_segments(nlp("")) == []


def test_crf_tagger_replaces_upos_per_punctuation_segment(tmp_path) -> None:
    import pycrfsuite

    from kroniek.nlp.crf import sentence_features

    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in [(["Hij", "loopt", "."], ["PRON", "VERB", "PUNCT"]),
                        (["Zij", "zwemt", "."], ["PRON", "VERB", "PUNCT"])] * 3:
        trainer.append(sentence_features(words, {}, None, extra=True), tags)
    trainer.set_params({"max_iterations": 20})
    trainer.train(str(tmp_path / "pos.crfsuite"))
    nlp = spacy.blank("nl")
    tagger = nlp.add_pipe("kroniek_crf_tagger")
    tagger.load_model(tmp_path)
    doc = tagger(nlp("Hij loopt. Zij zwemt."))
    assert [t.pos_ for t in doc] == ["PRON", "VERB", "PUNCT", "PRON", "VERB", "PUNCT"]
    tagger.to_disk(tmp_path / "saved")
    assert (tmp_path / "saved" / "pos.crfsuite").is_file()


def test_line_breaks_end_headlines_and_paragraphs_but_not_hard_wraps() -> None:
    nlp = spacy.blank("nl")
    breaks = nlp.add_pipe("kroniek_line_breaks")
    text = ("Kabinet valt\n\nHet kabinet is gisteren gevallen.\nPremier Rutte bood het ontslag aan."
            "\nDe minister zei in een lang interview met de krant dat hij morgen met president\n"
            "Poetin wil praten.")
    doc = breaks(nlp(text))
    starts = [t.text for t in doc if t.is_sent_start and t.i > 0]
    assert starts == ["Het", "Premier", "De"]  # not "Poetin": that line is a hard wrap
    assert all(t.is_sent_start is False for t in doc[1:] if t.is_space)


def test_space_arcs_take_a_newline_out_of_the_parse() -> None:
    # a parser that made the blank line the subject and the root of the second paragraph
    nlp = spacy.blank("nl")
    fix = nlp.add_pipe("kroniek_space_arcs")
    doc = Doc(nlp.vocab, words=["Kabinet", "valt", "\n\n", "Rutte", "treedt", "af"],
              spaces=[True, False, False, True, True, False],
              heads=[1, 1, 2, 4, 2, 4], deps=["nsubj", "ROOT", "ROOT", "nsubj", "nsubj", "compound:prt"])
    doc = fix(doc)
    assert (doc[2].head.i, doc[2].dep_) == (1, "dep")
    assert doc[4].dep_ == "ROOT" and doc[4].head.i == 4 and doc[3].head.i == 4
    assert [s.root.text for s in doc.sents] == ["valt", "treedt"]


def _tagged(text: str, pos: list[str]) -> Doc:
    nlp = spacy.blank("nl")
    doc = nlp(text)
    assert len(doc) == len(pos), [t.text for t in doc]
    for tok, tag in zip(doc, pos, strict=True):
        tok.pos_ = tag
    return doc


def test_run_in_headline_starts_a_sentence_only_in_flattened_text() -> None:
    nlp = spacy.blank("nl")
    hints = nlp.add_pipe("kroniek_sentence_hints", config={"run_in_starts": ["DET", "ADV", "ADP"]})
    pos = ["NOUN", "ADP", "PROPN", "PROPN", "ADV", "ADP", "PROPN", "VERB", "DET", "NOUN", "PUNCT"]
    flat = hints(_tagged("Bosbranden in La Palma Ook in Californië woedt een brand .", pos))
    assert [t.text for t in flat[1:] if t.is_sent_start] == ["Ook"]
    # the same words with the headline on its own line: the line break decides, not this rule
    lines = hints(_tagged("Bosbranden in La Palma\nOok in Californië woedt een brand .",
                          pos[:4] + ["SPACE"] + pos[4:]))
    assert not lines[5].is_sent_start


def test_run_in_start_not_before_a_name_after_a_verb_or_in_brackets() -> None:
    nlp = spacy.blank("nl")
    hints = nlp.add_pipe("kroniek_sentence_hints", config={"run_in_starts": ["DET", "ADV", "ADP"]})
    cases = [  # surname after a verb; "De" + capitalised word is a name; inside brackets
        ("Later zei Dan dat het kon .", ["ADV", "VERB", "ADV", "SCONJ", "PRON", "VERB", "PUNCT"]),
        ("Voorzitter Herman De Prins zwijgt .", ["NOUN", "PROPN", "DET", "PROPN", "VERB", "PUNCT"]),
        ("( Foto Gerrit Op de Beeck ) Hij zwijgt .",
         ["PUNCT", "NOUN", "PROPN", "ADP", "DET", "PROPN", "PUNCT", "PRON", "VERB", "PUNCT"]),
    ]
    for text, pos in cases:
        doc = hints(_tagged(text, pos))
        assert [t.text for t in doc[1:] if t.is_sent_start] == [], text


def test_sentence_fix_keeps_parser_split_before_capitalised_non_name_in_flattened_text() -> None:
    nlp = spacy.blank("nl")
    fix = nlp.add_pipe("kroniek_sentence_fix", config={"keep_run_in": True})
    words = ["Kabinet", "valt", "Politici", "reageerden", "verbaasd", "."]
    heads, deps = [1, 1, 3, 3, 3, 3], ["nsubj", "ROOT", "nsubj", "ROOT", "xcomp", "punct"]
    pos = ["NOUN", "VERB", "NOUN", "VERB", "ADJ", "PUNCT"]
    assert len(list(fix(parsed(words, heads, deps, pos)).sents)) == 2
    # before a name the split is still undone: "bondscoach | Louis van Gaal"
    words = ["De", "bondscoach", "Louis", "zwijgt", "."]
    doc = parsed(words, [1, 1, 3, 3, 3], ["det", "ROOT", "nsubj", "ROOT", "punct"],
                 ["DET", "NOUN", "PROPN", "VERB", "PUNCT"])
    assert len(list(fix(doc).sents)) == 1
    # and with the option off (a language that capitalises more than names) it is undone too
    plain = spacy.blank("nl").add_pipe("kroniek_sentence_fix")
    words = ["Kabinet", "valt", "Politici", "reageerden", "verbaasd", "."]
    assert len(list(plain(parsed(words, heads, deps, pos)).sents)) == 1
