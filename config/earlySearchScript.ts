import fs from 'node:fs'
import path from 'node:path'

/**
 * src/earlySearch.js as index.html inlines it (config/index.ts, htmlPluginOption): its
 * comments and indentation dropped, since every visit downloads it. The file is plain
 * ES5 without strings holding comment markers, so dropping comments by pattern is safe;
 * test/app/earlySearch.test.ts runs this very text.
 */
export function earlySearchScript(): string {
  const source = fs.readFileSync(path.join(__dirname, '..', 'src', 'earlySearch.js'), 'utf8')
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n')
}
