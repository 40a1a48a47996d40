import fs from 'node:fs'
import path from 'node:path'
import postcss from 'postcss'
import ts from 'typescript'
import { readSources, SourceFiles } from './importGraph'

/*
 * Where each CSS class is used, so styles can ship with the package that uses them
 * (docs/architecture.md, "Styles"): a class used only by one subpackage belongs in
 * that subpackage's styles, anything else in src/styles/ (app.wxss, the main package).
 *
 * Every string in src/ counts as possible class names, not only className='…': class
 * lists are composed in arrays and template strings (`tag tag--${tone}`). The part of
 * a template right before `${…}` is a prefix: it uses every class that starts with it.
 * Reading too much only keeps a class global, which is always safe.
 */

/** 'main', or a subpackage's root such as 'packages/booking'. */
export type StyleOwner = string

export interface ClassUses {
  /** Whole class names written in a file, by the package the file ships in. */
  exact: Map<string, Set<StyleOwner>>
  /** Prefixes completed at run time (`status-label--${status}`), by package. */
  prefixes: Map<string, Set<StyleOwner>>
}

const CLASS_TOKEN = /^-?[_a-zA-Z][_a-zA-Z0-9-]*$/

/** The package a source file ships in: its subpackage under src/packages/<area>/, else the main package. */
export function ownerOfSource(repoPathOfFile: string): StyleOwner {
  const match = /^src\/packages\/([^/]+)\//.exec(repoPathOfFile)
  return match ? `packages/${match[1]}` : 'main'
}

function add(map: Map<string, Set<StyleOwner>>, key: string, owner: StyleOwner) {
  const owners = map.get(key) ?? new Set<StyleOwner>()
  owners.add(owner)
  map.set(key, owners)
}

/** Adds the class names in one piece of string text; `openEnd` when `${…}` follows it directly. */
function addText(uses: ClassUses, text: string, owner: StyleOwner, openEnd: boolean) {
  const tokens = text.split(/\s+/)
  tokens.forEach((token, index) => {
    if (!CLASS_TOKEN.test(token)) return
    const isPrefix = openEnd && index === tokens.length - 1
    add(isPrefix ? uses.prefixes : uses.exact, token, owner)
  })
}

/** Scans every .ts/.tsx file below src/ of the repository at `root`. */
export function scanClassUses(root: string): ClassUses {
  return classUsesIn(readSources(root, ['src']))
}

/** The class names the given source files write, by repository path. */
export function classUsesIn(sources: SourceFiles): ClassUses {
  const uses: ClassUses = { exact: new Map(), prefixes: new Map() }
  for (const [file, text] of sources) {
    const owner = ownerOfSource(file)
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isJsxText(node)) addText(uses, node.text, owner, false)
      else if (ts.isTemplateExpression(node)) {
        addText(uses, node.head.text, owner, true)
        for (const span of node.templateSpans) addText(uses, span.literal.text, owner, ts.isTemplateMiddle(span.literal))
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return uses
}

/** The packages that use a class, whole or through a prefix. Empty when nothing uses it. */
export function ownersOfClass(uses: ClassUses, className: string): Set<StyleOwner> {
  const owners = new Set(uses.exact.get(className) ?? [])
  for (const [prefix, prefixOwners] of uses.prefixes) if (className.startsWith(prefix)) for (const owner of prefixOwners) owners.add(owner)
  return owners
}

/** The one subpackage a class is used in, or null when the main package or several packages (or none) use it. */
export function onlySubpackageOf(uses: ClassUses, className: string): StyleOwner | null {
  const owners = [...ownersOfClass(uses, className)]
  return owners.length === 1 && owners[0] !== 'main' ? owners[0] : null
}

/** The class names in one selector (`.a .b--c, .d` gives a, b--c, d). */
export function classesInSelector(selector: string): string[] {
  return [...selector.matchAll(/\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)/g)].map((m) => m[1])
}

/** Every rule's selectors in a compiled stylesheet (CSS or WXSS), one entry per comma-separated selector. */
export function selectorsOf(css: string): string[] {
  const selectors: string[] = []
  postcss.parse(css).walkRules((rule) => {
    // keyframe steps (from, 50%) are rules too, and hold no classes
    if (rule.parent?.type === 'atrule' && /keyframes$/.test((rule.parent as postcss.AtRule).name)) return
    selectors.push(...rule.selectors)
  })
  return selectors
}

/**
 * The selectors in a stylesheet that only one subpackage can ever match: one of their
 * classes is used by that subpackage alone. Such a rule belongs in that subpackage.
 */
export function subpackageOnlySelectors(css: string, uses: ClassUses): Array<{ selector: string; subpackage: StyleOwner }> {
  return selectorsOf(css).flatMap((selector) => {
    const subpackage = classesInSelector(selector)
      .map((name) => onlySubpackageOf(uses, name))
      .find((owner) => owner !== null)
    return subpackage ? [{ selector, subpackage }] : []
  })
}

/** Reads a file of the repository, failing with the command that makes it when it is missing. */
export function readBuilt(root: string, relative: string, makeWith: string): string {
  const file = path.join(root, relative)
  if (!fs.existsSync(file)) throw new Error(`${relative} is missing: run \`${makeWith}\` first`)
  return fs.readFileSync(file, 'utf8')
}
