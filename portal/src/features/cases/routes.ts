import type { RouteRecordRaw } from 'vue-router'

export const routes: RouteRecordRaw[] = [
  {
    path: '/objections/new',
    name: 'objection-new',
    component: () => import('./ObjectionNewPage.vue'),
    meta: { auth: true, roles: ['enterprise', 'citizen'], title: 'cases.objection.title' },
  },
  {
    path: '/me/cases',
    name: 'my-cases',
    component: () => import('./MyCasesPage.vue'),
    meta: { auth: true, roles: ['enterprise', 'citizen'], title: 'cases.mine.title' },
  },
  {
    // any signed-in role the API lets read the case (applicant, reviewers of the region, the supplying department)
    path: '/cases/:id',
    name: 'case',
    component: () => import('./CaseDetailPage.vue'),
    meta: { auth: true, title: 'cases.detail.title' },
  },
]
