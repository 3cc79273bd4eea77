"""Words per second of each language's full pipeline on one CPU core.

Text: the held-out UD files' raw text (the pipeline sees plain text, as in ``kroniek extract``).
Threads are pinned to one before numpy loads; torch is not involved.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import platform  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

FILES = {"nl": "ud-nl/nl_alpino-ud-test.conllu", "en": "ud-en/en_ewt-ud-test.conllu"}


def texts(path: Path) -> list[str]:
    """Paragraph-sized texts (the UD documents of a dozen sentences)."""
    from spacy.vocab import Vocab

    from kroniek.nlp.conll import group_sentences, read_conllu, ud_doc

    vocab = Vocab()
    return [ud_doc(vocab, b).text for b in group_sentences(read_conllu(path))]


def measure(lang: str, data: Path, repeat: int = 3) -> dict[str, float | str]:
    """Best of ``repeat`` passes, batched as ``kroniek extract`` batches (by text length)."""
    from kroniek.nlp.loader import load_pipeline, pipe_texts

    nlp = load_pipeline(lang)
    docs = texts(data / FILES[lang])
    list(nlp.pipe(docs[:5]))  # warm-up
    best = 0.0
    words = 0
    for _ in range(repeat):
        start = time.perf_counter()
        words = sum(len(d) for d in pipe_texts(nlp, docs))
        best = max(best, words / (time.perf_counter() - start))
    return {"lang": lang, "pipeline": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}",
            "components": ", ".join(nlp.pipe_names), "words": words, "words_per_s": round(best)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--lang", nargs="*", default=["nl", "en"])
    ap.add_argument("--write", type=Path, help="write a markdown table here")
    args = ap.parse_args()
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
    except ImportError:
        pass
    load_before = os.getloadavg()[0]
    rows = [measure(lang, args.data) for lang in args.lang]
    load_after = os.getloadavg()[0]
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        names = [ln.split(":", 1)[1].strip() for ln in cpuinfo.read_text().splitlines()
                 if ln.startswith("model name")]
        cpu = names[0] if names else cpu
    lines = [f"# NLP pipeline speed ({time.strftime('%Y-%m-%d')}, one core of {cpu}, "
             f"Python {platform.python_version()})", "",
             "| lang | pipeline | components | words | words/s |", "|---|---|---|---|---|"]
    lines += [f"| {r['lang']} | {r['pipeline']} | {r['components']} | {r['words']} | {r['words_per_s']} |"
              for r in rows]
    lines += ["", f"1-minute load average {load_before:.2f} before, {load_after:.2f} after "
              f"(on {os.cpu_count()} cores; other jobs make the figures a lower bound)."]
    out = "\n".join(lines) + "\n"
    print(out)
    if args.write:
        args.write.parent.mkdir(parents=True, exist_ok=True)
        args.write.write_text(out)


if __name__ == "__main__":
    main()
