import { api, ok } from '@/api/client'
import type { components } from '@/api/generated/search'
import { PAGE_SIZE, type SearchState } from './query'

export type SearchPage = components['schemas']['SearchPage']
export type SearchItem = components['schemas']['SearchItem']
export type FacetValue = components['schemas']['FacetValue']
export type Suggestion = components['schemas']['Suggestion']

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
          grade: s.grade,
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

/** What the search box may complete `q` to (`GET /api/v1/search/suggest`): names, short names, pinyin, initials. */
export async function suggest(q: string, signal?: AbortSignal): Promise<Suggestion[]> {
  const page = await ok(api.GET('/api/v1/search/suggest', { params: { query: { q, size: 8 } }, signal }))
  return page.items ?? []
}

/** The portal path of a suggestion's public profile. */
export function suggestionPath(s: Suggestion): string | undefined {
  const id = s.profile?.split('/').pop() ?? s.code
  return id ? `/subjects/${encodeURIComponent(id)}` : undefined
}
