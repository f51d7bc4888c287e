/**
 * The subjects of a credit check as pasted or uploaded: one code per line (or the first CSV column), normalised,
 * checked for shape and check character before anything is sent, de-duplicated, at most {@link MAX_SUBJECTS}.
 * The server checks again (commons `Identifiers`); this only spares the user a round trip.
 */
export const MAX_SUBJECTS = 1000

/** GB 32100: 31 characters without I, O, S, V, Z; weights of positions 1-17. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
/** GB 11643: weights and the check characters of Σ mod 11. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

export type CodeKind = 'USCC' | 'ID_NUMBER'
export type CodeProblem = 'LENGTH' | 'CHARACTERS' | 'CHECK'

export interface CheckedCode {
  /** 1-based line of the input */
  line: number
  /** normalised */
  value: string
  /** as typed (trimmed), to show */
  raw: string
  kind?: CodeKind
  problem?: CodeProblem
}

export interface ParsedSubjects {
  /** valid, normalised, de-duplicated, in input order */
  codes: string[]
  invalid: CheckedCode[]
  duplicates: number
  /** non-empty lines read */
  lines: number
  tooMany: boolean
}

/** Full-width digits and letters to ASCII (NFKC), spaces and dashes removed, upper case. */
export function normalize(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\u200b\u00a0\ufeff-]/g, '').toUpperCase()
}

function usccProblem(code: string): CodeProblem | undefined {
  if (code.length !== 18) return 'LENGTH'
  if ([...code].some((c) => !USCC_CHARS.includes(c))) return 'CHARACTERS'
  let sum = 0
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(code[i] as string) * (USCC_WEIGHTS[i] as number)
  const check = (31 - (sum % 31)) % 31
  return USCC_CHARS[check] === code[17] ? undefined : 'CHECK'
}

function idProblem(id: string): CodeProblem | undefined {
  if (/^\d{15}$/.test(id)) return undefined // legacy number: no check character, upgraded by the platform
  if (!/^\d{17}[\dX]$/.test(id)) return 'CHARACTERS'
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] as number)
  if (ID_CHECK[sum % 11] !== id[17]) return 'CHECK'
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  const date = new Date(Date.UTC(y, m - 1, d))
  const real = y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
  return real && date.getTime() <= Date.now() ? undefined : 'CHECK'
}

/**
 * The kind of a normalised code and what is wrong with it, if anything. As on the server, an 18-character value
 * of digits (last one possibly X) that passes GB 11643 is an id number; otherwise it must pass GB 32100.
 */
export function checkCode(code: string): { kind?: CodeKind; problem?: CodeProblem } {
  if (/^\d{15}$/.test(code)) return { kind: 'ID_NUMBER' }
  if (code.length !== 18) return { problem: 'LENGTH' }
  const idShaped = /^\d{17}[\dX]$/.test(code)
  if (idShaped && idProblem(code) === undefined) return { kind: 'ID_NUMBER' }
  const p = usccProblem(code)
  if (p === undefined) return { kind: 'USCC' }
  return idShaped ? { kind: 'ID_NUMBER', problem: 'CHECK' } : { problem: p }
}

/** Masks what looks like a resident id number (first 6 and last 4 shown) so it never appears in full on screen. */
export function maskPerson(value: string): string {
  if (/^\d{17}[\dX]$/i.test(value)) return `${value.slice(0, 6)}********${value.slice(14)}`
  if (/^\d{15}$/.test(value)) return `${value.slice(0, 6)}*****${value.slice(11)}`
  return value
}

/** Reads one code per line (blank lines and an optional header line without any code are skipped). */
export function parseSubjects(lines: string[]): ParsedSubjects {
  const seen = new Set<string>()
  const codes: string[] = []
  const invalid: CheckedCode[] = []
  let duplicates = 0
  let count = 0
  lines.forEach((raw, i) => {
    const value = normalize(raw)
    if (!value) return
    count++
    const { kind, problem } = checkCode(value)
    if (problem) {
      // a first line without any digit is a header ("统一社会信用代码"), not a wrong code
      if (count === 1 && !/\d/.test(value)) {
        count--
        return
      }
      invalid.push({ line: i + 1, value, raw: raw.trim(), kind, problem })
      return
    }
    if (seen.has(value)) {
      duplicates++
      return
    }
    seen.add(value)
    codes.push(value)
  })
  return { codes, invalid, duplicates, lines: count, tooMany: codes.length > MAX_SUBJECTS }
}
