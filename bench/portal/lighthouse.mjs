// Lighthouse on the portal pages a visitor reaches without signing in, in Debian's Chromium (no browser download).
// Budgets: accessibility >= 95 and best practices >= 95. Usage: npm ci && node lighthouse.mjs [URL...]
// (lighthouse 12.2.3 is pinned: 13 needs Node 22)
import lighthouse from 'lighthouse'
import { launch } from 'chrome-launcher'

const base = process.env.PORTAL_URL ?? 'http://localhost:8080'
const urls = process.argv.slice(2).length ? process.argv.slice(2) : [
  `${base}/`, `${base}/search?q=%E6%9F%B3%E5%B7%9E`, `${base}/subjects/91450200MA5K00012P`, `${base}/partner`, `${base}/docs`,
]
const chrome = await launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
})
let failed = false
try {
  for (const url of urls) {
    const result = await lighthouse(url, {
      port: chrome.port, output: 'json', logLevel: 'error',
      onlyCategories: ['accessibility', 'best-practices', 'performance'], formFactor: 'desktop',
      screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
      throttlingMethod: 'provided',
    })
    const c = result.lhr.categories
    const score = (k) => Math.round((c[k]?.score ?? 0) * 100)
    const fails = Object.values(result.lhr.audits).filter((a) => a.score !== null && a.score < 1 &&
      ['accessibility', 'best-practices'].some((cat) => c[cat].auditRefs.some((r) => r.id === a.id && r.weight > 0)))
    console.log(`${url}\n  accessibility ${score('accessibility')}, best practices ${score('best-practices')}, performance ${score('performance')}`)
    for (const a of fails) console.log(`    - ${a.id}: ${a.title}`)
    if (score('accessibility') < 95 || score('best-practices') < 95) failed = true
  }
} finally {
  await chrome.kill()
}
process.exitCode = failed ? 1 : 0
