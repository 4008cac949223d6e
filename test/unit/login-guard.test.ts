import { describe, expect, it } from 'vitest';
import { delayMinutes, FREE_FAILURES, MAX_DELAY_MINUTES } from '../../src/app/auth/login-guard.js';

describe('login delays per account and address', () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 1],
    [6, 2],
    [7, 4],
    [8, 8],
    [9, 16],
    [10, 32],
    [11, 60],
    [50, 60],
  ])('after %i failures the address waits %i minutes', (failures, minutes) => {
    expect(delayMinutes(failures)).toBe(minutes);
  });

  it('never blocks the free attempts and never waits more than the cap', () => {
    for (let n = 0; n <= 200; n++) {
      const d = delayMinutes(n);
      expect(d).toBeLessThanOrEqual(MAX_DELAY_MINUTES);
      if (n <= FREE_FAILURES) expect(d).toBe(0);
      if (n > FREE_FAILURES) expect(d).toBeGreaterThanOrEqual(delayMinutes(n - 1));
    }
  });
});
