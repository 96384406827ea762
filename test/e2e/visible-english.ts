// The language check of the zh-CN screens: the English words left on the page (or a part of
// it), apart from proper nouns, ids and the user's own data (test/support/english-words.ts).
// screens.spec.ts and the reasons spec use it.
import type { Locator, Page } from '@playwright/test';
import type { Core } from '../../electron/core/service';
import { englishWords } from '../support/english-words';

/** The plan file's field names (JSON), quoted where a reason says how to give a group a key. */
const PLAN_FIELDS = new Set(['keys', 'accountid', 'regionid', 'keyid', 'keychoice', 'recommended']);

/** `within`: only that part of the page (e.g. the preflight, not the request's JSON body). */
export async function visibleEnglish(page: Page, core: Core, within?: Locator): Promise<string[]> {
  const names: string[] = [];
  for (const a of (await core.api['accounts.list']({})).accounts) names.push(a.name);
  const snapshot = await core.api['fleet.snapshot']({});
  for (const c of snapshot?.clusters ?? [])
    names.push(c.name, c.clusterId, c.encryption.keyId ?? '');
  // The user's own data and cloud ids are not UI strings.
  return englishWords(await (within ?? page.locator('body')).innerText(), names, PLAN_FIELDS);
}
