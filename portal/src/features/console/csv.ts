import type { CatalogEntry } from '@/features/profile/catalog'
import type { BatchFormat } from './api'

/** The envelope columns of a batch CSV (record-service's BatchReader), in template order. */
export const ENVELOPE_COLUMNS = ['category', 'subjectIdentifier', 'subjectName', 'subjectType', 'documentNumber', 'decisionDate'] as const
export const REQUIRED_ENVELOPE = new Set<string>(['category', 'subjectIdentifier', 'subjectName', 'documentNumber', 'decisionDate'])

/** The request's content type for a chosen file, by its name (browsers give no type for .ndjson), or null if neither. */
export function batchFormat(file: File): BatchFormat | null {
  const name = file.name.toLowerCase()
  if (name.endsWith('.csv') || file.type === 'text/csv') return 'text/csv'
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl') || file.type === 'application/x-ndjson') return 'application/x-ndjson'
  return null
}

/**
 * Whether the start of the file is valid UTF-8 (a GBK/GB18030 export from Excel is not): checked here so the user
 * hears at once what to do; the platform checks the whole file again while it reads it.
 */
export async function looksUtf8(file: Blob, bytes = 4 * 1024 * 1024): Promise<boolean> {
  const head = await file.slice(0, bytes).arrayBuffer()
  try {
    // stream: a character cut at the end of the slice is not an error
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })
    return true
  } catch {
    return false
  }
}

export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** A CSV line (CRLF, as Excel writes). */
export function csvLine(cells: string[]): string {
  return cells.map(csvCell).join(',') + '\r\n'
}

/** The header of a batch CSV for a category: the envelope, then the category's field keys. */
export function templateColumns(entry: CatalogEntry): string[] {
  return [...ENVELOPE_COLUMNS, ...(entry.fields ?? []).map((f) => f.key ?? '').filter(Boolean)]
}

/**
 * A CSV template for the category: a UTF-8 BOM (so Excel opens it as UTF-8) and the header row; the platform reads
 * the column names, so they stay the API's keys.
 */
export function csvTemplate(entry: CatalogEntry): Blob {
  return new Blob(['\uFEFF' + csvLine(templateColumns(entry))], { type: 'text/csv;charset=utf-8' })
}

/** Hands a generated file to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
