#!/bin/sh
# Rebuilds (or checks) the project's copies of the official VDAF test vectors.
#
#   ./sync.sh DIR          copy DIR/XofTurboShake128.json, DIR/XofFixedKeyAes128.json and
#                          DIR/vdaf/Prio3*.json here and rewrite SHA256SUMS
#   ./sync.sh --check DIR  exit non-zero unless every copy here equals its original in DIR
#
# DIR is the draft repository's test_vec/ folder (draft-irtf-cfrg-vdaf, the commit named in
# UPSTREAM). Poplar1 and IDPF vectors are not copied: secagg-vdaf implements Prio3 only.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
check=0
if [ "${1:-}" = "--check" ]; then
  check=1
  shift
fi
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 [--check] TEST_VEC_DIR" >&2
  exit 2
fi
src=$(cd "$1" && pwd)
files="XofTurboShake128.json XofFixedKeyAes128.json"
for f in "$src"/vdaf/Prio3*.json; do
  files="$files vdaf/$(basename "$f")"
done
status=0
for f in $files; do
  if [ "$check" -eq 1 ]; then
    if ! cmp -s "$src/$f" "$here/$f"; then
      echo "differs or missing: $f" >&2
      status=1
    fi
  else
    mkdir -p "$(dirname "$here/$f")"
    cp "$src/$f" "$here/$f"
  fi
done
if [ "$check" -eq 0 ]; then
  (cd "$here" && sha256sum $files > SHA256SUMS)
  echo "copied $(echo $files | wc -w) files; SHA256SUMS rewritten"
fi
exit $status
