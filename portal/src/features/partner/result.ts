import type { CategoryName, CheckEntry, SubjectResult } from './api'
import { checkCode, maskPerson } from './codes'

/** A measure that applies to a subject, once per measure code, with the categories it is based on. */
export interface MeasureRow {
  code: string
  nameZh: string
  nameEn: string
  /** based on a red-list entry (激励), else a punishment (惩戒) */
  reward: boolean
  categories: string[]
}

/** One subject of a check, ready to show: never an unmasked id number. */
export interface ResultRow {
  index: number
  /** the code as shown: a credit code, or a person's masked number */
  code: string
  person: boolean
  /** the organisation's registered name from the check's answer; null for persons and when the answer has none */
  name: string | null
  checked: boolean
  /** false when the registry answered that no subject has this code (not a clean subject) */
  registered: boolean
  black: CheckEntry[]
  red: CheckEntry[]
  measures: MeasureRow[]
  hit: boolean
}

/** The platform answers a person's number masked (450202********1237); an unmasked one would be masked here too. */
function isPerson(code: string): boolean {
  return code.includes('*') || checkCode(code).kind === 'ID_NUMBER'
}

export function toRows(results: SubjectResult[]): ResultRow[] {
  return results.map((r, i) => {
    const raw = r.subject ?? ''
    const person = isPerson(raw)
    // the abnormal operations list is a list of its own in the API; this page shows it beside the black lists
    const black = [...(r.blackList ?? []), ...(r.abnormalList ?? [])]
    const red = r.redList ?? []
    const redIds = new Set(red.map((e) => e.recordId))
    const byCode = new Map<string, MeasureRow>()
    for (const m of r.measures ?? []) {
      const key = m.code ?? m.nameZh ?? ''
      let row = byCode.get(key)
      if (!row) {
        row = { code: key, nameZh: m.nameZh ?? key, nameEn: m.nameEn ?? m.nameZh ?? key, reward: redIds.has(m.recordId), categories: [] }
        byCode.set(key, row)
      }
      if (m.category && !row.categories.includes(m.category)) row.categories.push(m.category)
    }
    const measures = [...byCode.values()].sort((a, b) => Number(a.reward) - Number(b.reward))
    return {
      index: i + 1,
      code: person ? maskPerson(raw) : raw,
      person,
      name: !person && r.name?.trim() ? r.name.trim() : null,
      checked: r.status !== 'UNKNOWN',
      registered: r.status !== 'NOT_REGISTERED',
      black,
      red,
      measures,
      hit: black.length > 0 || red.length > 0 || measures.length > 0,
    }
  })
}

export function categoryLabel(categories: Map<string, CategoryName>, code: string | undefined, english: boolean, fallback?: string): string {
  const c = code ? categories.get(code) : undefined
  if (!c) return fallback ?? code ?? ''
  return english ? c.nameEn : c.nameZh
}
