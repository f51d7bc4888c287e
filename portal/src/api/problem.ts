/** An RFC 9457 problem answered by the platform (or made up here when there was no answer at all). */
export interface FieldError {
  field: string
  code: string
  message?: string
}

export class ApiProblem extends Error {
  readonly status: number
  readonly code: string
  readonly detail?: string
  readonly errors: FieldError[]
  readonly retryAfter?: number
  readonly requestId?: string
  readonly body: Record<string, unknown>

  constructor(status: number, body: Record<string, unknown>, retryAfter?: number, requestId?: string) {
    super(typeof body.detail === 'string' ? body.detail : `HTTP ${status}`)
    this.status = status
    this.code = typeof body.code === 'string' ? body.code : fallbackCode(status)
    this.detail = typeof body.detail === 'string' ? body.detail : undefined
    this.errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : []
    this.retryAfter = retryAfter
    this.requestId = requestId ?? (typeof body.requestId === 'string' ? body.requestId : undefined)
    this.body = body
  }

  /** Reads a failed response: problem JSON when the platform sent one, a generic problem otherwise. */
  static async from(response: Response): Promise<ApiProblem> {
    let body: Record<string, unknown> = {}
    try {
      const text = await response.text()
      if (text) body = JSON.parse(text) as Record<string, unknown>
    } catch {
      body = {}
    }
    const retry = response.headers.get('Retry-After')
    const seconds = retry !== null && /^\d+$/.test(retry) ? Number(retry) : undefined
    return new ApiProblem(response.status, body, seconds, response.headers.get('X-Request-Id') ?? undefined)
  }

  static network(): ApiProblem {
    return new ApiProblem(0, { code: 'NETWORK_ERROR' })
  }
}

function fallbackCode(status: number): string {
  if (status === 401) return 'UNAUTHENTICATED'
  if (status === 403) return 'ACCESS_DENIED'
  if (status === 404) return 'NOT_FOUND'
  if (status === 413) return 'PAYLOAD_TOO_LARGE'
  if (status === 429) return 'RATE_LIMITED'
  if (status >= 500) return 'SERVICE_UNAVAILABLE'
  return 'REQUEST_FAILED'
}
