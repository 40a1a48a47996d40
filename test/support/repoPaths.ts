import path from 'node:path'

/** The repository's root folder, wherever a test file sits below test/. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..')

/** A path inside the repository, e.g. repoPath('test', 'fixtures', 'content'). */
export function repoPath(...parts: string[]): string {
  return path.join(REPO_ROOT, ...parts)
}
