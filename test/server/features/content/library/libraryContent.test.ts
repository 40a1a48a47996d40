import { checkContentFolder } from '@server/features/content/library/checkContent'
import { formatContentCheck } from '@server/features/content/library/coverageReport'
import { repoPath } from '@test/support/repoPaths'

/*
 * `npm run content:check` as part of `npm test`: CI fails when the real library in
 * content/ breaks (a file that does not validate, a broken link, a week without a tip,
 * fewer than 120 articles).
 */
describe('the 生命1000天 library in content/', () => {
  it('passes the content build check', async () => {
    const check = await checkContentFolder(repoPath('content'))
    if (!check.ok) throw new Error(formatContentCheck(check))
    expect(check.report.weeksWithoutTip).toEqual([])
  })
})
