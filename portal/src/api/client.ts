import createClient, { type Middleware } from 'openapi-fetch'
import { accessToken } from '@/auth/session'
import { currentLocale } from '@/i18n'
import { ApiProblem } from './problem'
import type { paths as SubjectPaths } from './generated/subject'
import type { paths as RecordPaths } from './generated/record'
import type { paths as SearchPaths } from './generated/search'
import type { paths as ObjectionPaths } from './generated/objection'
import type { paths as ReportPaths } from './generated/report'

/** Every path the gateway routes, typed from the services' OpenAPI documents (npm run gen:api). */
export type Paths = SubjectPaths & RecordPaths & SearchPaths & ObjectionPaths & ReportPaths

const auth: Middleware = {
  async onRequest({ request }) {
    const token = await accessToken()
    if (token) request.headers.set('Authorization', `Bearer ${token}`)
    request.headers.set('Accept-Language', currentLocale())
    request.headers.set('Accept', 'application/json, application/problem+json')
    return request
  },
  async onResponse({ response }) {
    if (!response.ok) throw await ApiProblem.from(response)
    return response
  },
  onError() {
    return ApiProblem.network()
  },
}

/**
 * The one typed API client: `await ok(api.GET('/api/v1/search', { params: { query: { q } } }))`.
 * A failed call rejects with an {@link ApiProblem}; show it with `problemMessage` (i18n).
 */
export const api = createClient<Paths>({ baseUrl: '' })
api.use(auth)

/** The data of a successful call (failures were already thrown by the middleware). */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data } = await call
  return data as T
}
