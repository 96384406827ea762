// Account rules both sides apply: the core when it checks and saves, the window when it checks
// a form before sending and picks a colour for a new account. One source, so they never drift.
import { ACCOUNT_COLOURS } from './types/accounts';
import type { AccountColour } from './types/accounts';

/**
 * A RAM role ARN: acs:ram::<account id>:role/<role name>. Groups: 1 = account id, 2 = role
 * name (docs/alibaba-cloud-api.md, STS AssumeRole RoleArn).
 */
export const ROLE_ARN_PATTERN = /^acs:ram::(\d{8,20}):role\/([A-Za-z0-9.-]{1,64})$/;

/** The colour a new account gets when none is chosen: the palette in turn, by how many exist. */
export function defaultAccountColour(existingCount: number): AccountColour {
  return ACCOUNT_COLOURS[existingCount % ACCOUNT_COLOURS.length]!;
}
