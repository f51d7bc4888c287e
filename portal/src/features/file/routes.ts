import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/me/file',
    name: 'my-file',
    component: () => import('./FilePage.vue'),
    meta: { auth: true, roles: ['enterprise', 'citizen'], title: 'file.title' },
  },
]
