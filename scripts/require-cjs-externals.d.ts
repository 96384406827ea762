// Types for scripts/require-cjs-externals.js.
import type { Plugin } from 'vite';

export declare function isCommonJsPackage(id: string, root?: string): boolean;
export declare function rewriteCommonJsImports(
  code: string,
  isCommonJs: (id: string) => boolean,
): string | null;
export declare function requireCommonJsExternals(options: {
  external: (id: string) => boolean;
  root?: string;
  dual?: string[];
}): Plugin;
