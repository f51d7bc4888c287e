import { expect, type Download, type Locator, type Page } from '@playwright/test'

/** The partner page (信用核查), the statistics page and the API docs page. */
export class PartnerPages {
  constructor(readonly page: Page) {}

  // ---- /partner ----
  async openPartner() {
    await this.page.goto('/partner')
    await expect(this.page.getByRole('heading', { level: 1, name: '信用核查（联合奖惩）' })).toBeVisible()
  }

  access(): Locator {
    return this.page.getByTestId('partner-access')
  }

  async chooseScenario(code: string) {
    await this.page.getByTestId('check-scenario').click()
    await this.page.getByTestId(`scenario-${code}`).click()
  }

  async fillCheck(purpose: string, codes: string[]) {
    await this.page.getByTestId('check-purpose').fill(purpose)
    await this.page.getByTestId('check-subjects').fill(codes.join('\n'))
  }

  async uploadCsv(name: string, content: Buffer) {
    await this.page.getByTestId('check-csv').setInputFiles({ name, mimeType: 'text/csv', buffer: content })
  }

  subjectsText(): Locator {
    return this.page.getByTestId('check-subjects')
  }

  summary(): Locator {
    return this.page.getByTestId('check-summary')
  }

  async submit() {
    await this.page.getByTestId('check-submit').click()
    await expect(this.result()).toBeVisible()
  }

  result(): Locator {
    return this.page.getByTestId('check-result')
  }

  row(code: string): Locator {
    return this.page.getByTestId(`check-row-${code}`)
  }

  /** Clicks the CSV download and returns the file's text (BOM included). */
  async downloadCsv(): Promise<{ download: Download; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('check-download').click()])
    const stream = await download.createReadStream()
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    return { download, text: Buffer.concat(chunks).toString('utf8') }
  }

  // ---- /stats ----
  async openStats() {
    await this.page.goto('/stats')
    await expect(this.page.getByRole('heading', { level: 1, name: '统计分析' })).toBeVisible()
  }

  chart(name: 'records' | 'timeliness' | 'cases'): Locator {
    return this.page.getByTestId(`chart-${name}`)
  }

  // ---- /docs ----
  async openDocs() {
    await this.page.goto('/docs')
    await expect(this.page.getByRole('heading', { level: 1, name: '接口文档' })).toBeVisible()
  }
}
