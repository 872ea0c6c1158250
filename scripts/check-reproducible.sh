#!/usr/bin/env bash
# Checks that the build is reproducible: builds the committed HEAD twice, from clean copies in two
# different folders (so neither the time nor the path of a build may leak into its output), and
# compares the SHA-256 of every jar (and SBOM) the two builds produced. Prints a table and exits 1
# if any file differs or exists in only one build.
#
#   scripts/check-reproducible.sh            # Maven options may follow, e.g. -o for offline
#
# Needs git, Maven and sha256sum. Nothing is installed into ~/.m2 (the builds run `package`).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/secagg-repro.XXXXXX")
trap 'rm -rf "$work"' EXIT

build() {
  local dir="$work/$1"
  mkdir -p "$dir"
  git -C "$root" archive HEAD | tar -x -C "$dir"
  echo "build $1: mvn -B -q -DskipTests package ${*:2} in $dir" >&2
  (cd "$dir" && mvn -B -q -DskipTests package "${@:2}") >"$work/$1.log" 2>&1 || {
    cat "$work/$1.log" >&2
    echo "build $1 failed" >&2
    exit 2
  }
  (cd "$dir" && find . -maxdepth 3 -path '*/target/*' \( -name '*.jar' -o -name '*-cyclonedx.json' \) \
      -exec sha256sum {} + | sed 's# \./# #' | sort -k2) >"$work/$1.sha256"
}

build first "$@"
sleep 2 # a different second on the clock, in case anything still stamps the time
build second "$@"

status=0
printf '%-80s  %-12s  %-12s  %s\n' "file" "build 1" "build 2" "same"
while read -r file; do
  a=$(awk -v f="$file" '$2 == f {print $1}' "$work/first.sha256")
  b=$(awk -v f="$file" '$2 == f {print $1}' "$work/second.sha256")
  same=yes
  if [[ -z "$a" || -z "$b" || "$a" != "$b" ]]; then
    same=NO
    status=1
  fi
  printf '%-80s  %-12s  %-12s  %s\n' "$file" "${a:0:12}" "${b:0:12}" "$same"
done < <(cat "$work/first.sha256" "$work/second.sha256" | awk '{print $2}' | sort -u)

count=$(wc -l <"$work/first.sha256")
if [[ $status -eq 0 ]]; then
  echo "reproducible: all $count files are identical in both builds"
else
  echo "NOT reproducible: see the rows marked NO" >&2
fi
exit $status
