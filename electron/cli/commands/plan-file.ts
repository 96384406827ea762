// PLAN.json as a person writes it (accounts and clusters by name or id) into the batch.plan
// request the core takes (ids only): every name resolved the one way (args.ts findAccount,
// lookup.ts resolveCluster), every problem naming the file and the entry.
import type { z } from 'zod';
import { GuardError } from '../../contract';
import { planFileSchema } from '../../contract/schemas';
import { findAccount, readJsonFile } from '../args';
import { resolveCluster } from '../lookup';
import type { CommandContext } from './types';

export type PlanFile = z.output<typeof planFileSchema>;

/** Reads and checks PLAN.json; every problem names the file, the field and what is wrong. */
export async function readPlanFile(ctx: CommandContext, file: string): Promise<PlanFile> {
  const plan = await readJsonFile(file, planFileSchema, 'plan');
  const w = ctx.t.batchText;
  // Accounts by the names people know them by; the contract takes our account ids.
  if (plan.scope.accountIds) {
    const ids: string[] = [];
    for (const [i, nameOrId] of plan.scope.accountIds.entries()) {
      try {
        ids.push((await findAccount(ctx, nameOrId)).id);
      } catch {
        throw new GuardError('validation', w.noAccount(file, `scope.accountIds[${i}]`, nameOrId));
      }
    }
    plan.scope.accountIds = ids;
  }
  if (plan.keys) {
    for (const [i, entry] of plan.keys.entries()) {
      try {
        entry.accountId = (await findAccount(ctx, entry.accountId)).id;
      } catch {
        throw new GuardError(
          'validation',
          w.noAccount(file, `keys[${i}].accountId`, entry.accountId),
        );
      }
    }
  }
  if (plan.scope.clusterIds) plan.scope.clusterIds = await clusterIdsOf(ctx, file, plan);
  return plan;
}

/**
 * Clusters by id or by name, as on the command line (lookup.ts resolveCluster, within the plan's
 * only account when it names one): a name two clusters share is refused with the candidates
 * (exit 2), one no cluster has is refused naming the entry.
 */
async function clusterIdsOf(ctx: CommandContext, file: string, plan: PlanFile): Promise<string[]> {
  const accounts = plan.scope.accountIds ?? [];
  const within =
    accounts.length === 1
      ? ((await ctx.core.api['accounts.list']({})).accounts.find((a) => a.id === accounts[0]) ??
        null)
      : null;
  const ids: string[] = [];
  for (const [i, ref] of plan.scope.clusterIds!.entries()) {
    try {
      ids.push((await resolveCluster(ctx, ref, within)).clusterId);
    } catch (error) {
      if (!(error instanceof GuardError)) throw error;
      throw new GuardError(
        error.code,
        ctx.t.batchText.scopeCluster(file, i, error.message),
        error.details,
      );
    }
  }
  return [...new Set(ids)];
}
