// The life of a journaled cloud write (an encryption change, a new cluster), the same for every
// kind: claimed in this process before any await (a double click is not a second write), the
// journal read for what is live, the write followed in the background until it ends, followed
// again at start for every unfinished entry, and its views listed with live progress over what
// the journal says. Each room brings what differs: its journal, how to follow one entry, and
// what to do when one ends.
import { setMaxListeners } from 'node:events';
import { GuardError, message } from '../../contract';
import type { Clock } from './clock';
import { realClock } from './clock';
import type { JsonlJournal } from './journal';

/** The view fields the lifecycle reads and writes; both rooms' views have them. */
export interface WriteView {
  phase: string;
  startedAt: string;
  requestedAt: string | null;
  endedAt: string | null;
  outcome: string | null;
  clusterState: string | null;
  requestId: string | null;
  error: { code: string; message: string; requestId: string | null } | null;
}

export interface WriteEntry<V extends WriteView> {
  view: V;
  /** The request may have reached the cloud without our knowing. */
  uncertain: boolean;
}

/** S: the cloud session a follower polls with (kept generic: util imports nothing of cloud/). */
export interface WriteKind<V extends WriteView, E extends WriteEntry<V>, R, S> {
  journal: JsonlJournal<R, E>;
  /** "operation", "creation": for the not-found message. */
  noun: string;
  idOf: (view: V) => string;
  /** What may have only one write at a time (a cluster id; an account, region and name). */
  claimOf: (view: V) => string;
  now: () => number;
  clockFor: (accountId: string) => Clock;
  sessionFor: (accountId: string) => Promise<S>;
  /** Tells subscribers of a change of the view (typed event of the room). */
  emit: (view: V) => void;
  /** The journal record ending this write with an outcome (no account, refused...). */
  endedRecord: (view: V, at: number, outcome: 'unknown', error: WriteView['error']) => R;
  /** What the account-gone ending says (the write may still have happened in the cloud). */
  accountGone: string;
  /** A journaled intent whose send was never recorded (we died while sending it). */
  unsent: (entry: E) => void;
  follow: (entry: E, session: S, signal: AbortSignal) => Promise<V>;
  /** A write ended (audit, refresh, notifications); its failure never fails the follower. */
  ended: (view: V) => Promise<void>;
}

export class JournaledWrites<
  V extends WriteView & { accountId: string },
  E extends WriteEntry<V>,
  R,
  S,
> {
  private readonly live = new Map<string, V>();
  private readonly claims = new Set<string>();
  private readonly followers = new Map<string, Promise<V>>();
  private readonly abort = new AbortController();

  constructor(private readonly kind: WriteKind<V, E, R, S>) {
    // Each followed write waits on this one signal; a batch follows dozens at once.
    setMaxListeners(10_000, this.abort.signal);
  }

  /** `cloudAt` for a record, only when the account's cloud keeps its own time. */
  cloudAt(accountId: string): { cloudAt?: number } {
    const clock = this.kind.clockFor(accountId);
    return clock === realClock ? {} : { cloudAt: clock.cloudNow() };
  }

  record(record: R): Promise<void> {
    return this.kind.journal.append(record);
  }

  emit(view: V): void {
    this.live.set(this.kind.idOf(view), view);
    this.kind.emit({ ...view });
  }

  /** Claims before any await; throws `conflict` with `message` when already claimed. */
  claim(claim: string, message: string, details?: Record<string, unknown>): void {
    if (this.claims.has(claim)) throw new GuardError('conflict', message, details);
    this.claims.add(claim);
  }

  release(claim: string): void {
    this.claims.delete(claim);
  }

  /** Every view the journal knows, newest first, live progress over the journal's. */
  async views(
    keep: (view: V) => boolean = () => true,
  ): Promise<{ views: V[]; problems: string[] }> {
    const { entries, problems } = await this.kind.journal.read();
    const views = [...entries.values()].map((e) => this.current(e.view));
    return {
      views: views.filter(keep).sort((a, b) => b.startedAt.localeCompare(a.startedAt)),
      problems,
    };
  }

  /** The live view of a journaled one, when this process follows it. */
  current(view: V): V {
    return this.live.get(this.kind.idOf(view)) ?? view;
  }

  inFlight(): boolean {
    return [...this.live.values()].some((v) => v.phase !== 'ended');
  }

  /** Waits for a write to end (CLI --wait, tests). */
  async waitFor(id: string): Promise<V> {
    const follower = this.followers.get(id);
    if (follower) return follower;
    const found = (await this.views((v) => this.kind.idOf(v) === id)).views[0];
    if (!found)
      throw new GuardError(
        'not-found',
        this.kind.noun === 'operation'
          ? message('error.notFound.operation', { id })
          : `No ${this.kind.noun} ${id}.`,
      );
    return found;
  }

  /** Follows a claimed write in the background; the claim is released when it ends. */
  startFollowing(entry: E, session: S | null): void {
    const view = entry.view;
    const id = this.kind.idOf(view);
    const run = async (): Promise<V> => {
      if (session) return this.kind.follow(entry, session, this.abort.signal);
      const at = this.kind.now();
      const error = {
        code: 'AccountUnavailable',
        message: this.kind.accountGone,
        requestId: view.requestId,
      };
      await this.record(this.kind.endedRecord(view, at, 'unknown', error));
      Object.assign(view, {
        phase: 'ended',
        outcome: 'unknown',
        endedAt: new Date(at).toISOString(),
        error,
      });
      this.emit(view);
      return view;
    };
    const promise = run()
      .then(async (final) => {
        if (final.phase === 'ended') await this.kind.ended(final).catch(() => undefined);
        return final;
      })
      .finally(() => {
        this.claims.delete(this.kind.claimOf(view));
        this.followers.delete(id);
      });
    this.followers.set(id, promise);
  }

  /** Follows again every unfinished write in the journal (app start); returns how many. */
  async resume(): Promise<{ resumed: number; problems: string[] }> {
    const { entries, problems } = await this.kind.journal.read();
    let resumed = 0;
    for (const entry of entries.values()) {
      const view = entry.view;
      const claim = this.kind.claimOf(view);
      if (view.phase === 'ended' || this.claims.has(claim)) continue;
      if (this.followers.has(this.kind.idOf(view))) continue;
      if (view.requestedAt === null) {
        entry.uncertain = true;
        view.requestedAt = view.startedAt;
        this.kind.unsent(entry);
      }
      this.claims.add(claim);
      const session = await this.kind.sessionFor(view.accountId).catch(() => null);
      this.startFollowing(entry, session);
      resumed += 1;
    }
    return { resumed, problems };
  }

  async dispose(): Promise<void> {
    this.abort.abort();
    await Promise.allSettled([...this.followers.values()]);
  }
}
