// The simulator's replay guard: a nonce is refused for the gateway's 15 minutes and forgotten
// after them, without a sweep of every remembered nonce (that sweep made each request cost more
// the more requests the window held: repeated bench refreshes drifted slower run by run).
import { describe, expect, it } from 'vitest';
import { NonceCache } from '../../../simulator/src/auth/authenticate';

const MINUTE = 60_000;

describe('NonceCache', () => {
  it('refuses a nonce used within the last 15 minutes', () => {
    const c = new NonceCache();
    expect(c.use('n', 0)).toBe(true);
    expect(c.use('n', 1)).toBe(false);
    expect(c.use('n', 15 * MINUTE)).toBe(false);
  });

  it('forgets nonces older than 15 minutes at the next use, however few it holds', () => {
    const c = new NonceCache();
    for (let i = 0; i < 100; i++) c.use(`old-${i}`, i);
    c.use('recent', 10 * MINUTE);
    // At 15 min + 50 ms, old-0..old-49 (used at 0..49 ms) are past the window; old-50.. are not.
    expect(c.use('old-0', 15 * MINUTE + 50)).toBe(true);
    expect(c.use('old-50', 15 * MINUTE + 50)).toBe(false);
    expect(c.size).toBe(52);
  });

  it('keeps a nonce for its whole window when the clock steps back', () => {
    const c = new NonceCache();
    c.use('a', 20 * MINUTE);
    // Stored at 20 min (the latest time seen), not 1 min: it still sits behind 'a' in the map.
    c.use('b', 1 * MINUTE);
    expect(c.use('b', 30 * MINUTE)).toBe(false);
    expect(c.use('a', 35 * MINUTE + 1)).toBe(true);
    expect(c.size).toBe(1);
  });
});
