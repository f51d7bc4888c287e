import { expect, test } from '@playwright/test'
import { checkPage, expectNoConsoleErrors, signIn, signOut, watchConsole } from './support'
import {
  acceptCase, caseAction, DepartmentConsole, ENT1, fileObjection, freshDocumentNumber, ownRecord, penaltyFields, publicRecord, pushPenalty,
  ReviewConsole, shanghaiDate,
} from './pages/console'

function csv(rows: string[][]): string {
  return '\uFEFF' + rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n'
}

test.describe('staff consoles', () => {
  test('a department uploads a CSV batch and finds its bad row by document number with the error in words', async ({ page }, testInfo) => {
    const errors = watchConsole(page)
    const fields = penaltyFields()
    const keys = Object.keys(fields)
    const header = ['category', 'subjectIdentifier', 'subjectName', 'documentNumber', 'decisionDate', ...keys]
    const good1 = freshDocumentNumber('B')
    const good2 = freshDocumentNumber('B')
    const bad = freshDocumentNumber('X')
    const row = (doc: string, date: string) => ['ADM_PENALTY', ENT1, '演示企业', doc, date, ...keys.map((k) => fields[k]!)]
    const file = csv([header, row(good1, shanghaiDate(-3)), row(bad, '2099-01-01'), row(good2, shanghaiDate(-2))])

    await page.goto('/')
    await signIn(page, 'officer-market')
    const department = new DepartmentConsole(page)
    await department.open('upload')
    await expect(page.getByTestId('template-category')).toBeVisible()
    await checkPage(page, 'console-department-upload', testInfo)

    await department.upload('penalties.csv', file)
    await expect(department.total('rows')).toHaveText('3')
    await expect(department.total('created')).toHaveText('2')
    await expect(department.total('rejected')).toHaveText('1')
    // the report opens on the rejected rows: the bad one, with its document number and the error in words
    const badRow = department.reportRow(bad)
    await expect(badRow).toBeVisible()
    await expect(badRow.getByTestId('batch-row-number')).toHaveText('2')
    await expect(badRow.getByTestId('batch-row-result')).toHaveAttribute('data-result', 'rejected')
    await expect(badRow.getByTestId('batch-row-errors')).toContainText('决定日期')
    await expect(badRow.getByTestId('batch-row-errors')).toContainText('决定日期不能晚于今天')
    await expect(department.reportRow(good1)).toHaveCount(0)
    await department.filterResult('全部结果')
    await expect(department.reportRow(good1).getByTestId('batch-row-result')).toHaveAttribute('data-result', 'created')
    await expect(department.reportRow(good2)).toBeVisible()
    await checkPage(page, 'console-department-report', testInfo)
    expectNoConsoleErrors(errors)
  })

  test('a reviewer sees the queues with counts, accepts a submitted objection, and the record shows 异议中 publicly', async ({ page, request }, testInfo) => {
    const errors = watchConsole(page)
    const recordId = await pushPenalty(request)
    const caseId = await fileObjection(request, recordId)

    await page.goto('/')
    await signIn(page, 'reviewer1')
    const review = new ReviewConsole(page)
    await review.open()
    const counts = await review.counts()
    expect(counts.new).toBeGreaterThanOrEqual(1)
    expect(counts.open).toBeGreaterThanOrEqual(counts.new!)
    await expect(page.getByTestId('case-link').first()).toBeVisible()
    await checkPage(page, 'console-review', testInfo)
    await review.tab('overdue').click()
    await expect(page).toHaveURL(/queue=overdue/)
    await expect(review.count('overdue')).toBeVisible()

    await review.openCase(caseId)
    await expect(page.getByTestId('case-record')).toContainText(ENT1)
    await expect(page.getByTestId('record-state')).toHaveAttribute('data-state', 'ACTIVE')
    await expect(page.getByTestId('case-reason')).toContainText('端到端测试')
    await expect(page.getByTestId('action-accept')).toBeVisible()
    await checkPage(page, 'console-review-case', testInfo)
    const newBefore = Number(await review.count('new').innerText())
    await acceptCase(page, caseId)
    await expect(page.getByTestId('action-assign')).toBeVisible()
    await expect(page.locator('[data-test="timeline-entry"][data-action="ACCEPT"]')).toContainText('材料齐全')
    // the answer refreshed the counts: one case fewer waits to be accepted
    await expect.poll(async () => Number(await review.count('new').innerText())).toBe(newBefore - 1)

    // the record is DISPUTED and the public profile labels it 异议中
    await expect.poll(async () => (await publicRecord(request, recordId))?.disputed, { timeout: 20_000 }).toBe(true)
    const where = await publicRecord(request, recordId)
    await page.goto(`/subjects/${ENT1}?category=ADM_PENALTY&page=${where!.profilePage}`)
    const card = page.locator(`[data-test="record"][data-record="${recordId}"]`)
    await expect(card.getByTestId('record-disputed')).toHaveText('异议中')
    expectNoConsoleErrors(errors)
  })

  test('the department proposes a correction with the catalog form and the reviewer concludes it', async ({ page, request }, testInfo) => {
    const errors = watchConsole(page)
    const recordId = await pushPenalty(request)
    const caseId = await fileObjection(request, recordId)
    await caseAction(request, 'reviewer1', caseId, 'accept', { note: '受理' })

    await page.goto('/')
    await signIn(page, 'reviewer1')
    const review = new ReviewConsole(page)
    await review.openCase(caseId)
    await review.act('assign', '请核查罚款金额')
    await expect(review.detail()).toHaveAttribute('data-state', 'VERIFYING')
    await expect(page.getByTestId('case-waiting')).toBeVisible()
    await signOut(page)

    await signIn(page, 'officer-market')
    const department = new DepartmentConsole(page)
    await department.open()
    await expect(page.getByTestId('queue-count-open')).toBeVisible()
    await checkPage(page, 'console-department', testInfo)
    await department.openCase(caseId)
    await page.locator('[data-test="outcome-CORRECTED"]').click()
    // the form is the catalog entry's fields with their national-standard labels, prefilled with the record as it is
    const fine = page.getByLabel('罚款金额（万元）')
    await expect(fine).toHaveValue('0.5')
    await expect(page.getByLabel('违法行为类型')).toHaveValue('虚假宣传')
    await fine.fill('0.2')
    await page.getByLabel('核查理由（必填）').fill('罚款金额录入错误，应为 0.2 万元')
    await checkPage(page, 'console-department-case', testInfo)
    await page.getByTestId('propose-submit').click()
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click()
    await expect(page.getByTestId('case-proposal')).toContainText('更正记录')
    await expect(page.getByTestId('propose-form')).toHaveCount(0)
    await signOut(page)

    await signIn(page, 'reviewer1')
    await review.openCase(caseId)
    await expect(page.getByTestId('case-proposal')).toContainText('0.2')
    await review.act('decide', '经核查，更正罚款金额', 'CORRECTED')
    await expect(review.detail()).toHaveAttribute('data-state', 'CONCLUDED')
    await expect(page.getByTestId('case-decision')).toContainText('更正记录')
    await expect.poll(async () => (await ownRecord(request, recordId))?.fields.fineAmount, { timeout: 20_000 }).toBe('0.2')
    expectNoConsoleErrors(errors)
  })
})
