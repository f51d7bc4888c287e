import { computed, shallowRef, type ComputedRef, type ShallowRef } from 'vue'
import { api, ok } from '@/api/client'
import type { components } from '@/api/generated/record'
import { i18n } from '@/i18n'

export type CatalogEntry = components['schemas']['CatalogEntry']
export type CatalogField = components['schemas']['FieldSpec']
export type CatalogScenario = components['schemas']['Scenario']
export type CatalogKind = NonNullable<CatalogEntry['kind']>

const entries = shallowRef<CatalogEntry[]>([])
const scenarios = shallowRef<CatalogScenario[]>([])
const error = shallowRef<unknown>(null)
const loaded = shallowRef(false)
let pending: Promise<void> | undefined

/**
 * Loads `GET /api/v1/catalog` once per page load (a failed load may be retried with `reload()`).
 * Never blocks a caller: the names fill in when the answer arrives.
 */
export function loadCatalog(): Promise<void> {
  if (!pending) {
    pending = ok(api.GET('/api/v1/catalog'))
      .then((answer) => {
        entries.value = answer?.entries ?? []
        scenarios.value = answer?.scenarios ?? []
        error.value = null
        loaded.value = true
      })
      .catch((e: unknown) => {
        error.value = e
        pending = undefined
      })
  }
  return pending
}

const byCode = computed(() => new Map(entries.value.map((e) => [e.code ?? '', e])))

function isEnglish(): boolean {
  return i18n.global.locale.value === 'en'
}

/** "licenceDocumentName" → "Licence document name" (English readers: the catalog labels are Chinese only). */
function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export interface Catalog {
  entries: ShallowRef<CatalogEntry[]>
  scenarios: ShallowRef<CatalogScenario[]>
  /** true once the catalog has been loaded */
  loaded: ShallowRef<boolean>
  /** the failure of the last load, if any */
  error: ShallowRef<unknown>
  /** the entries by code */
  byCode: ComputedRef<Map<string, CatalogEntry>>
  /** the category's name in the current locale (the code itself until the catalog is loaded or if unknown) */
  categoryName: (code: string | undefined | null) => string
  entry: (code: string | undefined | null) => CatalogEntry | undefined
  /** the label of a record field of that category (the national standard's zh label; humanised key in English) */
  fieldLabel: (category: string | undefined | null, key: string) => string
  /** the label of the decision document number of that category ("行政处罚决定书文号" …) */
  documentNumberLabel: (category: string | undefined | null) => string
  /** the label of the decision date of that category ("处罚决定日期" …) */
  decisionDateLabel: (category: string | undefined | null) => string
  scenarioName: (code: string | undefined | null) => string
  reload: () => Promise<void>
}

/**
 * The record catalog (公共信用信息目录), loaded once per page load and shared by every feature:
 * `const { categoryName, entry, fieldLabel } = useCatalog()`. The functions read reactive state, so templates
 * re-render when the catalog arrives or the locale changes.
 */
export function useCatalog(): Catalog {
  void loadCatalog()
  const entry = (code: string | undefined | null) => (code ? byCode.value.get(code) : undefined)
  return {
    entries,
    scenarios,
    loaded,
    error,
    byCode,
    entry,
    categoryName(code) {
      if (!code) return ''
      const e = entry(code)
      if (!e) return code
      return (isEnglish() ? e.nameEn : e.nameZh) ?? e.nameZh ?? code
    },
    fieldLabel(category, key) {
      if (isEnglish()) return humanise(key)
      const field = entry(category)?.fields?.find((f) => f.key === key)
      return field?.label ?? key
    },
    documentNumberLabel(category) {
      const label = isEnglish() ? undefined : entry(category)?.documentNumberLabel
      return label ?? i18n.global.t('profile.record.documentNumber')
    },
    decisionDateLabel(category) {
      const label = isEnglish() ? undefined : entry(category)?.decisionDateLabel
      return label ?? i18n.global.t('profile.record.decisionDate')
    },
    scenarioName(code) {
      if (!code) return ''
      const s = scenarios.value.find((x) => x.code === code)
      if (!s) return code
      return (isEnglish() ? s.nameEn : s.nameZh) ?? s.nameZh ?? code
    },
    reload() {
      pending = undefined
      return loadCatalog()
    },
  }
}
