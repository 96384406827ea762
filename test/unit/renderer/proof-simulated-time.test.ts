// The demo's ActionTrail times are its simulated cloud's (renderer/src/lib/cloud-time.ts): the
// proof labels them "simulated time" for a demo account's cluster, and shows a real account's as
// they are (issue 16 item 9: the simulated clock never passed off as the wall clock).
import { render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '../../../electron/contract';
import Proof from '../../../renderer/src/components/cluster/Proof.svelte';
import { app } from '../../../renderer/src/lib/app.svelte';
import { i18n } from '../../../renderer/src/lib/i18n/index.svelte';
import { verifyReport } from './fixtures';

const props = { clusterId: 'c-1', accountId: 'acc-1', clusterName: 'edge-1', trigger: 'op-1' };
const account = (demo: boolean) => ({ id: 'acc-1', name: 'Retail', demo }) as unknown as Account;

describe('Proof: times of a simulated cloud', () => {
  beforeEach(() => i18n.setLocale('en'));
  afterEach(() => {
    app.accounts = [];
  });

  for (const [locale, label, header] of [
    ['en', 'simulated time', 'Time (simulated)'],
    ['zh-CN', '模拟时间', '时间（模拟时间）'],
  ] as const) {
    it(`labels a demo account's event times (${locale})`, async () => {
      i18n.setLocale(locale);
      app.accounts = [account(true)];
      render(Proof, { ...props, load: async () => verifyReport({}) });
      await waitFor(() => expect(screen.getByTestId('proof-change-event')).toBeTruthy());
      expect(screen.getByTestId('proof-change-event').textContent).toContain(label);
      const table = screen.getByTestId('proof-kms-events');
      expect(table.querySelector('th')!.textContent).toBe(header);
      expect(table.querySelector('tbody td')!.getAttribute('title')).toContain(label);
    });
  }

  it("shows a real account's times as they are", async () => {
    app.accounts = [account(false)];
    render(Proof, { ...props, load: async () => verifyReport({}) });
    await waitFor(() => expect(screen.getByTestId('proof-change-event')).toBeTruthy());
    expect(screen.getByTestId('proof-change-event').textContent).not.toContain('simulated');
    expect(screen.getByTestId('proof-kms-events').querySelector('th')!.textContent).toBe('Time');
  });
});
