import path from 'node:path'

/** The repository root, whatever folder jest was started from. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..')

/**
 * The checkout whose server and H5 build the browser tests drive: this one, unless
 * E2E_REPO_DIR names another (a worktree of an older commit, with its own node_modules and
 * dist-h5). That is how today's tests are run against yesterday's app to show a test fails
 * without its fix (docs/verification/issue-12.md); the tests themselves always come from here.
 */
export const APP_REPO_DIR = process.env.E2E_REPO_DIR ? path.resolve(process.env.E2E_REPO_DIR) : REPO_ROOT

/** The H5 build the server serves; `npm test` builds it before jest runs. */
export const H5_DIST = path.join(APP_REPO_DIR, 'dist-h5')

/** Where a reviewer finds the screenshots of the last run. */
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots')
