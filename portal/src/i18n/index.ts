import { createI18n } from 'vue-i18n'
import { common } from './common'
import { featureMessages } from './features'

export type Locale = 'zh-CN' | 'en'
const STORAGE_KEY = 'portal.locale'

import type { Tree } from "./types"

function merge(target: Tree, source: Tree): Tree {
  for (const [k, v] of Object.entries(source)) {
    const existing = target[k]
    target[k] = typeof v === 'object' && typeof existing === 'object' ? merge({ ...existing }, v) : v
  }
  return target
}

function catalogue(locale: 'zh' | 'en'): Tree {
  let tree: Tree = merge({}, common[locale])
  for (const feature of featureMessages) tree = merge(tree, feature[locale])
  return tree
}

function initialLocale(): Locale {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null
  return saved === 'en' ? 'en' : 'zh-CN'
}

/** zh-CN first, English switchable; every text of the portal comes from these catalogues. */
export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': catalogue('zh'), en: catalogue('en') },
  missingWarn: false,
  fallbackWarn: false,
})

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  localStorage.setItem(STORAGE_KEY, locale)
  document.documentElement.lang = locale
}
