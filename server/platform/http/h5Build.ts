import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/**
 * `npm start` on a fresh checkout: the H5 app does not exist yet, so build it once
 * (Taro prints its own progress). Later starts find index.html and skip this.
 */
export function ensureH5Build(h5Dist: string, repoRoot: string): void {
  if (fs.existsSync(path.join(h5Dist, 'index.html'))) return
  console.log('首次启动：正在构建 H5 应用（taro build --type h5），需要一两分钟…')
  const result = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: repoRoot, stdio: 'inherit', env: process.env })
  if (result.status !== 0 || !fs.existsSync(path.join(h5Dist, 'index.html'))) {
    throw new Error(`H5 应用构建失败，或没有生成 ${path.join(h5Dist, 'index.html')} / the H5 build failed`)
  }
}
