import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test'
import { DEMO_PASSWORD } from '../support'

/** ent1's code (the demo enterprise, Liuzhou). */
export const ENT1_USCC = '91450200MA5K00012P'
/** a valid authority code for the penalty fields */
const AUTHORITY_USCC = '91450202247789656F'

/** A Shanghai date `offsetDays` from today, yyyy-MM-dd (the platform's dates are Shanghai dates). */
export function shanghaiDay(offsetDays = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offsetDays * 86_400_000))
}

/** A small valid PDF (header, one empty page, trailer): enough for the service's content check. */
export function pdfBytes(text = 'e2e'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n` +
      `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  )
}

export interface UploadFile {
  name: string
  mimeType: string
  buffer: Buffer
}

export function pdfFile(name: string, text = name): UploadFile {
  return { name, mimeType: 'application/pdf', buffer: pdfBytes(text) }
}

/** A demo user's access token by the password grant against the realm the portal uses. */
export async function tokenOf(request: APIRequestContext, username: string): Promise<string> {
  const config = (await (await request.get('/portal-config.json')).json()) as { authority: string; clientId: string }
  const answer = await request.post(`${config.authority}/protocol/openid-connect/token`, {
    form: { grant_type: 'password', client_id: config.clientId, username, password: DEMO_PASSWORD },
  })
  expect(answer.ok(), `token of ${username}`).toBeTruthy()
  return ((await answer.json()) as { access_token: string }).access_token
}

/**
 * Pushes a fresh 行政处罚 about ent1 as officer-market (test setup), decided `daysAgo` days ago (Shanghai);
 * a new document number each time, so every run has records of its own. Returns the record id.
 */
export async function pushEnt1Penalty(request: APIRequestContext, daysAgo: number, tag = 'E2E'): Promise<string> {
  const token = await tokenOf(request, 'officer-market')
  const documentNumber = `柳市监罚〔${shanghaiDay(-daysAgo).slice(0, 4)}〕${tag}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`
  const answer = await request.post('/api/v1/records', {
    headers: { Authorization: `Bearer ${token}` },
    data: {
      category: 'ADM_PENALTY',
      subject: { identifier: ENT1_USCC, name: '演示企业' },
      documentNumber,
      decisionDate: shanghaiDay(-daysAgo),
      fields: {
        violationType: '其他', violationFacts: '未按规定公示年度报告（端到端测试）', penaltyBasis: '《企业信息公示暂行条例》第十条',
        penaltyCategory: '罚款', penaltyContent: '罚款人民币五千元', fineAmount: '0.5', penaltyValidUntil: shanghaiDay(30),
        authority: '柳州市市场监督管理局', authorityUscc: AUTHORITY_USCC, dataSource: '柳州市市场监督管理局', dataSourceUscc: AUTHORITY_USCC,
      },
    },
  })
  expect(answer.status(), await answer.text()).toBe(201)
  return ((await answer.json()) as { id: string }).id
}

/** The repair eligibility of a record as ent1 sees it (test setup: find or confirm an eligible record). */
export async function eligibilityOf(request: APIRequestContext, recordId: string): Promise<{ eligible: boolean; eligibleFrom?: string; minPublicityUntil?: string }> {
  const token = await tokenOf(request, 'ent1')
  const answer = await request.get(`/api/v1/repairs/eligibility?record=${recordId}`, { headers: { Authorization: `Bearer ${token}` } })
  expect(answer.status(), await answer.text()).toBe(200)
  return answer.json()
}

/**
 * Files an objection through the portal as the signed-in subject: opens /objections/new?record=ID, types the
 * reason, attaches the files (a small PDF by default), submits and waits for the confirmation. Returns the case
 * number and the deadline text shown.
 */
export async function fileObjection(
  page: Page,
  recordId: string,
  reason: string,
  files: UploadFile[] = [pdfFile('evidence.pdf')],
): Promise<{ caseId: string; deadline: string }> {
  const pages = new SubjectPages(page)
  await pages.openObjection(recordId)
  await pages.reason().fill(reason)
  if (files.length) await pages.attach('evidence', files)
  await page.getByTestId('submit-objection').click()
  await expect(page.getByTestId('filing-done')).toBeVisible()
  const caseId = (await page.getByTestId('case-number').innerText()).trim()
  const deadline = (await page.getByTestId('case-deadline').innerText()).trim()
  return { caseId, deadline }
}

/** The subject's own pages: credit file, objection and repair forms, cases. */
export class SubjectPages {
  constructor(readonly page: Page) {}

  // ---- my credit file ----
  async openFile() {
    await this.page.goto('/me/file')
    await expect(this.page.getByTestId('records')).toBeVisible()
  }

  records(): Locator {
    return this.page.getByTestId('record')
  }

  record(id: string): Locator {
    return this.page.locator(`[data-test="record"][data-record-id="${id}"]`)
  }

  // ---- filing ----
  async openObjection(recordId: string) {
    await this.page.goto(`/objections/new?record=${encodeURIComponent(recordId)}`)
    await expect(this.page.getByTestId('objection-form')).toBeVisible()
  }

  async openRepair(recordId: string) {
    await this.page.goto(`/repairs/new?record=${encodeURIComponent(recordId)}`)
    await expect(this.page.getByTestId('eligibility')).toBeVisible()
  }

  /** A textarea of the forms by its data-test (el-input puts the attribute on the textarea itself). */
  textarea(testId: string): Locator {
    return this.page.locator(`textarea[data-test="${testId}"], [data-test="${testId}"] textarea`)
  }

  reason(): Locator {
    return this.textarea('reason')
  }

  /** Puts files into an attachment picker (`evidence`, `proof`, `other-files`) and waits until each is listed. */
  async attach(picker: string, files: UploadFile[]) {
    const box = this.page.getByTestId(picker)
    const before = await box.getByTestId('picked-files').locator('li').count()
    await box.locator('input[type=file]').setInputFiles(files)
    await expect(box.getByTestId('picked-files').locator('li')).toHaveCount(before + files.length)
  }

  condition(name: string): Locator {
    return this.page.getByTestId(`condition-${name}`)
  }

  // ---- cases ----
  async openCases() {
    await this.page.goto('/me/cases')
    await expect(this.page.getByTestId('cases')).toBeVisible()
  }

  caseItem(id: string): Locator {
    return this.page.locator(`[data-test="case"][data-case-id="${id}"]`)
  }
}
