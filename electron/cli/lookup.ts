// The one way the CLI finds a cluster a person named (by id or by name) and prints tables.
import type { Account, ClusterSummary, FleetSnapshot } from '../contract';
import { GuardError, reaches } from '../contract';
import type { CommandContext } from './commands/types';
import { refreshedSnapshot } from './refreshed-snapshot';

/** A plain text table: a header row, then rows, columns padded to their widest cell. */
export function table(header: string[], rows: string[][]): string {
  const width = displayWidth;
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(c))))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** Columns a text takes in a terminal: a CJK character takes two. */
export function displayWidth(s: string): number {
  return [...s].reduce((n, ch) => n + (isWide(ch) ? 2 : 1), 0);
}

/** CJK ideographs, full-width forms and Hangul take two columns in a terminal. */
function isWide(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6)
  );
}

/** The cluster a command acts on: its id, and its account when the snapshot knows it. */
export interface ClusterRef {
  clusterId: string;
  /** Our account id: the one asked for, else the snapshot's; absent when neither says. */
  accountId?: string;
  /** The row found (absent when the id is passed on for the core to find in the cloud). */
  cluster?: ClusterSummary;
}

function matches(snapshot: FleetSnapshot | null, ref: string, account: Account | null) {
  const rows = (snapshot?.clusters ?? []).filter((c) => !account || reaches(c, account.id));
  const byId = rows.filter((c) => c.clusterId === ref);
  if (byId.length > 0) return byId;
  // Two saved accounts that reach the same cloud account list a cluster twice: one cluster.
  const byName = rows.filter((c) => c.name === ref);
  return [...new Map(byName.map((c) => [c.clusterId, c])).values()];
}

/**
 * Finds the cluster a person named: an id or a name in the last fleet snapshot (within
 * `--account` when given), else in a fresh listing of the fleet (one refresh), else the words
 * are passed on as an id: the core looks a cluster the fleet lists leave out (a Basic or
 * ACK Pro cluster, one in a region not listed) up in the cloud and says "not found" (exit 4).
 * A name two clusters share is refused with the candidates (exit 2): never a guess.
 * `refresh: false` (the audit log, read offline) skips the listing; `fresh: true` (a change)
 * resolves a name against the listing even when the snapshot has it.
 */
export async function resolveCluster(
  ctx: CommandContext,
  ref: string,
  account: Account | null,
  options: { refresh?: boolean; fresh?: boolean } = {},
): Promise<ClusterRef> {
  const snapshot = await ctx.core.api['fleet.snapshot']({});
  let found = matches(snapshot, ref, account);
  // A change by name is resolved against a fresh listing: a cluster of the same name created
  // since the snapshot must make the name ambiguous, not lose to the older one. Ids are unique.
  const byIdInSnapshot = found.length > 0 && found[0]!.clusterId === ref;
  if (options.fresh && !byIdInSnapshot) found = [];
  if (found.length === 0 && options.refresh !== false) {
    try {
      found = matches(
        await refreshedSnapshot(ctx, account ? { accountIds: [account.id] } : {}),
        ref,
        account,
      );
    } catch {
      // Offline or refused: the core's own lookup below says what is wrong.
    }
  }
  if (found.length > 1) {
    const t = ctx.t;
    const rows = found.map((c) => [c.name, c.clusterId, c.accountName, c.regionId]);
    throw new GuardError(
      'validation',
      `${t.lookup.ambiguous(ref, found.length)}\n${table(
        [t.head.name, t.head.cluster, t.head.account, t.head.region],
        rows,
      )}\n${t.lookup.ambiguousFix}`,
      {
        candidates: found.map((c) => ({
          clusterId: c.clusterId,
          name: c.name,
          account: c.accountName,
          regionId: c.regionId,
        })),
      },
    );
  }
  const cluster = found[0];
  if (cluster)
    return { clusterId: cluster.clusterId, accountId: account?.id ?? cluster.accountId, cluster };
  // Not an id either (cluster ids are letters, digits and hyphens): say so here.
  if (!/^[A-Za-z0-9-]{1,64}$/.test(ref))
    throw new GuardError('not-found', ctx.t.lookup.noSuch(ref));
  return { clusterId: ref, ...(account ? { accountId: account.id } : {}) };
}
