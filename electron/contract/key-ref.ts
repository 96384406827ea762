// The one rule for naming a KMS key, shared by the core, the CLI and the window (see
// docs/alibaba-cloud-api.md, "KMS key references"). KMS names a key three ways:
// - its id: `key-…` for newer keys, a UUID (1234abcd-12ab-34cd-56ef-1234567890ab) for keys made
//   before that form existed;
// - an alias bound to it: `alias/…` (1 to 255 characters with the prefix);
// - its ARN: `acs:kms:<region>:<account uid>:key/<id>`.
// DescribeKey and Encrypt accept an alias; UpdateKMSEncryption wants the key id, so the core
// resolves the other two forms before it sends anything.

export type KeyRef =
  | { kind: 'id'; text: string; keyId: string }
  | { kind: 'alias'; text: string; alias: string }
  | { kind: 'arn'; text: string; keyId: string; regionId: string; accountUid: string };

/** Words for error messages: every form a user may type. */
export const KEY_REF_FORMS =
  'a KMS key id (key-… or a UUID such as 1234abcd-12ab-34cd-56ef-1234567890ab), an alias (alias/…) or a key ARN (acs:kms:REGION:UID:key/KEY_ID)';

const NEW_ID = /^key-[A-Za-z0-9-]{1,120}$/;
const UUID_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const ALIAS = /^alias\/[A-Za-z0-9/_-]{1,249}$/;
const REGION = /^[a-z]{2,4}(-[a-z0-9]+){1,4}$/;
const UID = /^\d{1,32}$/;

/** Is this a key id in either form (not an alias, not an ARN)? */
export function isKeyId(value: string): boolean {
  return NEW_ID.test(value) || UUID_ID.test(value);
}

/** Reads a key reference, or null when it is none of the forms KMS accepts. */
export function parseKeyRef(value: string): KeyRef | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text !== value || text.length === 0 || text.length > 400) return null;
  if (isKeyId(text)) return { kind: 'id', text, keyId: text };
  if (ALIAS.test(text)) return { kind: 'alias', text, alias: text };
  const arn = /^acs:kms:([^:]+):([^:]+):key\/(.+)$/.exec(text);
  if (arn && REGION.test(arn[1]!) && UID.test(arn[2]!) && isKeyId(arn[3]!)) {
    return { kind: 'arn', text, regionId: arn[1]!, accountUid: arn[2]!, keyId: arn[3]! };
  }
  return null;
}

/** The key id a reference names without asking KMS (an id or an ARN), else null (an alias). */
export function keyIdWithoutLookup(value: string): string | null {
  const ref = parseKeyRef(value);
  return ref && ref.kind !== 'alias' ? ref.keyId : null;
}

/** Does this reference (id, alias or ARN) name this key? Key ids compare exactly. */
export function refersToKey(
  value: string,
  key: { keyId: string; arn?: string | null; aliases?: readonly string[] | null },
): boolean {
  const ref = parseKeyRef(value);
  if (!ref) return false;
  if (ref.kind === 'alias') return (key.aliases ?? []).includes(ref.alias);
  if (ref.kind === 'arn' && key.arn) return key.arn === ref.text;
  return ref.keyId === key.keyId;
}
