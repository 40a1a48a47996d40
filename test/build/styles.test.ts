import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import * as sass from 'sass'
import {
  classesInSelector,
  classUsesIn,
  onlySubpackageOf,
  readBuilt,
  scanClassUses,
  selectorsOf,
  subpackageOnlySelectors,
} from '@test/support/classUsage'
import { repoPath, REPO_ROOT } from '@test/support/repoPaths'

/*
 * Subpackage styles ship with their subpackage (docs/architecture.md, "Styles"):
 * app.wxss is downloaded with the main package and applies to every page, so it holds
 * only what the main package or several subpackages use; a class one subpackage
 * alone uses lives in src/packages/<area>/styles/<area>.scss, which each page of
 * that subpackage imports.
 */

const uses = scanClassUses(REPO_ROOT)
const subpackageStylesheet = (area: string) => repoPath('src', 'packages', area, 'styles', `${area}.scss`)
const areasWithStyles = fs.readdirSync(repoPath('src', 'packages')).filter((area) => fs.existsSync(subpackageStylesheet(area)))

/** Compiles a stylesheet of src/ as the build does, `@app/…` included. */
function compileScss(file: string): string {
  const aliasImporter: sass.FileImporter<'sync'> = {
    findFileUrl: (url) => (url.startsWith('@app/') ? pathToFileURL(repoPath('src', url.slice('@app/'.length))) : null),
  }
  return sass.compile(file, { importers: [aliasImporter] }).css
}

const globalStylesheets = [
  repoPath('src', 'app.scss'),
  ...fs
    .readdirSync(repoPath('src', 'styles'))
    .filter((name) => name.endsWith('.scss'))
    .map((name) => repoPath('src', 'styles', name)),
]

describe('where the styles live in src/', () => {
  it('finds the classes the pages write, whole and composed at run time', () => {
    // `btn` is written by tab pages and subpackages alike; slot kinds only as `slot-kind--${slot.kind}`.
    expect(onlySubpackageOf(uses, 'btn')).toBeNull()
    expect(onlySubpackageOf(uses, 'slot-kind--visit')).toBe('packages/booking')
    expect(onlySubpackageOf(uses, 'calendar__day--open')).toBe('packages/booking')
  })

  it('keeps no rule of one subpackage alone in the global styles (src/styles/, app.scss)', () => {
    const misplaced = globalStylesheets.flatMap((file) =>
      subpackageOnlySelectors(compileScss(file), uses).map(({ selector, subpackage }) => `${path.basename(file)}: ${selector} (only ${subpackage})`),
    )
    expect(misplaced).toEqual([])
  })

  it.each(areasWithStyles)(
    'styles in packages/%s only what that subpackage alone shows, and every page of it imports them',
    (area) => {
      const css = compileScss(subpackageStylesheet(area))
      const selectors = selectorsOf(css)
      expect(selectors.length).toBeGreaterThan(0)
      // A selector here with no class of this subpackage alone would lose its style on other pages.
      const strays = selectors.filter((selector) => !classesInSelector(selector).some((name) => onlySubpackageOf(uses, name) === `packages/${area}`))
      expect(strays).toEqual([])

      const pagesDir = repoPath('src', 'packages', area, 'pages')
      const pagesWithout = fs
        .readdirSync(pagesDir)
        .filter((page) => !fs.readFileSync(path.join(pagesDir, page, 'index.tsx'), 'utf8').includes(`import '../../styles/${area}.scss'`))
      expect(pagesWithout).toEqual([])
    },
  )
})

describe('the checks themselves', () => {
  const planted = classUsesIn(
    new Map([
      ['src/pages/find/index.tsx', "<View className='card shared'>"],
      ['src/packages/booking/pages/book/index.tsx', '<View className={`slot-kind slot-kind--${kind} shared ${busy ? "btn--busy" : ""}`}>'],
      ['src/packages/complaint/pages/new/index.tsx', "const classes = ['shared', 'step-bar__step']"],
    ]),
  )

  it('tells a class of one subpackage from a shared one', () => {
    expect(onlySubpackageOf(planted, 'slot-kind')).toBe('packages/booking')
    expect(onlySubpackageOf(planted, 'slot-kind--trial')).toBe('packages/booking')
    expect(onlySubpackageOf(planted, 'btn--busy')).toBe('packages/booking')
    expect(onlySubpackageOf(planted, 'step-bar__step')).toBe('packages/complaint')
    expect(onlySubpackageOf(planted, 'shared')).toBeNull()
    expect(onlySubpackageOf(planted, 'card')).toBeNull()
    expect(onlySubpackageOf(planted, 'unused')).toBeNull()
  })

  it('flags a subpackage rule planted in a global stylesheet, including inside a descendant selector', () => {
    const css = '.card { color: red } .slot-kind--visit, .shared { color: blue } .large-text .step-bar__step { font-size: 30px }'
    expect(subpackageOnlySelectors(css, planted)).toEqual([
      { selector: '.slot-kind--visit', subpackage: 'packages/booking' },
      { selector: '.large-text .step-bar__step', subpackage: 'packages/complaint' },
    ])
  })
})

describe('the weapp build', () => {
  const appWxss = () => readBuilt(REPO_ROOT, path.join('dist', 'app.wxss'), 'npm run build:weapp')

  it('downloads no subpackage-only rule with the main package (dist/app.wxss)', () => {
    const css = appWxss()
    expect(selectorsOf(css).length).toBeGreaterThan(50)
    expect(subpackageOnlySelectors(css, uses)).toEqual([])
  })

  it.each(areasWithStyles)('ships the styles of packages/%s inside that subpackage, not in app.wxss', (area) => {
    const wxss = fs
      .readdirSync(repoPath('dist', 'packages', area), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.wxss'))
      .map((file) => fs.readFileSync(repoPath('dist', 'packages', area, file), 'utf8'))
      .join('\n')
    const shipped = new Set(selectorsOf(wxss).flatMap(classesInSelector))
    const own = new Set(
      selectorsOf(compileScss(subpackageStylesheet(area)))
        .flatMap(classesInSelector)
        .filter((name) => onlySubpackageOf(uses, name) === `packages/${area}`),
    )
    expect(own.size).toBeGreaterThan(0)
    expect([...own].filter((name) => !shipped.has(name))).toEqual([])
    expect(selectorsOf(appWxss()).flatMap(classesInSelector).filter((name) => own.has(name))).toEqual([])
  })
})
