/**
 * A last line of defence: a resident id number (GB 11643, valid check character and birth date) that slipped into
 * a public text is shown masked (first 6 and last 4). Unified social credit codes do not pass both checks.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

function isIdNumber(s: string): boolean {
  const id = s.toUpperCase()
  if (!/^\d{17}[\dX]$/.test(id)) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (WEIGHTS[i] as number)
  if (CHECK[sum % 11] !== id[17]) return false
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  const date = new Date(Date.UTC(y, m - 1, d))
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

export function maskIdNumbers(text: string): string {
  return text.replace(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, (m) => (isIdNumber(m) ? `${m.slice(0, 6)}********${m.slice(14)}` : m))
}
