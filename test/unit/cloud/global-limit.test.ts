// The overall limit while accounts are refreshed: derived from the accounts, driven by the event
// loop's delay. A fake clock and made-up delay samples: no timer, no timed assertion.
import { describe, expect, it } from 'vitest';
import {
  GlobalLimitGovernor,
  MIN_FLOOR,
  SAMPLE_EVERY_MS,
} from '../../../electron/core/cloud/global-limit';
import type { LoopDelaySampler } from '../../../electron/core/cloud/global-limit';
import { DEFAULT_SETTINGS } from '../../../electron/contract/types/settings';
import { CloudLimits } from '../../../electron/core/cloud/session';
import { Limiter } from '../../../electron/core/util/limiter';

function fakeLoop() {
  let delay = 0;
  let t = 0;
  const sampler: LoopDelaySampler & { running: boolean; reads: number } = {
    running: false,
    reads: 0,
    start() {
      this.running = true;
    },
    stop() {
      this.running = false;
    },
    read() {
      this.reads += 1;
      return delay;
    },
  };
  return {
    sampler,
    now: () => t,
    setDelay: (ms: number) => void (delay = ms),
    advance: (ms: number) => void (t += ms),
  };
}

describe('GlobalLimitGovernor', () => {
  it('outside a refresh leaves the configured limit alone and never looks at the loop', () => {
    const loop = fakeLoop();
    const limiter = new Limiter(256);
    const governor = new GlobalLimitGovernor(limiter, 256, 8, loop);
    loop.advance(1_000);
    governor.callEnded();
    expect(limiter.limit).toBe(256);
    expect(loop.sampler.reads).toBe(0);
    expect(loop.sampler.running).toBe(false);
  });

  it('makes room for each account being refreshed (plus one for other work), capped by the configured limit', () => {
    const loop = fakeLoop();
    const limiter = new Limiter(256);
    const governor = new GlobalLimitGovernor(limiter, 256, 8, loop);
    const releases = Array.from({ length: 20 }, () => governor.begin());
    expect(governor.accounts).toBe(20);
    expect(limiter.limit).toBe(8 * 21);
    expect(loop.sampler.running).toBe(true);
    const more = Array.from({ length: 20 }, () => governor.begin());
    expect(limiter.limit).toBe(256);
    for (const release of [...releases, ...more]) release();
    expect(limiter.limit).toBe(256);
    expect(loop.sampler.running).toBe(false);
  });

  it('backs off while the loop is late, grows back when it is quiet, and never below its floor', () => {
    const loop = fakeLoop();
    const limiter = new Limiter(256);
    const governor = new GlobalLimitGovernor(limiter, 256, 8, loop);
    const releases = Array.from({ length: 20 }, () => governor.begin());
    const ceiling = limiter.limit;
    loop.setDelay(200);
    const seen: number[] = [];
    for (let i = 0; i < 10; i++) {
      loop.advance(SAMPLE_EVERY_MS);
      governor.callEnded();
      seen.push(limiter.limit);
    }
    expect(seen[0]).toBeLessThan(ceiling);
    expect(seen.at(-1)).toBe(MIN_FLOOR);
    expect(Math.min(...seen)).toBe(MIN_FLOOR);
    loop.setDelay(2);
    for (let i = 0; i < 50; i++) {
      loop.advance(SAMPLE_EVERY_MS);
      governor.callEnded();
    }
    expect(limiter.limit).toBe(ceiling);
    for (const release of releases) release();
  });

  it('starts each refresh from its ceiling: a late loop in one refresh does not shrink the next', () => {
    const loop = fakeLoop();
    const limiter = new Limiter(256);
    const governor = new GlobalLimitGovernor(limiter, 256, 8, loop);
    const first = Array.from({ length: 20 }, () => governor.begin());
    const ceiling = limiter.limit;
    loop.setDelay(200);
    for (let i = 0; i < 10; i++) {
      loop.advance(SAMPLE_EVERY_MS);
      governor.callEnded();
    }
    expect(limiter.limit).toBe(MIN_FLOOR);
    for (const release of first) release();
    expect(limiter.limit).toBe(256);
    // The same refresh again, the loop quiet now: from the ceiling, not from the floor.
    loop.setDelay(0);
    const second = Array.from({ length: 20 }, () => governor.begin());
    expect(limiter.limit).toBe(ceiling);
    for (const release of second) release();
  });

  it('looks at the loop at most once per sampling period, however many calls end', () => {
    const loop = fakeLoop();
    const limiter = new Limiter(256);
    const governor = new GlobalLimitGovernor(limiter, 256, 8, loop);
    const release = governor.begin();
    loop.setDelay(500);
    for (let i = 0; i < 100; i++) governor.callEnded();
    expect(loop.sampler.reads).toBe(0);
    loop.advance(SAMPLE_EVERY_MS);
    for (let i = 0; i < 100; i++) governor.callEnded();
    expect(loop.sampler.reads).toBe(1);
    release();
    release(); // a second call of the same release changes nothing
    expect(governor.accounts).toBe(0);
  });

  it("by default lets a 100-account refresh have every account's share in flight", () => {
    // The shipped cap (DEFAULT_SETTINGS, 800) is per-account x 100 accounts: 256 made a
    // 100-account refresh wait on itself (bench A/B). Below 100 accounts the accounts bind.
    const loop = fakeLoop();
    const limits = new CloudLimits(undefined, undefined, loop);
    expect(limits.globalLimit).toBe(DEFAULT_SETTINGS.cloud.concurrency);
    const perAccount = limits.accountLimit;
    const twenty = Array.from({ length: 20 }, () => limits.refreshing());
    expect(limits.global.limit).toBe(perAccount * 21);
    const eighty = Array.from({ length: 80 }, () => limits.refreshing());
    expect(limits.global.limit).toBe(perAccount * 100);
    expect(limits.global.limit).toBe(limits.globalLimit);
    for (const release of [...twenty, ...eighty]) release();
    expect(limits.global.limit).toBe(limits.globalLimit);
  });

  it('follows new settings during a refresh and after it', () => {
    const loop = fakeLoop();
    const limits = new CloudLimits(256, 8, loop);
    const release = limits.refreshing();
    expect(limits.global.limit).toBe(16);
    limits.set(12, 4);
    expect(limits.global.limit).toBe(8);
    expect(limits.globalLimit).toBe(12);
    release();
    expect(limits.global.limit).toBe(12);
  });
});
