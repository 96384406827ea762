import type { z } from 'zod';
import type { OperationName } from './channels';
import type { AppInfo } from './types/app';
import type { inputSchemas } from './schemas';

/** What each operation answers with (inside the envelope). */
export interface OperationOutputs {
  'app.info': AppInfo;
}

// Compile-time guard: every operation name has exactly one output type.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _everyOperationHasAnOutput: Exact<keyof OperationOutputs, OperationName> = true;
void _everyOperationHasAnOutput;

/** What the caller passes (before validation). */
export type OperationInput<N extends OperationName> = z.input<(typeof inputSchemas)[N]>;
/** What the core receives (after validation and defaults). */
export type ValidatedInput<N extends OperationName> = z.output<(typeof inputSchemas)[N]>;
export type OperationOutput<N extends OperationName> = OperationOutputs[N];

/** The core implements the contract as a plain object of async functions. */
export type CoreApi = {
  [N in OperationName]: (input: ValidatedInput<N>) => Promise<OperationOutput<N>>;
};
