/**
 * The search answer's `highlight` fragments are HTML: `<em>` marks the match, everything else was escaped by the
 * server. They are shown with v-html only after this: the text between the marks is read back to plain text
 * (entities decoded) and escaped again, and the only markup let through is a balanced `<em>`…`</em>`. Anything
 * else that looks like a tag comes out as visible text, never as markup.
 *
 * Kept free of imports so the e2e tests can load it directly.
 */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

/** Decodes the entities an HTML encoder produces (`&amp;`, `&lt;`, `&#39;`, `&#x2F;` …); others stay as typed. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const n = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return whole
      return String.fromCodePoint(n)
    }
    return NAMED[body.toLowerCase()] ?? whole
  })
}

/** Escapes text for HTML: & < > " ' (the result contains no markup at all). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** Safe HTML of a highlight fragment: escaped text with balanced `<em>` marks only. */
export function sanitizeHighlight(fragment: string): string {
  let out = ''
  let open = false
  for (const part of fragment.split(/(<\/?em>)/i)) {
    const tag = part.toLowerCase()
    if (tag === '<em>') {
      if (!open) out += '<em>'
      open = true
    } else if (tag === '</em>') {
      if (open) out += '</em>'
      open = false
    } else if (part) {
      out += escapeHtml(decodeEntities(part))
    }
  }
  if (open) out += '</em>'
  return out
}

/** The fragment as plain text (marks dropped): for aria labels and titles. */
export function highlightText(fragment: string): string {
  return decodeEntities(fragment.replace(/<\/?em>/gi, ''))
}
