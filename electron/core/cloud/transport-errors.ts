// What a transport says when a call goes wrong on the way: TLS verification, timeouts, and the
// answer-size cap — each error names the call and the host (a proxy by its address, never its
// password), in the kinds errors.ts maps for every caller.
import { CloudError } from './errors';
import type { CloudErrorKind } from './errors';

/**
 * The largest answer we read. Our biggest pages (50 clusters with their meta data, 50
 * ActionTrail events) are well under 1 MB; 8 MB leaves room for that to grow while 128 calls in
 * flight (the global limit) still cannot hold more than 1 GB between them.
 */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024;
const MB = 1024 * 1024;

export interface CallLabel {
  product: string;
  action: string;
}

export const TLS_VERIFY_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REJECTED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export function fail(call: CallLabel, kind: CloudErrorKind, sentence: string): CloudError {
  return new CloudError(`${call.product} ${call.action}: ${sentence}`, {
    kind,
    product: call.product,
    action: call.action,
    cloudCode: null,
    httpStatus: null,
    requestId: null,
  });
}

export function tooLarge(call: CallLabel, host: string): CloudError {
  return fail(
    call,
    'tooLarge',
    `the answer from ${host} was larger than ${MAX_ANSWER_BYTES / MB} MB; stopped reading. A proxy or gateway in between may be answering instead of Alibaba Cloud.`,
  );
}

export function timeout(phase: 'ConnectTimeout' | 'ReadTimeout', ms: number, host: string): Error {
  // errors.ts reads this name as a network error (no answer), like the SDK's own timeouts.
  const error = new Error(`${phase}(${ms}): ${host} did not answer in time.`);
  error.name = 'RequestTimeoutError';
  return error;
}
