import { expect, test } from '@playwright/test'
import { checkPage, expectNoConsoleErrors, signIn, watchConsole } from './support'
import { PartnerPages } from './pages/partner'

/** The partner who runs the check: a Keycloak user with role partner (department bank); any officer works too. */
const CHECKER = process.env.E2E_PARTNER_USER ?? 'partner-bank'
const ENT1 = '91450200MA5K00012P'
const ENT2 = '91450403MA5K000470'

test.describe('credit check, statistics and API docs', () => {
  test('a partner checks three subjects for government procurement and downloads the CSV', async ({ page }, testInfo) => {
    const errors = watchConsole(page)
    // a subject on a procurement black list (政府采购严重违法失信行为记录 → 限制参与政府采购), from the public search
    let items: { code?: string; status?: string }[] = []
    await expect
      .poll(async () => {
        const search = await page.request.get('/api/v1/search?list=black&category=PROCUREMENT_BAN&size=20')
        if (search.ok()) items = ((await search.json()) as { items: typeof items }).items
        return search.status()
      })
      .toBe(200)
    const black = items.find((i) => i.code && i.code !== ENT1 && i.code !== ENT2 && i.status === 'ACTIVE')?.code
    expect(black, 'a subject with a PROCUREMENT_BAN entry').toBeTruthy()

    const ui = new PartnerPages(page)
    await ui.openPartner()
    await expect(ui.access()).toContainText('client_credentials')
    await expect(page.getByTestId('partner-sign-in')).toBeVisible()
    await checkPage(page, 'partner-anonymous', testInfo)

    await signIn(page, CHECKER)
    await expect(page).toHaveURL(/\/partner$/)
    await ui.chooseScenario('GOV_PROCUREMENT')
    // a CSV file (UTF-8 with BOM, header, quoted cells): its first column fills the list; a GBK file is refused
    await ui.uploadCsv('subjects.csv', Buffer.from(`\uFEFF统一社会信用代码,名称\r\n${ENT1},"柳州示范机械有限公司, 总部"\r\n${ENT2},x\r\n`))
    await expect(ui.subjectsText()).toHaveValue(`${ENT1}\n${ENT2}`)
    await expect(ui.summary()).toContainText('有效代码 2 个')
    await ui.uploadCsv('gbk.csv', Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x0d, 0x0a]))
    await expect(page.getByText('文件不是 UTF-8 编码')).toBeVisible()
    // pasted with a duplicate, a blank line and a bad line: the form counts them before sending
    await ui.fillCheck('e2e 政府采购供应商资格审查', [ENT1, ENT2, '', black as string, ENT1.toLowerCase(), 'NOT-A-CODE'])
    await expect(ui.summary()).toContainText('有效代码 3 个')
    await expect(ui.summary()).toContainText('已去除重复 1 个')
    await expect(ui.summary()).toContainText('无效 1 个')
    // the names come with the check's answer: no registry call per subject
    const nameCalls: string[] = []
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname
      if (/^\/api\/v1\/subjects\/[^/]+$/.test(path) && !path.endsWith('/mine')) nameCalls.push(path)
    })
    await ui.submit()

    await expect(page.getByTestId('count-total')).toHaveText('3')
    await expect(ui.row(ENT1)).toBeVisible()
    await expect(ui.row(ENT2)).toBeVisible()
    const blackRow = ui.row(black as string)
    await expect(blackRow.getByTestId('row-entries')).toContainText('政府采购严重违法失信行为记录')
    await expect(blackRow.getByTestId('row-measures')).toContainText('限制参与政府采购')
    await expect(blackRow.getByTestId('row-name')).not.toHaveText(/加载中/)
    const blackName = (await blackRow.getByTestId('row-name').textContent())?.trim() ?? ''
    await expect(ui.row(ENT1).getByTestId('row-name')).toHaveText('柳州示范机械有限公司')
    await checkPage(page, 'partner-result', testInfo)

    const { download, text } = await ui.downloadCsv()
    expect(download.suggestedFilename()).toMatch(/^信用核查结果-政府采购-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(text.charCodeAt(0)).toBe(0xfeff) // BOM: Excel reads UTF-8
    const lines = text.slice(1).trim().split('\r\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toContain('统一社会信用代码/证件号码')
    expect(lines[1]).toContain(ENT1)
    expect(lines[1]).toContain('柳州示范机械有限公司')
    const blackLine = lines.find((l) => l.includes(black as string)) ?? ''
    expect(blackLine).toContain(blackName)
    expect(blackLine).toContain('限制参与政府采购')
    expect(blackLine).toContain('政府采购')
    expect(nameCalls, 'names from the check answer, not one call per subject').toEqual([])
    expectNoConsoleErrors(errors)
  })

  test('an admin sees the statistics as charts with tables', async ({ page }, testInfo) => {
    const errors = watchConsole(page)
    const ui = new PartnerPages(page)
    await page.goto('/')
    await signIn(page, 'admin1')
    await ui.openStats()
    for (const name of ['records', 'timeliness', 'cases'] as const) {
      await expect(ui.chart(name).locator('canvas').first()).toBeVisible()
    }
    await expect(page.getByTestId('table-cases')).toBeAttached()
    await checkPage(page, 'stats', testInfo)
    expectNoConsoleErrors(errors)
  })

  test('the API docs page links the Swagger UI and every OpenAPI document', async ({ page }, testInfo) => {
    const errors = watchConsole(page)
    const ui = new PartnerPages(page)
    await ui.openDocs()
    await expect(page.getByTestId('swagger-link')).toHaveAttribute('href', '/swagger-ui.html')
    for (const s of ['subject', 'record', 'search', 'objection']) {
      await expect(page.getByTestId(`openapi-${s}`)).toHaveAttribute('href', `/openapi/${s}`)
    }
    await checkPage(page, 'docs', testInfo)
    expectNoConsoleErrors(errors)
  })
})
