// The one way to turn whatever was thrown into a sentence. Pure TypeScript, so the core, the
// shells and the renderer all use the same rule.

/** The message of an Error (an ApiError or a GuardError too), else the thrown value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
