import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

/*
 * Checks the output of `npm run build:h5` (npm test builds it before jest runs): what
 * a first visit downloads before the app can draw the find tab, the files index.html
 * loads or preloads, stays under a budget on the wire (brotli, as the server sends
 * them), and libraries only later pages use stay out of it. bench/h5Slow4g.ts measures
 * the time on Slow 4G; this keeps the bytes from creeping back between benchmark runs
 * (issue 11, docs/architecture.md "H5 speed").
 */

const DIST = path.resolve(__dirname, '..', '..', 'dist-h5')
/** Measured 130 KiB after the vendor split, Preact and HTML components (issue 11); the bar on Slow 4G is 250 KiB in all. */
const FIRST_VISIT_BUDGET_KIB = 150

/** Relative paths of the scripts and styles index.html loads or preloads. */
function firstVisitFiles(): string[] {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8')
  const refs = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\.\/([^"]+\.(?:js|css))"/g)].map((match) => match[1])
  return [...new Set(refs)]
}

/** Bytes on the wire: the build's .br file, or the file compressed the same way when it was too small to get one. */
function brotliBytes(file: string): number {
  const full = path.join(DIST, file)
  if (fs.existsSync(`${full}.br`)) return fs.statSync(`${full}.br`).size
  return zlib.brotliCompressSync(fs.readFileSync(full)).length
}

describe('the H5 build', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist-h5/index.html is missing: run `npm run build:h5` first')
  })

  it(`sends a first visit at most ${FIRST_VISIT_BUDGET_KIB} KiB of scripts and styles before the find tab can draw`, () => {
    const files = firstVisitFiles()
    expect(files.some((f) => /^js\/vendors\./.test(f))).toBe(true)
    expect(files.some((f) => /^js\/first-screen\./.test(f))).toBe(true)
    const kib = files.reduce((sum, f) => sum + brotliBytes(f), 0) / 1024
    console.log(`H5 first visit: ${files.length} files, ${kib.toFixed(1)} KiB brotli (${files.join(', ')})`)
    expect(kib).toBeLessThanOrEqual(FIRST_VISIT_BUDGET_KIB)
  })

  it('renders with Preact and leaves the photo viewer’s carousel to the page that opens it', () => {
    const firstVisit = firstVisitFiles()
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(path.join(DIST, f), 'utf8'))
      .join('\n')
    // react-dom's production build names itself in its error decoder URL; Preact does not.
    expect(firstVisit).not.toMatch(/reactjs\.org\/docs\/error-decoder|react\.dev\/errors/)
    // Swiper (Taro's previewImage) registers this element; it must load only with the viewer.
    expect(firstVisit).not.toContain('taro-swiper-core')
    const all = fs.readdirSync(path.join(DIST, 'js')).filter((f) => f.endsWith('.js'))
    expect(all.some((f) => fs.readFileSync(path.join(DIST, 'js', f), 'utf8').includes('taro-swiper-core'))).toBe(true)
  })
})
