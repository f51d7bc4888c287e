import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  { path: '/subjects/:code', name: 'subject', component: () => import('./ProfilePage.vue'), meta: { title: 'profile.title' } },
]
