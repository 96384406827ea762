// Before turning encryption off: the cluster's key must be Enabled, because ACK decrypts every
// Secret with it to write it back in plain form. A key that is Disabled or pending deletion would
// strand the cluster mid-change, so the checklist fails and offers the key fix first (enable the
// key, or cancel its deletion: it then returns to Enabled) instead of "choose another key", which
// does not apply to a disable.
import type { CheckResult } from '../../contract/types/checks';
import { CONSOLE } from '../cloud/console';
import { couldNotCheck, fail, warn } from './result';
import type { CheckContext } from './context';

export async function keyUsableForDisable(ctx: CheckContext): Promise<CheckResult> {
  const keyId = await ctx.keyId().catch(() => null);
  if (!keyId)
    return couldNotCheck('key.state', 'the key', new Error('No key is known for this cluster.'));
  let found;
  try {
    found = await ctx.key(keyId);
  } catch (error) {
    return couldNotCheck('key.state', 'the key', error);
  }
  const { key, requestId } = found;
  const evidence = { keyId, keyState: key.keyState, deleteDate: key.deleteDate, requestId };
  const consoleUrl = CONSOLE.kmsKeys(ctx.input.regionId);
  if (key.keyState === 'PendingDeletion')
    return fail(
      'key.state',
      `The key is pending deletion${key.deleteDate ? ` (deleted for good on ${key.deleteDate})` : ''}: turning encryption off needs it to decrypt every Secret. Cancel the key deletion first, then disable.`,
      evidence,
      {
        hint: 'Cancel the key deletion (it returns to Enabled), then run the checklist again.',
        consoleUrl,
        action: 'cancel-key-deletion',
      },
    );
  if (key.keyState === 'Disabled')
    return fail(
      'key.state',
      'The key is Disabled: turning encryption off needs it to decrypt every Secret. Enable the key first, then disable.',
      evidence,
      { hint: 'Enable the key, then run the checklist again.', consoleUrl, action: 'enable-key' },
    );
  if (key.keyState !== 'Enabled')
    return fail(
      'key.state',
      `The key is ${key.keyState}: turning encryption off needs it Enabled to decrypt every Secret.`,
      evidence,
      {
        hint: 'Make the key usable again in the KMS console, then run the checklist again.',
        consoleUrl,
      },
    );
  return warn(
    'key.state',
    'The key is Enabled. Keep it enabled until the change has ended: the cluster needs it to decrypt its Secrets.',
    evidence,
  );
}
