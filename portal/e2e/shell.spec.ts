import { expect, test } from '@playwright/test'
import { checkPage, expectNoConsoleErrors, signIn, signOut, watchConsole } from './support'

test.describe('the portal shell', () => {
  test('sign-in through Keycloak with PKCE, tokens never in localStorage, sign-out', async ({ page }) => {
    const errors = watchConsole(page)
    await page.goto('/')
    await expect(page.getByTestId('sign-in')).toBeVisible()
    await signIn(page, 'ent1')
    await expect(page.getByTestId('who')).toContainText('企业')
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }))
    expect(stored).not.toMatch(/eyJ/) // no JWT in localStorage
    const session = await page.evaluate(() => JSON.stringify({ ...sessionStorage }))
    expect(session).toMatch(/access_token/)
    await signOut(page)
    expectNoConsoleErrors(errors)
  })

  test('language switch to English and back; an unknown page says so', async ({ page }, testInfo) => {
    const errors = watchConsole(page)
    await page.goto('/no/such/page')
    await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible()
    await checkPage(page, 'not-found', testInfo)
    await page.getByTestId('language').click()
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.getByTestId('language').click()
    await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible()
    expectNoConsoleErrors(errors)
  })

  test('a console page asks for sign-in, and a role that may not open it is told so', async ({ page }) => {
    await page.goto('/')
    await signIn(page, 'citizen1')
    await page.goto('/console/review')
    await expect(page.getByRole('heading', { name: '您的账号没有访问此页面的权限。' })).toBeVisible()
  })

  test('the gateway serves hashed assets for a year, index.html uncached, with a strict CSP, and leaves the API alone', async ({ request }) => {
    const index = await request.get('/subjects/91450200MA5K00012P', { headers: { Accept: 'text/html' } })
    expect(index.status()).toBe(200)
    expect(index.headers()['cache-control']).toBe('no-cache')
    const csp = index.headers()['content-security-policy'] ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    const html = await index.text()
    const asset = /\/assets\/[^"]+\.js/.exec(html)?.[0]
    expect(asset).toBeTruthy()
    const js = await request.get(asset!)
    expect(js.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
    const api = await request.get('/api/v1/no-such-api', { headers: { Accept: 'text/html' } })
    expect(api.status()).toBe(401)
    expect(api.headers()['content-type']).toContain('application/problem+json')
    const search = await request.get('/api/v1/search?q=%E6%9F%B3%E5%B7%9E')
    expect(search.headers()['content-type']).toContain('application/json')
  })
})
