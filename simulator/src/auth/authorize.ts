// Authorisation: RAM policies (per identity) and ACK cluster RBAC (per user/role and cluster).
import { commonError, ramDeniedMessage } from '../http/errors';
import type { ProductId } from '../products/product-id';
import { isAllowed } from '../world/policies';
import type { RbacRt } from '../world/runtime';
import type { World } from '../world/world';
import type { Caller } from './caller';

export function authorize(product: ProductId, caller: Caller, ramAction: string | null): void {
  if (ramAction === null || caller.statements === 'all') return;
  if (isAllowed(caller.statements, ramAction)) return;
  const msg =
    product === 'cs'
      ? ramDeniedMessage(ramAction, caller.viaSts)
      : `You are not authorized to do this action (${ramAction}). You should be authorized by RAM.`;
  throw commonError(product, 'Forbidden', msg);
}

/** The RBAC principal key of a caller: "user:<name>" / "role:<name>"; root has none. */
export function rbacPrincipal(c: Caller): string | undefined {
  if (c.kind === 'user') return `user:${c.userName}`;
  if (c.kind === 'role') return `role:${c.roleName}`;
  return undefined;
}

export function rbacEntriesFor(world: World, accountId: string, principal: string): RbacRt[] {
  const lower = principal.toLowerCase();
  return world.account(accountId).rbac.filter((r) => r.principal.toLowerCase() === lower);
}

/** Cluster RBAC role of a caller on a cluster: root is the owner. */
export function clusterRoles(world: World, caller: Caller, clusterId: string): string[] {
  if (caller.kind === 'root') return ['admin'];
  const p = rbacPrincipal(caller);
  if (!p) return [];
  return rbacEntriesFor(world, caller.accountId, p)
    .filter(
      (r) =>
        r.resourceId === 'all-clusters' ||
        (r.resourceType === 'cluster' && r.resourceId === clusterId),
    )
    .map((r) => r.roleType);
}

export function canChangeEncryption(world: World, caller: Caller, clusterId: string): boolean {
  return clusterRoles(world, caller, clusterId).some((r) => r === 'admin' || r === 'ops');
}
