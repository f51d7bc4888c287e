import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  // loaded lazily: ECharts is only in this page's chunk, never in the home page's bundle
  {
    path: '/stats',
    name: 'stats',
    component: () => import('./StatsPage.vue'),
    meta: { auth: true, roles: ['admin', 'reviewer', 'officer'], title: 'stats.title' },
  },
]
