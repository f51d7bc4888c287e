import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test'
import { DEMO_PASSWORD } from '../support'

/** Page objects of the staff consoles (审核工作台 /console/review, 部门工作台 /console/department) and API helpers. */

export const ENT1 = '91450200MA5K00012P'
/** A valid code of a local authority (处罚机关 / 数据来源单位) for pushed test records. */
export const AUTHORITY_USCC = '91450202247789656F'

/** Today in Asia/Shanghai as yyyy-MM-dd (the platform's dates are Shanghai dates). */
export function shanghaiDate(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d)
}

/** A decision document number nobody used before (the natural key makes a repeated number an update). */
export function freshDocumentNumber(tag = 'E2E'): string {
  return `柳市监罚〔2026〕${tag}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
}

/** A password-grant token of a demo user from the realm the portal uses (its /portal-config.json). */
export async function tokenOf(request: APIRequestContext, username: string): Promise<string> {
  const config = (await (await request.get('/portal-config.json')).json()) as { authority: string; clientId: string }
  const answer = await request.post(`${config.authority}/protocol/openid-connect/token`, {
    form: { grant_type: 'password', client_id: config.clientId, username, password: DEMO_PASSWORD },
  })
  expect(answer.ok(), `token of ${username}`).toBeTruthy()
  return ((await answer.json()) as { access_token: string }).access_token
}

export function penaltyFields(fineAmount = '0.5'): Record<string, string> {
  return {
    violationType: '虚假宣传', violationFacts: '发布虚假广告（端到端测试数据）', penaltyBasis: '《中华人民共和国广告法》第五十五条',
    penaltyCategory: '罚款', penaltyContent: '罚款人民币五千元', fineAmount, penaltyValidUntil: shanghaiDate(365),
    authority: '柳州市市场监督管理局', authorityUscc: AUTHORITY_USCC, dataSource: '柳州市市场监督管理局', dataSourceUscc: AUTHORITY_USCC,
  }
}

/** Pushes a fresh 行政处罚 about ent1 as officer-market; returns the record id. */
export async function pushPenalty(request: APIRequestContext, documentNumber = freshDocumentNumber()): Promise<string> {
  const token = await tokenOf(request, 'officer-market')
  const answer = await request.post('/api/v1/records', {
    headers: { Authorization: `Bearer ${token}` },
    data: { category: 'ADM_PENALTY', subject: { identifier: ENT1, name: '演示企业' }, documentNumber, decisionDate: shanghaiDate(), fields: penaltyFields() },
  })
  expect(answer.status(), await answer.text()).toBe(201)
  return ((await answer.json()) as { id: string }).id
}

/** Files an objection about the record as ent1 (with an Idempotency-Key); returns the case id. */
export async function fileObjection(request: APIRequestContext, recordId: string): Promise<string> {
  const token = await tokenOf(request, 'ent1')
  const answer = await request.post('/api/v1/objections', {
    headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': crypto.randomUUID() },
    data: { recordId, reason: '处罚决定认定的事实有误（端到端测试）' },
  })
  expect(answer.status(), await answer.text()).toBe(201)
  return ((await answer.json()) as { id: string }).id
}

/** A case action through the API, as a demo user (test setup). */
export async function caseAction(request: APIRequestContext, username: string, caseId: string, action: string, body: object = {}) {
  const token = await tokenOf(request, username)
  const answer = await request.post(`/api/v1/cases/${caseId}:${action}`, { headers: { Authorization: `Bearer ${token}` }, data: body })
  expect(answer.status(), await answer.text()).toBe(200)
  return answer.json() as Promise<{ state: string }>
}

/** The record as its subject sees it (state, fields). */
export async function ownRecord(request: APIRequestContext, recordId: string) {
  const token = await tokenOf(request, 'ent1')
  const answer = await request.get(`/api/v1/subjects/${ENT1}/records?category=ADM_PENALTY&size=100`, { headers: { Authorization: `Bearer ${token}` } })
  const page = (await answer.json()) as { items: { id: string; state: string; fields: Record<string, string> }[] }
  return page.items.find((r) => r.id === recordId)
}

/** Where the record stands among ent1's public 行政处罚 records: whether it is disputed, and its profile page (10 a page). */
export async function publicRecord(request: APIRequestContext, recordId: string) {
  for (let p = 0; p < 20; p++) {
    const answer = await request.get(`/api/v1/public/subjects/${ENT1}/records?category=ADM_PENALTY&size=100&page=${p}`)
    const page = (await answer.json()) as { items: { recordId: string; disputed: boolean; label?: string }[]; total: number }
    const i = page.items.findIndex((r) => r.recordId === recordId)
    if (i >= 0) return { ...page.items[i]!, profilePage: Math.floor((p * 100 + i) / 10) + 1 }
    if ((p + 1) * 100 >= page.total) break
  }
  return undefined
}

/** Waits for a console's case panel to be complete: the case, its record, and the queue beside it loaded. */
export async function caseShown(page: Page, caseId: string) {
  const detail = page.getByTestId('case-detail')
  await expect(detail).toHaveAttribute('data-case', caseId)
  await expect(detail).toHaveAttribute('aria-busy', 'false')
  await expect(page.getByTestId('case-title')).toBeVisible()
  await expect(page.getByTestId('record-state')).toBeVisible()
  await expect(page.getByTestId('queue-panel')).toHaveAttribute('aria-busy', 'false')
}

export class ReviewConsole {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/console/review')
    await expect(this.page.getByTestId('review-console')).toBeVisible()
    await expect(this.count('new')).toBeVisible()
  }

  tab(queue: string): Locator {
    return this.page.locator(`[data-test="queue-tab"][data-queue="${queue}"]`)
  }

  count(queue: string): Locator {
    return this.page.getByTestId(`queue-count-${queue}`)
  }

  async counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {}
    for (const q of ['new', 'due-soon', 'overdue', 'open']) out[q] = Number(await this.count(q).innerText())
    return out
  }

  detail(): Locator {
    return this.page.getByTestId('case-detail')
  }

  /** Opens a case by its deep link and waits until the queue, the case and its record are shown (no layout shift left). */
  async openCase(caseId: string) {
    await this.page.goto(`/console/review/${caseId}`)
    await caseShown(this.page, caseId)
  }

  /** Runs an action through its dialog (the dialog is the confirmation). */
  async act(action: 'accept' | 'refuse' | 'assign' | 'decide', text: string, outcome?: string) {
    await this.page.getByTestId(`action-${action}`).click()
    const dialog = this.page.getByRole('dialog')
    await expect(dialog).toBeVisible()
    if (outcome) await dialog.locator(`[data-test="outcome-${outcome}"]`).click()
    await dialog.locator('textarea').fill(text)
    await dialog.getByTestId('action-confirm').click()
    await expect(dialog).toBeHidden()
  }
}

/** Accepts a SUBMITTED case in the reviewer console (signed in as a reviewer of its region). */
export async function acceptCase(page: Page, caseId: string) {
  const review = new ReviewConsole(page)
  await review.openCase(caseId)
  await expect(review.detail()).toHaveAttribute('data-state', 'SUBMITTED')
  await review.act('accept', '材料齐全，予以受理')
  await expect(review.detail()).toHaveAttribute('data-state', 'ACCEPTED')
}

export class DepartmentConsole {
  constructor(readonly page: Page) {}

  async open(tab?: 'upload' | 'stats') {
    await this.page.goto(tab ? `/console/department?tab=${tab}` : '/console/department')
    await expect(this.page.getByTestId('department-console')).toBeVisible()
  }

  async upload(name: string, content: string, mimeType = 'text/csv') {
    await this.page.getByTestId('batch-file').setInputFiles({ name, mimeType, buffer: Buffer.from(content, 'utf8') })
    await expect(this.page.getByTestId('batch-chosen')).toContainText(name)
    await this.page.getByTestId('batch-upload').click()
    await expect(this.page.getByTestId('batch-report')).toBeVisible()
  }

  total(key: 'rows' | 'accepted' | 'created' | 'updated' | 'unchanged' | 'rejected'): Locator {
    return this.page.getByTestId(`batch-total-${key}`).locator('.n')
  }

  /** The report's table row of that document number. */
  reportRow(documentNumber: string): Locator {
    return this.page.getByTestId('batch-rows').locator('tr.el-table__row', { hasText: documentNumber })
  }

  async filterResult(label: string) {
    await this.page.getByTestId('batch-filter-result').click()
    await this.page.getByRole('option', { name: label }).click()
  }

  async openCase(caseId: string) {
    await this.page.goto(`/console/department/${caseId}`)
    await caseShown(this.page, caseId)
  }
}
