import { api, ok } from '@/api/client'
import { upload } from '@/api/http'
import type { components } from '@/api/generated/objection'
import { jsonPart, type CaseView } from '@/features/cases/api'

type Schemas = components['schemas']
export type Eligibility = Schemas['EligibilityView']
export type Check = Schemas['Check']
export type Condition = NonNullable<Check['condition']>
export type Template = Schemas['Filled']
export type Templates = Schemas['TemplatesView']
export type TemplateAcceptance = Schemas['TemplateAcceptance']
export type RepairRequest = Schemas['RepairRequest']

/** Each repair condition with met / not met (null: declared when filing), the minimum period and the first eligible day. */
export function getEligibility(recordId: string, signal?: AbortSignal): Promise<Eligibility> {
  return ok(api.GET('/api/v1/repairs/eligibility', { params: { query: { record: recordId } }, signal }))
}

/** 信用修复申请书 and 守信承诺书, filled in from the record, in their current version. */
export function getTemplates(recordId: string, signal?: AbortSignal): Promise<Templates> {
  return ok(api.GET('/api/v1/repairs/templates', { params: { query: { record: recordId } }, signal }))
}

/** Files a repair: multipart `case` (JSON) + `proof` (at least one) + `files`, with the kept Idempotency-Key. */
export function fileRepair(
  request: RepairRequest,
  proof: File[],
  files: File[],
  key: string,
  onProgress: (fraction: number) => void,
): Promise<CaseView> {
  const body = new FormData()
  body.append('case', jsonPart(request))
  for (const f of proof) body.append('proof', f, f.name)
  for (const f of files) body.append('files', f, f.name)
  return upload<CaseView>('POST', '/api/v1/repairs', body, { headers: { 'Idempotency-Key': key }, onProgress })
}

/** The eligibility a REPAIR_NOT_ELIGIBLE problem carries (`conditions`, `eligibleFrom`). */
export function eligibilityOfProblem(body: Record<string, unknown>, recordId: string): Eligibility | undefined {
  if (!Array.isArray(body.conditions)) return undefined
  return {
    recordId,
    eligible: false,
    eligibleFrom: typeof body.eligibleFrom === 'string' ? body.eligibleFrom : undefined,
    conditions: body.conditions as Check[],
  }
}
