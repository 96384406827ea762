// The simulator keeps its own list of Edge regions (it imports nothing of the app); the core's
// fallback list lives in the contract. Both describe the same documented fact, so they must agree.
import { describe, expect, it } from 'vitest';
import { DOCUMENTED_EDGE_REGIONS } from '../../../electron/contract/regions';
import { DOCUMENTED_EDGE_REGIONS as FROM_FLEET } from '../../../electron/core/fleet/classify';
import { EDGE_REGIONS } from '../../../simulator/src/fixtures/generate';

describe('the documented Edge regions', () => {
  it('are the same list, in the same order, in the contract and the simulator', () => {
    expect([...EDGE_REGIONS]).toEqual([...DOCUMENTED_EDGE_REGIONS]);
  });

  it('are the ones the fleet falls back to', () => {
    expect(FROM_FLEET).toBe(DOCUMENTED_EDGE_REGIONS);
  });

  it('has no region twice', () => {
    expect(new Set(DOCUMENTED_EDGE_REGIONS).size).toBe(DOCUMENTED_EDGE_REGIONS.length);
  });
});
