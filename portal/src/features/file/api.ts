import { api, ok } from '@/api/client'
import { ApiProblem } from '@/api/problem'
import type { components } from '@/api/generated/record'

export type RecordView = components['schemas']['RecordView']
export type RecordPage = components['schemas']['PageRecordView']
export type PublicReason = NonNullable<RecordView['publicReason']>

export const FILE_PAGE_SIZE = 20

/**
 * The signed-in subject's own file, every record with its public state and reason: record-service's
 * `GET /api/v1/subjects/mine/records` (the code comes from the token, so no id number travels in a URL).
 * `page` counts from 1.
 */
export async function myRecords(page: number, size = FILE_PAGE_SIZE, category?: string, signal?: AbortSignal): Promise<RecordPage> {
  return ok(
    api.GET('/api/v1/subjects/mine/records', {
      params: { query: { page: page - 1, size, category: category || undefined } },
      signal,
    }),
  )
}

/**
 * One of the caller's own records by id, in the shape of an item of {@link myRecords}: record-service's
 * `GET /api/v1/subjects/mine/records/{recordId}`. Undefined when it is not the caller's (or unknown): that answer is a 404.
 */
export async function findMyRecord(id: string, signal?: AbortSignal): Promise<RecordView | undefined> {
  try {
    return await ok(api.GET('/api/v1/subjects/mine/records/{recordId}', { params: { path: { recordId: id } }, signal }))
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 404) return undefined
    throw e
  }
}

/** The signed-in user's own subject id (subject-service `GET /api/v1/subjects/mine`): a citizen's report asks by it. */
export async function mySubjectId(signal?: AbortSignal): Promise<string | undefined> {
  const mine = await ok(api.GET('/api/v1/subjects/mine', { signal }))
  return mine?.id ?? undefined
}
