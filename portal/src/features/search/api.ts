import { api, ok } from '@/api/client'
import type { components } from '@/api/generated/search'
import { PAGE_SIZE, type SearchState } from './query'

export type SearchPage = components['schemas']['SearchPage']
export type SearchItem = components['schemas']['SearchItem']
export type FacetValue = components['schemas']['FacetValue']

/** One request: `GET /api/v1/search` with the URL's state (page in the URL counts from 1, the API's from 0). */
export function search(s: SearchState, signal?: AbortSignal): Promise<SearchPage> {
  return ok(
    api.GET('/api/v1/search', {
      params: {
        query: {
          q: s.q || undefined,
          region: s.region,
          type: s.type,
          list: s.list,
          category: s.category,
          page: s.page - 1,
          size: PAGE_SIZE,
        },
      },
      signal,
    }),
  )
}

/** The portal path of an item's public profile: the last segment of its `profile` link (USCC or a person's id). */
export function profilePath(item: SearchItem): string | undefined {
  const id = item.profile?.split('/').pop() ?? item.code
  return id ? `/subjects/${encodeURIComponent(id)}` : undefined
}
