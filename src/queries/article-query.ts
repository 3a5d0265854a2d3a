import { queryOptions, useQuery } from '@tanstack/react-query'
import { fetchArticle } from '../api/fetch-article'
import { apiKeys } from './keys'

export const articleQuery = (id: string) =>
  queryOptions({
    queryKey: apiKeys.article(id),
    queryFn: () => fetchArticle(id),
    staleTime: Infinity,
  })

export const useArticle = (id: string) => useQuery(articleQuery(id))
