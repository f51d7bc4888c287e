import { accessToken } from '@/auth/session'
import { currentLocale } from '@/i18n'
import { ApiProblem } from './problem'

async function headers(extra?: HeadersInit): Promise<Headers> {
  const h = new Headers(extra)
  const token = await accessToken()
  if (token) h.set('Authorization', `Bearer ${token}`)
  h.set('Accept-Language', currentLocale())
  if (!h.has('Accept')) h.set('Accept', 'application/json, application/problem+json')
  return h
}

/** fetch with the bearer token and language; a non-2xx answer is thrown as an {@link ApiProblem}. */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  let response: Response
  try {
    response = await fetch(path, { ...init, headers: await headers(init.headers) })
  } catch {
    throw ApiProblem.network()
  }
  if (!response.ok) throw await ApiProblem.from(response)
  return response
}

export async function getJson<T>(path: string, query?: Record<string, string | number | undefined | null>): Promise<T> {
  const response = await apiFetch(path + queryString(query))
  return (await response.json()) as T
}

export async function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown, extra?: HeadersInit): Promise<T> {
  const h = new Headers(extra)
  h.set('Content-Type', 'application/json')
  const response = await apiFetch(path, { method, headers: h, body: JSON.stringify(body) })
  const text = await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}

export function queryString(query?: Record<string, string | number | undefined | null>): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v))
  const s = params.toString()
  return s ? `?${s}` : ''
}

/**
 * Sends a body with upload progress (fetch cannot report it): multipart filings and CSV/NDJSON batches.
 * Resolves with the parsed JSON answer; rejects with an {@link ApiProblem}.
 */
export async function upload<T>(
  method: 'POST' | 'PUT',
  path: string,
  body: FormData | Blob,
  options: { headers?: Record<string, string>; onProgress?: (fraction: number) => void } = {},
): Promise<T> {
  const h = await headers(options.headers)
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open(method, path)
    h.forEach((value, key) => xhr.setRequestHeader(key, value))
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && options.onProgress) options.onProgress(e.loaded / e.total)
    }
    xhr.onerror = () => reject(ApiProblem.network())
    xhr.onload = () => {
      const responseHeaders = new Headers()
      for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
        const i = line.indexOf(':')
        if (i > 0) responseHeaders.set(line.slice(0, i).trim(), line.slice(i + 1).trim())
      }
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers: responseHeaders })
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress?.(1)
        resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T)
      } else {
        void ApiProblem.from(response).then(reject)
      }
    }
    xhr.send(body)
  })
}

/** Downloads an authorised file (an attachment) and hands it to the browser as a save. */
export async function download(path: string, fileName: string): Promise<void> {
  const response = await apiFetch(path, { headers: { Accept: '*/*' } })
  const url = URL.createObjectURL(await response.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** A fresh Idempotency-Key for a filing: a retry of the same submission reuses it. */
export function idempotencyKey(): string {
  return crypto.randomUUID()
}
