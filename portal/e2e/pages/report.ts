import { expect, type Locator, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'

/** A report number as report-service makes it: CR + day + '-' + 12 Crockford base-32 characters. */
export const REPORT_NUMBER = /^CR\d{8}-[0-9A-HJKMNP-TV-Z]{12}$/

/** A downloaded report: the name the browser suggested and the bytes saved. */
export interface DownloadedReport {
  fileName: string
  path: string
  bytes: Buffer
}

/** The credit report action (profile, my file) and the verification page (/reports/verify, /reports/{number}). */
export class ReportPages {
  constructor(readonly page: Page) {}

  action(): Locator {
    return this.page.getByTestId('report-action')
  }

  edition(edition: 'public' | 'full'): Locator {
    return this.action().getByTestId(`edition-${edition}`)
  }

  /** Makes a report (choosing the edition when offered) and returns the number shown. */
  async make(edition?: 'public' | 'full'): Promise<string> {
    if (edition) await this.edition(edition).click()
    await this.action().getByTestId('make-report').click()
    await expect(this.action().getByTestId('report-made')).toBeVisible({ timeout: 30_000 })
    const number = (await this.action().getByTestId('report-number').innerText()).trim()
    expect(number).toMatch(REPORT_NUMBER)
    return number
  }

  /** Clicks the download link of the report just made; returns the file the browser saved. */
  async download(): Promise<DownloadedReport> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.action().getByTestId('download-report').click(),
    ])
    const path = await download.path()
    return { fileName: download.suggestedFilename(), path, bytes: readFileSync(path) }
  }

  // ---- verification ----
  async openVerify(number?: string) {
    await this.page.goto(number ? `/reports/${encodeURIComponent(number)}` : '/reports/verify')
    await expect(this.page.getByTestId('verify-page')).toBeVisible()
  }

  numberInput(): Locator {
    return this.page.locator('input[data-test="number-input"], [data-test="number-input"] input').first()
  }

  /** Types a number and submits it: with Enter, or with the button. */
  async lookUp(number: string, by: 'enter' | 'button' = 'enter') {
    await this.numberInput().fill(number)
    if (by === 'button') await this.page.getByTestId('lookup').click()
    else await this.numberInput().press('Enter')
  }

  entry(): Locator {
    return this.page.getByTestId('report-entry')
  }

  async upload(file: { name: string; mimeType: string; buffer: Buffer } | string) {
    await this.page.getByTestId('verify-file').setInputFiles(file)
  }

  verdict(): Locator {
    return this.page.getByTestId('verdict')
  }
}

/** The same bytes with one byte changed (in the middle of the file: content, not the signature's own bytes only). */
export function alterOneByte(bytes: Buffer, at = Math.floor(bytes.length / 3)): Buffer {
  const copy = Buffer.from(bytes)
  copy[at] = (copy[at] ?? 0) ^ 0x01
  return copy
}
