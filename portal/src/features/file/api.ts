import { api, ok } from '@/api/client'
import type { components } from '@/api/generated/record'

export type RecordView = components['schemas']['RecordView']
export type RecordPage = components['schemas']['PageRecordView']
export type PublicReason = NonNullable<RecordView['publicReason']>

export const FILE_PAGE_SIZE = 20
/** the largest page record-service serves */
const MAX_PAGE = 100
/** a record looked up by id reads at most this many pages of the file (bounded requests) */
const MAX_LOOKUP_PAGES = 10

const known = new Map<string, RecordView>()

function remember(page: RecordPage): RecordPage {
  for (const r of page.items ?? []) if (r.id) known.set(r.id, r)
  return page
}

/**
 * The signed-in subject's own file, every record with its public state and reason: record-service's
 * `GET /api/v1/subjects/mine/records` (the code comes from the token, so no id number travels in a URL).
 * `page` counts from 1.
 */
export async function myRecords(page: number, size = FILE_PAGE_SIZE, category?: string, signal?: AbortSignal): Promise<RecordPage> {
  // `mine` fills the typed `{code}` segment: record-service maps `/subjects/mine/records` to the caller's own file
  const answer = await ok(
    api.GET('/api/v1/subjects/{code}/records', {
      params: { path: { code: 'mine' }, query: { page: page - 1, size, category: category || undefined } },
      signal,
    }),
  )
  return remember(answer)
}

/**
 * One of the caller's own records by id (there is no single-record read for subjects): from what this page load has
 * already seen, else by reading the file in pages of 100, at most 10 of them. Undefined when it is not the caller's.
 */
export async function findMyRecord(id: string, fresh = false): Promise<RecordView | undefined> {
  if (!fresh && known.has(id)) return known.get(id)
  for (let page = 1; page <= MAX_LOOKUP_PAGES; page++) {
    const answer = await myRecords(page, MAX_PAGE)
    const hit = answer.items?.find((r) => r.id === id)
    if (hit) return hit
    if ((answer.items?.length ?? 0) < MAX_PAGE) return undefined
  }
  return undefined
}
