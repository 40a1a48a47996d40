import fs from 'node:fs'
import path from 'node:path'

/*
 * The import graph of the source tree, read as text (docs/architecture.md, "Rules"):
 * every `import … from '…'`, `export … from '…'`, `import('…')` and `require('…')`,
 * resolved to a repository path through the tsconfig aliases and relative paths.
 */

export type SourceFiles = Map<string, string>

const ALIASES: Record<string, string> = { '@domain/': 'src/domain/', '@app/': 'src/', '@server/': 'server/', '@test/': 'test/' }
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx']
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gm

export interface ImportEdge {
  from: string
  to: string
  specifier: string
}

/** The repository's .ts/.tsx files below the given folders, by repository path. */
export function readSources(root: string, folders: string[]): SourceFiles {
  const files: SourceFiles = new Map()
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`
      if (entry.isDirectory()) walk(rel)
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.set(rel, fs.readFileSync(path.join(root, rel), 'utf8'))
    }
  }
  for (const folder of folders) if (fs.existsSync(path.join(root, folder))) walk(folder)
  return files
}

function resolve(files: SourceFiles, from: string, specifier: string): string | null {
  let base: string | null = null
  if (specifier.startsWith('.')) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier))
  else for (const [alias, target] of Object.entries(ALIASES)) if (specifier.startsWith(alias)) base = target + specifier.slice(alias.length)
  if (base === null) return null
  for (const extension of EXTENSIONS) if (files.has(base + extension)) return base + extension
  return base
}

export function importEdges(files: SourceFiles): ImportEdge[] {
  const edges: ImportEdge[] = []
  for (const [from, text] of files) {
    for (const match of text.matchAll(SPECIFIER)) {
      const to = resolve(files, from, match[2])
      if (to !== null) edges.push({ from, to, specifier: match[2] })
    }
  }
  return edges
}

const featureOf = (file: string) => /^server\/features\/([^/]+)\//.exec(file)?.[1]
const isRepository = (file: string) => /(Repository|Rows)\.tsx?$/.test(file)

/** Every broken layering rule, as one line each. */
export function layeringViolations(edges: ImportEdge[]): string[] {
  const found: string[] = []
  for (const { from, to, specifier } of edges) {
    const fromFeature = featureOf(from)
    const toFeature = featureOf(to)
    if (fromFeature && toFeature && fromFeature !== toFeature && isRepository(to)) found.push(`${from} uses another feature's repository ${to}`)
    if (from.startsWith('server/platform/') && (toFeature || to.startsWith('server/demo/') || /^server\/(app|config|main)\.ts$/.test(to))) found.push(`${from} (platform) imports ${to}`)
    if (from.startsWith('server/') && to.startsWith('src/') && !to.startsWith('src/domain/')) found.push(`${from} (server) imports the app's ${to}`)
    if (from.startsWith('src/') && to.startsWith('server/')) found.push(`${from} (app) imports the server's ${to}`)
    if (from.startsWith('src/domain/') && !to.startsWith('src/domain/')) found.push(`${from} (contract) imports ${to}`)
    if ((from.startsWith('src/') || from.startsWith('server/')) && /^(\.\.\/){3,}/.test(specifier)) found.push(`${from} climbs three or more folders: '${specifier}'`)
  }
  return found
}

/** Import circles (strongly connected components of more than one file, or a file importing itself). */
export function importCircles(edges: ImportEdge[]): string[][] {
  const next = new Map<string, string[]>()
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to])
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const circles: string[][] = []
  let counter = 0
  const visit = (node: string) => {
    index.set(node, counter)
    low.set(node, counter++)
    stack.push(node)
    onStack.add(node)
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to)
        low.set(node, Math.min(low.get(node)!, low.get(to)!))
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!))
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = []
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.push(member)
      } while (member !== node)
      if (component.length > 1 || (next.get(node) ?? []).includes(node)) circles.push(component.sort())
    }
  }
  for (const node of next.keys()) if (!index.has(node)) visit(node)
  return circles
}
