import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { QUEUES, type Queue } from './api'

/**
 * The console's state in the address: the open case (`/console/<base>/:id`) and the queue (`?queue=`), so a case can
 * be linked to and the back button works.
 */
export function useConsoleRoute(base: string, defaultQueue: Queue) {
  const route = useRoute()
  const router = useRouter()
  const caseId = computed(() => (typeof route.params.id === 'string' && route.params.id ? route.params.id : undefined))
  const queue = computed<Queue>(() => {
    const q = route.query.queue
    return typeof q === 'string' && (QUEUES as readonly string[]).includes(q) ? (q as Queue) : defaultQueue
  })
  const query = (q: Queue) => (q === defaultQueue ? {} : { queue: q })
  const caseLink = (id: string) => router.resolve({ path: `${base}/${id}`, query: { ...route.query } }).fullPath
  const listLink = computed(() => router.resolve({ path: base, query: { ...route.query } }).fullPath)
  function setQueue(q: Queue) {
    void router.replace({ path: route.path, query: { ...route.query, ...query(q), ...(q === defaultQueue ? { queue: undefined } : {}) } })
  }
  function openCase(id: string) {
    void router.push(caseLink(id))
  }
  return { caseId, queue, caseLink, listLink, setQueue, openCase }
}
