#!/usr/bin/env bash
# Before/after of `clearance screen` end to end, alternated in one window so both see the same machine load:
#   bench/screening/speed.sh [BEFORE_COMMIT] [RUNS]
# Builds BEFORE_COMMIT (default 20174ce, before the list cache) from `git archive` and the working tree, both Release;
# screens the 50,000 yente negatives (id,name) and the CSL CN/HK aliases with each; checks the outputs are identical
# byte for byte; prints wall, user and sys time and max RSS of every run (GNU time). The shipped list snapshots are used
# (CLEARANCE_LISTS_DIR points at a fresh folder per build, which also holds that build's list cache).
set -euo pipefail
before=${1:-20174ce}
runs=${2:-2}
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
work=$(mktemp -d /tmp/screen-speed.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/before-src" "$work/lists-before" "$work/lists-after"
git -C "$root" archive "$before" | tar -x -C "$work/before-src"
dotnet build -c Release "$work/before-src/src/Clearance.Cli" > "$work/build-before.log"
dotnet build -c Release "$root/src/Clearance.Cli" > "$work/build-after.log"
declare -A cli=([before]="$work/before-src/artifacts/bin/Clearance.Cli/release/Clearance.Cli.dll"
                [after]="$root/artifacts/bin/Clearance.Cli/release/Clearance.Cli.dll")
python3 - "$root" "$work" <<'PY'
import csv, sys
root, work = sys.argv[1], sys.argv[2]
def write(path, names):
    with open(path, 'w', newline='') as f:
        w = csv.writer(f, lineterminator='\n'); w.writerow(['id', 'name'])
        for i, n in enumerate(names): w.writerow([i + 1, n])
write(f'{work}/neg.csv', [r['full_name'] for r in csv.DictReader(open(f'{root}/tests/Clearance.Tests/Data/negatives_global_names.csv'))])
write(f'{work}/alias.csv', [r['alt_name'] for r in csv.DictReader(open(f'{root}/tests/Clearance.Tests/Data/derived_csl2022_cn_hk_alias_pairs.csv'))])
write(f'{work}/one.csv', ['Huawei Technologies'])
PY
run() { # build label file...
  local build=$1 label=$2; shift 2
  printf '%-7s %-28s ' "$build" "$label"
  CLEARANCE_LISTS_DIR="$work/lists-$build" /usr/bin/time -f '%e s wall  %U s user  %S s sys  %M KB' \
    dotnet "${cli[$build]}" screen "$@" 2>&1 > "$work/out-$build-$label.csv" | tail -1
}
uptime
for build in before after; do run "$build" "1 name, no cache yet" "$work/one.csv"; done
for build in before after; do run "$build" "1 name" "$work/one.csv"; done
for i in $(seq "$runs"); do
  for build in before after; do run "$build" "50,000 negatives" "$work/neg.csv"; done
done
for build in before after; do run "$build" "1,153 aliases, top 5" "$work/alias.csv" --top 5; done
echo '[]' > "$work/empty.json"
for build in before after; do
  printf '%-7s %-28s ' "$build" "evaluate, no orders"
  CLEARANCE_LISTS_DIR="$work/lists-$build" /usr/bin/time -f '%e s wall  %U s user  %S s sys  %M KB' \
    dotnet "${cli[$build]}" evaluate "$work/empty.json" 2>&1 > /dev/null | tail -1
done
uptime
for label in "50,000 negatives" "1,153 aliases, top 5"; do
  if cmp -s "$work/out-before-$label.csv" "$work/out-after-$label.csv"; then echo "identical: $label"; else echo "DIFFERENT: $label"; exit 1; fi
done
