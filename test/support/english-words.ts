// The one language check of every zh-CN test: the window's screens (e2e), the CLI's human
// output (test/integration/cli/zh-cn-output.test.ts), errors and refusals: the English words left
// in a text once the user's own data, cloud ids and the product and protocol names are taken out.

/** Product and protocol names that stay in Latin script in Chinese too. */
export const PROPER_NOUNS = new Set(
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
  ].map((w) => w.toLowerCase()),
);

/**
 * The distinct English words of `text` after removing `names` (the user's data: account and
 * cluster names, ids), host names, cloud ids, region ids, request ids and paths; words in
 * `allowed` (lower case) are accepted too.
 */
export function englishWords(
  text: string,
  names: readonly string[],
  allowed: ReadonlySet<string> = new Set(),
): string[] {
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
  return [
    ...new Set(
      words.filter(
        (w) => !PROPER_NOUNS.has(w.toLowerCase()) && !allowed.has(w.toLowerCase()) && !/\d/.test(w),
      ),
    ),
  ];
}

// A coarser scan for short texts without the page around them (a catalog value, a rendered
// batch reason or CLI line): English sentence glue that a translation would not keep. Ids,
// codes, CIDRs and product names are not sentences and pass.
export const ENGLISH_SENTENCE_WORDS = /\b(the|and|must|cannot)\b/i;

/** More of English's glue words, for whole rendered texts (longer than one catalog value). */
const GLUE =
  /\b(the|and|must|cannot|could|not|is|are|was|with|of|to|in|for|by|from|before|after|key|cluster|region|change|checklist|encrypted|nothing)\b/gi;

/** The English glue words left in a text (empty when none); tokens with - _ . / or digits are ids. */
export function englishLeft(text: string): string[] {
  const words = text.replace(/[^\s"'()（），。：；、]*[-_./\d][^\s"'()（），。：；、]*/g, ' ');
  return [...words.matchAll(GLUE)].map((m) => m[0]);
}
