import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/**
 * `npm start` on a fresh checkout: the H5 app does not exist yet, so build it once.
 * Taro's progress bars are kept out of the start-up (issue 12): its output is shown
 * only when the build fails. Later starts find index.html and skip this.
 */
export function ensureH5Build(h5Dist: string, repoRoot: string): void {
  if (fs.existsSync(path.join(h5Dist, 'index.html'))) return
  console.log('首次启动：正在构建 H5 应用，需要一两分钟…')
  const started = Date.now()
  const result = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: repoRoot, env: process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (result.status !== 0 || !fs.existsSync(path.join(h5Dist, 'index.html'))) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').slice(-60).join('\n')
    throw new Error(`H5 应用构建失败，或没有生成 ${path.join(h5Dist, 'index.html')} / the H5 build failed:\n${output}`)
  }
  console.log(`H5 应用已构建（${Math.round((Date.now() - started) / 1000)} 秒）`)
}
