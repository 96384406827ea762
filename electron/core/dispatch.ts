// The one door into the core for every transport (Electron IPC, the browser test harness).
// It checks the call name, validates the payload against the contract's schema, calls the
// core, and turns every outcome into an envelope. Nothing thrown escapes; unexpected errors are
// reported generically so that no internal detail (or secret) reaches the window.
import type { z } from 'zod';
import { GuardError, fail, isCallName, message, ok } from '../contract';
import type { CoreApi, Envelope, CallName } from '../contract';
import { inputSchemas } from '../contract/schemas';

export type UnexpectedErrorReporter = (call: string, error: unknown) => void;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

export async function dispatch(
  api: CoreApi,
  name: unknown,
  payload: unknown,
  reportUnexpected: UnexpectedErrorReporter = () => undefined,
): Promise<Envelope<unknown>> {
  if (!isCallName(name)) {
    return fail({ code: 'unknown-call', message: `Unknown call: ${String(name)}` });
  }
  const schema = inputSchemas[name];
  let data: unknown;
  try {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      // Inside the try too: zod builds the issue messages lazily when `.error` is read, and
      // that looks at the input again (a hostile proxy or getter throws right there).
      return fail(
        new GuardError(
          'validation',
          message('error.input.invalid', { call: name, issues: describeIssues(parsed.error) }),
        ).toContract(),
      );
    }
    data = parsed.data;
  } catch {
    // A hostile payload (getters that throw, cyclic proxies) is still only a validation error.
    return fail(
      new GuardError('validation', message('error.input.unreadable', { call: name })).toContract(),
    );
  }
  try {
    const handler = api[name] as (input: unknown) => Promise<unknown>;
    return ok(await handler(data));
  } catch (error) {
    if (error instanceof GuardError) return fail(error.toContract());
    reportUnexpected(name as CallName, error);
    return fail(new GuardError('internal', message('error.internal', { call: name })).toContract());
  }
}
