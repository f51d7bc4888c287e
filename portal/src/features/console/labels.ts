import { useI18n } from 'vue-i18n'
import { useCatalog } from '@/features/profile/catalog'
import { departmentName } from '@/features/profile/departments'
import type { CaseView, TimelineEntry } from './api'

/** "2026-12-06T09:54:43Z" → "2026-12-06 17:54" in Shanghai time (the platform's deadlines count there). */
export function dateTime(iso: string | undefined | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(d)
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? ''
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`
}

export function fileSize(bytes: number | undefined): string {
  if (bytes === undefined) return ''
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Words for the codes the case API answers with (states, kinds, outcomes, history actions), in the current locale. */
export function useCaseWords() {
  const { t, te, locale } = useI18n()
  const { categoryName } = useCatalog()

  const word = (prefix: string, code: string | undefined | null) => {
    if (!code) return ''
    return te(`${prefix}.${code}`) ? t(`${prefix}.${code}`) : code
  }

  /** The state as staff think of it: a repair that was accepted and handed over is "with the department". */
  function stateName(c: Pick<CaseView, 'state' | 'kind' | 'assignedAt'>): string {
    if (c.state === 'ACCEPTED' && c.assignedAt && c.kind === 'REPAIR') return t('console.stateAssigned')
    return word('console.state', c.state)
  }

  /**
   * What a history line says, in words. Staff notes and reasons are shown as written; the service's own English notes
   * (assignments, effects, seed lines) are replaced by words, except for English readers.
   */
  function timelineText(entry: TimelineEntry, c: CaseView): string {
    const note = entry.note ?? ''
    const afterColon = note.includes(': ') ? note.slice(note.indexOf(': ') + 2) : ''
    switch (entry.action) {
      case 'ACCEPT':
      case 'REFUSE':
        return note
      case 'ASSIGN': {
        const to = t('console.timeline.assignedTo', { department: departmentName(c.record?.department) })
        return afterColon ? `${to}：${afterColon}` : to
      }
      case 'PROPOSE':
      case 'DECIDE': {
        const outcome = /\b(CORRECTED|DELETED|UPHELD|APPROVED|DENIED)\b/.exec(note)?.[1]
        const head = outcome ? t('console.timeline.outcome', { outcome: word('console.outcome', outcome) }) : ''
        return [head, afterColon].filter(Boolean).join('；')
      }
      default:
        return entry.by === 'SYSTEM' && locale.value !== 'en' ? '' : note
    }
  }

  return {
    stateName,
    kindName: (code: string | undefined | null) => word('console.kind', code),
    outcomeName: (code: string | undefined | null) => word('console.outcome', code),
    actionName: (code: string | undefined | null) => word('console.timeline.action', code),
    byName: (code: string | undefined | null) => word('console.timeline.by', code),
    deadlineKind: (code: string | undefined | null) => word('console.deadline', code),
    recordState: (code: string | undefined | null) => word('console.record.states', code),
    publicReason: (code: string | undefined | null) => word('console.record.publicReason', code),
    effectName: (code: string | undefined | null) => word('console.detail.effect', code),
    effectStatus: (code: string | undefined | null) => word('console.detail.effectStatus', code),
    purposeName: (code: string | undefined | null) => word('console.detail.purpose', code),
    categoryName,
    departmentName,
    timelineText,
  }
}
