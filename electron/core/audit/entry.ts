// Building and checking audit entries. An entry is made from its known fields only (anything else
// a caller spreads in is dropped), and free text goes through the log redaction, so neither a
// secret nor a stray object can reach the file.
import { randomUUID } from 'node:crypto';
import { GuardError } from '../../contract';
import type { AuditAction, AuditEntry, AuditPhase, AuditResult } from '../../contract/types/audit';
import { redactText } from '../log/redact';

export const AUDIT_ACTIONS = [
  'encryption.enable',
  'encryption.disable',
  'fix.authorizeServiceRole',
  'fix.enableDeletionProtection',
  'batch.apply',
  'cluster.create',
] as const satisfies readonly AuditAction[];

export const AUDIT_PHASES = ['requested', 'ended'] as const satisfies readonly AuditPhase[];

export const AUDIT_RESULTS = [
  'accepted',
  'succeeded',
  'failed',
  'rejected',
  'timed-out',
  'unknown',
  'cancelled',
] as const satisfies readonly AuditResult[];

// Compile-time proof that the lists above name every member of the contract's unions.
type Missing<U, L extends readonly unknown[]> = Exclude<U, L[number]>;
const _allListed: [
  Missing<AuditAction, typeof AUDIT_ACTIONS>,
  Missing<AuditPhase, typeof AUDIT_PHASES>,
  Missing<AuditResult, typeof AUDIT_RESULTS>,
] extends [never, never, never]
  ? true
  : false = true;
void _allListed;

/** What a caller hands to append(): id and time are filled in when absent. */
export type AuditEntryInput = Omit<AuditEntry, 'id' | 'time'> & {
  id?: string;
  time?: string | Date;
};

const MAX_ID = 256;
const MAX_NAME = 512;
const MAX_MESSAGE = 2_000;

function fail(field: string, why: string): never {
  throw new GuardError('validation', `Audit entry field "${field}" ${why}.`, { field });
}

function requiredString(value: unknown, field: string, max = MAX_ID): string {
  if (typeof value !== 'string' || value.trim() === '') fail(field, 'must be a non-empty string');
  if (value.length > max) fail(field, `must be at most ${max} characters`);
  return value;
}

function optionalString(value: unknown, field: string, max = MAX_ID): string | null {
  if (value === null || value === undefined) return null;
  return requiredString(value, field, max);
}

function oneOf<T extends string>(value: unknown, list: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(list as readonly string[]).includes(value)) {
    fail(field, `must be one of ${list.join(', ')}`);
  }
  return value as T;
}

function isoTime(value: unknown, field: string): string {
  const ms =
    value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) fail(field, 'must be an ISO 8601 time');
  return new Date(ms).toISOString();
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A clean AuditEntry from caller input; throws GuardError('validation') on a bad field. */
export function normaliseEntry(input: AuditEntryInput, now = new Date()): AuditEntry {
  if (typeof input !== 'object' || input === null) fail('entry', 'must be an object');
  const error = input.error;
  let cleanError: AuditEntry['error'] = null;
  if (error !== null && error !== undefined) {
    if (typeof error !== 'object') fail('error', 'must be {code, message} or null');
    cleanError = {
      code: clip(redactText(requiredString(error.code, 'error.code', MAX_NAME)), MAX_NAME),
      // Messages are often cloud sentences that may quote request parameters: redact, then clip.
      message: clip(redactText(String(error.message ?? '')), MAX_MESSAGE),
    };
  }
  const clusterName = optionalString(input.clusterName, 'clusterName', MAX_NAME);
  return {
    id: input.id === undefined ? randomUUID() : requiredString(input.id, 'id'),
    time: input.time === undefined ? now.toISOString() : isoTime(input.time, 'time'),
    accountId: requiredString(input.accountId, 'accountId'),
    accountName: redactText(requiredString(input.accountName, 'accountName', MAX_NAME)),
    cloudAccountId: optionalString(input.cloudAccountId, 'cloudAccountId'),
    clusterId: optionalString(input.clusterId, 'clusterId'),
    clusterName: clusterName === null ? null : redactText(clusterName),
    regionId: optionalString(input.regionId, 'regionId'),
    action: oneOf(input.action, AUDIT_ACTIONS, 'action'),
    phase: oneOf(input.phase, AUDIT_PHASES, 'phase'),
    keyId: optionalString(input.keyId, 'keyId'),
    requestId: optionalString(input.requestId, 'requestId'),
    result: oneOf(input.result, AUDIT_RESULTS, 'result'),
    error: cleanError,
    operationId: optionalString(input.operationId, 'operationId'),
  };
}

const NULLABLE_STRINGS = [
  'cloudAccountId',
  'clusterId',
  'clusterName',
  'regionId',
  'keyId',
  'requestId',
  'operationId',
] as const;

/** Checks a parsed line; returns the entry or why it is not one. */
export function parseEntry(value: unknown): AuditEntry | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const v = value as Record<string, unknown>;
  for (const f of ['id', 'time', 'accountId', 'accountName'] as const) {
    if (typeof v[f] !== 'string') return `missing or invalid "${f}"`;
  }
  if (Number.isNaN(Date.parse(v.time as string))) return 'invalid "time"';
  for (const f of NULLABLE_STRINGS) {
    if (v[f] !== null && v[f] !== undefined && typeof v[f] !== 'string') return `invalid "${f}"`;
  }
  if (!(AUDIT_ACTIONS as readonly unknown[]).includes(v.action)) return 'unknown "action"';
  if (!(AUDIT_PHASES as readonly unknown[]).includes(v.phase)) return 'unknown "phase"';
  if (!(AUDIT_RESULTS as readonly unknown[]).includes(v.result)) return 'unknown "result"';
  const e = v.error as Record<string, unknown> | null | undefined;
  if (
    e !== null &&
    e !== undefined &&
    (typeof e !== 'object' || typeof e.code !== 'string' || typeof e.message !== 'string')
  ) {
    return 'invalid "error"';
  }
  return {
    id: v.id as string,
    time: v.time as string,
    accountId: v.accountId as string,
    accountName: v.accountName as string,
    cloudAccountId: (v.cloudAccountId as string | null | undefined) ?? null,
    clusterId: (v.clusterId as string | null | undefined) ?? null,
    clusterName: (v.clusterName as string | null | undefined) ?? null,
    regionId: (v.regionId as string | null | undefined) ?? null,
    action: v.action as AuditAction,
    phase: v.phase as AuditPhase,
    keyId: (v.keyId as string | null | undefined) ?? null,
    requestId: (v.requestId as string | null | undefined) ?? null,
    result: v.result as AuditResult,
    error: e ? { code: e.code as string, message: e.message as string } : null,
    operationId: (v.operationId as string | null | undefined) ?? null,
  };
}
