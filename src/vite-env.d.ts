/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where the static API files are served from; `/api` when unset. */
  readonly VITE_API_BASE?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
