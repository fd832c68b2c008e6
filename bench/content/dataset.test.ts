import { describe, expect, it } from 'vitest';
import { generatedGroup } from './dataset.ts';

describe('generatedGroup', () => {
  const real = new Map([['natural_zoo_bear_walking', 'repo/zoo']]);

  it('keeps a darkened copy of a real clip in the real clip\'s group', () => {
    expect(generatedGroup('dark-natural_zoo_bear_walking__g0.25.mp4', real)).toBe('repo/zoo');
  });

  it('keeps a grey or muted copy of a cartoon in its family, never a group of its own', () => {
    expect(generatedGroup('grey-canvas-cartoon__1280.mp4', real)).toBe('gen:canvas-cartoon');
    expect(generatedGroup('muted-canvas-cartoon__640.mp4', real)).toBe(generatedGroup('canvas-cartoon__640.mp4', real));
  });

  it('puts a full-resolution game with its pixel-art twin', () => {
    expect(generatedGroup('game-lowpoly-hd__1280.mp4', real)).toBe(generatedGroup('game-lowpoly__960.mp4', real));
  });
});
