/** electron-builder.yml's appId, put in at build time (scripts/app-id.js). */
declare const __APP_ID__: string;
