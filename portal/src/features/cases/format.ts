import { i18n } from '@/i18n'
import { departmentName } from '@/features/profile/departments'
import { maskIdNumbers } from '@/features/profile/mask'
import type { CaseKind, CaseState, CaseView, Deadline, Outcome, TimelineEntry } from './api'

const t = (key: string, values?: Record<string, unknown>) => (values ? i18n.global.t(key, values) : i18n.global.t(key))
const te = (key: string) => i18n.global.te(key)

/** An instant as a Shanghai date and time ("2026-12-06 17:54"), the platform's time zone whatever the browser's. */
export function dateTime(instant: string | undefined | null): string {
  if (!instant) return ''
  const d = new Date(instant)
  if (Number.isNaN(d.getTime())) return instant
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(d)
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? ''
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`
}

export function kindName(kind: CaseKind | undefined): string {
  return kind ? t(`cases.kind.${kind}`) : ''
}

export function stateName(state: CaseState | string | undefined | null): string {
  if (!state) return ''
  return te(`cases.state.${state}`) ? t(`cases.state.${state}`) : state
}

export function outcomeName(outcome: Outcome | string | undefined | null): string {
  if (!outcome) return ''
  return te(`cases.outcome.${outcome}`) ? t(`cases.outcome.${outcome}`) : outcome
}

/** el-tag type of a state: closed in favour (green), closed against (grey/red), open (blue/orange). */
export function stateTagType(c: Pick<CaseView, 'state' | 'decision'>): 'success' | 'info' | 'warning' | 'danger' | 'primary' {
  switch (c.state as string) { // WITHDRAWN is newer than the generated types
    case 'APPROVED':
      return 'success'
    case 'DENIED':
    case 'NOT_ACCEPTED':
    case 'WITHDRAWN':
      return 'info'
    case 'CONCLUDED':
      return c.decision?.outcome === 'UPHELD' ? 'info' : 'success'
    case 'SUBMITTED':
      return 'warning'
    default:
      return 'primary'
  }
}

/** The next deadline in words: "应于 2026-12-08 前受理（2 个工作日）", or why it cannot be computed. */
export function deadlineText(d: Deadline | null | undefined): string {
  if (!d) return t('cases.deadline.none')
  const actionKey = `cases.deadline.action.${d.kind ?? ''}`
  const action = te(actionKey) ? t(actionKey) : (d.kind ?? '')
  if (!d.due) {
    return d.problem === 'CALENDAR_YEAR_MISSING' || !d.problem
      ? t('cases.deadline.unknown', { action })
      : t(te(`problems.${d.problem}`) ? `problems.${d.problem}` : 'cases.deadline.unknown', { action })
  }
  let text = t('cases.deadline.due', { due: d.due, action })
  if (d.period) text += t(d.periodUnit === 'DAYS' ? 'cases.deadline.periodDays' : 'cases.deadline.periodWorking', { n: d.period })
  return text
}

export interface TimelineLine {
  title: string
  who: string
  detail?: string
  change?: string
}

function role(entry: TimelineEntry): string {
  const r = entry.by ? t(`cases.role.${entry.by}`) : ''
  return entry.actor ? t('cases.timeline.byNamed', { role: r, name: entry.actor }) : t('cases.timeline.by', { role: r })
}

/** The reasons the service writes when a case ends by itself (its record was dealt with otherwise). */
const MOOT_REASONS: Record<string, string> = { 记录已被撤销: 'REVOKED', 记录已被更正: 'CORRECTED', 记录已被修复: 'REPAIRED' }

/**
 * One history line in words. The service writes its own notes in English around the staff's words
 * ("assigned to department market: …", "proposed UPHELD: …", "DENIED: …"); the staff's words are kept, the rest
 * becomes the reader's language. System notes (effects) are never shown raw.
 */
export function timelineLine(entry: TimelineEntry, kind: CaseKind | undefined): TimelineLine {
  const note = entry.note ? maskIdNumbers(entry.note) : undefined
  const line: TimelineLine = { title: '', who: role(entry) }
  if (entry.from && entry.to && entry.from !== entry.to) {
    line.change = t('cases.timeline.change', { from: stateName(entry.from), to: stateName(entry.to) })
  }
  let m: RegExpMatchArray | null
  switch (entry.action) {
    case 'FILE':
      line.title = t('cases.timeline.FILE', { kind: kind ? t(`cases.kindLong.${kind}`) : '' })
      break
    case 'ATTACH':
      line.title = t('cases.timeline.ATTACH')
      m = note?.match(/^(\d+) file/) ?? null
      if (m) line.detail = t('cases.timeline.attachCount', { n: Number(m[1]) })
      break
    case 'ACCEPT':
    case 'REFUSE':
      line.title = t(`cases.timeline.${entry.action}`)
      line.detail = note
      break
    case 'ASSIGN':
      m = note?.match(/^assigned to department (\S+?)(?::\s*([\s\S]*))?$/) ?? null
      line.title = m ? t('cases.timeline.ASSIGN', { department: departmentName(m[1]) }) : t('cases.timeline.ASSIGN_plain')
      line.detail = m ? m[2] : note
      break
    case 'PROPOSE':
      m = note?.match(/^(?:proposed|reviewed, recommends) ([A-Z_]+):\s*([\s\S]*)$/) ?? null
      line.title = m ? t('cases.timeline.PROPOSE', { outcome: outcomeName(m[1]) }) : t('cases.timeline.PROPOSE_plain')
      line.detail = m ? m[2] : note
      break
    case 'DECIDE':
      m = note?.match(/^([A-Z_]+):\s*([\s\S]*)$/) ?? null
      line.title = m ? t('cases.timeline.DECIDE', { outcome: outcomeName(m[1]) }) : t('cases.timeline.DECIDE_plain')
      line.detail = m ? m[2] : note
      break
    case 'EFFECT_APPLIED':
      m = note?.match(/^record ([A-Z_]+) applied/) ?? null
      line.title = m && te(`cases.timeline.effect.${m[1]}`) ? t(`cases.timeline.effect.${m[1]}`) : t('cases.timeline.EFFECT_APPLIED')
      break
    case 'WITHDRAW':
    case 'MOOT':
      line.title = t(`cases.timeline.${entry.action}`)
      line.detail = entry.action === 'MOOT' && note && MOOT_REASONS[note] ? t(`cases.mootReason.${MOOT_REASONS[note]}`) : note
      break
    case 'EFFECT_FAILED':
    case 'SEED_BACKDATE':
      line.title = t(`cases.timeline.${entry.action}`)
      break
    default:
      line.title = t('cases.timeline.other')
  }
  if (line.detail !== undefined && !line.detail.trim()) line.detail = undefined
  return line
}
