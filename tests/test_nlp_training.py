"""The training and evaluation tooling, on a tiny slice of the shared data (never a full retrain)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from kroniek.nlp.conll import clean_lemma, iob_spans, paragraph_starts, read_conllu, training_lemmas
from kroniek.nlp.crf import CRFTagger, gazetteer_tags, shape

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
needs_data = pytest.mark.skipif(not (DATA / "ud-nl").is_dir(), reason="shared data not present")
sys.path.insert(0, str(ROOT / "training"))


def test_iob1_and_iob2_spans() -> None:
    assert iob_spans(["I-PER", "I-PER", "O", "I-LOC", "I-ORG"]) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG")]
    assert iob_spans(["B-PER", "B-PER", "I-PER", "O"]) == [(0, 1, "PER"), (1, 3, "PER")]


def test_lemma_cleaning_and_split_particles() -> None:
    assert clean_lemma("aan_sporen", "spoorde") == "aansporen"
    assert clean_lemma("_", "_") == "_"
    rows = [
        ["1", "Zij", "zij", "PRON", "_", "_", "2", "nsubj", "_", "_"],
        ["2", "spoorde", "aan_sporen", "VERB", "_", "_", "0", "root", "_", "_"],
        ["3", "hem", "hem", "PRON", "_", "_", "2", "obj", "_", "_"],
        ["4", "aan", "aan", "ADP", "_", "_", "2", "compound:prt", "_", "_"],
    ]
    # the particle comes off the verb for training; kroniek_separable_verbs puts it back
    assert training_lemmas(rows) == ["zij", "sporen", "hem", "aan"]


def test_crf_features_use_gazetteer() -> None:
    assert shape("Noord-Korea") == "Xxx-Xxx"
    assert shape("VS.") == "XX."
    assert gazetteer_tags(["in", "Noord-Korea", "en", "New", "York"], {"noord-korea": "LOC", "new york": "LOC"}) == [
        "O", "B-LOC", "O", "B-LOC", "I-LOC"]
    assert gazetteer_tags(["het", "new", "york"], {"new york": "LOC"}) == ["O", "O", "O"]


@needs_data
def test_convert_tiny_slice(tmp_path: Path) -> None:
    import convert

    counts = convert.convert(DATA, tmp_path, limit=30)
    assert counts["nl_ud_train_sents"] == 30
    docs = list(DocBin().from_disk(tmp_path / "nl_ud_train.spacy").get_docs(spacy.blank("nl").vocab))
    assert docs and all(d.has_annotation("DEP") and d.has_annotation("SENT_START") for d in docs)
    assert not any("_" in t.lemma_ and len(t.lemma_) > 1 for d in docs for t in d)
    ner = list(DocBin().from_disk(tmp_path / "nl_ner_train.spacy").get_docs(spacy.blank("nl").vocab))
    assert sum(len(d.ents) for d in ner) > 0


@needs_data
@pytest.mark.slow
def test_held_out_never_in_training(tmp_path: Path) -> None:
    import convert

    from kroniek.nlp.conll import sentence_key

    convert.convert(DATA, tmp_path)
    held = {sentence_key(r) for _, r in read_conllu(DATA / "ud-nl" / convert.UD_HELD_OUT)}
    vocab = spacy.blank("nl").vocab
    for name in ("nl_ud_train.spacy", "nl_ud_all.spacy"):
        for doc in DocBin().from_disk(tmp_path / name).get_docs(vocab):
            for sent in doc.sents:
                assert "".join(t.text for t in sent).lower() not in held


@needs_data
def test_crf_trains_and_tags_on_a_few_documents(tmp_path: Path) -> None:
    from kroniek.nlp.conll import read_conll_ner

    docs = list(read_conll_ner(DATA / "conll2002-nl" / "ned.train"))[:3]
    tagger = CRFTagger({"brussel": "LOC"})
    tagger.train(docs, tmp_path, max_iterations=5)
    tags = CRFTagger.load(tmp_path).tag_document([["Hij", "woont", "in", "Brussel", "."]])
    assert len(tags[0]) == 5


@needs_data
@pytest.mark.slow
def test_spacy_training_runs_on_a_slice(tmp_path: Path) -> None:
    import convert

    convert.convert(DATA, tmp_path / "corpus", limit=20)
    cmd = [sys.executable, "-m", "spacy", "train", str(ROOT / "training" / "nl_syntax.cfg"),
           "--paths.train", str(tmp_path / "corpus" / "nl_ud_train.spacy"),
           "--paths.dev", str(tmp_path / "corpus" / "nl_ud_dev.spacy"),
           "--training.max_steps", "4", "--training.eval_frequency", "2",
           "-o", str(tmp_path / "out")]
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
    assert (tmp_path / "out" / "model-last" / "meta.json").is_file()


@needs_data
@pytest.mark.slow
@pytest.mark.parametrize("script", ["train_nl.sh", "train_en.sh"])
def test_build_scripts_run_end_to_end_on_a_slice(tmp_path: Path, script: str) -> None:
    import os

    env = {**os.environ, "LIMIT": "30", "STEPS": "4", "W": str(tmp_path / "w"),
           "OUT": str(tmp_path / "pack"), "PY": sys.executable}
    subprocess.run(["bash", str(ROOT / "training" / script), str(DATA)], check=True, cwd=ROOT,
                   env=env, capture_output=True)
    assert (tmp_path / "pack" / "crf.model").is_file() or (tmp_path / "pack" / "meta.json").is_file()
    if script == "train_nl.sh":  # the sentence settings come from kroniek/lang/nl/sentences.yaml
        cfg = (tmp_path / "pack" / "config.cfg").read_text()
        assert 'run_in_starts = ["DET"' in cfg and "keep_run_in = true" in cfg


def test_crf_feature_groups_switch_on_per_model(tmp_path: Path) -> None:
    from kroniek.nlp.crf import sentence_features

    words = ["MINISTER", "PEETERS", "SPREEKT"]
    plain = sentence_features(words, {}, set())
    more = sentence_features(words, {"peeters": "SUR"}, set(), ents=["O", "B-PERSON", "O"],
                             extra=True, doc_lower={"spreekt"})
    assert "ne=B-PERSON" in more[1] and "-1:ne=B-PERSON" in more[2]
    assert "headline" in more[0] and "lowdoc" in more[2] and "gaz=B-SUR" in more[1]
    assert not any(a.startswith(("ne=", "p4=")) or a == "headline" for f in plain for a in f)
    doc = [[("Jan", "B-PER"), ("Peeters", "I-PER"), ("wint", "O")]] * 3
    tagger = CRFTagger({})
    tagger.train([doc], tmp_path, max_iterations=5, ent_docs=[[["B-PERSON", "I-PERSON", "O"]] * 3],
                 extra=True)
    loaded = CRFTagger.load(tmp_path)
    assert loaded.uses_ents and loaded.features.extra and not loaded.uses_pos
    assert len(loaded.tag_document([["Jan", "wint"]], ents=[["B-PERSON", "O"]])[0]) == 2


def test_gazetteer_takes_people_and_given_names_from_the_actor_lists() -> None:
    import gazetteer

    names = gazetteer.actor_names(ROOT / "kroniek" / "actors" / "data")
    assert names.get("barack obama") == "PER" and names.get("barack") == "FIRST"
    assert names.get("united nations") == "ORG"


def _conllu_sentence(sent_id: str, words: list[str], extra: str = "") -> str:
    rows = [f"{i}\t{w}\t{w.lower()}\tX\t_\t_\t{0 if i == 1 else 1}\t{'root' if i == 1 else 'dep'}\t_\t_"
            for i, w in enumerate(words, 1)]
    return f"{extra}# sent_id = {sent_id}\n" + "\n".join(rows) + "\n\n"


def test_paragraph_starts_from_sent_ids_and_newpar(tmp_path: Path) -> None:
    alpino = tmp_path / "a.conllu"
    alpino.write_text(_conllu_sentence("D1.p.1.s.1", ["Kabinet", "valt"])
                      + _conllu_sentence("D1.p.2.s.1", ["Het", "kabinet", "viel", "."])
                      + _conllu_sentence("D1.p.2.s.2", ["Rutte", "ging", "."]), "utf-8")
    assert paragraph_starts(alpino) == [True, True, False]
    assert len(paragraph_starts(alpino)) == len(list(read_conllu(alpino)))
    ewt = tmp_path / "e.conllu"
    ewt.write_text(_conllu_sentence("x-1", ["Hi", "."], "# newdoc id = x\n# newpar id = x-p1\n")
                   + _conllu_sentence("x-2", ["Yes", "."])
                   + _conllu_sentence("x-3", ["No", "."], "# newpar id = x-p2\n"), "utf-8")
    assert paragraph_starts(ewt) == [True, False, True]


def test_article_layout_puts_a_blank_line_between_paragraphs() -> None:
    from kroniek.nlp.evaluate import _article_text

    nlp = spacy.blank("nl")
    doc = spacy.tokens.Doc(nlp.vocab, words=["Kabinet", "valt", "Het", "viel", ".", "Rutte", "ging", "."],
                           spaces=[True, True, True, False, True, True, False, False],
                           sent_starts=[True, False, True, False, False, True, False, False])
    assert _article_text(doc, [True, True, False]) == "Kabinet valt\n\nHet viel. Rutte ging."


def test_pos_lexicon_reads_only_allowed_files_and_marks_ambiguity(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "training"))
    from pos_lexicon import build

    train = tmp_path / "ned.train"
    train.write_text("-DOCSTART- -DOCSTART- O\nDe Art O\nbrief N O\nwerd V O\nbezorgd V O\n\n"
                     "Hij Pron O\nzette V O\nde Art O\nwerd N O\nop Prep O\n", "utf-8")
    lex = build([train])
    assert lex["brief"] == "N" and lex["de"] == "Art" and lex["werd"] == "N|V"
    testb = tmp_path / "ned.testb"
    testb.write_text("De Art O\n", "utf-8")
    with pytest.raises(SystemExit):
        build([testb])


def test_crf_pos_tagger_uses_the_lexicon_saved_beside_its_model(tmp_path: Path) -> None:
    import json

    import pycrfsuite

    import kroniek.nlp.components  # noqa: F401  (registers kroniek_crf_tagger)
    from kroniek.nlp.crf import sentence_features

    lexicon = {"onderhandelde": "V", "minister": "N"}
    words = ["De", "minister", "onderhandelde", "."]
    feats = sentence_features(words, {}, None, extra=True, lexicon=lexicon)
    assert "lx=N" in feats[1] and "lx=V" in feats[2] and "-1:lx=N" in feats[2]
    assert "lm=en" in feats[2]  # simplemma: onderhandelde -> onderhandelen
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.append(feats, ["DET", "NOUN", "VERB", "PUNCT"])
    trainer.set_params({"max_iterations": 20})
    trainer.train(str(tmp_path / "pos.crfsuite"))
    (tmp_path / "lexicon.json").write_text(json.dumps(lexicon), "utf-8")
    nlp = spacy.blank("nl")
    tagger = nlp.add_pipe("kroniek_crf_tagger")
    tagger.load_model(tmp_path)
    assert tagger.lexicon == lexicon
    assert [t.pos_ for t in tagger(nlp("De minister onderhandelde ."))] == ["DET", "NOUN", "VERB", "PUNCT"]
    tagger.to_disk(tmp_path / "copy")
    assert (tmp_path / "copy" / "lexicon.json").is_file()
