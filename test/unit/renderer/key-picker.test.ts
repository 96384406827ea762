import { render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import KeyPicker from '../../../renderer/src/components/cluster/KeyPicker.svelte';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';
import { soleRecommendedKey } from '../../../electron/contract/key-recommendation';
import type { KmsKeySummary } from '../../../electron/contract';
import { key } from './fixtures';

const keys = [
  key({ keyId: 'key-rot', eligible: false, reasons: ['rotation-on'], aliases: ['alias/rot'] }),
  key({ keyId: 'key-good', aliases: ['alias/good'], usedBy: ['c1', 'c2'] }),
  key({
    keyId: 'key-rsa',
    eligible: false,
    reasons: ['wrong-spec', 'wrong-usage'],
    keySpec: 'RSA_2048',
  }),
  key({ keyId: 'key-noprot', deletionProtection: 'Disabled' }),
];
const list = (keys: KmsKeySummary[]) => ({
  accountId: 'acc-1',
  regionId: 'cn-hangzhou',
  keys,
  recommendedKeyId: soleRecommendedKey(keys),
});
const load = async () => list(keys);

describe('KeyPicker', () => {
  beforeEach(() => i18n.setLocale('en'));

  it('lists eligible keys first, says which is recommended and why, and greys the others with every reason', async () => {
    const { container } = render(KeyPicker, { accountId: 'acc-1', regionId: 'cn-hangzhou', load });
    await waitFor(() => expect(container.querySelectorAll('input[type=radio]').length).toBe(4));
    const radios = [...container.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => r.value)).toEqual(['key-good', 'key-noprot', 'key-rot', 'key-rsa']);
    expect(radios.map((r) => r.disabled)).toEqual([false, false, true, true]);
    // key-good is the only recommended key (this account uses it here): it is preselected.
    expect(radios[0]!.checked).toBe(true);
    expect(radios[1]!.checked).toBe(false);
    expect(screen.getByText('Automatic rotation is on')).toBeTruthy();
    expect(screen.getByText('Key spec is not Aliyun_AES_256')).toBeTruthy();
    expect(screen.getByText('Key usage is not ENCRYPT/DECRYPT')).toBeTruthy();
    expect(
      screen.getByText('Recommended: this account already uses it in this region (2 clusters)'),
    ).toBeTruthy();
    expect(screen.getByText('Not recommended: deletion protection off')).toBeTruthy();
  });

  it('preselects nothing when two keys are recommended, or none is', async () => {
    const two = [
      key({ keyId: 'key-a', aliases: ['alias/a'] }),
      key({ keyId: 'key-b', aliases: ['alias/b'], usedBy: ['c1'] }),
    ];
    const none = [key({ keyId: 'key-c', deletionProtection: 'Disabled' })];
    for (const keys of [two, none]) {
      const { container, unmount } = render(KeyPicker, {
        accountId: 'acc-1',
        regionId: 'cn-hangzhou',
        load: async () => list(keys),
      });
      await waitFor(() =>
        expect(container.querySelectorAll('input[type=radio]').length).toBe(keys.length),
      );
      expect(container.querySelector('input[type=radio]:checked')).toBeNull();
      unmount();
    }
    render(KeyPicker, { accountId: 'acc-1', regionId: 'cn-hangzhou', load: async () => list(two) });
    await waitFor(() =>
      expect(
        screen.getByText('Recommended: deletion protection on, used by no cluster'),
      ).toBeTruthy(),
    );
    expect(
      screen.getByText('Recommended: this account already uses it in this region (1 cluster)'),
    ).toBeTruthy();
  });

  it('says when a key already used here has deletion protection off', async () => {
    const used = [key({ keyId: 'key-u', usedBy: ['c1'], deletionProtection: 'Disabled' })];
    const { container } = render(KeyPicker, {
      accountId: 'acc-1',
      regionId: 'cn-hangzhou',
      load: async () => list(used),
    });
    await waitFor(() => expect(screen.getByText('Deletion protection off')).toBeTruthy());
    expect(container.querySelector<HTMLInputElement>('input[type=radio]')!.checked).toBe(true);
  });

  it('lists a key of the older UUID form, and keeps a key chosen by alias or ARN, as its id', async () => {
    const UUID = '7906979c-8e06-46a2-be2d-68e3ccbc0a11';
    const withUuid = async () => list([...keys, key({ keyId: UUID, aliases: ['alias/legacy'] })]);
    for (const chosen of ['alias/legacy', `acs:kms:cn-hangzhou:1:key/${UUID}`, UUID]) {
      const { container, unmount } = render(KeyPicker, {
        accountId: 'acc-1',
        regionId: 'cn-hangzhou',
        selected: chosen,
        load: withUuid,
      });
      await waitFor(() => expect(container.querySelectorAll('input[type=radio]').length).toBe(5));
      const checked = container.querySelector<HTMLInputElement>('input[type=radio]:checked');
      expect(checked?.value, chosen).toBe(UUID);
      expect(container.textContent).toContain(UUID);
      unmount();
    }
  });

  it('says "unknown", not "off", when KMS did not report rotation or deletion protection', async () => {
    const unreported = [
      key({ keyId: 'key-quiet', automaticRotation: null, deletionProtection: null }),
    ];
    render(KeyPicker, {
      accountId: 'acc-1',
      regionId: 'cn-hangzhou',
      load: async () => list(unreported),
    });
    await waitFor(() =>
      expect(screen.getByText('Not recommended: deletion protection unknown')).toBeTruthy(),
    );
    expect(screen.getByText('Automatic rotation unknown')).toBeTruthy();
    expect(screen.queryByText(/deletion protection off/i)).toBeNull();
  });

  it('says so when the keys cannot be read', async () => {
    render(KeyPicker, {
      accountId: 'acc-1',
      regionId: 'cn-hangzhou',
      load: async () => {
        throw new Error('Forbidden.NoPermission');
      },
    });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('NoPermission'));
  });

  it('labels the wait', () => {
    render(KeyPicker, {
      accountId: 'a',
      regionId: 'cn-shanghai',
      load: () => new Promise(() => {}),
    });
    expect(screen.getByRole('status').textContent).toContain(
      'Reading the keys of China (Shanghai) cn-shanghai',
    );
  });
});
