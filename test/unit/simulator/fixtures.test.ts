import { describe, expect, it } from 'vitest';
import {
  DEMO,
  demoCredentials,
  FixtureError,
  generateFleet,
  loadFixture,
  parseFixture,
} from '../../../simulator';
import { SimClock } from '../../../simulator/src/clock';
import { Faults } from '../../../simulator/src/faults';

describe('fixture validation', () => {
  it('the demo fixture loads and covers the documented cases', () => {
    const fx = loadFixture('demo');
    expect(fx.accounts.map((a) => a.name)).toEqual([
      'demo-retail',
      'demo-logistics',
      'demo-factory',
    ]);
    expect(fx.regions.length).toBeGreaterThanOrEqual(4);
    const clusters = fx.accounts.flatMap((a) => a.clusters);
    expect(clusters.length).toBeGreaterThanOrEqual(12);
    expect(Object.values(DEMO.clusters).every((id) => clusters.some((c) => c.id === id))).toBe(
      true,
    );
    const keys = fx.accounts.flatMap((a) => a.keys);
    expect(Object.values(DEMO.keys).every((id) => keys.some((k) => k.id === id))).toBe(true);
    expect(demoCredentials().every((c) => c.accessKeySecret.startsWith('demo-secret-'))).toBe(true);
  });

  it('reports shape errors with paths', () => {
    expect(() =>
      parseFixture({
        regions: [{ regionId: 'cn-hangzhou', localName: 'x' }],
        accounts: [{ id: '12', name: 'a' }],
      }),
    ).toThrow(/accounts\.0\.id: account ids are 16 digits/);
  });

  it('reports cross-reference errors', () => {
    const fx = generateFleet({ accounts: 1, regions: 1, clustersPerRegion: 1, keysPerRegion: 1 });
    fx.accounts[0]!.clusters![0]!.regionId = 'mars-1';
    fx.accounts[0]!.accessKeys!.push({ id: 'LTAI-x', secret: 's', principal: 'user:ghost' });
    try {
      parseFixture(fx);
      throw new Error('should fail');
    } catch (e) {
      expect(e).toBeInstanceOf(FixtureError);
      const msg = (e as FixtureError).problems.join('\n');
      expect(msg).toContain('region "mars-1" is not in fixture.regions');
      expect(msg).toContain('names no RAM user');
    }
  });

  it('generates 20 x 13 x 25 and it validates', () => {
    const fx = generateFleet({
      accounts: 20,
      regions: 13,
      clustersPerRegion: 25,
      keysPerRegion: 10,
    });
    expect(fx.accounts.flatMap((a) => a.clusters ?? [])).toHaveLength(6500);
    expect(() => parseFixture(fx)).not.toThrow();
  });
});

describe('clock', () => {
  it('scales and advances without going backwards', () => {
    let real = 1000;
    const c = new SimClock(0, 600, () => real);
    real += 1000;
    expect(c.now()).toBe(600_000);
    c.advance(5000);
    expect(c.now()).toBe(605_000);
    c.setTimeScale(1);
    real += 1000;
    expect(c.now()).toBe(606_000);
    expect(() => c.advance(-1)).toThrow();
  });
});

describe('faults', () => {
  it('count retires a rule; latency combines with a replacement', () => {
    const f = new Faults(1);
    f.add({ kind: 'latency', ms: 10, count: 2 });
    f.add({ kind: 'error500', product: 'cs', count: 1 });
    expect(f.forCall('cs', 'X')).toMatchObject({ latencyMs: 10, fault: { kind: 'error500' } });
    expect(f.forCall('cs', 'X')).toEqual({ latencyMs: 10, fault: undefined });
    expect(f.forCall('cs', 'X')).toEqual({ latencyMs: 0, fault: undefined });
  });
});
