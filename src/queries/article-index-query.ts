import { queryOptions, useQuery } from '@tanstack/react-query'
import { fetchArticleIndex } from '../api/fetch-article-index'
import { apiKeys } from './keys'

export const articleIndexQuery = () =>
  queryOptions({
    queryKey: apiKeys.articleIndex(),
    queryFn: fetchArticleIndex,
    staleTime: Infinity,
  })

export const useArticleIndex = () => useQuery(articleIndexQuery())
