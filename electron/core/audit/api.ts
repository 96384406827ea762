// The audit slice of the contract: the log as the window reads it, and the recorder the other
// rooms write it through.
import type { CoreApi } from '../../contract';
import type { CoreContext } from '../context';
import { AuditLog } from './audit-log';
import { AuditRecorder } from './recorder';

export function createAuditApi(
  ctx: CoreContext,
  /** The Alibaba Cloud account (uid) of a saved account, when known, for each entry. */
  cloudAccountOf: (accountId: string) => Promise<string | null>,
): { api: Pick<CoreApi, 'audit.list'>; service: AuditRecorder } {
  const service = new AuditRecorder(ctx, new AuditLog(ctx.dataDir), cloudAccountOf);
  return {
    api: { 'audit.list': (filter) => service.log.list(filter) },
    service,
  };
}
