import { api, ok } from '@/api/client'
import type { components } from '@/api/generated/record'

/*
 * The public credit evaluation (公共信用综合评价), typed from record-service's OpenAPI document. The portal renders
 * what is there and nothing while the whole object is absent; `changesOn`, `forcesGrade` and the lowest grade's
 * `minScore` come as null.
 */

export type Grade = 'A' | 'B' | 'C' | 'D'
export const GRADES: Grade[] = ['A', 'B', 'C', 'D']

export function isGrade(value: unknown): value is Grade {
  return typeof value === 'string' && (GRADES as string[]).includes(value)
}

type Schemas = components['schemas']

/** One rule that applied to the subject, with its total points and how many records made it. */
export type EvaluationReason = Omit<Schemas['Reason'], 'forcesGrade'> & { forcesGrade?: string | null }

/** A subject's grade with its reasons (record-service's summary `evaluation`, carried by the search profile). */
export type Evaluation = Omit<Schemas['Evaluation'], 'changesOn' | 'reasons'> & {
  /** the first future day on which time alone changes the grade; null = never */
  changesOn?: string | null
  reasons?: EvaluationReason[]
}

/** A grade's threshold; `minScore` null for the lowest grade (everything below the others). */
export type GradeThreshold = Omit<Schemas['Grade'], 'minScore'> & { minScore?: number | null }

export type EvaluationRule = Omit<Schemas['Rule'], 'forcesGrade'> & { forcesGrade?: string | null }

/** `GET /api/v1/catalog/evaluation-rules`: the published rules (catalog data). */
export type EvaluationRules = Omit<Schemas['EvaluationRules'], 'grades' | 'rules'> & {
  grades?: GradeThreshold[]
  rules?: EvaluationRule[]
}

export function getEvaluationRules(signal?: AbortSignal): Promise<EvaluationRules> {
  return ok(api.GET('/api/v1/catalog/evaluation-rules', { signal }))
}

/** "+5", "−20", "0" (a real minus sign). */
export function signedPoints(points: number | undefined): string {
  if (points === undefined || points === null) return ''
  if (points > 0) return `+${points}`
  if (points < 0) return `−${Math.abs(points)}`
  return '0'
}

/** A score as printed: "95", "−105" (a real minus sign, as the points). */
export function formatScore(score: number): string {
  return score < 0 ? `−${Math.abs(score)}` : String(score)
}
