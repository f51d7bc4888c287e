import { api, ok } from '@/api/client'
import { download, sendJson, upload } from '@/api/http'
import type { components } from '@/api/generated/objection'

type Schemas = components['schemas']

/** The next deadline; `period`/`periodUnit` (the rule, e.g. 2 WORKING_DAYS) were added after the types were generated. */
export type Deadline = Schemas['DeadlineView'] & { period?: number | null; periodUnit?: 'WORKING_DAYS' | 'DAYS' | null }
export type CaseView = Omit<Schemas['CaseView'], 'nextDeadline' | 'record'> & {
  nextDeadline?: Deadline | null
  record?: Schemas['RecordSummary'] & { subjectId?: string }
}
export type CaseKind = NonNullable<CaseView['kind']>
export type CaseState = NonNullable<CaseView['state']>
export type Outcome = NonNullable<Schemas['DecisionView']['outcome']>
export type TimelineEntry = Schemas['TimelineEntry']
export type Attachment = Schemas['Info']
export type Purpose = NonNullable<Attachment['purpose']>

export const CASES_PAGE_SIZE = 10

export interface CasesPage {
  items: CaseView[]
  total: number
}

/** The signed-in applicant's cases, newest first (`X-Total-Count`); `page` counts from 1. */
export async function myCases(page: number, size = CASES_PAGE_SIZE): Promise<CasesPage> {
  const { data, response } = await api.GET('/api/v1/cases/mine', { params: { query: { page: page - 1, size } } })
  const items = (data ?? []) as CaseView[]
  const total = Number(response.headers.get('X-Total-Count') ?? items.length)
  return { items, total: Number.isFinite(total) ? total : items.length }
}

/** One case (applicant, the region's reviewers, the supplying department; anyone else 404). */
export function getCase(id: string): Promise<CaseView> {
  return ok(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })) as Promise<CaseView>
}

/** The states in which the applicant may still withdraw (撤回) the case: every state before the decision. */
export const WITHDRAWABLE_STATES: readonly string[] = ['SUBMITTED', 'ACCEPTED', 'VERIFYING', 'REVIEWED']

/** The applicant withdraws an undecided case, with an optional reason (409 CASE_ALREADY_CLOSED once decided). */
export function withdrawCase(id: string, reason?: string): Promise<CaseView> {
  return sendJson<CaseView>('POST', `/api/v1/cases/${encodeURIComponent(id)}:withdraw`, reason?.trim() ? { reason: reason.trim() } : {})
}

/** A multipart body part holding the filing's JSON, as the service reads part `case`. */
export function jsonPart(value: unknown): Blob {
  return new Blob([JSON.stringify(value)], { type: 'application/json' })
}

/**
 * Files an objection with its evidence: multipart `case` = `{recordId, reason}` + `files`, with the Idempotency-Key
 * the caller keeps for retries of the same submission.
 */
export function fileObjection(
  recordId: string,
  reason: string,
  files: File[],
  key: string,
  onProgress: (fraction: number) => void,
): Promise<CaseView> {
  const body = new FormData()
  body.append('case', jsonPart({ recordId, reason }))
  for (const f of files) body.append('files', f, f.name)
  return upload<CaseView>('POST', '/api/v1/objections', body, { headers: { 'Idempotency-Key': key }, onProgress })
}

/** Adds files to a case while it is SUBMITTED (the applicant only). */
export function addAttachments(id: string, files: File[], purpose: Purpose, onProgress: (fraction: number) => void): Promise<CaseView> {
  const body = new FormData()
  for (const f of files) body.append('files', f, f.name)
  return upload<CaseView>('POST', `/api/v1/cases/${encodeURIComponent(id)}/attachments?purpose=${purpose}`, body, { onProgress })
}

export function downloadAttachment(caseId: string, attachment: Attachment): Promise<void> {
  return download(
    `/api/v1/cases/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(attachment.id ?? '')}`,
    attachment.fileName ?? 'attachment',
  )
}
