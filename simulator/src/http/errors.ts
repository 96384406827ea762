// One error type and one table of product-specific codes/statuses. Handlers throw ApiError; the
// HTTP layer renders it in the product's body style (CS lower-case ROA style, RPC PascalCase
// style). Codes and statuses come from docs/alibaba-cloud-api.md, product by product; where the
// reference leaves a status open, the choice is marked GUESS here and in simulator/README.md.
import type { ProductId } from '../products/product-id';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export type CommonError =
  | 'InvalidAccessKeyId.NotFound'
  | 'InvalidAccessKeyId.Inactive'
  | 'SignatureDoesNotMatch'
  | 'IncompleteSignature'
  | 'InvalidSecurityToken.Expired'
  | 'InvalidSecurityToken.Malformed'
  | 'InvalidSecurityToken.MismatchWithAccessKey'
  | 'MissingSecurityToken'
  | 'SignatureNonceUsed'
  | 'InvalidTimeStamp.Expired'
  | 'InvalidApi.NotFound'
  | 'MissingParameter'
  | 'InvalidParameter'
  | 'Throttling'
  | 'InternalError'
  | 'ServiceUnavailable'
  | 'Forbidden';

interface Entry {
  code: string;
  status: number;
}

// Gateway table (docs/alibaba-cloud-api.md §10): the default for every
// product. Entries without a documented status are GUESSes (noted inline).
const GATEWAY: Record<CommonError, Entry> = {
  'InvalidAccessKeyId.NotFound': { code: 'InvalidAccessKeyId.NotFound', status: 404 },
  'InvalidAccessKeyId.Inactive': { code: 'InvalidAccessKeyId.Inactive', status: 400 },
  SignatureDoesNotMatch: { code: 'SignatureDoesNotMatch', status: 400 },
  IncompleteSignature: { code: 'IncompleteSignature', status: 400 },
  'InvalidSecurityToken.Expired': { code: 'InvalidSecurityToken.Expired', status: 400 }, // GUESS status
  'InvalidSecurityToken.Malformed': { code: 'InvalidSecurityToken.Malformed', status: 400 }, // GUESS status
  'InvalidSecurityToken.MismatchWithAccessKey': {
    code: 'InvalidSecurityToken.MismatchWithAccessKey',
    status: 400,
  }, // GUESS
  MissingSecurityToken: { code: 'MissingSecurityToken', status: 400 }, // GUESS status
  SignatureNonceUsed: { code: 'SignatureNonceUsed', status: 400 },
  'InvalidTimeStamp.Expired': { code: 'InvalidTimeStamp.Expired', status: 400 },
  'InvalidApi.NotFound': { code: 'InvalidApi.NotFound', status: 404 },
  MissingParameter: { code: 'MissingParameter', status: 400 },
  InvalidParameter: { code: 'InvalidParameter', status: 400 },
  Throttling: { code: 'Throttling.User', status: 400 },
  InternalError: { code: 'InternalError', status: 500 },
  ServiceUnavailable: { code: 'ServiceUnavailable', status: 503 },
  // Missing RAM permission: per product below.
  Forbidden: { code: 'Forbidden.RAM', status: 403 },
};

const OVERRIDES: Partial<Record<ProductId, Partial<Record<CommonError, Entry>>>> = {
  // CS: the message pattern "RAM policy Forbidden for action cs:X" is confirmed (A2); the code
  // is not. StatusForbidden/403 is a GUESS.
  cs: { Forbidden: { code: 'StatusForbidden', status: 403 } },
  // KMS declares Forbidden.NoPermission with 400 on some APIs and 403 on others; 403 chosen (GUESS).
  kms: {
    Forbidden: { code: 'Forbidden.NoPermission', status: 403 },
    InternalError: { code: 'InternalFailure', status: 500 },
  },
  // RAM/STS declare NoPermission 403 (A3).
  ram: { Forbidden: { code: 'NoPermission', status: 403 } },
  sts: { Forbidden: { code: 'NoPermission', status: 403 } },
  actiontrail: { Forbidden: { code: 'NoPermission', status: 403 } }, // GUESS
  // ECS declares Throttling with 400 on most APIs and Forbidden.RAM with 403.
  ecs: { Throttling: { code: 'Throttling', status: 400 } },
  // VPC declares Forbidden.RAM with 400.
  vpc: { Forbidden: { code: 'Forbidden.RAM', status: 400 } },
};

export function commonError(
  product: ProductId,
  kind: CommonError,
  message: string,
  headers?: Record<string, string>,
): ApiError {
  const e = OVERRIDES[product]?.[kind] ?? GATEWAY[kind];
  return new ApiError(e.status, e.code, message, headers);
}

/** A RAM denial's message, per the ACK authorization FAQ (docs/alibaba-cloud-api.md §4.3). */
export function ramDeniedMessage(ramAction: string, viaSts: boolean): string {
  return `${viaSts ? 'STSToken' : 'RAM'} policy Forbidden for action ${ramAction}`;
}
