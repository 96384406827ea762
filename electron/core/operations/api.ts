// The operations slice of the contract: start a change, list changes, the in-app fixes.
import type { CoreApi } from '../../contract';
import type { CoreContext } from '../context';
import type { AuditRecorder } from '../audit/recorder';
import type { AccountDirectory } from '../accounts/directory';
import { fixKey } from '../keys/fixes';
import { authorizeServiceRole } from './fixes';
import { OperationsService } from './service';
import type { OperationsDeps, OperationsOptions } from './service';

type OperationsApi = Pick<
  CoreApi,
  | 'encryption.enable'
  | 'encryption.disable'
  | 'operations.list'
  | 'fixes.authorizeServiceRole'
  | 'fixes.enableDeletionProtection'
>;

export function createOperationsApi(
  ctx: CoreContext,
  directory: AccountDirectory,
  deps: Omit<OperationsDeps, 'directory'> & {
    audit: AuditRecorder;
    /** Display name and uid of an account, for the audit log. */
    describeAccount: (
      accountId: string,
    ) => Promise<{ accountName: string; cloudAccountId: string | null }>;
  },
  options: OperationsOptions = {},
): { api: OperationsApi; service: OperationsService } {
  const operations = new OperationsService(ctx, { ...deps, directory }, options);
  ctx.onDispose(() => operations.dispose());
  const api: OperationsApi = {
    'encryption.enable': ({ clusterId, keyId, accountId }) =>
      operations.start({ clusterId, action: 'enable', keyId, ...(accountId ? { accountId } : {}) }),
    'encryption.disable': ({ clusterId, accountId }) =>
      operations.start({ clusterId, action: 'disable', ...(accountId ? { accountId } : {}) }),
    'operations.list': (filter) => operations.list(filter),
    'fixes.authorizeServiceRole': async ({ accountId }) => {
      const who = await deps.describeAccount(accountId);
      return deps.audit.fix('fix.authorizeServiceRole', { accountId, ...who }, async () =>
        authorizeServiceRole(await directory.sessionFor(accountId)),
      );
    },
    'fixes.enableDeletionProtection': async ({ accountId, regionId, keyId }) => {
      const who = await deps.describeAccount(accountId);
      return deps.audit.fix(
        'fix.enableDeletionProtection',
        { accountId, ...who, regionId, keyId },
        async () => {
          const done = await fixKey(
            await directory.sessionFor(accountId),
            regionId,
            keyId,
            'enable-deletion-protection',
          );
          return {
            fix: 'enable-deletion-protection' as const,
            steps: done.steps,
            requestIds: done.requestIds,
          };
        },
      );
    },
  };
  return { api, service: operations };
}
