// Page-size caps: every listing answers at most `cap` items a page, whatever the client asked,
// and echoes the size it actually used (as the cloud does in PageSize / page_info.page_size).
// Caps are ON by default and below what the SDKs and the app ask for, so every test that lists
// anything walks the multi-page path, the way a cloud with a lower limit than documented would
// make it. Tests set a cap lower, higher, or off (null) through the control API.

/** The listings the simulator pages, by "product/Action". */
export const PAGED_APIS = [
  'cs/DescribeClustersV1',
  'cs/DescribeClusterTasks',
  'kms/ListKeys',
  'kms/ListAliases',
  'kms/ListAliasesByKeyId',
  'actiontrail/LookupEvents',
  'ecs/DescribeSecurityGroups',
  'ecs/DescribeSecurityGroupAttribute',
  'vpc/DescribeVSwitches',
  'vpc/DescribeNetworkAcls',
  'vpc/DescribeVpcs',
] as const;
export type PagedApi = (typeof PAGED_APIS)[number];

/** null: no cap (the documented limits of the API still apply). */
export type PageCaps = Record<PagedApi, number | null>;

/**
 * Small on purpose (the app asks for 50-1000). DescribeSecurityGroupAttribute's documented
 * minimum MaxResults is 10, so its cap stays at 10.
 */
export const DEFAULT_PAGE_CAPS: Readonly<PageCaps> = {
  'cs/DescribeClustersV1': 3,
  'cs/DescribeClusterTasks': 3,
  'kms/ListKeys': 4,
  'kms/ListAliases': 4,
  'kms/ListAliasesByKeyId': 4,
  'actiontrail/LookupEvents': 10,
  'ecs/DescribeSecurityGroups': 3,
  'ecs/DescribeSecurityGroupAttribute': 10,
  'vpc/DescribeVSwitches': 3,
  'vpc/DescribeNetworkAcls': 3,
  'vpc/DescribeVpcs': 3,
};

export function isPagedApi(label: string): label is PagedApi {
  return (PAGED_APIS as readonly string[]).includes(label);
}

export class PageSizeCaps {
  private caps: PageCaps;

  /** `initial` overrides the defaults; `false` switches every cap off. */
  constructor(private readonly initial: Partial<PageCaps> | false = {}) {
    this.caps = this.fresh();
  }

  private fresh(): PageCaps {
    if (this.initial === false) {
      return Object.fromEntries(PAGED_APIS.map((a) => [a, null])) as PageCaps;
    }
    return { ...DEFAULT_PAGE_CAPS, ...this.initial };
  }

  /** The page size to use: what was asked, capped. */
  apply(api: PagedApi, requested: number): number {
    const cap = this.caps[api];
    return cap === null ? requested : Math.min(requested, cap);
  }

  get(): PageCaps {
    return { ...this.caps };
  }

  /** Changes some caps (a number of at least 1, or null for none); unknown APIs are refused. */
  set(changes: Record<string, unknown>): PageCaps {
    for (const [api, value] of Object.entries(changes)) {
      if (!isPagedApi(api)) {
        throw new Error(`no paged API ${api}; known: ${PAGED_APIS.join(', ')}`);
      }
      if (value !== null && (!Number.isInteger(value) || (value as number) < 1)) {
        throw new Error(`the page size cap of ${api} must be an integer of at least 1, or null`);
      }
    }
    for (const [api, value] of Object.entries(changes))
      this.caps[api as PagedApi] = value as number | null;
    return this.get();
  }

  /** Every cap off (the documented limits only). */
  off(): PageCaps {
    for (const api of PAGED_APIS) this.caps[api] = null;
    return this.get();
  }

  /** Back to what the simulator started with (reset() does this). */
  restore(): PageCaps {
    this.caps = this.fresh();
    return this.get();
  }
}
