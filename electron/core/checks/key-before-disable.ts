// Before turning encryption off: the cluster's key must be Enabled, because ACK decrypts every
// Secret with it to write it back in plain form. A key that is Disabled or pending deletion would
// strand the cluster mid-change, so the checklist fails and offers the key fix first (enable the
// key, or cancel its deletion: it then returns to Enabled) instead of "choose another key", which
// does not apply to a disable.
import type { CheckResult } from '../../contract/types/checks';
import { CONSOLE } from '../cloud/console';
import { message } from '../../contract';
import { CloudError } from '../cloud/errors';
import { couldNotCheck, fail, keyNotChecked, pass, result } from './result';
import type { CheckContext } from './context';

export async function keyUsableForDisable(ctx: CheckContext): Promise<CheckResult> {
  const keyId = await ctx.keyId().catch(() => null);
  if (!keyId) return keyNotChecked('key.state', null, ctx.input.regionId);
  let found;
  try {
    found = await ctx.key(keyId);
  } catch (error) {
    // One clear line when the key is gone (the cloud's answer is in the evidence); whether the
    // change can still go ahead is the cloud's to say, so this informs and does not block.
    if (error instanceof CloudError && error.kind === 'notFound')
      return result(
        'key.state',
        'unknown',
        message('check.key.exists.missing', {
          key: keyId,
          region: ctx.input.regionId,
          code: error.cloud.cloudCode,
        }),
        { keyId, errorCode: error.cloud.cloudCode, requestId: error.cloud.requestId },
        {
          message: message('fix.key.state.makeUsable'),
          consoleUrl: CONSOLE.kmsKeys(ctx.input.regionId),
        },
      );
    return couldNotCheck('key.state', 'the key', error);
  }
  const { key, requestId } = found;
  const evidence = { keyId, keyState: key.keyState, deleteDate: key.deleteDate, requestId };
  const consoleUrl = CONSOLE.kmsKeys(ctx.input.regionId);
  if (key.keyState === 'PendingDeletion')
    return fail(
      'key.state',
      key.deleteDate
        ? message('check.key.state.disablePendingDeletionOn', { date: key.deleteDate })
        : message('check.key.state.disablePendingDeletion'),
      evidence,
      {
        message: message('fix.key.state.cancelDeletion'),
        copy: keyId,
        consoleUrl,
        action: 'cancel-key-deletion',
      },
    );
  if (key.keyState === 'Disabled')
    return fail('key.state', message('check.key.state.disableDisabled'), evidence, {
      message: message('fix.key.state.enable'),
      consoleUrl,
      action: 'enable-key',
      copy: keyId,
    });
  if (key.keyState !== 'Enabled')
    return fail(
      'key.state',
      message('check.key.state.disableOther', { state: key.keyState }),
      evidence,
      { message: message('fix.key.state.makeUsable'), consoleUrl, copy: keyId },
    );
  // Enabled is the healthy state, so a pass (never a warning); the summary says to keep it so.
  return pass('key.state', message('check.key.state.enabledKeepIt'), evidence);
}
