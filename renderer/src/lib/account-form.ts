// The account form's model, apart from its markup (AccountForm.svelte renders it): which fields
// each kind has, what the window checks before sending (the core checks meaning and names the
// field that was wrong), the accounts.add / accounts.update input it sends, and where an error
// from the core is shown. Pure TypeScript, so it is tested without a window.
import { ROLE_ARN_PATTERN, defaultAccountColour } from '$contract';
import { errorText } from './error-text';
import type { Account, AccountColour, AccountKind, CallInput } from '$contract';
import { ApiError } from './api';
import type { MessageKey } from './i18n/index.svelte';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** What the form's inputs hold (all text, as typed). The two secrets are wiped after a send. */
export interface AccountFormFields {
  kind: AccountKind;
  name: string;
  colour: AccountColour;
  /** Comma- or space-separated region ids; empty = every region. */
  regions: string;
  endpoint: string;
  proxy: string;
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  /** `datetime-local` value: YYYY-MM-DDTHH:MM, local time. */
  expiration: string;
  sourceAccountId: string;
  roleArn: string;
  sessionName: string;
  durationSeconds: string;
  externalId: string;
}

export type FormErrors = Record<string, string>;

/** The form's start: a copy of the account being edited, or a new account's defaults. */
export function initialFields(
  editing: Account | null,
  accountCount: number,
  defaultRegions: readonly string[] | null,
): AccountFormFields {
  return {
    kind: editing?.kind ?? 'access-key',
    name: editing?.name ?? '',
    colour: editing?.colour ?? defaultAccountColour(accountCount),
    regions: (editing ? editing.regions : defaultRegions)?.join(', ') ?? '',
    endpoint: editing?.network.endpoint ?? '',
    proxy: editing?.network.proxy?.url ?? '',
    accessKeyId: editing && editing.kind !== 'ram-role' ? editing.accessKeyId : '',
    accessKeySecret: '',
    securityToken: '',
    expiration: editing?.kind === 'sts-token' ? editing.expiration.slice(0, 16) : '',
    sourceAccountId: editing?.kind === 'ram-role' ? editing.sourceAccountId : '',
    roleArn: editing?.kind === 'ram-role' ? editing.roleArn : '',
    sessionName: editing?.kind === 'ram-role' ? editing.sessionName : '',
    durationSeconds: editing?.kind === 'ram-role' ? String(editing.durationSeconds) : '',
    externalId: editing?.kind === 'ram-role' ? (editing.externalId ?? '') : '',
  };
}

/** The accounts a role may take its credentials from (not roles, not the account itself). */
export function roleSources(accounts: readonly Account[], editing: Account | null): Account[] {
  return accounts.filter((a) => a.kind !== 'ram-role' && a.id !== editing?.id);
}

/** What is missing or plainly malformed, by field; empty when the form may be sent. */
export function validateFields(
  f: AccountFormFields,
  editing: Account | null,
  t: Translate,
): FormErrors {
  const found: FormErrors = {};
  const required = t('form.required');
  if (!f.name.trim()) found['name'] = required;
  if (f.kind !== 'ram-role') {
    if (!f.accessKeyId.trim()) found['accessKeyId'] = required;
    if (!editing && !f.accessKeySecret) found['accessKeySecret'] = required;
  }
  if (f.kind === 'sts-token' && !editing) {
    if (!f.securityToken) found['securityToken'] = required;
    if (!f.expiration) found['expiration'] = required;
  }
  if (f.kind === 'ram-role') {
    if (!f.sourceAccountId) found['sourceAccountId'] = required;
    if (!f.roleArn.trim()) found['roleArn'] = required;
    else if (!ROLE_ARN_PATTERN.test(f.roleArn.trim()))
      found['roleArn'] = t('form.err.roleArnShape');
    if (f.durationSeconds && !/^\d+$/.test(f.durationSeconds))
      found['durationSeconds'] = t('form.err.number');
  }
  return found;
}

/** Region ids from the text (commas, spaces or the full-width comma); null = every region. */
export function regionList(text: string): string[] | null {
  const list = text
    .split(/[\s,，]+/)
    .map((r) => r.trim())
    .filter(Boolean);
  return list.length > 0 ? list : null;
}

function common(f: AccountFormFields) {
  return {
    name: f.name.trim(),
    colour: f.colour,
    regions: regionList(f.regions),
    network: { endpoint: f.endpoint.trim() || null, proxy: f.proxy.trim() || null },
  };
}

const isoExpiry = (local: string): string => new Date(local).toISOString();

export function addInput(f: AccountFormFields): CallInput<'accounts.add'> {
  if (f.kind === 'access-key')
    return {
      kind: 'access-key',
      ...common(f),
      accessKeyId: f.accessKeyId.trim(),
      accessKeySecret: f.accessKeySecret,
    };
  if (f.kind === 'sts-token')
    return {
      kind: 'sts-token',
      ...common(f),
      accessKeyId: f.accessKeyId.trim(),
      accessKeySecret: f.accessKeySecret,
      securityToken: f.securityToken,
      expiration: isoExpiry(f.expiration),
    };
  return {
    kind: 'ram-role',
    ...common(f),
    sourceAccountId: f.sourceAccountId,
    roleArn: f.roleArn.trim(),
    ...(f.sessionName.trim() ? { sessionName: f.sessionName.trim() } : {}),
    ...(f.durationSeconds ? { durationSeconds: Number(f.durationSeconds) } : {}),
    externalId: f.externalId.trim() || null,
  };
}

/**
 * The update for `current`, in its kind's shape. Network and credentials are sent only when
 * changed, so a cosmetic edit (name, colour, regions) needs no live check and no keychain.
 */
export function updateInput(f: AccountFormFields, current: Account): CallInput<'accounts.update'> {
  const { network, ...cosmetic } = common(f);
  const networkChanged =
    network.endpoint !== current.network.endpoint ||
    network.proxy !== (current.network.proxy?.url ?? null);
  const base = { id: current.id, ...cosmetic, ...(networkChanged ? { network } : {}) };
  const accessKeyId = f.accessKeyId.trim();
  switch (current.kind) {
    case 'access-key':
      return {
        kind: 'access-key',
        ...base,
        ...(accessKeyId !== current.accessKeyId || f.accessKeySecret
          ? { accessKeyId, accessKeySecret: f.accessKeySecret }
          : {}),
      };
    case 'sts-token':
      return {
        kind: 'sts-token',
        ...base,
        // A new token comes with its own AccessKey id and secret.
        ...(f.securityToken
          ? { accessKeyId, accessKeySecret: f.accessKeySecret, securityToken: f.securityToken }
          : {}),
        ...(f.expiration && f.expiration !== current.expiration.slice(0, 16)
          ? { expiration: isoExpiry(f.expiration) }
          : {}),
      };
    case 'ram-role': {
      const roleArn = f.roleArn.trim();
      const sessionName = f.sessionName.trim();
      const externalId = f.externalId.trim() || null;
      return {
        kind: 'ram-role',
        ...base,
        ...(f.sourceAccountId !== current.sourceAccountId
          ? { sourceAccountId: f.sourceAccountId }
          : {}),
        ...(roleArn !== current.roleArn ? { roleArn } : {}),
        ...(sessionName && sessionName !== current.sessionName ? { sessionName } : {}),
        ...(f.durationSeconds && Number(f.durationSeconds) !== current.durationSeconds
          ? { durationSeconds: Number(f.durationSeconds) }
          : {}),
        ...(externalId !== current.externalId ? { externalId } : {}),
      };
    }
  }
}

/** The words for a field the cloud refused (the core's message is for the log and the CLI). */
const CLOUD_FIELD_KEYS: Record<string, MessageKey> = {
  accessKeyId: 'form.err.accessKeyId',
  accessKeySecret: 'form.err.accessKeySecret',
  securityToken: 'form.err.securityToken',
  roleArn: 'form.err.roleArn',
  network: 'form.err.network',
  'network.endpoint': 'form.err.network',
  clock: 'form.err.clock',
};

/** Where a failed send is shown: beside a field (by name), and/or above the buttons. */
export interface PlacedError {
  field: string | null;
  text: string;
  formError: string | null;
}

export function placeError(error: unknown, t: Translate): PlacedError {
  const message = errorText(error);
  const field = error instanceof ApiError ? error.details?.['field'] : undefined;
  if (typeof field !== 'string')
    return { field: null, text: message, formError: t('form.failed', { message }) };
  const cloudCode = error instanceof ApiError ? error.details?.['cloudCode'] : undefined;
  const key = CLOUD_FIELD_KEYS[field];
  const text =
    key && error instanceof ApiError && error.code === 'cloud'
      ? `${t(key)}${typeof cloudCode === 'string' ? ` (${cloudCode})` : ''}`
      : message;
  // Network problems (and a skewed clock, which the endpoint check reveals) sit by the endpoint.
  const target = field.startsWith('network') || field === 'clock' ? 'endpoint' : field;
  return { field: target, text, formError: field === 'clock' ? text : null };
}
