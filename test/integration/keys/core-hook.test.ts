// Through the whole core (demo account, real keychain): with the key guard on, a fleet refresh
// sweeps the keys by itself, and its `keys.critical` event drives the main process's notifier
// (mocked Electron Notification): one notification per new critical finding, none for the same
// findings on the next refresh.
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../electron/contract';
import type { Core } from '../../../electron/core/service';
import { createKeyFindingNotifier } from '../../../electron/main/notify';
import type { NotificationLike } from '../../../electron/main/notify';
import { mainStrings } from '../../../electron/main/strings';
import { DEMO } from '../../../simulator';
import { makeCore } from '../accounts/helpers';

let core: Core | null = null;
afterEach(async () => {
  await core?.dispose();
  core = null;
});

function nextEvent<E extends EventName>(c: Core, name: E): Promise<EventPayload<E>> {
  return new Promise((resolve) => {
    const off = c.events.on(name, (payload) => {
      off();
      resolve(payload);
    });
  });
}

describe('the key guard in the core', () => {
  it('sweeps after each refresh and notifies once per new critical finding', async () => {
    core = makeCore({ keyGuard: { sweepOnRefresh: true } });
    const shown: string[] = [];
    const notify = createKeyFindingNotifier({
      isSupported: () => true,
      create: (options) => {
        const n: NotificationLike = { on: () => n, show: () => void shown.push(options.title) };
        return n;
      },
      showInWindow: () => undefined,
      strings: () => mainStrings('en'),
      log: { warn: () => undefined },
    });
    core.events.on('keys.critical', notify);
    await core.api['demo.start']({});

    const swept = nextEvent(core, 'keys.report');
    await core.api['fleet.refresh']({});
    const report = await swept;
    const critical = report.findings.filter((f) => f.severity === 'critical');
    expect(critical.map((f) => f.keyId).sort()).toEqual(
      [DEMO.keys.disabledInUse, DEMO.keys.pendingDeletion].sort(),
    );
    expect(shown.sort()).toEqual(
      ['A KMS key in use is disabled', 'A KMS key in use is pending deletion'].sort(),
    );

    const again = nextEvent(core, 'keys.report');
    await core.api['fleet.refresh']({});
    await again;
    expect(shown).toHaveLength(2);
    expect((await core.api['keys.health']({ cached: true })).critical).toBe(2);
  });
});
