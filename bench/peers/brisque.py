#!/usr/bin/env python3
"""OpenCV BRISQUE (cv2.quality, LIVE model) on every `step`-th frame of each clip; prints JSON
{file: mean score} (higher is worse). Usage: brisque.py MODEL_YML RANGE_YML STEP CLIP...
Exits 3 with a message when cv2.quality is missing."""
import json
import sys

try:
    import cv2
    _ = cv2.quality.QualityBRISQUE_compute
except (ImportError, AttributeError):
    print("cv2.quality is not available (apt-get install python3-opencv)", file=sys.stderr)
    sys.exit(3)


def clip_score(path, model, rng, step):
    cap = cv2.VideoCapture(path)
    scores, n = [], 0
    while True:
        ok, frame = cap.read()
        if not ok:
            break
        if n % step == 0:
            scores.append(cv2.quality.QualityBRISQUE_compute(frame, model, rng)[0])
        n += 1
    cap.release()
    return sum(scores) / len(scores) if scores else float("nan")


def main():
    model, rng, step = sys.argv[1], sys.argv[2], int(sys.argv[3])
    print(json.dumps({p: clip_score(p, model, rng, step) for p in sys.argv[4:]}))


main()
