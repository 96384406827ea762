import type { ContractError } from './errors';

/** What every call answers across a transport: a value, or an error as data. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (error: ContractError): Envelope<never> => ({ ok: false, error });
