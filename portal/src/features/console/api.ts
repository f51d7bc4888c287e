import { api, ok } from '@/api/client'
import { download, upload } from '@/api/http'
import type { components as ObjectionSchemas } from '@/api/generated/objection'
import type { components as RecordSchemas } from '@/api/generated/record'

type O = ObjectionSchemas['schemas']
type R = RecordSchemas['schemas']

export const QUEUES = ['new', 'due-soon', 'overdue', 'open'] as const
export type Queue = (typeof QUEUES)[number]

/**
 * The record as a case refers to it. `subjectId` (objection-service, added for the consoles) lets staff read the
 * record itself through record-service, also when the subject is a person whose code is shown masked.
 */
export type CaseRecord = O['RecordSummary'] & { subjectId?: string }
export type CaseView = Omit<O['CaseView'], 'record'> & { record?: CaseRecord }
export type CaseState = NonNullable<O['CaseView']['state']>
export type CaseKind = NonNullable<O['CaseView']['kind']>
export type Outcome = O['DecideRequest']['outcome']
export type Attachment = O['Info']
export type TimelineEntry = O['TimelineEntry']
export type QueuePage = Omit<O['QueuePage'], 'items'> & { items?: CaseView[] }

/** A record with everything staff may see (state, publicity and its reason, fields). */
export type StaffRecord = R['RecordView']

/** One row of a batch report; `documentNumber` is the row's number as sent (record-service, added for the console). */
export type BatchRow = R['RowResult'] & { documentNumber?: string }
export type BatchReport = Omit<R['BatchReport'], 'rows'> & { rows?: BatchRow[] }
export type BatchFormat = 'text/csv' | 'application/x-ndjson'

export const OUTCOMES: Record<CaseKind, Outcome[]> = {
  OBJECTION: ['CORRECTED', 'DELETED', 'UPHELD'],
  REPAIR: ['APPROVED', 'DENIED'],
}

export const QUEUE_PAGE_SIZE = 20

export function getQueue(queue: Queue, page: number, signal?: AbortSignal): Promise<QueuePage> {
  return ok(api.GET('/api/v1/cases', { params: { query: { queue, page, size: QUEUE_PAGE_SIZE } }, signal })) as Promise<QueuePage>
}

export function getCase(id: string, signal?: AbortSignal): Promise<CaseView> {
  return ok(api.GET('/api/v1/cases/{id}', { params: { path: { id } }, signal })) as Promise<CaseView>
}

export function acceptCase(id: string, note: string): Promise<CaseView> {
  return ok(api.POST('/api/v1/cases/{id}:accept', { params: { path: { id } }, body: { note: note || undefined } })) as Promise<CaseView>
}

export function refuseCase(id: string, reason: string): Promise<CaseView> {
  return ok(api.POST('/api/v1/cases/{id}:refuse', { params: { path: { id } }, body: { reason } })) as Promise<CaseView>
}

export function assignCase(id: string, note: string): Promise<CaseView> {
  return ok(api.POST('/api/v1/cases/{id}:assign', { params: { path: { id } }, body: { note: note || undefined } })) as Promise<CaseView>
}

export function decideCase(id: string, outcome: Outcome, reason: string): Promise<CaseView> {
  return ok(api.POST('/api/v1/cases/{id}:decide', { params: { path: { id } }, body: { outcome, reason } })) as Promise<CaseView>
}

export function proposeCase(id: string, outcome: Outcome, reason: string, fields?: Record<string, string | null>): Promise<CaseView> {
  return ok(
    api.POST('/api/v1/cases/{id}:propose', { params: { path: { id } }, body: { outcome, reason, fields } }),
  ) as Promise<CaseView>
}

export function downloadAttachment(caseId: string, attachment: Attachment): Promise<void> {
  return download(`/api/v1/cases/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(attachment.id ?? '')}`,
    attachment.fileName ?? 'attachment')
}

/**
 * The record of a case as record-service shows it to this caller (reviewers: all of the subject's records; a
 * department: its own), found among the subject's records of that category. `undefined` when it is not there.
 */
export async function findRecord(ref: CaseRecord, signal?: AbortSignal): Promise<StaffRecord | undefined> {
  const code = ref.subjectId ?? (ref.subjectCode && !ref.subjectCode.includes('*') ? ref.subjectCode : undefined)
  if (!code || !ref.id) return undefined
  const size = 100
  for (let page = 0; page < 50; page++) {
    const answer = await ok(
      api.GET('/api/v1/subjects/{code}/records', {
        params: { path: { code }, query: { category: ref.category, page, size } },
        signal,
      }),
    )
    const found = answer?.items?.find((r) => r.id === ref.id)
    if (found) return found
    if (!answer?.items?.length || (page + 1) * size >= (answer.total ?? 0)) return undefined
  }
  return undefined
}

/** Sends a CSV or NDJSON file as the request body, streamed by the platform; resolves with the per-row report. */
export function uploadBatch(file: Blob, format: BatchFormat, onProgress: (fraction: number) => void): Promise<BatchReport> {
  return upload<BatchReport>('POST', '/api/v1/records:batch', file, { headers: { 'Content-Type': format }, onProgress })
}
