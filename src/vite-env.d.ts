/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the static API files are served from; `/api` when unset. */
  readonly VITE_API_BASE?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}

/** The build's date, "2026-11-20" (see vite.config.ts). */
declare const __BUILD_DATE__: string
