import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  // open to everyone: the rules are published (catalog data)
  { path: '/evaluation-rules', name: 'evaluation-rules', component: () => import('./RulesPage.vue'), meta: { title: 'evaluation.rulesPage.title' } },
]
