import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/repairs/new',
    name: 'repair-new',
    component: () => import('./RepairNewPage.vue'),
    meta: { auth: true, roles: ['enterprise', 'citizen'], title: 'repair.title' },
  },
]
