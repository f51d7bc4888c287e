import { idempotencyKey } from '@/api/http'

/**
 * The Idempotency-Key of one submission: the same key while the user retries the same content (a lost answer
 * then returns the case already filed), a new one as soon as the content changes (else the service would answer
 * IDEMPOTENCY_KEY_REUSED).
 */
export function useSubmissionKey() {
  let key: string | undefined
  let fingerprint = ''
  return {
    keyFor(request: unknown, files: File[]): string {
      const fp = JSON.stringify([request, files.map((f) => [f.name, f.size, f.lastModified])])
      if (!key || fp !== fingerprint) {
        key = idempotencyKey()
        fingerprint = fp
      }
      return key
    },
  }
}
