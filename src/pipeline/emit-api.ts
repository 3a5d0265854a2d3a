import { CatalogSchema, DatasetSchema, type Catalog, type Dataset } from './schema'

/** One file the app fetches: its path under the API folder and its bytes. */
export interface ApiFile {
  path: string
  contents: string
}

/**
 * The dataset as the static API files the app reads. Each is validated with the shared schema
 * before it is written, so the app never receives what it would reject.
 */
export function emitApi(dataset: Dataset, catalog: Catalog): Array<ApiFile> {
  return [
    { path: 'catalog.json', contents: toJson(CatalogSchema.parse(catalog)) },
    { path: 'dataset.json', contents: toJson(DatasetSchema.parse(dataset)) },
  ]
}

const toJson = (value: unknown) => `${JSON.stringify(value, null, 1)}\n`
