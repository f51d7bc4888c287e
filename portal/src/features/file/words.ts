import { i18n } from '@/i18n'
import type { RecordView } from './api'

const { t, te } = i18n.global

/** A record's lifecycle state in words (异议中 for DISPUTED). */
export function recordStateName(state: string | undefined | null): string {
  if (!state) return ''
  return te(`file.state.${state}`) ? t(`file.state.${state}`) : state
}

/** Why a record is public or not, as a sentence with its dates. */
export function publicReasonText(r: Pick<RecordView, 'publicReason' | 'publicFrom' | 'publicUntil'>): string {
  const reason = r.publicReason
  if (!reason) return ''
  if (reason === 'PUBLIC' || reason === 'EXPIRED') {
    return r.publicUntil ? t(`file.reason.${reason}`, { until: r.publicUntil }) : t(`file.reason.${reason}_open`)
  }
  if (reason === 'NOT_YET') return r.publicFrom ? t('file.reason.NOT_YET', { from: r.publicFrom }) : t('file.reason.NOT_YET_open')
  return te(`file.reason.${reason}`) ? t(`file.reason.${reason}`) : reason
}
