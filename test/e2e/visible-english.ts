// The language check of the zh-CN screens: the English words left on the page, apart from proper
// nouns, ids and the user's own data (account and cluster names). screens.spec.ts and the
// reasons spec use it.
import type { Locator, Page } from '@playwright/test';
import type { Core } from '../../electron/core/service';

/** Product and protocol names that stay in Latin script in Chinese too. */
const PROPER_NOUNS = new Set(
  [
    'ACK',
    'Secret',
    'Guard',
    'KMS',
    'RAM',
    'STS',
    'CLI',
    'aliyun',
    'AccessKey',
    'ID',
    'Kubernetes',
    'ActionTrail',
    'CSV',
    'JSON',
    'EN',
    'Enter',
    'Shift',
    'Esc',
    'Aliyun_AES_256',
    'ENCRYPT',
    'DECRYPT',
    'AliyunKMSCryptoAdminAccess',
    'AliyunCSManagedSecurityRole',
    'AliyunCSManagedSecurityRolePolicy',
    'RBAC',
    'ARN',
    'Pro',
    'ACL',
    'HTTPS',
    'DNS',
    'Service',
    'GNOME',
    // Kubernetes' own names: the API Server component, the RBAC roles admin and ops.
    'API',
    'Server',
    'admin',
    'ops',
    // The time zone of a wall-clock time, and the HTTP status a cloud refusal carries.
    'UTC',
    'HTTP',
    'Keyring',
    'KWallet',
    'etcd',
    'config',
    'json',
    'linux',
    'x64',
    'arm64',
    'Edge',
    'CMK',
    // ActionTrail event names, as ActionTrail writes them.
    'Encrypt',
    'Decrypt',
    'UpdateKMSEncryption',
    // ActionTrail's user name of the root account (a caller: data, not a UI string).
    'root',
    // Language names are written in their own language (the language picker).
    'English',
    // Network terms the console keeps in Latin script (Pod 网段, VPC, IP 地址).
    'Pod',
    'VPC',
    'IP',
    // The plan file's field names (JSON), quoted where a reason says how to give a group a key.
    'keys',
    'accountId',
    'regionId',
    'keyId',
    'keyChoice',
    'recommended',
  ].map((w) => w.toLowerCase()),
);

/** `within`: only that part of the page (e.g. the preflight, not the request's JSON body). */
export async function visibleEnglish(page: Page, core: Core, within?: Locator): Promise<string[]> {
  const names: string[] = [];
  for (const a of (await core.api['accounts.list']({})).accounts) names.push(a.name);
  const snapshot = await core.api['fleet.snapshot']({});
  for (const c of snapshot?.clusters ?? [])
    names.push(c.name, c.clusterId, c.encryption.keyId ?? '');
  let text = await (within ?? page.locator('body')).innerText();
  // The user's own data and cloud ids are not UI strings.
  for (const n of names.filter(Boolean).sort((a, b) => b.length - a.length))
    text = text.split(n).join(' ');
  text = text
    .replace(/\b[\w-]+(\.[\w-]+)*\.(com|cn)\b/g, ' ') // host names (kms-vpc.….aliyuncs.com)
    .replace(/\b(alias|key|acs|sg|vsw|vpc|nacl)[-/:][\w/.:-]+/g, ' ')
    .replace(/\b[a-z]{2}-[a-z]+(-[a-z0-9]+)*\b/g, ' ') // region ids
    .replace(/\baliyuncsmanagedsecurityrole:\S*/gi, ' ') // ActionTrail callers
    .replace(/\b[a-z]+:[A-Z]\w+/g, ' ') // RAM actions (cs:CreateCluster)
    .replace(/\bbatch-\d{8}-\d{6}-[0-9a-f]+\b/g, ' ') // batch ids (random hex at the end)
    .replace(/\b[0-9A-F]{8}(-[0-9A-F]{4,12})+\b/gi, ' ') // request ids, account ids (UUIDs)
    .replace(/\/[\w./~-]+/g, ' '); // paths
  const words = text.match(/[A-Za-z][A-Za-z_0-9]+/g) ?? [];
  return [...new Set(words.filter((w) => !PROPER_NOUNS.has(w.toLowerCase()) && !/\d/.test(w)))];
}
