import { expect, test, type Page } from '@playwright/test'
import { checkPage, expectNoConsoleErrors, signIn, watchConsole } from './support'
import { SearchPages } from './pages/search'
import { sanitizeHighlight } from '../src/features/search/highlight'

const ENT1 = '91450200MA5K00012P'
const ENT1_NAME = '柳州示范机械有限公司'
// a refused call (404, 503, 429) is logged by Chromium as a failed resource load
const FAILED_LOAD = /Failed to load resource/

/** Counts the search API calls of the current document (the dev server may reload the page when a file changes). */
function countSearchCalls(page: Page): { n: number } {
  const calls = { n: 0 }
  page.on('domcontentloaded', () => (calls.n = 0))
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/v1/search') calls.n++
  })
  return calls
}

test.describe('public search and subject profile', () => {
  test('anonymous: search with highlight, a facet filter in the URL, back, paging, then the profile with zh labels', async ({ page }, testInfo) => {
    const errors = watchConsole(page)
    const ui = new SearchPages(page)
    await ui.openHome()
    await checkPage(page, 'search-home', testInfo)

    const calls = countSearchCalls(page)
    await ui.search('柳州')
    await expect(page).toHaveURL(/\/search\?q=%E6%9F%B3%E5%B7%9E$/)
    await expect(ui.results().first()).toBeVisible()
    await expect(ui.count()).toContainText('共找到')
    expect(calls.n).toBe(1) // Enter costs one request
    // the highlight is rendered as <em> marks and nothing else
    const name = ui.results().first().getByTestId('result-name')
    await expect(name.locator('em').first()).toHaveText('柳州')
    const html = await name.innerHTML()
    expect(html.replace(/<\/?em>/g, '')).not.toMatch(/</)
    await checkPage(page, 'search-results', testInfo)

    // paging is part of the URL
    await page.getByTestId('pagination').getByRole('listitem').filter({ hasText: /^2$/ }).click()
    await expect(page).toHaveURL(/[?&]page=2/)
    await expect(ui.results().first()).toBeVisible()
    await page.goBack()
    await expect(page).not.toHaveURL(/page=/)

    // a facet filter updates the URL; back undoes it
    await ui.chooseFacet('region', '450200')
    await expect(page).toHaveURL(/[?&]region=450200/)
    await expect(ui.facet('region', '450200')).toHaveAttribute('aria-pressed', 'true')
    await expect(page.getByTestId('selected-region')).toBeVisible()
    await expect(ui.result(ENT1)).toBeVisible()
    await expect(ui.results()).toHaveCount(1)
    await expect(ui.result(ENT1).getByTestId('badge-red')).toHaveText('红名单')
    await expect(ui.result(ENT1).getByTestId('badge-black')).toHaveText('黑名单')
    await expect(ui.result(ENT1).getByTestId('badge-disputed')).toHaveText('异议中')
    await page.goBack()
    await expect(page).not.toHaveURL(/region=/)
    await expect(ui.results()).not.toHaveCount(1)
    await page.goForward()
    await expect(page).toHaveURL(/[?&]region=450200/)

    // the profile
    await ui.result(ENT1).getByTestId('result-link').click()
    await expect(page).toHaveURL(new RegExp(`/subjects/${ENT1}$`))
    await expect(ui.profileName()).toHaveText(ENT1_NAME)
    await expect(page.getByTestId('profile-code')).toHaveText(ENT1)
    await expect(ui.records().first()).toBeVisible()
    await expect(page.getByTestId('black-list')).toContainText('政府采购严重违法失信行为记录')
    await expect(page.getByTestId('red-list')).toContainText('纳税信用A级纳税人')

    // filter the records by category: the catalog's zh labels of 行政处罚
    await ui.recordCategory('ADM_PENALTY').click()
    await expect(page).toHaveURL(/[?&]category=ADM_PENALTY/)
    const record = ui.records().first()
    await expect(record.getByTestId('record-title')).toHaveText('行政处罚')
    await expect(record.getByTestId('label-document-number')).toHaveText('行政处罚决定书文号')
    await expect(record.getByTestId('label-decision-date')).toHaveText('处罚决定日期')
    await expect(record.getByTestId('record-department')).toHaveText('市场监管局')
    await expect(record.locator('dt', { hasText: '违法行为类型' })).toBeVisible()
    await record.getByTestId('record-more').click()
    await expect(record.locator('dt', { hasText: '处罚机关统一社会信用代码' })).toBeVisible()
    await expect(page.getByTestId('record-disputed').first()).toHaveText('异议中')
    // anyone sees 提出异议; only the subject itself sees 申请信用修复
    await expect(record.getByTestId('object')).toBeVisible()
    await expect(page.getByTestId('repair')).toHaveCount(0)
    await checkPage(page, 'subject-profile', testInfo)
    expectNoConsoleErrors(errors)
  })

  test('a deep link loads the search directly, a code is highlighted, a filter alone is a search', async ({ page }) => {
    const errors = watchConsole(page)
    const ui = new SearchPages(page)
    await ui.openResults({ q: ENT1 })
    await expect(ui.input()).toHaveValue(ENT1)
    await expect(ui.result(ENT1)).toBeVisible()
    await expect(ui.result(ENT1).getByTestId('result-code').locator('em')).toHaveText(ENT1)

    await ui.openResults({ region: '4504', type: 'ENTERPRISE' })
    await expect(ui.results().first()).toBeVisible()
    await expect(page.getByTestId('selected-region')).toContainText('梧州市')
    await expect(page.getByTestId('selected-type')).toContainText('企业')
    await page.getByTestId('clear-filters').click()
    await expect(page).toHaveURL(/\/search$/)
    await expect(page.getByTestId('search-error')).toContainText('请输入名称或统一社会信用代码')
    expectNoConsoleErrors(errors)
  })

  test('nothing found shows the empty state with tips', async ({ page }) => {
    const errors = watchConsole(page)
    const ui = new SearchPages(page)
    await ui.openHome()
    await ui.search('甲乙丙丁不存在的名称')
    await expect(ui.empty()).toBeVisible()
    await expect(ui.empty()).toContainText('未找到与“甲乙丙丁不存在的名称”相关的信用主体')
    await expect(ui.empty().locator('li')).toHaveCount(4)
    expectNoConsoleErrors(errors)
  })

  test('an empty or too long query is refused before any request, in the box and in a deep link', async ({ page }) => {
    const errors = watchConsole(page)
    const ui = new SearchPages(page)
    const calls = countSearchCalls(page)
    await ui.openHome()
    await ui.input().press('Enter')
    await expect(ui.boxError()).toHaveText('请输入名称或统一社会信用代码。')
    await ui.search('柳'.repeat(101))
    await expect(ui.boxError()).toContainText('最多 100 个字符')
    await expect(ui.input()).toHaveAttribute('aria-invalid', 'true')
    await expect(page).toHaveURL(/\/$/)
    await ui.openResults({ q: '州'.repeat(120) })
    await expect(ui.boxError()).toContainText('当前 120 个')
    expect(calls.n).toBe(0)
    // exactly 100 characters is allowed
    await ui.search('柳'.repeat(100))
    await expect(ui.empty()).toBeVisible()
    expect(calls.n).toBe(1)
    expectNoConsoleErrors(errors)
  })

  test('busy, unavailable and rate-limited answers show their Retry-After and offer a retry', async ({ page }, testInfo) => {
    const errors = watchConsole(page)
    const ui = new SearchPages(page)
    const problem = (status: number, code: string, retryAfter: string) => ({
      status,
      headers: { 'Content-Type': 'application/problem+json', 'Retry-After': retryAfter, 'X-Request-Id': 'e2e-request' },
      body: JSON.stringify({ status, code, detail: 'english detail never shown', title: 'x' }),
    })
    await page.route('**/api/v1/search?**', (route) => route.fulfill(problem(503, 'SEARCH_BUSY', '1')))
    await ui.openResults({ q: '柳州' })
    await expect(ui.problem()).toContainText('查询繁忙')
    await expect(ui.problem()).toContainText('请在 1 秒后重试')
    await expect(ui.problem()).not.toContainText('english detail')
    await checkPage(page, 'search-busy', testInfo)
    await page.unroute('**/api/v1/search?**')
    await ui.problem().getByRole('button', { name: '重试' }).click()
    await expect(ui.results().first()).toBeVisible()

    await page.route('**/api/v1/search?**', (route) => route.fulfill(problem(503, 'SEARCH_UNAVAILABLE', '5')))
    await ui.search('梧州')
    await expect(ui.problem()).toContainText('查询服务暂时不可用')
    await expect(ui.problem()).toContainText('5 秒')
    await page.unroute('**/api/v1/search?**')

    await page.route('**/api/v1/search?**', (route) => route.fulfill(problem(429, 'RATE_LIMITED', '7')))
    await ui.search('示范')
    await expect(ui.problem()).toContainText('请求过于频繁')
    await expect(ui.problem()).toContainText('请在 7 秒后重试')
    await expect(page.getByTestId('retry-countdown')).toContainText(/[1-7] 秒后可重试/)
    await page.unroute('**/api/v1/search?**')

    // beyond the 10,000 results the service pages: said at once, with a way back
    await ui.openResults({ q: '柳州', page: '501' })
    await expect(ui.problem()).toContainText('结果页数过多')
    await page.getByTestId('first-page').click()
    await expect(page).not.toHaveURL(/page=/)
    await expect(ui.results().first()).toBeVisible()
    expectNoConsoleErrors(errors, [FAILED_LOAD])
  })

  test('an unknown or not public subject says so', async ({ page }, testInfo) => {
    const errors = watchConsole(page)
    const ui = new SearchPages(page)
    await ui.openProfile('91450200MA5K00011X')
    await expect(page.getByTestId('profile-not-found')).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('未找到或不公开')
    await checkPage(page, 'subject-not-found', testInfo)
    expectNoConsoleErrors(errors, [FAILED_LOAD])
  })

  test('a natural person on a public list appears masked only', async ({ page }) => {
    const errors = watchConsole(page)
    const ui = new SearchPages(page)
    await ui.openResults({ type: 'NATURAL_PERSON', list: 'black' })
    const person = ui.results().first()
    await expect(person).toBeVisible()
    await expect(person).toContainText('********')
    await person.getByTestId('result-link').click()
    await expect(page.getByTestId('profile-masked')).toContainText('********')
    await expect(ui.records().first()).toBeVisible()
    const text = await page.locator('#main').innerText()
    expect(text).not.toMatch(/\d{17}[\dX]/)
    expectNoConsoleErrors(errors)
  })

  test('objection asks a signed-out user to sign in; the subject itself may apply for repair', async ({ page }) => {
    const ui = new SearchPages(page)
    await ui.openProfile(ENT1)
    await ui.recordCategory('ADM_PENALTY').click()
    await expect(ui.records().first()).toBeVisible()
    await ui.records().first().getByTestId('object').click()
    await expect(page).toHaveURL(/\/realms\/credit\//)
    await expect(page.locator('#username')).toBeVisible()

    await page.goto(`/subjects/${ENT1}`)
    await signIn(page, 'ent1')
    await ui.openProfile(ENT1)
    await expect(page.getByTestId('owner-note')).toBeVisible()
    await expect(page.getByTestId('my-file')).toHaveAttribute('href', '/me/file')
    await ui.recordCategory('ADM_PENALTY').click()
    const record = ui.records().first()
    const id = await record.getAttribute('data-record')
    await expect(record.getByTestId('repair')).toBeVisible()
    // a licence is not a negative record: nothing to repair
    await ui.recordCategory('ADM_LICENSE').click()
    await expect(ui.records().first()).toHaveAttribute('data-category', 'ADM_LICENSE')
    await expect(page.getByTestId('repair')).toHaveCount(0)
    await page.goBack()
    await expect(ui.records().first()).toHaveAttribute('data-record', id!)
    await ui.records().first().getByTestId('object').click()
    await expect(page).toHaveURL(new RegExp(`/objections/new\\?record=${id}$`))
  })

  test('the search box suggests names, short names and pinyin as one types; a suggestion opens the profile', async ({ page }) => {
    const ui = new SearchPages(page)
    await ui.openHome()
    await ui.input().pressSequentially('柳州示范机', { delay: 30 })
    const byName = page.locator(`[data-test="search-suggestion"][data-code="${ENT1}"]`)
    await expect(byName).toBeVisible()
    await expect(byName).toContainText(ENT1_NAME)
    await ui.input().fill('')
    await ui.input().pressSequentially('liuzhoushifan', { delay: 30 })
    await expect(byName).toBeVisible()
    await byName.click()
    await expect(page).toHaveURL(new RegExp(`/subjects/${ENT1}$`))
  })

  test('the highlight sanitiser lets only <em> through', () => {
    expect(sanitizeHighlight('柳州<em>示范</em>机械')).toBe('柳州<em>示范</em>机械')
    expect(sanitizeHighlight('&lt;script&gt;alert(1)&lt;/script&gt;<em>A&amp;B</em>')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;<em>A&amp;B</em>',
    )
    expect(sanitizeHighlight('<img src=x onerror=alert(1)><em>x</em>')).toBe('&lt;img src=x onerror=alert(1)&gt;<em>x</em>')
    expect(sanitizeHighlight('<EM>a</EM></em><em>b')).toBe('<em>a</em><em>b</em>')
    expect(sanitizeHighlight('<em onclick="x">a</em>')).toBe('&lt;em onclick=&quot;x&quot;&gt;a')
    expect(sanitizeHighlight('O&#x27;Brien &#39;s &quot;co&quot;')).toBe('O&#39;Brien &#39;s &quot;co&quot;')
  })
})
