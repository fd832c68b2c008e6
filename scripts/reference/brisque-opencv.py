#!/usr/bin/python3
"""Computes OpenCV's BRISQUE (cv2.quality, LIVE model) on the BRISQUE fixtures and writes
src/experts/brisque/reference-values.json. Run with Debian's python3-opencv:
    /usr/bin/python3 scripts/reference/brisque-opencv.py [iqa-params-dir]
"""
import json
import os
import sys

import cv2

root = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
params = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, '..', 'shared', 'data', 'iqa-params')
model = os.path.join(params, 'brisque_model_live.yml')
rng = os.path.join(params, 'brisque_range_live.yml')
fixtures = os.path.join(root, 'src', 'experts', 'brisque', 'fixtures')

values = {}
for name in sorted(os.listdir(fixtures)):
    if not name.endswith('.png'):
        continue
    img = cv2.imread(os.path.join(fixtures, name))  # BGR, 8-bit; gray files are read as 3 equal channels
    values[name] = {
        'width': img.shape[1],
        'height': img.shape[0],
        'brisque': float(cv2.quality.QualityBRISQUE_compute(img, model, rng)[0]),
    }

out = {
    'how': 'cv2.quality.QualityBRISQUE_compute(cv2.imread(file), brisque_model_live.yml, brisque_range_live.yml)'
           ' by scripts/reference/brisque-opencv.py',
    'opencv': cv2.__version__,
    'values': values,
}
with open(os.path.join(root, 'src', 'experts', 'brisque', 'reference-values.json'), 'w') as f:
    json.dump(out, f, indent=2)
    f.write('\n')
print(json.dumps(out, indent=2))
