import type { Messages } from '@/i18n/types'

export const messages: Messages = {
  zh: { profile: {} },
  en: { profile: {} },
}
