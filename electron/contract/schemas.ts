// Runtime schemas for every operation's input. The transports validate with these before the
// core sees anything, so a malformed payload never reaches behaviour.
import { z } from 'zod';
import type { OperationName } from './channels';

/** Inputs are plain objects; an operation with nothing to say takes `{}` (or nothing). */
const noInput = z
  .strictObject({})
  .optional()
  .transform(() => ({}));

export const inputSchemas = {
  'app.info': noInput,
} satisfies { [N in OperationName]: z.ZodType };
