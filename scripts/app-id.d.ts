// Types for scripts/app-id.js.
export declare function readAppId(root?: string): string;
