/**
 * Query keys, hierarchical under 'api' so one invalidation refreshes every file after the
 * pipeline runs again.
 */
export const apiKeys = {
  all: ['api'] as const,
  summary: () => [...apiKeys.all, 'summary'] as const,
  articleIndex: () => [...apiKeys.all, 'article-index'] as const,
  conflicts: () => [...apiKeys.all, 'conflicts'] as const,
  district: (id: string) => [...apiKeys.all, 'districts', id] as const,
  article: (id: string) => [...apiKeys.all, 'articles', id] as const,
}
