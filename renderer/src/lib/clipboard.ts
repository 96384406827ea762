// The one way the window copies text (request ids). The main process grants our page the
// clipboard-sanitized-write permission (electron/main/hardening.ts); if copying still fails (no
// clipboard API, the permission refused, the window not focused), the caller says so on screen.

/** True when the clipboard took the text; false, never a throw, when it did not. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
