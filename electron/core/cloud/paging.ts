// Paging by what arrives, never by what was asked. Every listing of the cloud goes through one of
// the two loops here: page number + TotalCount (CS, KMS, VPC) or NextToken (ECS, ActionTrail).
//
// A cloud may answer fewer items per page than we asked for (a lower cap than documented, a
// gateway in between), so "page * ourPageSize >= total" would silently drop clusters and keys.
// Instead we count what arrived: a page-number listing ends when the distinct items collected
// reach the total the cloud reports (or a page comes back empty), a token listing when the token
// ends. The size and number the cloud echoes are followed (never more than we asked for).
//
// An answer that cannot be right must not turn into an endless loop or unbounded memory: pages and
// items are capped, a page that brings no new id or a token seen before stops the loop, and all
// of them end in one CloudError (kind `badAnswer`) that names the API, the region and what the
// cloud did wrong, so the fleet reports that account/region as failed beside the others.
import { CloudError } from './errors';
import type { Product } from './endpoints';

export interface PageContext {
  product: Product;
  action: string;
  regionId: string;
}

export interface PagingLimits {
  /** Calls one listing may make. */
  maxPages: number;
  /** Distinct items one listing may hold (also the largest TotalCount we accept). */
  maxItems: number;
}

// Generous for real fleets (10,000 keys at 100 a page are 100 pages; clusters and tasks far
// fewer), small enough that a broken answer costs seconds, not hours.
// See docs/alibaba-cloud-api.md §2.5.
export const DEFAULT_PAGING_LIMITS: PagingLimits = { maxPages: 200, maxItems: 20_000 };

/** One page of a page-number listing, as the product module read it from the answer. */
export interface NumberedPage<T> {
  items: readonly T[];
  /** The cloud's TotalCount (a number, or a numeric string in VPC); absent when not sent. */
  totalCount?: unknown;
  /** The page number the cloud says it answered. */
  pageNumber?: unknown;
  /** The page size the cloud says it used. */
  pageSize?: unknown;
}

/** One page of a token listing. */
export interface TokenPage<T> {
  items: readonly T[];
  /** Empty or absent: no more pages. */
  nextToken?: string | null;
  totalCount?: unknown;
}

export interface PagingOptions<T> {
  /** A stable id per item (key id, cluster id, event id); null for an item without one. */
  idOf: (item: T) => string | null;
  limits?: Partial<PagingLimits>;
  /**
   * For a lookup by id (a listing filtered to one vSwitch or security group): stop once an item
   * that satisfies this has arrived, without asking for more pages.
   */
  until?: (item: T) => boolean;
}

export interface TokenPagingOptions<T> extends PagingOptions<T> {
  /**
   * What reaching maxPages means. `fail` (default) for inventories, where a partial list would
   * read as "nothing more". `truncate` where a partial answer is itself a result that says so
   * (the ActionTrail proof reports what it scanned).
   */
  atPageCap?: 'fail' | 'truncate';
}

export interface Paged<T> {
  items: T[];
  /** Calls made. */
  pages: number;
  /** True only with atPageCap 'truncate', when the cap ended the listing. */
  truncated: boolean;
}

/** A non-negative integer the cloud sent (number or numeric string), else null. */
function count(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

function badAnswer(ctx: PageContext, what: string, pages: number, items: number): CloudError {
  return new CloudError(
    `${ctx.product} ${ctx.action} in ${ctx.regionId}: the cloud's paging cannot be right (${what}); stopped after ${pages} ${pages === 1 ? 'call' : 'calls'} with ${items} ${items === 1 ? 'item' : 'items'}. Nothing from this listing was used. Try again later; if it persists, report it to Alibaba Cloud support with the request id of a recent call.`,
    {
      kind: 'badAnswer',
      product: ctx.product,
      action: ctx.action,
      cloudCode: null,
      httpStatus: null,
      requestId: null,
    },
  );
}

/** Collects distinct items; knows whether a page brought anything new. */
class Collector<T> {
  readonly items: T[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly idOf: (item: T) => string | null,
    private readonly maxItems: number,
  ) {}

  get size(): number {
    return this.items.length;
  }

  /** Adds a page; returns how many of its items were new. */
  add(page: readonly T[], onTooMany: () => never): number {
    let added = 0;
    for (const item of page) {
      const id = this.idOf(item);
      if (id !== null) {
        if (this.seen.has(id)) continue;
        this.seen.add(id);
      }
      if (this.items.length >= this.maxItems) onTooMany();
      this.items.push(item);
      added += 1;
    }
    return added;
  }
}

function limitsOf(partial: Partial<PagingLimits> | undefined): PagingLimits {
  return { ...DEFAULT_PAGING_LIMITS, ...partial };
}

/**
 * Every item of a PageNumber/PageSize listing. `fetch` makes one call for the page asked; the
 * loop asks for `pageSize` first and then for the size the cloud said it used, if smaller.
 */
export async function pageByNumber<T>(
  ctx: PageContext,
  pageSize: number,
  fetch: (request: { pageNumber: number; pageSize: number }) => Promise<NumberedPage<T>>,
  options: PagingOptions<T>,
): Promise<Paged<T>> {
  const limits = limitsOf(options.limits);
  const collected = new Collector(options.idOf, limits.maxItems);
  let size = pageSize;
  let pages = 0;
  const fail = (what: string): never => {
    throw badAnswer(ctx, what, pages, collected.size);
  };
  for (let pageNumber = 1; ; pageNumber += 1) {
    if (pages >= limits.maxPages) {
      fail(`more than ${limits.maxPages} pages without reaching the total it reports`);
    }
    const page = await fetch({ pageNumber, pageSize: size });
    pages += 1;
    const total = count(page.totalCount);
    if (total !== null && total > limits.maxItems) {
      fail(`it reports ${total} items, more than the ${limits.maxItems} a listing may hold`);
    }
    const echoedNumber = count(page.pageNumber);
    if (echoedNumber !== null && echoedNumber !== pageNumber) {
      fail(`asked for page ${pageNumber}, it answered page ${echoedNumber}`);
    }
    if (page.items.length === 0) break; // the end, or the list shrank while we paged
    const added = collected.add(page.items, () =>
      fail(`more than ${limits.maxItems} distinct items`),
    );
    if (added === 0) fail(`page ${pageNumber} repeats only items of earlier pages`);
    if (options.until && page.items.some(options.until)) break;
    if (total !== null && collected.size >= total) break;
    const echoedSize = count(page.pageSize);
    // Follow the size it says it used, so every page means the same slice of the list.
    if (echoedSize !== null && echoedSize > 0 && echoedSize < size) size = echoedSize;
  }
  return { items: collected.items, pages, truncated: false };
}

/** Every item of a NextToken/MaxResults listing. */
export async function pageByToken<T>(
  ctx: PageContext,
  fetch: (nextToken: string | undefined) => Promise<TokenPage<T>>,
  options: TokenPagingOptions<T>,
): Promise<Paged<T>> {
  const limits = limitsOf(options.limits);
  const collected = new Collector(options.idOf, limits.maxItems);
  const tokens = new Set<string>();
  let token: string | undefined;
  let pages = 0;
  const fail = (what: string): never => {
    throw badAnswer(ctx, what, pages, collected.size);
  };
  for (;;) {
    if (pages >= limits.maxPages) {
      if (options.atPageCap === 'truncate') {
        return { items: collected.items, pages, truncated: true };
      }
      fail(`its NextToken did not end within ${limits.maxPages} pages`);
    }
    const page = await fetch(token);
    pages += 1;
    const total = count(page.totalCount);
    if (total !== null && total > limits.maxItems) {
      fail(`it reports ${total} items, more than the ${limits.maxItems} a listing may hold`);
    }
    const added = collected.add(page.items, () =>
      fail(`more than ${limits.maxItems} distinct items`),
    );
    if (page.items.length > 0 && added === 0) {
      fail(`page ${pages} repeats only items of earlier pages`);
    }
    if (options.until && page.items.some(options.until)) break;
    const next = typeof page.nextToken === 'string' ? page.nextToken.trim() : '';
    if (next === '') break;
    if (tokens.has(next) || next === token) fail(`it handed back a NextToken it gave before`);
    tokens.add(next);
    token = next;
  }
  return { items: collected.items, pages, truncated: false };
}
