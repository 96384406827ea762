// The AIMD rule behind the overall limit during a refresh: fed made-up lateness samples.
import { describe, expect, it } from 'vitest';
import { AdaptiveLimit } from '../../../electron/core/util/adaptive-limit';

const options = { floor: 32, ceiling: 160, lateMs: 50, quietMs: 20, step: 8, backoff: 0.75 };

describe('AdaptiveLimit', () => {
  it('starts at the ceiling and shrinks by the backoff on each late sample, down to the floor', () => {
    const limit = new AdaptiveLimit(options);
    expect(limit.limit).toBe(160);
    expect(limit.observe(80)).toBe(120);
    expect(limit.observe(80)).toBe(90);
    expect(limit.observe(500)).toBe(67);
    for (let i = 0; i < 20; i++) limit.observe(1_000);
    expect(limit.limit).toBe(32);
  });

  it('grows by the step on each quiet sample, up to the ceiling, and holds in between', () => {
    const limit = new AdaptiveLimit(options);
    for (let i = 0; i < 10; i++) limit.observe(100);
    expect(limit.limit).toBe(32);
    expect(limit.observe(20)).toBe(40);
    expect(limit.observe(0)).toBe(48);
    // Neither late nor quiet: the limit stays where it is.
    expect(limit.observe(35)).toBe(48);
    expect(limit.observe(50)).toBe(48);
    for (let i = 0; i < 50; i++) limit.observe(5);
    expect(limit.limit).toBe(160);
  });

  it('clamps into new bounds without starting over, and resets to the ceiling when asked', () => {
    const limit = new AdaptiveLimit(options);
    limit.observe(100); // 120
    limit.setBounds(32, 64);
    expect(limit.limit).toBe(64);
    limit.setBounds(32, 400);
    expect(limit.limit).toBe(64);
    limit.grow(100);
    expect(limit.limit).toBe(164);
    limit.reset();
    expect(limit.limit).toBe(400);
  });

  it('refuses bounds that make no sense', () => {
    expect(() => new AdaptiveLimit({ ...options, floor: 0 })).toThrow(RangeError);
    expect(() => new AdaptiveLimit({ ...options, ceiling: 8 })).toThrow(/below the floor/);
    expect(() => new AdaptiveLimit({ ...options, backoff: 1 })).toThrow(RangeError);
    expect(() => new AdaptiveLimit({ ...options, quietMs: 60 })).toThrow(RangeError);
  });
});
