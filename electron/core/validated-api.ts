// The core's API with every input validated against the contract's schemas, exactly as over
// IPC, for in-process callers such as the CLI. Failures are thrown back as GuardErrors.
import { GuardError, CALL_NAMES } from '../contract';
import type { CoreApi, CallName } from '../contract';
import { dispatch } from './dispatch';

export function validatedApi(
  api: CoreApi,
  reportUnexpected?: (call: string, error: unknown) => void,
): CoreApi {
  const wrapped: Partial<Record<CallName, (input: unknown) => Promise<unknown>>> = {};
  for (const name of CALL_NAMES) {
    wrapped[name] = async (input: unknown) => {
      const reply = await dispatch(api, name, input, reportUnexpected);
      if (!reply.ok)
        throw new GuardError(
          reply.error.code,
          reply.error.msg ?? reply.error.message,
          reply.error.details,
        );
      return reply.value;
    };
  }
  return wrapped as CoreApi;
}
