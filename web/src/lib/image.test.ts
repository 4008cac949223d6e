import { describe, expect, it } from 'vitest';
import { fitWithin, formatBytes, MAX_LONG_SIDE, needsRecompress } from './image';

describe('fitWithin', () => {
  it('scales a 4000 × 3000 phone photo to 1600 × 1200', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
  });

  it('scales a portrait photo by its height', () => {
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 });
  });

  it('never enlarges a small picture', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(1600, 900)).toEqual({ width: 1600, height: 900 });
  });

  it('keeps the aspect ratio within a pixel and the long side at the limit', () => {
    for (const [w, h] of [
      [4608, 3456],
      [4000, 1800],
      [1601, 1601],
      [5000, 2813],
      [2339, 4160],
    ] as const) {
      const out = fitWithin(w, h);
      expect(Math.max(out.width, out.height)).toBe(MAX_LONG_SIDE);
      const ratio = w / h;
      expect(Math.abs(out.width - out.height * ratio)).toBeLessThanOrEqual(1 + ratio);
    }
  });

  it('keeps a very thin panorama at least one pixel high', () => {
    expect(fitWithin(20000, 3)).toEqual({ width: 1600, height: 1 });
  });

  it('honours another limit', () => {
    expect(fitWithin(1000, 500, 320)).toEqual({ width: 320, height: 160 });
  });

  it('refuses sizes that are not pictures', () => {
    expect(() => fitWithin(0, 100)).toThrow(RangeError);
    expect(() => fitWithin(100, Number.NaN)).toThrow(RangeError);
  });
});

describe('needsRecompress', () => {
  it('keeps a small JPEG as it is', () => {
    expect(needsRecompress('image/jpeg', { width: 1280, height: 960 }, 300_000)).toBe(false);
  });
  it('recompresses large, heavy or non-JPEG pictures', () => {
    expect(needsRecompress('image/jpeg', { width: 4000, height: 3000 }, 300_000)).toBe(true);
    expect(needsRecompress('image/jpeg', { width: 1280, height: 960 }, 2_000_000)).toBe(true);
    expect(needsRecompress('image/png', { width: 640, height: 480 }, 50_000)).toBe(true);
  });
});

describe('formatBytes', () => {
  it('speaks KB and MB the Indonesian way', () => {
    expect(formatBytes(380 * 1024)).toBe('380 KB');
    expect(formatBytes(1.25 * 1024 * 1024)).toBe('1,3 MB');
    expect(formatBytes(10)).toBe('1 KB');
  });
});
