import { useI18n } from 'vue-i18n'
import { useCatalog } from '@/features/profile/catalog'
import type { FieldError } from '@/api/problem'
import type { BatchRow } from './api'

/**
 * Words for a batch row's problems: the field (the catalog's label for `fields.<key>`, the envelope's name otherwise)
 * and the code through the catalogue (`problems.<CODE>`, then `fields.<CODE>`); never the service's English message.
 */
export function useRowWords(category: () => string | undefined) {
  const { t, te } = useI18n()
  const { entries, fieldLabel } = useCatalog()

  function codeText(code: string | undefined): string {
    if (!code) return ''
    if (te(`problems.${code}`)) return t(`problems.${code}`)
    if (te(`fields.${code}`)) return t(`fields.${code}`)
    return t('console.batch.errorUnknown', { code })
  }

  function fieldName(field: string | undefined): string {
    if (!field) return ''
    if (field.startsWith('fields.')) {
      const key = field.slice(7)
      const chosen = category()
      const owner = chosen && entries.value.find((e) => e.code === chosen)?.fields?.some((f) => f.key === key)
        ? chosen
        : entries.value.find((e) => e.fields?.some((f) => f.key === key))?.code
      return owner ? fieldLabel(owner, key) : key
    }
    const k = `console.batch.fields.${field.replace(/\./g, '_')}`
    return te(k) ? t(k) : field
  }

  function errorText(e: FieldError): string {
    const name = fieldName(e.field)
    return name ? t('console.batch.errorLine', { field: name, problem: codeText(e.code) }) : codeText(e.code)
  }

  function rowErrors(r: BatchRow): string[] {
    const errors = (r.errors ?? []) as FieldError[]
    if (errors.length) return errors.map(errorText)
    return r.code ? [codeText(r.code)] : []
  }

  /** A refused CSV header in words: which required column is missing, which column has no usable name. */
  function headerProblems(errors: FieldError[]): string[] {
    return errors.map((e) => {
      if (e.code === 'CSV_COLUMN_MISSING') {
        const column = /^(\S+) is required/.exec(e.message ?? '')?.[1]
        if (column) return t('console.batch.headerMissing', { column })
      }
      if (e.code === 'CSV_COLUMN_UNKNOWN') {
        const n = /column (\d+)/.exec(e.message ?? '')?.[1]
        if (n) return t('console.batch.headerUnknown', { n })
      }
      return codeText(e.code)
    })
  }

  return { codeText, fieldName, errorText, rowErrors, headerProblems }
}
