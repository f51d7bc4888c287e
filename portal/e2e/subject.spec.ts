import { expect, test } from '@playwright/test'
import { checkPage, expectNoConsoleErrors, signIn, watchConsole } from './support'
import { eligibilityOf, fileObjection, pdfFile, pushEnt1Penalty, shanghaiDay, SubjectPages } from './pages/subject'

test.describe('the subject’s own side', () => {
  test('ent1 reads its file with the reasons, files an objection with a PDF, and follows the case', async ({ page, request }, testInfo) => {
    const errors = watchConsole(page)
    const recordId = await pushEnt1Penalty(request, 0, 'OBJ')
    const subject = new SubjectPages(page)

    await page.goto('/')
    await signIn(page, 'ent1')
    await subject.openFile()
    await expect(page.getByTestId('file-subject')).toContainText('91450200MA5K00012P')
    await expect(subject.records().first()).toBeVisible()
    // every record says whether it is public and why, in words
    const reasons = await subject.records().getByTestId('public-reason').allInnerTexts()
    expect(reasons.length).toBeGreaterThan(0)
    for (const r of reasons) expect(r).toMatch(/公示|修复|撤销|更正/)
    await expect(subject.records().getByTestId('public-reason').filter({ hasText: '正在公示，公示期至' }).first()).toBeVisible()
    // today's record is the newest: first page, public, with its two actions
    const fresh = subject.record(recordId)
    await expect(fresh.getByTestId('record-state')).toHaveText('有效')
    await expect(fresh.getByTestId('object')).toHaveAttribute('href', `/objections/new?record=${recordId}`)
    await expect(fresh.getByTestId('repair')).toHaveAttribute('href', `/repairs/new?record=${recordId}`)
    // the repair conditions load only on request, for that record
    await fresh.getByTestId('show-eligibility').click()
    await expect(fresh.getByTestId('condition-MIN_PUBLICITY_PASSED')).toContainText('最短公示期未满')
    await checkPage(page, 'subject-file', testInfo)

    await subject.openObjection(recordId)
    await expect(page.getByTestId('record-brief')).toContainText('行政处罚')
    await checkPage(page, 'subject-objection-form', testInfo)
    // a file that is not a PDF/PNG/JPEG is refused in the browser, before any upload
    await page.getByTestId('evidence').locator('input[type=file]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') })
    await expect(page.getByTestId('file-refusals')).toContainText('notes.txt')

    const { caseId, deadline } = await fileObjection(page, recordId, '处罚决定书所载违法事实与实际不符，年度报告已按时公示（端到端测试）。', [pdfFile('evidence.pdf')])
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/)
    expect(deadline).toMatch(/^应于 \d{4}-\d{2}-\d{2} 前受理（\d+ 个工作日）$/)
    expect(deadline.slice(3, 13) >= shanghaiDay()).toBeTruthy()
    await expect(page.getByTestId('case-state')).toHaveText('已提交，待受理')
    await checkPage(page, 'subject-objection-done', testInfo)

    await subject.openCases()
    const item = subject.caseItem(caseId)
    await expect(item).toBeVisible()
    await expect(item.getByTestId('case-state')).toHaveText('已提交，待受理')
    await expect(item.getByTestId('deadline')).toContainText('前受理')
    await checkPage(page, 'subject-cases', testInfo)

    await item.getByTestId('open-case').click()
    await expect(page).toHaveURL(new RegExp(`/cases/${caseId}$`))
    await expect(page.getByTestId('case-overview')).toHaveAttribute('data-state', 'SUBMITTED')
    await expect(page.getByTestId('timeline-entry').first()).toContainText('提交异议申请')
    await expect(page.getByTestId('attachment')).toContainText('evidence.pdf')
    await expect(page.getByTestId('add-attachments')).toBeVisible()
    await checkPage(page, 'subject-case', testInfo)
    expectNoConsoleErrors(errors)
  })

  test('ent1 sees why a recent penalty cannot be repaired yet, and applies for an eligible one with a proof', async ({ page, request }, testInfo) => {
    const errors = watchConsole(page)
    const tooRecent = await pushEnt1Penalty(request, 5, 'RPN')
    const eligible = await pushEnt1Penalty(request, 200, 'RPY')
    const early = await eligibilityOf(request, tooRecent)
    expect(early.eligible).toBe(false)
    expect((await eligibilityOf(request, eligible)).eligible).toBe(true)
    const subject = new SubjectPages(page)

    await page.goto('/')
    await signIn(page, 'ent1')
    await subject.openRepair(tooRecent)
    const period = subject.condition('MIN_PUBLICITY_PASSED')
    await expect(period).toHaveAttribute('data-met', 'false')
    await expect(period).toContainText(`最短公示期未满，可于 ${early.minPublicityUntil} 后申请`)
    await expect(page.getByTestId('eligibility-verdict')).toContainText(`最早可于 ${early.eligibleFrom} 起申请`)
    await expect(page.getByTestId('cannot-apply')).toBeVisible()
    await expect(page.getByTestId('repair-form')).toHaveCount(0)
    await checkPage(page, 'subject-repair-not-yet', testInfo)

    await subject.openRepair(eligible)
    await expect(page.getByTestId('eligibility')).toHaveAttribute('data-eligible', 'true')
    await expect(page.getByTestId('repair-form')).toBeVisible()
    await expect(page.getByTestId('template-REPAIR_APPLICATION')).toContainText('信用修复申请书')
    await expect(page.getByTestId('template-REPAIR_APPLICATION')).toContainText('柳州市市场监督管理局')
    await expect(page.getByTestId('template-CREDIT_COMMITMENT')).toContainText('守信承诺书')
    // nothing filled in: the browser says what is missing, nothing is sent
    await page.getByTestId('submit-repair').click()
    await expect(page.getByTestId('proof-error')).toBeVisible()
    await expect(page.getByText('请阅读并勾选签署两份文本。').first()).toBeVisible()
    await checkPage(page, 'subject-repair-form', testInfo)

    await page.getByTestId('sign-REPAIR_APPLICATION').click()
    await page.getByTestId('sign-CREDIT_COMMITMENT').click()
    await page.getByTestId('declare').click()
    await subject.textarea('statement').fill(`罚款已于 ${shanghaiDay(-30)} 通过银行缴清（端到端测试）。`)
    await subject.reason().fill('已履行处罚决定并纠正失信行为，申请信用修复（端到端测试）。')
    await subject.attach('proof', [pdfFile('fine-receipt.pdf')])
    await page.getByTestId('submit-repair').click()
    await expect(page.getByTestId('filing-done')).toBeVisible()
    await expect(page.getByTestId('case-state')).toHaveText('已提交，待受理')
    await expect(page.getByTestId('case-deadline')).toHaveText(/^应于 \d{4}-\d{2}-\d{2} 前受理（\d+ 个工作日）$/)
    await checkPage(page, 'subject-repair-done', testInfo)
    expectNoConsoleErrors(errors)
  })
})
