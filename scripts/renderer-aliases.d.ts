// Types for scripts/renderer-aliases.js.
export declare function rendererAliases(root?: string): Record<string, string>;
export declare function rendererViteAliases(root?: string): Record<string, string>;
