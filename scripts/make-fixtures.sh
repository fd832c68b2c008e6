#!/usr/bin/env bash
# Makes the small, deterministic test clips in e2e/fixtures/ with ffmpeg (from lavfi sources and a
# committed photo, so no download is needed). Idempotent: a file that already exists is kept. Set FORCE=1 to remake all.
#
#   clean.mp4        4 s, 640x360, 30 fps, H.264 CRF 16: a slow pan across a natural photo
#                    (e2e/fixtures/source/leuvenA.jpg)
#   compressed.mp4   the same source at CRF 50 (heavy blocking)
#   blurred.mp4      the same source, gblur sigma 3, then CRF 16
#   bench720.mp4     8 s, 1280x720, 30 fps, CRF 18, for speed checks
#   regional.mp4     clean.mp4's pan with combing in one region (odd rows shifted 6 px, as two fields
#                    woven after motion; x 320..512, y 64..256) from 2.5 s to 3.5 s: a known regional
#                    artifact at a known time
#   empty.mp4        0 bytes
#   notvideo.mp4     a text file with a video name
#   truncated.mp4    the first 30% of clean.mp4's bytes
#   hevc.mp4         HEVC (libx265) in MP4, which this Chromium's WebCodecs cannot decode
#                    (falls back to MPEG-4 part 2 when libx265 is missing)
#   cup-*.mp4        real camera content, made only when ../shared/data/videos/cup.mp4 exists
#   gen/             decoder and bad-input cases (see make_gen below), made from clean.mp4, the
#                    committed photo and, when present, ../shared/data/videos/{vtest,tree}.avi
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
[[ -s "$OUT/regional.mp4" && "${FORCE:-0}" != "1" ]] || make_photo regional.mp4 "split[a][b];[b]crop=192:192:320:64,geq=lum='if(mod(Y,2),p(X+6,Y),p(X,Y))':cb='p(X,Y)':cr='p(X,Y)'[c];[a][c]overlay=320:64:enable='gte(t,2.5)*lt(t,3.5)'" -crf 16
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

# Files for the fallback decoder (ffmpeg.wasm), each with an H.264 twin of the same pictures that
# WebCodecs decodes (CRF 8, so the twin adds almost no loss), and the bad inputs the page must
# survive. All short, all made from what is already here.
GEN="$OUT/gen"
VIDEOS="${QROUTER_VIDEOS:-$ROOT/../shared/data/videos}"
mkdir -p "$GEN"
gen() { # $1 = file, then the ffmpeg arguments that make it (output last)
  local file="$1"
  shift
  [[ -s "$GEN/$file" && "${FORCE:-0}" != "1" ]] && return 0
  "${FF[@]}" "$@"
  made "gen/$file"
}
twin() { # $1 = source in gen/: its H.264 twin, same frames and times
  local src="$1" out="${1%.*}-h264.mp4"
  gen "$out" -i "$GEN/$src" -map 0:v:0 -c:v libx264 -preset fast -crf 8 -pix_fmt yuv420p -fps_mode passthrough -x264-params threads=1 -map_metadata -1 "$GEN/$out"
}
CLEAN="$OUT/clean.mp4"
gen mpeg4.avi -i "$CLEAN" -t 2 -c:v mpeg4 -q:v 3 -an "$GEN/mpeg4.avi" && twin mpeg4.avi
gen mpeg2.m2ts -i "$CLEAN" -t 2 -c:v mpeg2video -q:v 3 -an -f mpegts "$GEN/mpeg2.m2ts" && twin mpeg2.m2ts
gen sorenson.flv -i "$CLEAN" -t 2 -c:v flv -q:v 3 -an "$GEN/sorenson.flv" && twin sorenson.flv
[[ -s "$GEN/hevc-h264.mp4" && "${FORCE:-0}" != "1" ]] || { cp "$OUT/hevc.mp4" "$GEN/hevc.mp4"; twin hevc.mp4; }
# Streams that once failed in the page though they are clean (e2e/decode-streams.test.ts): H.264
# 4:4:4 with a keyframe every half second (sparse reads start at later IDR frames), MPEG-4 Part 2 in
# MP4 at 3 frames a second in 1080p (one decode chunk covers the whole video), and an AV1 10-bit AVIF image
# sequence (a container WebCodecs' reader does not take, a codec ffmpeg.wasm here cannot decode).
gen yuv444.mp4 -i "$CLEAN" -t 2 -c:v libx264 -preset fast -pix_fmt yuv444p -g 15 -crf 18 -x264-params threads=1 -an "$GEN/yuv444.mp4"
gen mpeg4-3fps.mp4 -i "$CLEAN" -t 3 -vf fps=3,scale=1920:1080 -c:v mpeg4 -q:v 5 -an "$GEN/mpeg4-3fps.mp4"
if [[ "$(ffmpeg -hide_banner -encoders 2>/dev/null || true)" == *libsvtav1* ]]; then
  SVT_LOG=1 gen av1-10bit.avif -i "$CLEAN" -t 2 -vf scale=320:180 -c:v libsvtav1 -preset 12 -crf 35 -pix_fmt yuv420p10le -svtav1-params lp=1 -f avif "$GEN/av1-10bit.avif"
else
  echo "make-fixtures: ffmpeg has no libsvtav1 encoder; skipping gen/av1-10bit.avif"
fi
if [[ -f "$VIDEOS/vtest.avi" ]]; then
  gen vtest8.avi -i "$VIDEOS/vtest.avi" -t 8 -c copy "$GEN/vtest8.avi" && twin vtest8.avi
else
  echo "make-fixtures: $VIDEOS/vtest.avi not found; skipping gen/vtest8.avi"
fi
if [[ -f "$VIDEOS/tree.avi" ]]; then
  gen tree.avi -i "$VIDEOS/tree.avi" -c copy "$GEN/tree.avi" && twin tree.avi
else
  echo "make-fixtures: $VIDEOS/tree.avi not found; skipping gen/tree.avi"
fi

# Bad and unusual inputs (the README's "What you see with unusual files" table).
bytes_of() { stat -c %s "$1"; }
cut_to() { # $1 = out, $2 = percent of clean.mp4's bytes
  [[ -s "$GEN/$1" && "${FORCE:-0}" != "1" ]] && return 0
  head -c $(($(bytes_of "$CLEAN") * $2 / 100)) "$CLEAN" >"$GEN/$1"
  made "gen/$1"
}
cut_to trunc1.mp4 1
cut_to trunc30.mp4 30
cut_to trunc90.mp4 90
if [[ ! -s "$GEN/random.mp4" || "${FORCE:-0}" == "1" ]]; then
  # 64 KiB from a fixed-seed generator (xorshift), so every run makes the same bytes.
  node -e 'let s=0x9e3779b9>>>0;const b=Buffer.alloc(65536);for(let i=0;i<b.length;i++){s^=s<<13;s>>>=0;s^=s>>>17;s^=s<<5;s>>>=0;b[i]=s&255}process.stdout.write(b)' >"$GEN/random.mp4"
  made gen/random.mp4
fi
[[ -s "$GEN/image.mp4" && "${FORCE:-0}" != "1" ]] || { cp "$PHOTO" "$GEN/image.mp4"; made gen/image.mp4; }
[[ -s "$GEN/text.mp4" && "${FORCE:-0}" != "1" ]] || { printf 'Meeting notes\nNot a video at all.\n' >"$GEN/text.mp4"; made gen/text.mp4; }
gen audio.mp4 -f lavfi -i "sine=frequency=440:duration=2" -c:a aac -b:a 64k "$GEN/audio.mp4"
if [[ ! -s "$GEN/middamage.mp4" || "${FORCE:-0}" == "1" ]]; then
  # The sample data from 40 % to 95 % of the file overwritten with a constant: the index is intact,
  # the first frames decode, the rest are garbage.
  cp "$CLEAN" "$GEN/middamage.mp4"
  n=$(bytes_of "$CLEAN")
  head -c $((n * 55 / 100)) /dev/zero | tr '\0' '\377' | dd of="$GEN/middamage.mp4" bs=1 seek=$((n * 40 / 100)) conv=notrunc status=none
  made gen/middamage.mp4
fi
gen single.mp4 -i "$CLEAN" -frames:v 1 "${X264[@]}" -crf 16 "$GEN/single.mp4"
gen tiny16.mp4 -i "$CLEAN" -t 1 -vf scale=16:16,setsar=1 "${X264[@]}" -crf 16 "$GEN/tiny16.mp4"
gen odd321.mp4 -i "$CLEAN" -t 1 -vf scale=321:241,setsar=1 -c:v libx264 -preset fast -pix_fmt yuv444p -crf 16 -x264-params threads=1 "$GEN/odd321.mp4"
# Encoded like its upright twin below, then flagged, so that only the rotation differs (a stream copy
# cut at 2 s from the longer clip carries two extra frames at its start, which read as a stutter).
gen rotated-src.mp4 -i "$CLEAN" -t 2 "${X264[@]}" -crf 8 "$GEN/rotated-src.mp4"
gen rotated.mp4 -i "$GEN/rotated-src.mp4" -c copy -metadata:s:v rotate=90 "$GEN/rotated.mp4"
# The same pictures turned upright in the pixels (ffmpeg reads the rotated file as turned counter-clockwise), to compare against.
gen rotated-upright.mp4 -i "$CLEAN" -t 2 -vf transpose=cclock "${X264[@]}" -crf 8 "$GEN/rotated-upright.mp4"
# Variable frame rate: intervals alternate 40 ms and 33 ms, as phones record.
gen vfr.mp4 -i "$CLEAN" -vf "setpts='(N*0.0365+mod(N,2)*0.0035)/TB'" -fps_mode vfr -enc_time_base 1:1000 -video_track_timescale 1000 "${X264[@]}" -crf 16 "$GEN/vfr.mp4"
gen tenbit.mp4 -i "$CLEAN" -t 2 -c:v libx264 -preset fast -pix_fmt yuv420p10le -crf 16 -x264-params threads=1 "$GEN/tenbit.mp4"
gen 8k.mp4 -i "$CLEAN" -frames:v 3 -vf scale=7680:4320:flags=bicubic -c:v libx264 -preset ultrafast -crf 28 -pix_fmt yuv420p -x264-params threads=1 "$GEN/8k.mp4"
gen long.mp4 -f lavfi -i "testsrc2=s=160x90:r=5:d=1800" -c:v libx264 -preset veryfast -crf 30 -g 250 -pix_fmt yuv420p -x264-params threads=1 "$GEN/long.mp4"
# Two encodes of the same 2 s pan, CRF 18 and CRF 40: the compare view's full-reference measures
# (PSNR, SSIM) are checked against ffmpeg's own psnr and ssim filters on this pair.
PAN="format=rgb24,crop=640:360:x='0.9*n':y='1.5*n',setsar=1,format=yuv420p"
gen crf18.mp4 -loop 1 -framerate 30 -t 2 -i "$PHOTO" -vf "$PAN" -frames:v 60 "${X264[@]}" -crf 18 "$GEN/crf18.mp4"
gen crf40.mp4 -loop 1 -framerate 30 -t 2 -i "$PHOTO" -vf "$PAN" -frames:v 60 "${X264[@]}" -crf 40 "$GEN/crf40.mp4"

echo "make-fixtures: done ($OUT)"
