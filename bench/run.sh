#!/usr/bin/env bash
# Regenerates every benchmark figure into bench/RESULTS.md (see bench/README.md).
#
#   bash bench/run.sh [--quick] [--skip-build] [--only step,step]
#
#   --quick       a fast partial run (fewer repetitions, 360p/720p only, 1-minute memory clip, no
#                 expert ladder scripts, no meta.json update); writes bench/out/quick/ and
#                 bench/out/RESULTS-quick.md instead of bench/RESULTS.md
#   --skip-build  use the existing dist/ (otherwise `npm run build` runs after the expert costs)
#   --ladders     rerun the experts' ladder scripts even when their JSON is up to date
#   --only        run only these steps: clips, cost, build, ladders, speed, memory, accuracy,
#                 localization, decode, fuzz, questions, cli, overlay, content, real, routing, heldout
#                 (the report is always written)
#   QROUTER_APP_DIR=<dir> serves another build than dist/ (with --skip-build)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

QUICK=0 BUILD=1 ONLY="" FORCE_LADDERS=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --skip-build) BUILD=0 ;;
    --ladders) FORCE_LADDERS=1 ;;
    --only) ONLY="$2"; shift ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

OUT=bench/out
RESULTS=bench/RESULTS.md
MODE=full
if [[ $QUICK == 1 ]]; then OUT=bench/out/quick RESULTS=bench/out/RESULTS-quick.md MODE=quick; fi
mkdir -p "$OUT"
TSX=(npx --no-install tsx)
START=$(date +%s)
STEPS=()

# Records the run's mode, start and per-step outcome in $OUT/run.json.
record() {
  node -e '
    const [file, mode, start, load, commit, secs, ...steps] = process.argv.slice(1);
    const out = { mode, startedAt: new Date(Number(start) * 1000).toISOString(), loadAtStart: load, commit, seconds: Number(secs) || undefined,
      steps: Object.fromEntries(steps.map((s) => s.split("=", 2))) };
    require("fs").writeFileSync(file, JSON.stringify(out, null, 2) + "\n");
  ' "$OUT/run.json" "$MODE" "$START" "$LOAD" "$COMMIT" "$1" "${STEPS[@]}"
}
LOAD="$(cut -d' ' -f1-3 /proc/loadavg | sed 's/ /, /g')"
COMMIT="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src workers public index.html || echo ' + uncommitted changes')"
record ""

wanted() { [[ -z "$ONLY" || ",$ONLY," == *",$1,"* ]]; }

# step NAME TIMEOUT_S CMD...: runs a step, keeps going when it fails, and records the outcome.
step() {
  local name="$1" limit="$2"
  shift 2
  wanted "${name%%-*}" || return 0
  echo "== bench: $name ($(date +%T), load $(cut -d' ' -f1 /proc/loadavg))"
  local t0=$SECONDS
  timeout --kill-after=10 "$limit" "$@"
  local rc=$?
  local status=ok
  [[ $rc == 124 || $rc == 137 ]] && status="stopped after ${limit} s"
  [[ $rc != 0 && $status == ok ]] && status="failed (exit $rc)"
  STEPS+=("$name=$status")
  echo "== bench: $name: $status in $((SECONDS - t0)) s"
  record ""
}

Q=()
[[ $QUICK == 1 ]] && Q=(--quick)

step clips 1500 bash -c "bash bench/make-clips.sh ${Q[*]} && ${TSX[*]} bench/make-loc-clips.ts && ${TSX[*]} bench/make-ladder-clips.ts ${Q[*]}"
if [[ $QUICK == 1 ]]; then
  step cost 300 "${TSX[@]}" bench/expert-cost.ts --batch 4 --reps 2 --out "$OUT/expert-cost.json"
else
  step cost 600 "${TSX[@]}" bench/expert-cost.ts --write --out "$OUT/expert-cost.json"
fi
[[ $BUILD == 1 ]] && step build 600 npm run --silent build

# The experts' own ladder scripts run when their JSON is missing or older than any expert or ladder
# source (they take minutes); otherwise the existing JSON is read. --ladders forces a run.
stale() { [[ ! -f "bench/out/ladders-$1.json" || $FORCE_LADDERS == 1 ]] || [[ -n "$(find src/experts bench/ladders -type f ! -name meta.json -newer "bench/out/ladders-$1.json" | head -1)" ]]; }
if [[ $QUICK == 0 ]]; then
  for kind in spatial temporal peers; do
    if [[ -f bench/ladders/$kind.ts ]] && stale "$kind"; then
      step "ladders-$kind" 600 "${TSX[@]}" "bench/ladders/$kind.ts"
    else
      STEPS+=("ladders-$kind=ok (up-to-date JSON reused)")
    fi
  done
else
  cp bench/out/ladders-*.json "$OUT/" 2>/dev/null || true
fi

if [[ $QUICK == 1 ]]; then
  step speed 900 "${TSX[@]}" bench/speed.ts --runs 1 --ffmpeg-runs 1 --res 360,720 --out "$OUT/speed.json"
  step memory 600 "${TSX[@]}" bench/memory.ts --lengths 1 --tiers 0 --cap-s 120 --out "$OUT/memory.json"
  step cli 300 "${TSX[@]}" bench/cli-time.ts --runs 1 --tiers 0 --out "$OUT/cli.json"
else
  step speed 1200 "${TSX[@]}" bench/speed.ts --runs 3 --ffmpeg-runs 1 --out "$OUT/speed.json"
  step memory 1200 "${TSX[@]}" bench/memory.ts --lengths 1,10,60 --tiers 0,1 --cap-s 360 --out "$OUT/memory.json"
  step cli 600 "${TSX[@]}" bench/cli-time.ts --runs 3 --tiers 0,1 --out "$OUT/cli.json"
fi
step accuracy 1200 "${TSX[@]}" bench/accuracy-ladders.ts --out "$OUT/accuracy-ladders.json"
step localization 900 "${TSX[@]}" bench/accuracy-localization.ts --out "$OUT/accuracy-localization.json"
step decode 900 "${TSX[@]}" bench/decode-speed.ts --runs "$([[ $QUICK == 1 ]] && echo 1 || echo 3)" --out "$OUT/decode-speed.json"
step fuzz 660 "${TSX[@]}" bench/fuzz.ts --cases "$([[ $QUICK == 1 ]] && echo 40 || echo 240)" --budget-s 540 --out "$OUT/fuzz.json"
step questions 900 "${TSX[@]}" bench/questions/eval.ts --out "$OUT/questions.json"
step overlay 300 "${TSX[@]}" bench/overlay.ts --draws 400 --out "$OUT/overlay.json"
step content 2400 bash -c "${TSX[*]} bench/content/make-clips.ts && ${TSX[*]} bench/content/make-rendered.ts && ${TSX[*]} bench/content/eval.ts --out $OUT/content.json"
# Real footage (bench/real/README.md): clean-set false alarms, injected artifacts, real-source ladders, held-out fusion figures.
# Ladders over every ladder source (camera, screen, game, animation, generated), so the score is judged across contents.
LADDER_SOURCES=bbb,courtyard,dashcam,coffee,gumtable,neovide,doom,minerl,anime,cogcar,cogkitten
step real 3600 bash -c "${TSX[*]} bench/real/run.ts --quiet --sources $LADDER_SOURCES --out $OUT $([[ $QUICK == 1 ]] && echo --tier 1 --levels 0,3,6) && ${TSX[*]} bench/calibrate/fit.ts --check --in $OUT && ${TSX[*]} bench/real/peers.ts --sources $LADDER_SOURCES --out $OUT $([[ $QUICK == 1 ]] && echo --levels 0,3,6)"
# Routing on the same footage (reuses the real step's cache): tier agreement and the routed/uniform ablation
# (eleven ladder sources, camera and mixed content: levels 0, 3, 6 keep it inside the step's time).
step routing 1800 "${TSX[@]}" bench/routing/run.ts --quiet --levels 0,3,6 --out "$OUT"
# Footage nothing was set on: the clean set re-encoded (every tier) and ladders from held-out sources.
step heldout 3600 "${TSX[@]}" bench/real/run.ts --quiet --only reencoded,ladders --heldout --tier "$([[ $QUICK == 1 ]] && echo 1 || echo 0,1,2)" --out "$OUT"

record "$((SECONDS))"
"${TSX[@]}" bench/report.ts --in "$OUT" --out "$RESULTS"
echo "bench: done in $(((SECONDS) / 60)) min: $RESULTS"
