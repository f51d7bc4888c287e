import { api, ok } from '@/api/client'
import { getJson } from '@/api/http'
import type { components } from '@/api/generated/record'

export type DepartmentStats = components['schemas']['Stats']
export type DepartmentMonth = components['schemas']['DepartmentMonth']

/** `GET /api/v1/stats/departments?month=`: pushes, rejected rows and 双公示 timeliness per department (officers: their own). */
export function departmentStats(month: string): Promise<DepartmentStats> {
  return ok(api.GET('/api/v1/stats/departments', { params: { query: { month } } }))
}

export type CaseKind = 'OBJECTION' | 'REPAIR'

/** One month of one kind of case (objection-service `stats.CaseStatistics.MonthKind`). */
export interface CaseMonth {
  month: string
  kind: CaseKind
  /** filed in the month */
  filed: number
  /** closed in the month: not accepted, concluded, approved or denied */
  concluded: number
  concludedOnTime: number
  concludedLate: number
  /** a deadline fell in a year without calendar data */
  timelinessUnknown: number
  /** filed in the month, still open and past their deadline today */
  overdueOpen: number
}

export interface CaseStats {
  from: string
  to: string
  /** all (admin), region (reviewer) or department (officer) */
  scope: 'all' | 'region' | 'department'
  scopeValue: string | null
  asOf: string
  months: CaseMonth[]
}

/** `GET /api/v1/cases/stats?from=&to=` (admins all, reviewers their region, officers their department). */
export function caseStats(from: string, to: string): Promise<CaseStats> {
  return getJson<CaseStats>('/api/v1/cases/stats', { from, to })
}

/** The last `n` months up to this one in Asia/Shanghai, oldest first, as yyyy-MM. */
export function lastMonths(n: number, now = new Date()): string[] {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .format(now)
    .split('-')
    .map(Number) as [number, number]
  const out: string[] = []
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(y, m - 1 - i, 1))
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`)
  }
  return out
}
