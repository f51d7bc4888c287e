// Each feature keeps its own texts beside its pages (features/*/messages.ts); this list merges them into the catalogue.
import type { Messages } from './types'
import { messages as search } from '@/features/search/messages'
import { messages as profile } from '@/features/profile/messages'
import { messages as file } from '@/features/file/messages'
import { messages as cases } from '@/features/cases/messages'
import { messages as repair } from '@/features/repair/messages'
import { messages as console } from '@/features/console/messages'
import { messages as partner } from '@/features/partner/messages'
import { messages as stats } from '@/features/stats/messages'
import { messages as docs } from '@/features/docs/messages'
import { messages as report } from '@/features/report/messages'
import { messages as evaluation } from '@/features/evaluation/messages'

export const featureMessages: Messages[] = [search, profile, file, cases, repair, console, partner, stats, docs, report, evaluation]
