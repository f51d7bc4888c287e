import { api, ok } from '@/api/client'
import { apiFetch, upload } from '@/api/http'
import type { components } from '@/api/generated/report'

export type ReportRequest = components['schemas']['ReportRequest']
export type IssuedReport = components['schemas']['PublicReportView']
export type Verification = components['schemas']['Result']
export type Edition = 'public' | 'full'

/** What verification can answer (report-service `registry`): issued and in force, revoked, altered, not ours. */
export type VerificationStatus = 'VALID' | 'REVOKED' | 'ALTERED' | 'UNKNOWN'

/** A report the platform made: the signed PDF, its number and its SHA-256 as registered. */
export interface MadeReport {
  number: string
  sha256?: string
  edition: Edition
  pdf: Blob
  fileName: string
}

/** Report numbers as report-service makes them: CR + day + '-' + 12 Crockford base-32 characters. */
export const REPORT_NUMBER = /^CR\d{8}-[0-9A-HJKMNP-TV-Z]{12}$/

/** Upper case, without spaces (a number copied from a printout); not validated here. */
export function normalizeNumber(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
}

/**
 * `POST /api/v1/reports`: makes, signs and registers a report (≈1 s). Anonymous for the public edition; the full
 * edition with the signed-in user's token (the subject itself, or staff per their rights). Refusals are problems.
 */
export async function makeReport(subject: string, edition: Edition, signal?: AbortSignal): Promise<MadeReport> {
  const body: ReportRequest = { subject, edition }
  const response = await apiFetch('/api/v1/reports', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/pdf, application/problem+json' },
    body: JSON.stringify(body),
    signal,
  })
  const number = response.headers.get('X-Report-Number') ?? ''
  const pdf = await response.blob()
  return {
    number,
    sha256: response.headers.get('X-Report-SHA256') ?? undefined,
    edition,
    pdf: pdf.type === 'application/pdf' ? pdf : new Blob([pdf], { type: 'application/pdf' }),
    fileName: `credit-report-${number || 'unnumbered'}.pdf`,
  }
}

/** `GET /api/v1/public/reports/{number}`: the register entry (anyone); unknown numbers are 404 REPORT_NOT_FOUND. */
export function lookupReport(number: string, signal?: AbortSignal): Promise<IssuedReport> {
  return ok(api.GET('/api/v1/public/reports/{number}', { params: { path: { number } }, signal }))
}

/** `POST /api/v1/public/reports:verify` with the PDF as the multipart part `file` (≤ 20 MB), with upload progress. */
export function verifyReport(file: File, onProgress?: (fraction: number) => void): Promise<Verification> {
  const form = new FormData()
  form.append('file', file, file.name)
  return upload<Verification>('POST', '/api/v1/public/reports:verify', form, { onProgress })
}

/** The largest file report-service takes for verification (`platform.reports.max-upload`). */
export const MAX_VERIFY_BYTES = 20 * 1024 * 1024
