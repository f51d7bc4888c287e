// Budget: the home page's JavaScript + CSS <= 250 KB gzipped. Reads the built dist/: the entry script and CSS that
// index.html loads, plus every chunk the home route loads (its modulepreload graph as Vite wrote it), gzipped at level 9.
// Usage (after npm run build): node bench/bundle-size.mjs
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'

const dist = new URL('../dist/', import.meta.url).pathname
const html = readFileSync(join(dist, 'index.html'), 'utf8')
const manifestFiles = new Set()
for (const m of html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)) manifestFiles.add(m[1])

// the home route's chunks: the entry imports them dynamically; follow static imports from the home page chunk
const assets = readdirSync(join(dist, 'assets'))
const home = assets.filter((f) => /^HomePage-.*\.(js|css)$/.test(f)).map((f) => `assets/${f}`)
const queue = [...manifestFiles, ...home]
const seen = new Set()
while (queue.length) {
  const file = queue.shift()
  if (seen.has(file)) continue
  seen.add(file)
  if (!file.endsWith('.js') || file === [...manifestFiles].find((f) => f.endsWith('.js'))) continue
  const src = readFileSync(join(dist, file), 'utf8')
  for (const m of src.matchAll(/from"\.\/([^"]+\.js)"/g)) queue.push(`assets/${m[1]}`)
  for (const m of src.matchAll(/import"\.\/([^"]+\.js)"/g)) queue.push(`assets/${m[1]}`)
}
// CSS that Vite attaches to the home chunks is named after them
for (const f of [...seen]) {
  const base = f.replace(/-[^-]+\.js$/, '')
  for (const a of assets) if (a.endsWith('.css') && `assets/${a}`.startsWith(base + '-')) seen.add(`assets/${a}`)
}
let raw = 0
let gz = 0
const rows = []
for (const f of [...seen].sort()) {
  const bytes = readFileSync(join(dist, f))
  const g = gzipSync(bytes, { level: 9 }).length
  raw += bytes.length
  gz += g
  rows.push(`${f.padEnd(52)} ${String(bytes.length).padStart(8)} ${String(g).padStart(8)}`)
}
console.log(rows.join('\n'))
console.log(`home page JS+CSS: ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzipped (budget 250 KB)`)
process.exitCode = gz / 1024 <= 250 ? 0 : 1
