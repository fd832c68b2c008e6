#!/usr/bin/env bash
# Makes the benchmark clips in bench/clips/ (deterministic: single-threaded x264, bit-exact flags).
# A clip that already exists is kept; FORCE=1 remakes all.
#
#   synth-{360,720,1080}.mp4  8 s, 30 fps, H.264 CRF 18: a fractal zoom blended with a moving test
#                             pattern and light film grain (one 1080p render, scaled down)
#   synth-720-g60.mp4         the 720p clip with a keyframe every 2 s
#   cup-{360,720,1080}.mp4    8 s of the real camera clip cup.mp4 at its own frame rate, cropped to 16:9 and scaled
#                             (only when ../shared/data/videos/cup.mp4 exists beside the checkout, or $QROUTER_CUP)
#   long-{1,10,60}m.mp4       360p, ultrafast, CRF 30: the 360p clip looped to 1 minute; the 10- and
#                             60-minute clips are stream-copied concatenations of the 1-minute one
#
#   --quick   only the 360p and 720p short clips and the 1-minute long clip
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/clips"
CUP="${QROUTER_CUP:-$ROOT/../shared/data/videos/cup.mp4}"
QUICK=0
[[ "${1:-}" == "--quick" ]] && QUICK=1
mkdir -p "$OUT"

FF=(ffmpeg -hide_banner -loglevel error -nostdin -y)
X264=(-c:v libx264 -pix_fmt yuv420p -x264-params threads=1 -fflags +bitexact -flags:v +bitexact -map_metadata -1)

have() { [[ -s "$OUT/$1" && "${FORCE:-0}" != "1" ]]; }
say() { echo "make-clips: $*"; }

# 8-second synthetic clips: one 1080p render split into three sizes.
if ! have synth-360.mp4 || ! have synth-720.mp4 || { [[ $QUICK == 0 ]] && ! have synth-1080.mp4; }; then
  G="mandelbrot=s=1920x1080:r=30:maxiter=192:start_scale=1.2:end_scale=0.4:end_pts=60[m];"
  G+="testsrc2=s=1920x1080:r=30[t];[m]format=yuv420p[m1];[t]format=yuv420p[t1];"
  G+="[m1][t1]blend=all_expr='A*0.62+B*0.38',noise=alls=3:allf=t:all_seed=17,split=3[a][b][c];"
  G+="[b]scale=1280:720:flags=lanczos[b1];[c]scale=640:360:flags=lanczos[c1]"
  "${FF[@]}" -filter_complex "$G" \
    -map '[a]' -frames:v 240 "${X264[@]}" -preset fast -crf 18 "$OUT/synth-1080.mp4" \
    -map '[b1]' -frames:v 240 "${X264[@]}" -preset fast -crf 18 "$OUT/synth-720.mp4" \
    -map '[c1]' -frames:v 240 "${X264[@]}" -preset fast -crf 18 "$OUT/synth-360.mp4"
  say "synth-{360,720,1080}.mp4"
fi

# The 720p clip again with a keyframe every 2 s (what tier 0's glance is measured on): re-encoded
# from synth-720.mp4, scene cuts off so the keyframes fall exactly every 60 frames.
if ! have synth-720-g60.mp4; then
  "${FF[@]}" -i "$OUT/synth-720.mp4" "${X264[@]}" -preset fast -crf 18 -g 60 -keyint_min 60 -sc_threshold 0 "$OUT/synth-720-g60.mp4"
  say "synth-720-g60.mp4"
fi

# 8-second real-content clips from cup.mp4.
if [[ -s "$CUP" ]]; then
  for h in 360 720 1080; do
    [[ $QUICK == 1 && $h == 1080 ]] && continue
    have "cup-$h.mp4" && continue
    w=$((h * 16 / 9))
    # The source's own frame rate (26.8 fps): converting to 30 fps would insert repeated frames,
    # which the freeze and stutter experts rightly report.
    "${FF[@]}" -i "$CUP" -t 8 -vf "crop=640:360:0:60,scale=$w:$h:flags=lanczos" \
      "${X264[@]}" -preset fast -crf 18 "$OUT/cup-$h.mp4"
    say "cup-$h.mp4"
  done
else
  say "no $CUP: real-content clips skipped"
fi

# Long clips for memory.
if ! have long-1m.mp4; then
  "${FF[@]}" -stream_loop -1 -i "$OUT/synth-360.mp4" -t 60 -vf "setpts=N/(30*TB)" -r 30 \
    "${X264[@]}" -preset ultrafast -crf 30 -g 60 "$OUT/long-1m.mp4"
  say "long-1m.mp4"
fi
concat() { # $1 = minutes
  local list="$OUT/.concat-$1.txt"
  : >"$list"
  for ((i = 0; i < $1; i++)); do echo "file 'long-1m.mp4'" >>"$list"; done
  "${FF[@]}" -f concat -safe 0 -i "$list" -c copy "$OUT/long-$1m.mp4"
  rm -f "$list"
  say "long-$1m.mp4"
}
if [[ $QUICK == 0 ]]; then
  have long-10m.mp4 || concat 10
  have long-60m.mp4 || concat 60
fi
