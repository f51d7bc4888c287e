import { expect, type Page, type TestInfo } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'

export const DEMO_PASSWORD = 'demo'
export const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? 'target/screenshots'

/** Collects the browser console's errors; assert with expectNoConsoleErrors at the end of a test. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

export function expectNoConsoleErrors(errors: string[], allowed: RegExp[] = []) {
  // a refused API call is logged by Chromium as a failed resource load: the tests that expect one pass it as allowed
  const real = errors.filter((e) => !allowed.some((a) => a.test(e)))
  expect(real, 'browser console errors').toEqual([])
}

/** Signs in through Keycloak's own login page, starting from the portal's header button. */
export async function signIn(page: Page, username: string) {
  if (!page.url().startsWith('http')) await page.goto('/')
  await page.getByTestId('sign-in').click()
  await page.locator('#username').fill(username)
  await page.locator('#password').fill(DEMO_PASSWORD)
  await page.locator('#kc-login').click()
  await expect(page.getByTestId('who')).toBeVisible()
}

export async function signOut(page: Page) {
  await page.getByTestId('sign-out').click()
  await expect(page.getByTestId('sign-in')).toBeVisible()
}

/**
 * The checks every page gets: a screenshot into the build output, no serious or critical axe-core violation,
 * and on a 390x844 phone screen no horizontal scroll (and a second screenshot).
 */
export async function checkPage(page: Page, name: string, testInfo?: TestInfo) {
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true })
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
  const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  if (bad.length && testInfo) await testInfo.attach(`axe-${name}`, { body: JSON.stringify(bad, null, 2), contentType: 'application/json' })
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), `axe on ${name}`).toEqual([])
  const size = page.viewportSize()
  await page.setViewportSize({ width: 390, height: 844 })
  await page.waitForTimeout(300)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-390.png`, fullPage: true })
  expect(overflow, `horizontal scroll on ${name} at 390 px`).toBeLessThanOrEqual(0)
  if (size) await page.setViewportSize(size)
}
