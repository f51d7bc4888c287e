import { api, ok } from '@/api/client'
import type { components as SearchSchemas } from '@/api/generated/search'
import type { components as RecordSchemas } from '@/api/generated/record'

/** The public profile; its `evaluation` (grade and reasons) is absent for a subject not evaluated (none shown then). */
export type Profile = SearchSchemas['schemas']['Profile']
export type ProfileEntry = SearchSchemas['schemas']['Entry']
export type PublicRecord = RecordSchemas['schemas']['PublicRecordView']
export type PublicRecordPage = RecordSchemas['schemas']['PagePublicRecordView']

export const RECORD_PAGE_SIZE = 10

/** The public profile (search-service): identity, list entries in force, latest penalties, disputed records. */
export function getProfile(code: string, signal?: AbortSignal): Promise<Profile> {
  return ok(api.GET('/api/v1/public/subjects/{code}', { params: { path: { code } }, signal }))
}

/** The public records (record-service), newest first, paged; `page` counts from 1. */
export function getRecords(code: string, category: string | undefined, page: number, signal?: AbortSignal): Promise<PublicRecordPage> {
  return ok(
    api.GET('/api/v1/public/subjects/{code}/records', {
      params: { path: { code }, query: { category, page: page - 1, size: RECORD_PAGE_SIZE } },
      signal,
    }),
  )
}
