import { i18n } from '@/i18n'

/** Department codes the platform knows (token claim `department`, record `department`). */
export const DEPARTMENTS = ['market', 'tax', 'court', 'emergency', 'finance', 'hr', 'customs', 'statistics', 'bank'] as const

/** The department's name in the current locale (`profile.departments.<code>`), the code itself when unknown. */
export function departmentName(code: string | undefined | null): string {
  if (!code) return ''
  const key = `profile.departments.${code}`
  return i18n.global.te(key) ? i18n.global.t(key) : code
}
