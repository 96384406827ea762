// The one paging loop (cloud/paging.ts) over scripted pages: it counts what arrives, follows the
// size the cloud echoes, and ends every broken answer in a bounded, clear CloudError.
import { describe, expect, it } from 'vitest';
import { CloudError } from '../../../electron/core/cloud/errors';
import { shouldRetry } from '../../../electron/core/cloud/retry';
import { pageByNumber, pageByToken } from '../../../electron/core/cloud/paging';
import type { NumberedPage, TokenPage } from '../../../electron/core/cloud/paging';

const ctx = { product: 'kms', action: 'ListKeys', regionId: 'cn-hangzhou' } as const;
const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `key-${from + i}`);
const idOf = (id: string) => id;

/** A list served page by page at `served` items a page, whatever was asked. */
function numbered(all: string[], served: number, echo: 'used' | 'asked' | 'none' = 'used') {
  const asked: { pageNumber: number; pageSize: number }[] = [];
  const fetch = async (r: {
    pageNumber: number;
    pageSize: number;
  }): Promise<NumberedPage<string>> => {
    asked.push(r);
    const size = Math.min(served, r.pageSize);
    return {
      items: all.slice((r.pageNumber - 1) * size, r.pageNumber * size),
      totalCount: all.length,
      pageNumber: r.pageNumber,
      ...(echo === 'used' ? { pageSize: size } : echo === 'asked' ? { pageSize: r.pageSize } : {}),
    };
  };
  return { fetch, asked };
}

async function cloudError(promise: Promise<unknown>): Promise<CloudError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudError);
  return error as CloudError;
}

describe('pageByNumber', () => {
  it('collects every item when the cloud serves fewer per page than asked, and follows its echo', async () => {
    const all = ids(23);
    const { fetch, asked } = numbered(all, 5);
    const result = await pageByNumber(ctx, 100, fetch, { idOf });
    expect(result.items).toEqual(all);
    expect(result.pages).toBe(5);
    expect(asked[0]).toEqual({ pageNumber: 1, pageSize: 100 });
    expect(asked.slice(1).every((a) => a.pageSize === 5)).toBe(true);
  });

  it('counts what arrives when the echo is absent or just repeats what was asked', async () => {
    for (const echo of ['none', 'asked'] as const) {
      const all = ids(12);
      const { fetch } = numbered(all, 5, echo);
      const result = await pageByNumber(ctx, 50, fetch, { idOf });
      expect(result.items).toEqual(all);
      expect(result.pages).toBe(3);
    }
  });

  it('stops at the total, at an empty page, and at a TotalCount given as a string', async () => {
    const exact = numbered(ids(10), 5);
    expect((await pageByNumber(ctx, 5, exact.fetch, { idOf })).pages).toBe(2);

    // Without a total: until an empty page.
    const noTotal = async (r: { pageNumber: number; pageSize: number }) => ({
      items: ids(7).slice((r.pageNumber - 1) * 3, r.pageNumber * 3),
    });
    const untilEmpty = await pageByNumber(ctx, 3, noTotal, { idOf });
    expect(untilEmpty.items).toHaveLength(7);
    expect(untilEmpty.pages).toBe(4);

    const vpcStyle = async (r: { pageNumber: number; pageSize: number }) => ({
      items: ids(4).slice((r.pageNumber - 1) * 2, r.pageNumber * 2),
      totalCount: '4',
      pageNumber: String(r.pageNumber),
      pageSize: '2',
    });
    expect((await pageByNumber(ctx, 50, vpcStyle, { idOf })).pages).toBe(2);
  });

  it('keeps one of each item when pages overlap (the list moved while we paged)', async () => {
    const pages = [
      ['a', 'b', 'c'],
      ['c', 'd', 'e'],
      ['e', 'f'],
    ];
    const result = await pageByNumber(
      ctx,
      3,
      async (r) => ({ items: pages[r.pageNumber - 1] ?? [], totalCount: 6 }),
      { idOf },
    );
    expect(result.items).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('stops early once the item looked up by id has arrived', async () => {
    const { fetch, asked } = numbered(ids(30), 5);
    const result = await pageByNumber(ctx, 5, fetch, { idOf, until: (id) => id === 'key-7' });
    expect(result.items).toContain('key-7');
    expect(asked).toHaveLength(2);
  });

  it('fails at once on a TotalCount larger than a listing may hold', async () => {
    let calls = 0;
    const error = await cloudError(
      pageByNumber(
        ctx,
        100,
        async (r) => {
          calls += 1;
          return { items: [`key-${r.pageNumber}`], totalCount: 1_000_000_000, pageSize: 1 };
        },
        { idOf },
      ),
    );
    expect(calls).toBe(1);
    expect(error.kind).toBe('badAnswer');
    expect(shouldRetry(error, true)).toBe(false); // not even for a read
    expect(error.message).toMatch(/^kms ListKeys in cn-hangzhou: /);
    expect(error.message).toContain('1000000000 items');
  });

  it('fails within the page cap on a plausible total served one item a page', async () => {
    let calls = 0;
    const error = await cloudError(
      pageByNumber(
        ctx,
        100,
        async (r) => {
          calls += 1;
          return { items: [`key-${r.pageNumber}`], totalCount: 5000, pageNumber: r.pageNumber };
        },
        { idOf, limits: { maxPages: 25 } },
      ),
    );
    expect(calls).toBe(25);
    expect(error.message).toContain('more than 25 pages');
  });

  it('fails on a page that repeats only items already seen (a cloud that ignores PageNumber)', async () => {
    let calls = 0;
    const error = await cloudError(
      pageByNumber(
        ctx,
        100,
        async () => {
          calls += 1;
          return { items: ['key-1', 'key-2'], totalCount: 50 };
        },
        { idOf },
      ),
    );
    expect(calls).toBe(2);
    expect(error.message).toContain('page 2 repeats only items of earlier pages');
  });

  it('fails when the cloud answers another page than the one asked', async () => {
    const error = await cloudError(
      pageByNumber(ctx, 10, async () => ({ items: ['a'], totalCount: 5, pageNumber: 1 }), {
        idOf: () => null,
      }),
    );
    expect(error.message).toContain('asked for page 2, it answered page 1');
  });

  it('never holds more than maxItems, even with id-less items', async () => {
    let calls = 0;
    const error = await cloudError(
      pageByNumber(
        ctx,
        100,
        async () => {
          calls += 1;
          return { items: Array.from({ length: 100 }, () => 'same') }; // no TotalCount
        },
        { idOf: () => null, limits: { maxItems: 250 } },
      ),
    );
    expect(calls).toBe(3);
    expect(error.message).toContain('more than 250 distinct items');
  });
});

describe('pageByToken', () => {
  const token = (pages: TokenPage<string>[]) => {
    const seen: (string | undefined)[] = [];
    const fetch = async (next: string | undefined) => {
      seen.push(next);
      return pages[seen.length - 1] ?? { items: [] };
    };
    return { fetch, seen };
  };

  it('follows NextToken to its end', async () => {
    const { fetch, seen } = token([
      { items: ['a', 'b'], nextToken: 't1' },
      { items: ['c'], nextToken: 't2' },
      { items: ['d'], nextToken: '' },
    ]);
    const result = await pageByToken(ctx, fetch, { idOf });
    expect(result.items).toEqual(['a', 'b', 'c', 'd']);
    expect(seen).toEqual([undefined, 't1', 't2']);
  });

  it('fails on a NextToken handed back twice', async () => {
    let calls = 0;
    const error = await cloudError(
      pageByToken(
        ctx,
        async () => {
          calls += 1;
          return { items: [`e${calls}`], nextToken: 'same' };
        },
        { idOf },
      ),
    );
    expect(calls).toBe(2);
    expect(error.message).toContain('NextToken it gave before');
  });

  it('fails on a token that never ends, within the page cap, or truncates where asked to', async () => {
    let calls = 0;
    const endless = async () => {
      calls += 1;
      return { items: [`e${calls}`], nextToken: `t${calls}` };
    };
    const error = await cloudError(pageByToken(ctx, endless, { idOf, limits: { maxPages: 30 } }));
    expect(calls).toBe(30);
    expect(error.message).toContain('did not end within 30 pages');

    calls = 0;
    const truncated = await pageByToken(ctx, endless, {
      idOf,
      limits: { maxPages: 4 },
      atPageCap: 'truncate',
    });
    expect(truncated).toMatchObject({ truncated: true, pages: 4 });
    expect(truncated.items).toHaveLength(4);
  });

  it('fails on fresh tokens that bring only items already seen', async () => {
    let calls = 0;
    const error = await cloudError(
      pageByToken(
        ctx,
        async () => {
          calls += 1;
          return { items: ['e1', 'e2'], nextToken: `t${calls}` };
        },
        { idOf },
      ),
    );
    expect(calls).toBe(2);
    expect(error.message).toContain('page 2 repeats only items of earlier pages');
  });
});
