import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { signIn, useSession, type Role } from '@/auth/session'
import { routes as search } from '@/features/search/routes'
import { routes as profile } from '@/features/profile/routes'
import { routes as file } from '@/features/file/routes'
import { routes as cases } from '@/features/cases/routes'
import { routes as repair } from '@/features/repair/routes'
import { routes as consoleRoutes } from '@/features/console/routes'
import { routes as partner } from '@/features/partner/routes'
import { routes as stats } from '@/features/stats/routes'
import { routes as docs } from '@/features/docs/routes'
import { routes as report } from '@/features/report/routes'
import { routes as evaluation } from '@/features/evaluation/routes'

declare module 'vue-router' {
  interface RouteMeta {
    /** the page needs a signed-in user */
    auth?: boolean
    /** ...with one of these roles */
    roles?: Role[]
    /** i18n key of the page title */
    title?: string
  }
}

const routes: RouteRecordRaw[] = [
  ...search,
  ...profile,
  ...file,
  ...cases,
  ...repair,
  ...consoleRoutes,
  ...partner,
  ...stats,
  ...docs,
  ...report,
  ...evaluation,
  { path: '/auth/callback', name: 'auth-callback', component: () => import('@/auth/AuthCallback.vue') },
  { path: '/forbidden', name: 'forbidden', component: () => import('@/layout/ForbiddenPage.vue') },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/layout/NotFoundPage.vue') },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

router.beforeEach(async (to) => {
  const { signedIn, hasRole } = useSession()
  if ((to.meta.auth || to.meta.roles) && !signedIn.value) {
    await signIn(to.fullPath)
    return false
  }
  if (to.meta.roles && !hasRole(...to.meta.roles)) return { name: 'forbidden' }
  return true
})
