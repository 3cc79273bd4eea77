#!/usr/bin/env bash
# Experiments run once on a lent 16-core machine (see MODEL_CARD.md): the same configs as
# train_nl.sh/train_en.sh, many at a time, one thread each. Not needed to rebuild the pack.
# Expects training/work/device/{site.tar.xz,corpus/,eur/,eur.conll,gazetteer.json}.
set -u
D=training/work/device
T=${T:-440}
mkdir -p /tmp/site && tar xJf $D/site.tar.xz -C /tmp/site
export PYTHONPATH=/tmp/site:$PWD OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONUNBUFFERED=1
W=/tmp/w; mkdir -p $W
C=$D/corpus
python3 -c "import spacy, pycrfsuite; print('spacy', spacy.__version__)" || exit 3
sp() { name=$1; shift; timeout $T python3 -m spacy train "$@" -o $W/$name > $W/$name.log 2>&1 & }
sp syn_train training/nl_syntax.cfg --paths.train $C/nl_ud_train.spacy --paths.dev $C/nl_ud_dev.spacy --training.eval_frequency 250 --training.max_steps 20000 --training.patience 20000
sp syn_all training/nl_syntax.cfg --paths.train $C/nl_ud_all.spacy --paths.dev $C/nl_ud_dev.spacy --training.eval_frequency 250 --training.max_steps 20000 --training.patience 20000
sp ner_nl training/nl_ner.cfg --paths.train $C/nl_ner_train.spacy --paths.dev $C/nl_ner_dev.spacy --training.eval_frequency 250 --training.max_steps 20000 --training.patience 20000
sp ner_nl_eur training/nl_ner.cfg --paths.train $D/eur --paths.dev $C/nl_ner_dev.spacy --training.eval_frequency 250 --training.max_steps 20000 --training.patience 20000
sp ner_en training/en_ner.cfg --paths.train $C/en_ner_train.spacy --paths.dev $C/en_ner_dev.spacy --training.eval_frequency 250 --training.max_steps 20000 --training.patience 20000
G=/work/shared/data
[ -d $G ] || G=$D/data
crf() { [ "${CRF:-1}" = 1 ] || return 0; name=$1; shift; timeout $T python3 training/train_crf.py "$@" --out $W/$name > $W/$name.log 2>&1 & }
NL=$D/data/ned
crf crf_en --train $D/data/eng.train --dev $D/data/eng.testa --gazetteer $D/gazetteer.json
crf crf_en_c1 --train $D/data/eng.train --dev $D/data/eng.testa --gazetteer $D/gazetteer.json --c1 0.1 --c2 0.01
crf crf_nl_nogaz --train $NL.train --dev $NL.testa --gazetteer /nonexistent
crf crf_nl_eur --train $NL.train $D/eur.conll --dev $NL.testa --gazetteer $D/gazetteer.json
crf crf_nl_c1 --train $NL.train --dev $NL.testa --gazetteer $D/gazetteer.json --c1 0.1 --c2 0.01
crf crf_nl_c2 --train $NL.train --dev $NL.testa --gazetteer $D/gazetteer.json --c1 0.02 --c2 0.1
crf crf_nl_i300 --train $NL.train --dev $NL.testa --gazetteer $D/gazetteer.json --iterations 300
sleep 5; nproc; uptime
wait
cd $W
for m in syn_train syn_all ner_nl ner_nl_eur ner_en; do
  echo "== $m"; grep -E "^ +[0-9]+ +[0-9]+ " $m.log | tail -3
  python3 -c "import json,sys; print(json.load(open('$m/model-best/meta.json'))['performance'])" 2>/dev/null
done
for m in crf_*; do [ -d $m ] && echo "== $m $(cat $m.log)"; done
tar czf $OUT/logs.tgz *.log */model-best/meta.json 2>/dev/null
tar czf $OUT/syn_all.tgz -C syn_all model-best
tar czf $OUT/syn_train.tgz -C syn_train model-best
tar czf $OUT/ner_nl.tgz -C ner_nl model-best
tar czf $OUT/ner_en.tgz -C ner_en model-best
[ "${CRF:-1}" = 1 ] && tar czf $OUT/crf.tgz crf_*/crf.model
ls -la $OUT
