import { i18n } from '@/i18n'
import { ApiProblem } from './problem'

/**
 * The one place where a failure becomes words: the problem's `code` through the catalogue (`problems.<CODE>`),
 * plus "retry in N s" when the platform sent Retry-After. An unknown code falls back to a generic text by status;
 * the raw English `detail` is shown only to English readers.
 */
export function problemMessage(error: unknown): string {
  const { t, te, locale } = i18n.global
  const problem = error instanceof ApiProblem ? error : ApiProblem.network()
  let text: string
  if (te(`problems.${problem.code}`)) text = t(`problems.${problem.code}`)
  else if (locale.value === 'en' && problem.detail) text = problem.detail
  else if (problem.status >= 500) text = t('problems.SERVICE_UNAVAILABLE')
  else text = t('problems.generic', { status: problem.status })
  if (problem.retryAfter !== undefined) text += ' ' + t('problems.retryAfter', { seconds: problem.retryAfter })
  return text
}

/** Field errors of a VALIDATION_FAILED problem, by field name, in words. */
export function fieldMessages(error: unknown): Record<string, string> {
  const { t, te, locale } = i18n.global
  if (!(error instanceof ApiProblem)) return {}
  const out: Record<string, string> = {}
  for (const e of error.errors) {
    out[e.field] = te(`problems.${e.code}`)
      ? t(`problems.${e.code}`)
      : te(`fields.${e.code}`)
        ? t(`fields.${e.code}`)
        : locale.value === 'en' && e.message
          ? e.message
          : t('problems.VALIDATION_FAILED')
  }
  return out
}
