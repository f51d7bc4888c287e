import { expect, test, type Page, type Route } from '@playwright/test'
import { checkPage, expectNoConsoleErrors, signIn, watchConsole } from './support'
import { alterOneByte, REPORT_NUMBER, ReportPages } from './pages/report'
import { SearchPages } from './pages/search'
import { tokenOf } from './pages/subject'

const ENT1 = '91450200MA5K00012P'
const ENT1_NAME = '柳州示范机械有限公司'
// a refused call (the 404 of an unknown number) is logged by Chromium as a failed resource load
const FAILED_LOAD = /Failed to load resource/

test.describe('credit reports: make, download, verify', () => {
  test('anonymous: a public report of ent1, found by its number, the PDF genuine and one changed byte not', async ({ page }, testInfo) => {
    const errors = watchConsole(page)
    const ui = new ReportPages(page)
    // the report takes about a second; hold the answer a little so the progress is seen for sure
    await page.route('**/api/v1/reports', async (route) => {
      await new Promise((r) => setTimeout(r, 800))
      await route.continue()
    })

    await page.goto(`/subjects/${ENT1}`)
    await expect(page.getByTestId('profile-name')).toHaveText(ENT1_NAME)
    // anyone gets the public edition only
    await expect(ui.action().getByTestId('report-edition-single')).toContainText('公示版')
    await expect(ui.edition('full')).toHaveCount(0)
    await ui.action().getByTestId('make-report').click()
    await expect(ui.action().getByTestId('report-progress')).toBeVisible()
    await expect(ui.action().getByTestId('report-made')).toBeVisible({ timeout: 30_000 })
    const number = (await ui.action().getByTestId('report-number').innerText()).trim()
    expect(number).toMatch(REPORT_NUMBER)
    await expect(ui.action().getByTestId('report-made')).toContainText('公示版信用报告已生成')
    const pdf = await ui.download()
    expect(pdf.fileName).toBe(`credit-report-${number}.pdf`)
    expect(pdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF')
    await checkPage(page, 'report-profile', testInfo)

    // the number leads to its verification page (where the QR code points)
    await ui.action().getByTestId('verify-link').click()
    await expect(page).toHaveURL(new RegExp(`/reports/${number}$`))
    await expect(ui.entry().getByTestId('entry-number')).toHaveText(number)
    await expect(ui.entry().getByTestId('entry-state')).toHaveText('该编号的报告由本平台签发，当前有效。')
    await expect(ui.entry().getByTestId('entry-subject')).toHaveText(ENT1_NAME)
    await expect(ui.entry().getByTestId('entry-code')).toHaveText(ENT1)
    await expect(ui.entry().getByTestId('entry-edition')).toHaveText('公示版')
    await expect(ui.entry().getByTestId('entry-sha256')).toHaveText(/^[0-9a-f]{64}$/)
    await expect(ui.entry().getByTestId('entry-issued-at')).not.toBeEmpty()

    // the downloaded file is genuine
    await ui.upload(pdf.path)
    await expect(ui.verdict()).toHaveAttribute('data-status', 'VALID')
    await expect(ui.verdict().getByTestId('verdict-title')).toHaveText('真实有效')
    await expect(ui.verdict().getByTestId('signature')).toHaveText('有效（本平台签章证书）')
    await expect(ui.verdict().getByTestId('verdict-entry').getByTestId('entry-number')).toHaveText(number)
    await checkPage(page, 'report-verify-genuine', testInfo)

    // one changed byte: not genuine, said so plainly
    await ui.upload({ name: `altered-${number}.pdf`, mimeType: 'application/pdf', buffer: alterOneByte(pdf.bytes) })
    await expect(ui.verdict()).toHaveAttribute('data-status', 'ALTERED')
    await expect(ui.verdict().getByTestId('verdict-title')).toHaveText('文件已被改动，不是真实的报告')
    // something that is no report of ours at all
    await ui.upload({ name: 'other.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% not a report\n%%EOF\n', 'latin1') })
    await expect(ui.verdict()).toHaveAttribute('data-status', 'UNKNOWN')
    await expect(ui.verdict().getByTestId('verdict-title')).toHaveText('无法确认：不是本平台签发的报告')
    await checkPage(page, 'report-verify-unknown', testInfo)
    // and in English
    await page.getByTestId('language').click()
    await expect(ui.verdict().getByTestId('verdict-title')).toHaveText('Not a report of this platform')
    await page.getByTestId('language').click()

    // typing a number on /reports/verify: a malformed one is refused in the browser, an unknown one by the register
    await ui.openVerify()
    await ui.lookUp('CR2026', 'button')
    await expect(page.getByTestId('number-hint')).toContainText('报告编号格式应为')
    await ui.lookUp('CR20200101-000000000000')
    await expect(page).toHaveURL(/\/reports\/CR20200101-000000000000$/)
    await expect(page.locator('[data-code="REPORT_NOT_FOUND"]')).toContainText('未找到该编号的信用报告')
    await ui.lookUp(` ${number.toLowerCase()} `)
    await expect(page).toHaveURL(new RegExp(`/reports/${number}$`))
    await expect(ui.entry().getByTestId('entry-number')).toHaveText(number)
    await checkPage(page, 'report-verify-number', testInfo)
    await page.unrouteAll({ behavior: 'ignoreErrors' })
    expectNoConsoleErrors(errors, [FAILED_LOAD])
  })

  test('signed in as ent1: the full edition is offered on the profile and on my file, and downloads', async ({ page }, testInfo) => {
    const errors = watchConsole(page)
    const ui = new ReportPages(page)
    await page.goto('/')
    await signIn(page, 'ent1')

    await page.goto(`/subjects/${ENT1}`)
    await expect(page.getByTestId('owner-note')).toBeVisible()
    await expect(ui.edition('public')).toBeVisible()
    await expect(ui.edition('full')).toContainText('完整版')
    const number = await ui.make('full')
    await expect(ui.action().getByTestId('report-made')).toContainText('完整版信用报告已生成')
    const full = await ui.download()
    expect(full.fileName).toBe(`credit-report-${number}.pdf`)
    expect(full.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF')

    // my file: the full edition of oneself only
    await page.goto('/me/file')
    await expect(page.getByTestId('records')).toBeVisible()
    await expect(ui.action().getByTestId('report-edition-single')).toContainText('完整版')
    const own = await ui.make()
    expect(own).not.toBe(number)
    const pdf = await ui.download()
    expect(pdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF')
    await checkPage(page, 'report-my-file', testInfo)

    await ui.action().getByTestId('verify-link').click()
    await expect(ui.entry().getByTestId('entry-edition')).toHaveText('完整版')
    await ui.upload(pdf.path)
    await expect(ui.verdict()).toHaveAttribute('data-status', 'VALID')
    expectNoConsoleErrors(errors)
  })

  test('a report revoked by an admin: its page and its file say so', async ({ page, request }, testInfo) => {
    const errors = watchConsole(page)
    const ui = new ReportPages(page)
    // setup through the API: a public report, revoked by admin1
    const made = await request.post('/api/v1/reports', { data: { subject: ENT1, edition: 'public' } })
    expect(made.status()).toBe(200)
    const number = made.headers()['x-report-number'] ?? ''
    expect(number).toMatch(REPORT_NUMBER)
    const bytes = await made.body()
    const admin = await tokenOf(request, 'admin1')
    const reason = '端到端测试：报告信息有误，予以撤销'
    const revoked = await request.post(`/api/v1/reports/${number}:revoke`, { headers: { Authorization: `Bearer ${admin}` }, data: { reason } })
    expect(revoked.status(), await revoked.text()).toBe(200)

    await ui.openVerify(number)
    await expect(ui.entry()).toHaveAttribute('data-status', 'REVOKED')
    await expect(ui.entry().getByTestId('entry-state')).toHaveText('该编号的报告由本平台签发，但已被撤销，不再有效。')
    await expect(ui.entry().getByTestId('entry-revoke-reason')).toHaveText(reason)
    await expect(ui.entry().getByTestId('entry-revoked-at')).not.toBeEmpty()
    await ui.upload({ name: `${number}.pdf`, mimeType: 'application/pdf', buffer: bytes })
    await expect(ui.verdict()).toHaveAttribute('data-status', 'REVOKED')
    await expect(ui.verdict().getByTestId('verdict-title')).toHaveText('报告已被撤销')
    await checkPage(page, 'report-verify-revoked', testInfo)
    expectNoConsoleErrors(errors)
  })

  test('the header and the footer lead to the verification page', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('navigation', { name: '菜单' }).getByRole('link', { name: '报告验证' }).click()
    await expect(page).toHaveURL(/\/reports\/verify$/)
    await expect(page.getByRole('heading', { level: 1, name: '信用报告验证' })).toBeVisible()
    await page.goto('/')
    await page.getByTestId('footer-rules').click()
    await expect(page).toHaveURL(/\/evaluation-rules$/)
    await page.getByTestId('footer-verify').click()
    await expect(page).toHaveURL(/\/reports\/verify$/)
  })
})

// ---- the credit grade (公共信用综合评价) ----
// The tests read the live answers of record-service and search-service; where a field is absent (a stack without
// the evaluation) they add the contract's example to that answer (docs/contracts.md, "evaluation"), so the portal's
// rendering is tested either way and the assertions follow whatever the answer holds.

const EXAMPLE_EVALUATION = {
  grade: 'D', nameZh: '差', nameEn: 'poor', score: 95, rulesVersion: '2026.1',
  reasons: [
    { rule: 'BLACK_LIST', nameZh: '列入严重失信主体名单', nameEn: 'On a serious dishonesty list', points: 0, count: 1, forcesGrade: 'D' },
    { rule: 'PENALTY_ORDINARY_12M', nameZh: '近12个月一般失信行政处罚', nameEn: 'Ordinary administrative penalty in the last 12 months', points: -10, count: 2, forcesGrade: null },
    { rule: 'RED_LIST', nameZh: '诚实守信相关荣誉（红名单）', nameEn: 'Red-list entry', points: 5, count: 1, forcesGrade: null },
  ],
  changesOn: '2027-03-01', evaluatedOn: '2026-12-06',
}
const EXAMPLE_RULES = {
  version: '2026.1', startScore: 100,
  grades: [
    { grade: 'A', nameZh: '优', nameEn: 'excellent', minScore: 105 }, { grade: 'B', nameZh: '良', nameEn: 'good', minScore: 90 },
    { grade: 'C', nameZh: '中', nameEn: 'fair', minScore: 70 }, { grade: 'D', nameZh: '差', nameEn: 'poor', minScore: null },
  ],
  rules: [
    { code: 'BLACK_LIST', nameZh: '列入严重失信主体名单', nameEn: 'On a serious dishonesty list', kinds: ['BLACK_LIST'], points: 0, perRecord: false, forcesGrade: 'D' },
    { code: 'PENALTY_SERIOUS_12M', nameZh: '近12个月严重失信行政处罚', nameEn: 'Serious penalty in the last 12 months', categories: ['ADM_PENALTY'], severity: '严重', withinMonths: 12, points: -20, perRecord: true },
    { code: 'RED_LIST', nameZh: '诚实守信相关荣誉（红名单）', nameEn: 'Red-list entry', categories: ['TAX_A_GRADE'], points: 5, perRecord: true },
  ],
}
const GRADE_NAMES: Record<string, string> = { A: '优', B: '良', C: '中', D: '差' }

interface Reason { rule: string; nameZh?: string; points?: number; count?: number; forcesGrade?: string | null }
interface Evaluation { grade: string; score?: number; reasons?: Reason[]; changesOn?: string | null }
interface Rules { startScore: number; grades: { grade: string; minScore: number | null }[]; rules: { code: string; nameZh?: string; points?: number; forcesGrade?: string | null }[] }

/** Answers a JSON call with the live answer, plus `patch` of it when the live answer lacks the field. */
async function withLive(route: Route, patch: (body: Record<string, unknown>) => boolean) {
  const response = await route.fetch()
  const body = (await response.json()) as Record<string, unknown>
  patch(body)
  await route.fulfill({ response, json: body })
}

async function profileEvaluation(page: Page): Promise<{ evaluation: Evaluation; example: boolean }> {
  let seen: { evaluation: Evaluation; example: boolean } | undefined
  await page.route(`**/api/v1/public/subjects/${ENT1}`, (route) =>
    withLive(route, (body) => {
      const example = !body.evaluation
      if (example) body.evaluation = EXAMPLE_EVALUATION
      seen = { evaluation: body.evaluation as Evaluation, example }
      return example
    }),
  )
  await page.goto(`/subjects/${ENT1}`)
  await expect(page.getByTestId('profile-name')).toHaveText(ENT1_NAME)
  expect(seen).toBeDefined()
  return seen!
}

function points(p: number | undefined): string {
  if (!p) return '0'
  return p > 0 ? `+${p}` : `−${Math.abs(p)}`
}

test.describe('the credit grade', () => {
  test('the profile without an evaluation shows no grade at all', async ({ page }) => {
    await page.route(`**/api/v1/public/subjects/${ENT1}`, (route) =>
      withLive(route, (body) => {
        delete body.evaluation
        return true
      }),
    )
    await page.goto(`/subjects/${ENT1}`)
    await expect(page.getByTestId('profile-name')).toHaveText(ENT1_NAME)
    await expect(page.getByTestId('report-action')).toBeVisible()
    await expect(page.getByTestId('grade-badge')).toHaveCount(0)
    await expect(page.getByTestId('evaluation')).toHaveCount(0)
    await page.unrouteAll({ behavior: 'ignoreErrors' })
  })

  test('a partial profile (record-service not answering) says so and shows the grade the index holds', async ({ page }) => {
    await page.route(`**/api/v1/public/subjects/${ENT1}`, (route) =>
      withLive(route, (body) => {
        delete body.evaluation
        body.partial = true
        body.grade = 'C'
        body.records = []
        return true
      }),
    )
    await page.goto(`/subjects/${ENT1}`)
    await expect(page.getByTestId('profile-name')).toHaveText(ENT1_NAME)
    await expect(page.getByTestId('profile-partial')).toBeVisible()
    await expect(page.locator('.name-row [data-test="grade-badge"]')).toHaveAttribute('data-grade', 'C')
    await expect(page.getByTestId('evaluation')).toHaveCount(0)
    await page.unrouteAll({ behavior: 'ignoreErrors' })
  })

  test('the profile: grade badge, reasons with points and counts, the day it changes, and the rules page', async ({ page }, testInfo) => {
    const errors = watchConsole(page)
    const { evaluation } = await profileEvaluation(page)
    const name = GRADE_NAMES[evaluation.grade] ?? ''
    await expect(page.locator('.name-row [data-test="grade-badge"]')).toHaveAttribute('data-grade', evaluation.grade)
    await expect(page.locator('.name-row [data-test="grade-badge"]')).toHaveText(`${evaluation.grade}${name}`)
    await expect(page.locator('.name-row [data-test="grade-badge"]')).toHaveAttribute('aria-label', `公共信用综合评价：${evaluation.grade} 级（${name}）`)
    const panel = page.getByTestId('evaluation')
    if (evaluation.score !== undefined) await expect(panel.getByTestId('evaluation-score')).toHaveText(`${evaluation.score < 0 ? `−${-evaluation.score}` : evaluation.score} 分`)
    if (evaluation.changesOn) await expect(panel.getByTestId('evaluation-changes-on')).toHaveText(`预计变化日期：${evaluation.changesOn}`)
    else await expect(panel.getByTestId('evaluation-changes-on')).toHaveCount(0)

    // the reasons open on request
    await expect(panel.getByTestId('evaluation-reasons')).toBeHidden()
    await panel.getByTestId('evaluation-toggle').click()
    await expect(panel.getByTestId('evaluation-toggle')).toHaveAttribute('aria-expanded', 'true')
    const reasons = evaluation.reasons ?? []
    await expect(panel.getByTestId('evaluation-reason')).toHaveCount(reasons.length)
    for (const r of reasons) {
      const row = panel.locator(`[data-test="evaluation-reason"][data-rule="${r.rule}"]`)
      if (r.nameZh) await expect(row).toContainText(r.nameZh)
      await expect(row.getByTestId('evaluation-points')).toHaveText(points(r.points))
      if (r.count !== undefined) await expect(row.locator('td').nth(1)).toHaveText(String(r.count))
      if (r.forcesGrade) await expect(row.getByTestId('evaluation-forces')).toHaveText(`直接评为 ${r.forcesGrade} 级`)
    }
    await checkPage(page, 'grade-profile', testInfo)

    // the rules page, live or (until record-service serves it) the contract's example
    let rules: Rules | undefined
    await page.route('**/api/v1/catalog/evaluation-rules', async (route) => {
      const response = await route.fetch()
      rules = response.ok() ? ((await response.json()) as Rules) : (EXAMPLE_RULES as Rules)
      await route.fulfill({ status: 200, json: rules })
    })
    await panel.getByTestId('evaluation-rules-link').click()
    await expect(page).toHaveURL(/\/evaluation-rules$/)
    await expect(page.getByRole('heading', { level: 1, name: '公共信用综合评价规则' })).toBeVisible()
    await expect(page.getByTestId('rules-table')).toBeVisible()
    expect(rules).toBeDefined()
    await expect(page.getByTestId('rules-start-score')).toHaveText(`基础分：${rules!.startScore} 分`)
    for (const g of rules!.grades) {
      const item = page.locator(`[data-test="rules-grades"] li[data-grade="${g.grade}"]`)
      await expect(item).toContainText(g.minScore === null ? '低于以上各级的分数' : `≥ ${g.minScore} 分`)
    }
    await expect(page.getByTestId('rules-row')).toHaveCount(rules!.rules.length)
    for (const r of rules!.rules) {
      const row = page.locator(`[data-test="rules-row"][data-rule="${r.code}"]`)
      if (r.nameZh) await expect(row).toContainText(r.nameZh)
      await expect(row).toContainText(r.forcesGrade ? `直接评为 ${r.forcesGrade} 级` : points(r.points))
    }
    await checkPage(page, 'grade-rules', testInfo)
    await page.unrouteAll({ behavior: 'ignoreErrors' })
    expectNoConsoleErrors(errors)
  })

  test('search: a grade facet in the URL and the grade on each result', async ({ page }, testInfo) => {
    const errors = watchConsole(page)
    const ui = new SearchPages(page)
    const asked: string[] = []
    await page.route('**/api/v1/search?*', (route) => {
      asked.push(new URL(route.request().url()).searchParams.get('grade') ?? '')
      return withLive(route, (body) => {
        const facets = (body.facets ?? {}) as Record<string, unknown>
        if (facets.grade) return false
        facets.grade = [{ value: 'B', count: 9000 }, { value: 'A', count: 120 }, { value: 'D', count: 40 }, { value: 'C', count: 300 }]
        body.facets = facets
        for (const item of (body.items ?? []) as Record<string, unknown>[]) item.grade ??= item.code === ENT1 ? 'D' : 'B'
        return true
      })
    })
    await ui.openResults({ q: '柳州示范机械' })
    await expect(ui.result(ENT1)).toBeVisible()
    const grade = await ui.result(ENT1).getByTestId('grade-badge').getAttribute('data-grade')
    expect(grade).toMatch(/^[ABCD]$/)
    await expect(ui.result(ENT1).getByTestId('grade-badge')).toHaveText(`${grade}${GRADE_NAMES[grade!]}`)
    const facet = page.getByTestId('facet-grade')
    await expect(facet.locator('.facet-label').first()).toHaveText(/^[ABCD] [优良中差]$/)
    const labels = await facet.locator('.facet-label').allInnerTexts()
    expect(labels).toEqual([...labels].sort())
    await checkPage(page, 'grade-search', testInfo)
    // back at desktop width (checkPage ends on the phone size): the facets are no longer folded
    await expect(page.getByTestId('facets-toggle')).toHaveCount(0)

    await ui.chooseFacet('grade', grade!)
    await expect(page).toHaveURL(new RegExp(`[?&]grade=${grade}`))
    await expect(page.getByTestId('selected-grade')).toHaveText(`${grade} ${GRADE_NAMES[grade!]} ×`)
    await expect(facet.locator(`[data-value="${grade}"]`)).toHaveAttribute('aria-pressed', 'true')
    expect(asked.at(-1)).toBe(grade)
    await page.goBack()
    await expect(page).not.toHaveURL(/grade=/)
    await expect(ui.result(ENT1)).toBeVisible()
    await page.unrouteAll({ behavior: 'ignoreErrors' })
    expectNoConsoleErrors(errors)
  })
})
