#!/usr/bin/env bash
# Makes the small, deterministic test clips in e2e/fixtures/ with ffmpeg (from lavfi sources and a
# committed photo, so no download is needed). Idempotent: a file that already exists is kept. Set FORCE=1 to remake all.
#
#   clean.mp4        4 s, 640x360, 30 fps, H.264 CRF 16: a slow pan across a natural photo
#                    (e2e/fixtures/source/leuvenA.jpg)
#   compressed.mp4   the same source at CRF 50 (heavy blocking)
#   blurred.mp4      the same source, gblur sigma 3, then CRF 16
#   bench720.mp4     8 s, 1280x720, 30 fps, CRF 18, for speed checks
#   regional.mp4     clean.mp4's pan with a clipped-white box (x 320..512, y 64..256) from 2.5 s to 3.5 s
#   empty.mp4        0 bytes
#   notvideo.mp4     a text file with a video name
#   truncated.mp4    the first 30% of clean.mp4's bytes
#   hevc.mp4         HEVC (libx265) in MP4, which this Chromium's WebCodecs cannot decode
#                    (falls back to MPEG-4 part 2 when libx265 is missing)
#   cup-*.mp4        real camera content, made only when ../shared/data/videos/cup.mp4 exists
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/e2e/fixtures"
CUP="${QROUTER_CUP:-$ROOT/../shared/data/videos/cup.mp4}"
mkdir -p "$OUT"

if ! command -v ffmpeg >/dev/null 2>&1; then
  echo "make-fixtures: ffmpeg is not installed (Debian/Ubuntu: sudo apt-get install ffmpeg)" >&2
  exit 1
fi

FF=(ffmpeg -hide_banner -loglevel error -nostdin -y)
# Bit-exact, single-threaded x264 so the same ffmpeg gives the same bytes.
X264=(-c:v libx264 -preset medium -pix_fmt yuv420p -x264-params threads=1 -fflags +bitexact -flags:v +bitexact -map_metadata -1)

# Source graph: three lavfi generators blended into one detailed, moving picture.
source_graph() { # $1 = WxH
  local s="$1"
  echo "mandelbrot=s=${s}:r=30:start_scale=2:end_scale=0.05[m0];testsrc2=s=${s}:r=30[t0];cellauto=s=${s}:r=30:rule=110:seed=7[c0];[m0]format=yuv420p[m];[t0]format=yuv420p[t];[c0]format=yuv420p[c];[m][t]blend=all_expr='A*0.6+B*0.4'[mt];[mt][c]blend=all_expr='A*0.88+B*0.12'"
}

made() { echo "make-fixtures: $1"; }

make_lavfi() { # $1 = file, $2 = WxH, $3 = seconds, $4 = extra filter (or ""), $5.. = encoder args
  local file="$1" size="$2" secs="$3" extra="$4"
  shift 4
  local frames=$((secs * 30))
  local graph
  graph="$(source_graph "$size")"
  [[ -n "$extra" ]] && graph="${graph},${extra}"
  "${FF[@]}" -filter_complex "${graph}" -frames:v "$frames" "${X264[@]}" "$@" "$OUT/$file"
  made "$file"
}

# Natural content: a slow pan across a committed photo (e2e/fixtures/source/leuvenA.jpg, see its README).
PHOTO="$OUT/source/leuvenA.jpg"
make_photo() { # $1 = file, $2 = extra filter (or ""), $3.. = encoder args
  local file="$1" extra="$2"
  shift 2
  local graph="format=rgb24,crop=640:360:x='0.9*n':y='1.5*n',setsar=1,format=yuv420p"
  [[ -n "$extra" ]] && graph="${graph},${extra}"
  "${FF[@]}" -loop 1 -framerate 30 -t 4 -i "$PHOTO" -vf "$graph" -frames:v 120 "${X264[@]}" "$@" "$OUT/$file"
  made "$file"
}

[[ -s "$OUT/clean.mp4" && "${FORCE:-0}" != "1" ]] || make_photo clean.mp4 "" -crf 16
[[ -s "$OUT/compressed.mp4" && "${FORCE:-0}" != "1" ]] || make_photo compressed.mp4 "" -crf 50
[[ -s "$OUT/blurred.mp4" && "${FORCE:-0}" != "1" ]] || make_photo blurred.mp4 "gblur=sigma=3" -crf 16
[[ -s "$OUT/regional.mp4" && "${FORCE:-0}" != "1" ]] || make_photo regional.mp4 "drawbox=x=320:y=64:w=192:h=192:color=white:t=fill:enable='gte(t,2.5)*lt(t,3.5)'" -crf 16
[[ -s "$OUT/bench720.mp4" && "${FORCE:-0}" != "1" ]] || make_lavfi bench720.mp4 1280x720 8 "" -crf 18

if [[ ! -e "$OUT/empty.mp4" || "${FORCE:-0}" == "1" ]]; then : >"$OUT/empty.mp4"; made empty.mp4; fi

if [[ ! -s "$OUT/notvideo.mp4" || "${FORCE:-0}" == "1" ]]; then
  printf 'This is a plain text file with a video name.\nIt has no container and no frames.\n' >"$OUT/notvideo.mp4"
  made notvideo.mp4
fi

if [[ ! -s "$OUT/truncated.mp4" || "${FORCE:-0}" == "1" ]]; then
  size=$(stat -c %s "$OUT/clean.mp4")
  head -c $((size * 30 / 100)) "$OUT/clean.mp4" >"$OUT/truncated.mp4"
  made truncated.mp4
fi

if [[ ! -s "$OUT/hevc.mp4" || "${FORCE:-0}" == "1" ]]; then
  graph="$(source_graph 320x180)"
  encoders="$(ffmpeg -hide_banner -encoders 2>/dev/null || true)"
  if [[ "$encoders" == *libx265* ]]; then
    "${FF[@]}" -filter_complex "$graph" -frames:v 30 -c:v libx265 -preset fast -crf 28 -tag:v hvc1 \
      -x265-params log-level=error:pools=1:frame-threads=1 -pix_fmt yuv420p -map_metadata -1 "$OUT/hevc.mp4"
  else
    "${FF[@]}" -filter_complex "$graph" -frames:v 30 -c:v mpeg4 -q:v 4 -map_metadata -1 "$OUT/hevc.mp4"
  fi
  made hevc.mp4
fi

# Real camera content: the same clip pristine, heavily compressed and blurred.
if [[ -f "$CUP" ]]; then
  cup() { # $1 = file, $2 = filter or "", $3 = crf
    [[ -s "$OUT/$1" && "${FORCE:-0}" != "1" ]] && return 0
    local vf=(-vf "format=yuv420p")
    [[ -n "$2" ]] && vf=(-vf "$2,format=yuv420p")
    "${FF[@]}" -i "$CUP" -an "${vf[@]}" "${X264[@]}" -crf "$3" "$OUT/$1"
    made "$1"
  }
  cup cup-crf18.mp4 "" 18
  cup cup-crf45.mp4 "" 45
  cup cup-blur.mp4 "gblur=sigma=3" 18
else
  echo "make-fixtures: $CUP not found; skipping the cup-*.mp4 clips"
fi

echo "make-fixtures: done ($OUT)"
