/** The photos the spatial ladders are built from (in ../shared/data/images). */
import type { Source } from './ladder-lib.ts';

/** Ladder sources: PNG photos and a few JPEGs (which bring their own 8-px grids). */
export const SOURCES: Source[] = [
  { name: 'butterfly', file: 'butterfly.jpg' },
  { name: 'fruits', file: 'fruits.jpg' },
  { name: 'home', file: 'home.jpg' },
  { name: 'flower', file: 'flower.png', prep: 'scale=iw/3:-2:flags=area' },
  { name: 'astronaut', file: 'astronaut.png' },
  { name: 'chelsea', file: 'chelsea.png' },
  { name: 'coffee', file: 'coffee.png' },
  { name: 'rubberwhale', file: 'rubberwhale1.png' },
  { name: 'keong', file: 'cvo9xd_keong_macan_srgb8.png' },
  { name: 'bliznaca', file: 'u76c0g_bliznaca_srgb8.png' },
];
