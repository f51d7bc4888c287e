import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  // open to everyone (how to get access); the check form shows for partners, officers and admins
  { path: '/partner', name: 'partner', component: () => import('./PartnerPage.vue'), meta: { title: 'partner.title' } },
]
