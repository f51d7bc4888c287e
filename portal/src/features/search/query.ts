import type { LocationQuery, LocationQueryRaw } from 'vue-router'

/** The search as the URL states it (`/search?q=&region=&type=&list=&grade=&category=&page=`); `page` counts from 1. */
export interface SearchState {
  q: string
  region?: string
  type?: string
  list?: string
  /** the public credit evaluation grade (A/B/C/D) */
  grade?: string
  category?: string
  page: number
}

export type FilterKey = 'region' | 'type' | 'list' | 'grade' | 'category'
export const FILTERS: FilterKey[] = ['region', 'type', 'list', 'grade', 'category']
/** facets shown only when the service answers them (the grade facet comes with search-service's evaluation) */
export const OPTIONAL_FACETS: FilterKey[] = ['grade']

/** The service's limits (search-service `SearchCriteria`). */
export const MAX_QUERY = 100
export const PAGE_SIZE = 20
export const MAX_WINDOW = 10_000
export const MAX_PAGE = Math.floor(MAX_WINDOW / PAGE_SIZE)

function first(v: LocationQuery[string] | undefined): string | undefined {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined
}

export function stateFromQuery(query: LocationQuery): SearchState {
  const page = Number(first(query.page) ?? '1')
  return {
    q: first(query.q) ?? '',
    region: first(query.region),
    type: first(query.type),
    list: first(query.list),
    grade: first(query.grade),
    category: first(query.category),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  }
}

export function queryFromState(s: SearchState): LocationQueryRaw {
  const out: LocationQueryRaw = {}
  if (s.q) out.q = s.q
  for (const k of FILTERS) if (s[k]) out[k] = s[k]
  if (s.page > 1) out.page = String(s.page)
  return out
}

export function hasFilter(s: SearchState): boolean {
  return FILTERS.some((k) => !!s[k])
}

/** As the service reads it: NFKC, trimmed, runs of whitespace as one space. */
export function normalizeQuery(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ')
}

// control, format, private-use and unassigned characters (zero-width joiner allowed), as the service refuses them
const CONTROL = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u

export type QueryProblem = 'SEARCH_QUERY_EMPTY' | 'SEARCH_QUERY_TOO_LONG' | 'SEARCH_QUERY_INVALID'

/** Checks the text before any request; `allowEmpty` when a filter alone makes the search. */
export function checkQuery(raw: string, allowEmpty: boolean): QueryProblem | undefined {
  if (CONTROL.test(raw.replace(/\u200d/g, ''))) return 'SEARCH_QUERY_INVALID'
  const text = normalizeQuery(raw)
  if (text.length > MAX_QUERY) return 'SEARCH_QUERY_TOO_LONG'
  if (!text && !allowEmpty) return 'SEARCH_QUERY_EMPTY'
  return undefined
}
