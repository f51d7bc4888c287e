import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  // open to everyone: the QR code of every report points at /reports/{number}
  { path: '/reports/verify', name: 'report-verify', component: () => import('./VerifyPage.vue'), meta: { title: 'report.verify.title' } },
  { path: '/reports/:number', name: 'report', component: () => import('./VerifyPage.vue'), meta: { title: 'report.verify.title' } },
]
