import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    // /console/review/:id opens a case beside the queues (a deep link a colleague can be sent)
    path: '/console/review/:id?',
    name: 'console-review',
    component: () => import('./ReviewConsole.vue'),
    meta: { auth: true, roles: ['reviewer'], title: 'console.review.title' },
  },
  {
    path: '/console/department/:id?',
    name: 'console-department',
    component: () => import('./DepartmentConsole.vue'),
    meta: { auth: true, roles: ['officer'], title: 'console.department.title' },
  },
]
