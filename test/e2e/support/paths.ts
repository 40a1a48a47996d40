import path from 'node:path'

/** The repository root, whatever folder jest was started from. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..')

/** The H5 build the server serves; `npm test` builds it before jest runs. */
export const H5_DIST = path.join(REPO_ROOT, 'dist-h5')

/** Where a reviewer finds the screenshots of the last run. */
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots')
