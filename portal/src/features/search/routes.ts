import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./HomePage.vue'), meta: { title: 'search.title' } },
  { path: '/search', name: 'search', component: () => import('./SearchPage.vue'), meta: { title: 'search.title' } },
]
