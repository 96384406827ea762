// Types for scripts/security/bundle-checks.js.
export declare const REQUIRED_WEB_PREFERENCES: Readonly<Record<string, boolean>>;
export declare function checkBundle(
  source: string,
  fileName: string,
  options?: { isMain?: boolean; isPreload?: boolean },
): string[];
export declare function checkRendererHtml(html: string, fileName: string): string[];
export declare const PERMISSION_GRANTED_TO_OUR_PAGE: string;
