#!/usr/bin/env bash
# Rebuilds test-vectors/third_party/wycheproof/ from a folder of upstream Wycheproof files
# (C2SP/wycheproof, testvectors_v1/), with the generator io.secagg.core.testvectors.WycheproofCopies
# from secagg-core's tests. The output is deterministic: after a run, `git diff` shows exactly
# what changed upstream.
#
#   scripts/wycheproof-copies.sh /path/to/wycheproof/testvectors_v1
set -euo pipefail
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 UPSTREAM_DIR   (a folder holding the upstream *_test.json files)" >&2
  exit 2
fi
upstream=$(cd "$1" && pwd)
cd "$(dirname "$0")/.."
mvn -B -q -pl secagg-core test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/wycheproof-copies.classpath
java -cp "secagg-core/target/test-classes:$(cat secagg-core/target/wycheproof-copies.classpath)" \
  io.secagg.core.testvectors.WycheproofCopies "$upstream" test-vectors/third_party/wycheproof
