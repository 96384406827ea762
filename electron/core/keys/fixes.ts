// The key fixes the app can make: enable a disabled key, cancel a scheduled deletion, turn
// deletion protection on. Never the other way: disabling a key, scheduling its deletion or
// turning protection off strands clusters, and is the user's call in the KMS console.
// Each fix: the caller's permission first (nothing is sent when it certainly lacks it), then the
// key's state (a key that is already fine changes nothing: idempotent), then the one KMS call,
// then the key read again so the result says what the key is now. The caller audits.
import { formatMessage, GuardError, keyIdWithoutLookup, message } from '../../contract';
import type { Message } from '../../contract';
import type { KeyFixAction, KeyFixPreview, KeyFixResult } from '../../contract/types/key-guard';
import { cancelKeyDeletion, describeKey, enableKey, setDeletionProtection } from '../cloud/kms';
import type { KmsKeyMetadata } from '../cloud/kms';
import type { CloudSession } from '../cloud/session';
import { assertMayCallKms } from './permission';

/** The KMS action (and RAM action kms:<name>) each fix calls. */
export const FIX_CALL: Record<KeyFixAction, string> = {
  'enable-key': 'EnableKey',
  'cancel-key-deletion': 'CancelKeyDeletion',
  'enable-deletion-protection': 'SetDeletionProtection',
};

const PROTECTION_NOTE =
  'Used by ACK clusters for Secret encryption at rest (set by ACK Secret Guard).';

interface Plan {
  /** Already fine: nothing to call. */
  done?: string;
  /** Cannot be done in this state (with what to do instead). */
  refuse?: Message;
  call?: (key: KmsKeyMetadata) => Promise<{ requestId: string | null }>;
  /** The parameters `call` sends (what a dry run prints). */
  params?: Record<string, string | boolean>;
  did?: string;
  /** Is the key fixed now (read after the call, or after a call whose answer was lost)? */
  fixed: (key: KmsKeyMetadata) => boolean;
}

function plan(
  session: CloudSession,
  regionId: string,
  action: KeyFixAction,
  key: KmsKeyMetadata,
  name: string,
): Plan {
  switch (action) {
    case 'enable-key': {
      const fixed = (k: KmsKeyMetadata) => k.keyState === 'Enabled';
      if (fixed(key)) return { done: `Key ${name} is already Enabled.`, fixed };
      if (key.keyState === 'PendingDeletion')
        return {
          refuse: message('key.fix.refuse.pendingEnable', { key: name }),
          fixed,
        };
      if (key.keyState !== 'Disabled')
        return {
          refuse: message('key.fix.refuse.notDisabled', {
            key: name,
            keyState: key.keyState || 'unknown',
          }),
          fixed,
        };
      return {
        call: (k) => enableKey(session, regionId, k.keyId),
        params: { KeyId: key.keyId },
        did: `Enabled key ${name}.`,
        fixed,
      };
    }
    case 'cancel-key-deletion': {
      const fixed = (k: KmsKeyMetadata) => k.keyState !== 'PendingDeletion';
      if (fixed(key))
        return {
          done: `Key ${name} is not pending deletion (it is ${key.keyState || 'in an unknown state'}).`,
          fixed,
        };
      return {
        call: (k) => cancelKeyDeletion(session, regionId, k.keyId),
        params: { KeyId: key.keyId },
        did: `Cancelled the deletion of key ${name}; it is Enabled again.`,
        fixed,
      };
    }
    case 'enable-deletion-protection': {
      const fixed = (k: KmsKeyMetadata) => k.deletionProtection === 'Enabled';
      if (fixed(key)) return { done: `Deletion protection of ${name} is already on.`, fixed };
      // SetDeletionProtection refuses a key pending deletion (docs/alibaba-cloud-api.md §5.5).
      if (key.keyState === 'PendingDeletion')
        return {
          refuse: message('key.fix.refuse.pendingProtect', { key: name }),
          fixed,
        };
      return {
        call: (k) => setDeletionProtection(session, regionId, k.arn, PROTECTION_NOTE),
        params: {
          ProtectedResourceArn: key.arn,
          EnableDeletionProtection: true,
          DeletionProtectionDescription: PROTECTION_NOTE,
        },
        did: `Turned on deletion protection of ${name}.`,
        fixed,
      };
    }
  }
}

export async function fixKey(
  session: CloudSession,
  regionId: string,
  keyRef: string,
  action: KeyFixAction,
  /** Read the key and say what would be sent; send nothing (`keys fix --dry-run`). */
  options: { dryRun?: boolean } = {},
): Promise<KeyFixResult> {
  const requestIds: string[] = [];
  const note = (id: string | null) => void (id && requestIds.push(id));
  // DescribeKey takes an id or an alias; an ARN is read as the id it ends in.
  const read = async () => {
    const answer = await describeKey(session, regionId, keyIdWithoutLookup(keyRef) ?? keyRef);
    note(answer.requestId);
    return answer.key;
  };
  const before = await read();
  const name = before.keyId && before.keyId !== keyRef ? `${keyRef} (${before.keyId})` : keyRef;
  const result = (changed: boolean, steps: string[]): KeyFixResult => ({
    fix: action,
    keyId: before.keyId || keyRef,
    regionId,
    changed,
    steps,
    requestIds,
  });
  const p = plan(session, regionId, action, before, name);
  if (options.dryRun)
    return {
      ...result(false, p.done ? [p.done] : []),
      dryRun: preview(before, regionId, action, p),
    };
  if (p.done) return result(false, [p.done]);
  if (p.refuse || !p.call) throw new GuardError('validation', p.refuse ?? `Cannot ${action}.`);
  const allowed = await assertMayCallKms(session, FIX_CALL[action]);
  try {
    note((await p.call(before)).requestId);
  } catch (error) {
    // A retried call whose first answer was lost can fail although the first one worked
    // (CancelKeyDeletion on a key no longer pending): what the key is now decides.
    const now = await read().catch(() => null);
    if (!now || !p.fixed(now)) throw error;
  }
  const after = await read();
  if (!p.fixed(after))
    throw new GuardError(
      'cloud',
      message('key.fix.notFixed', {
        call: FIX_CALL[action],
        key: name,
        keyState: after.keyState || 'unknown',
        protection: after.deletionProtection ?? 'unknown',
      }),
    );
  return result(true, [allowed, p.did ?? '']);
}

/** What a dry run shows: the key as read now, and the one call (none when already fine). */
function preview(
  key: KmsKeyMetadata,
  regionId: string,
  action: KeyFixAction,
  p: Plan,
): KeyFixPreview {
  return {
    sent: false,
    key: {
      keyId: key.keyId,
      keyState: key.keyState || null,
      deletionProtection: key.deletionProtection,
      deleteDate: key.deleteDate,
    },
    request:
      p.call && p.params
        ? { product: 'kms', action: FIX_CALL[action], regionId, params: p.params }
        : null,
    refused: p.refuse ? formatMessage(p.refuse, 'en') : null,
  };
}
