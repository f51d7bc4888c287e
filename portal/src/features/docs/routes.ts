import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  { path: '/docs', name: 'docs', component: () => import('./DocsPage.vue'), meta: { title: 'docs.title' } },
]
