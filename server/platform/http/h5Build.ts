import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/*
 * `npm start` serves the H5 build of the sources it runs with: on a fresh checkout the
 * app is built once, and after a `git pull` (or any edit) that changed what the app is
 * built from, it is built again. A stamp file in the build output holds the hash of
 * those sources at the last build (`npm run build:h5` writes it too, scripts/h5-stamp.ts).
 * Only the repository's own output folder is checked: another H5_DIST (tests, a build
 * shipped separately) is served as it is. docs/architecture.md, "H5 speed". Taro's
 * progress bars are kept out of the start-up: its output is shown only when the build fails.
 */

export const STAMP_FILE = '.build-stamp'

/** What the H5 app is built from, relative to the repository root. */
const SOURCES = ['src', 'config', 'types', 'package-lock.json', 'babel.config.js', 'tsconfig.json', 'project.config.json']

function filesUnder(root: string, relative: string): string[] {
  const full = path.join(root, relative)
  if (!fs.existsSync(full)) return []
  if (fs.statSync(full).isFile()) return [relative]
  return fs
    .readdirSync(full, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => filesUnder(root, path.join(relative, entry.name)))
}

/** SHA-256 over the paths and contents of every source file of the H5 app. */
export function h5SourceHash(repoRoot: string): string {
  const hash = crypto.createHash('sha256')
  for (const file of SOURCES.flatMap((source) => filesUnder(repoRoot, source))) {
    hash.update(file.split(path.sep).join('/')).update('\0').update(fs.readFileSync(path.join(repoRoot, file))).update('\0')
  }
  return hash.digest('hex')
}

/** Why the build must be made again, or null when it is current. */
export function h5BuildOutdated(h5Dist: string, repoRoot: string): string | null {
  if (!fs.existsSync(path.join(h5Dist, 'index.html'))) return '首次启动：正在构建 H5 应用（taro build --type h5），需要一两分钟…'
  if (path.resolve(h5Dist) !== path.resolve(repoRoot, 'dist-h5')) return null
  const stampFile = path.join(h5Dist, STAMP_FILE)
  const stamp = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : ''
  if (stamp !== h5SourceHash(repoRoot)) return 'H5 应用的源代码自上次构建后有变化：正在重新构建（taro build --type h5）…'
  return null
}

export function ensureH5Build(h5Dist: string, repoRoot: string): void {
  const reason = h5BuildOutdated(h5Dist, repoRoot)
  if (reason === null) return
  console.log(reason)
  const hash = h5SourceHash(repoRoot)
  const started = Date.now()
  const result = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: repoRoot, env: process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.status !== 0 || !fs.existsSync(path.join(h5Dist, 'index.html'))) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').slice(-60).join('\n')
    throw new Error(`H5 应用构建失败，或没有生成 ${path.join(h5Dist, 'index.html')} / the H5 build failed:\n${output}`)
  }
  console.log(`H5 应用已构建（${Math.round((Date.now() - started) / 1000)} 秒）`)
  // The hash taken before building: an edit made during the build triggers the next one.
  writeH5Stamp(h5Dist, hash)
}

export function writeH5Stamp(h5Dist: string, hash: string): void {
  fs.writeFileSync(path.join(h5Dist, STAMP_FILE), hash)
}
