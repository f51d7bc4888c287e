import { api, ok } from '@/api/client'
import { ApiProblem } from '@/api/problem'
import type { components } from '@/api/generated/record'

export type CheckResult = components['schemas']['CheckResult']
export type SubjectResult = components['schemas']['SubjectResult']
export type CheckEntry = components['schemas']['CheckEntry']
export type AppliedMeasure = components['schemas']['AppliedMeasure']
export type Scenario = components['schemas']['Scenario']

export interface CategoryName {
  nameZh: string
  nameEn: string
}

/** What the check page needs of the catalog: the scenarios and the categories' names (zh and en). */
export interface CheckCatalog {
  scenarios: Scenario[]
  categories: Map<string, CategoryName>
}

export async function loadCheckCatalog(): Promise<CheckCatalog> {
  const catalog = await ok(api.GET('/api/v1/catalog'))
  const categories = new Map<string, CategoryName>()
  for (const e of catalog?.entries ?? []) {
    if (e.code) categories.set(e.code, { nameZh: e.nameZh ?? e.code, nameEn: e.nameEn ?? e.nameZh ?? e.code })
  }
  return { scenarios: catalog?.scenarios ?? [], categories }
}

/** `POST /api/v1/checks`: ≤ 1000 subjects (USCC or id numbers), a scenario and the purpose; the check is recorded. */
export function runCheck(scenario: string, subjects: string[], purpose: string): Promise<CheckResult> {
  return ok(api.POST('/api/v1/checks', { body: { scenario, subjects, purpose } }))
}

/**
 * Fallback only: the check's answer carries each registered organisation's `name`; for a row without one (a code the
 * registry does not know, or a check made while the registry could not answer) the name is asked from the subject
 * registry (`GET /api/v1/subjects/{code}`, public view), for the rows on screen only, each code once per page load.
 * `null` = not registered / not found; a failed call is not cached, so a later call tries again.
 */
const names = new Map<string, Promise<string | null>>()

export function subjectName(code: string): Promise<string | null> {
  let p = names.get(code)
  if (!p) {
    p = ok(api.GET('/api/v1/subjects/{key}', { params: { path: { key: code } } }))
      .then((view) => view?.name ?? null)
      .catch((e: unknown) => {
        if (e instanceof ApiProblem && e.status === 404) return null
        names.delete(code)
        throw e
      })
    names.set(code, p)
  }
  return p
}

/** Runs `task` over `items`, at most `parallel` at once; reports each result (or failure) as it arrives. */
export async function eachLimited<T>(items: T[], parallel: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T
      await task(item)
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker))
}
