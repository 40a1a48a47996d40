import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

/*
 * The library's files and their hash, without parsing them: all a server start needs to
 * decide whether to compile (the parsers load only when it must).
 */

/** Bump when the compiled shape changes, so databases holding the old shape recompile. */
export const CONTENT_COMPILER_VERSION = 2

export interface SourceFile {
  file: string
  text: string
}

export async function markdownFiles(root: string, folder: string): Promise<string[]> {
  const start = path.join(root, folder)
  let entries
  try {
    entries = await readdir(start, { recursive: true, withFileTypes: true })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

export function hashContent(sources: SourceFile[]): string {
  const hash = createHash('sha256').update(`compiler ${CONTENT_COMPILER_VERSION}\n`)
  for (const source of sources) hash.update(`${source.file}\n${source.text.length}\n${source.text}\n`)
  return hash.digest('hex')
}

export async function readSources(root: string, files: string[]): Promise<SourceFile[]> {
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(path.join(root, file), 'utf8') })))
}

/** Only the hash: what a server start needs to decide whether to compile at all. */
export async function contentHash(root: string): Promise<string> {
  const files = [...(await markdownFiles(root, 'articles')), ...(await markdownFiles(root, 'tips'))]
  return hashContent([...(await readSources(root, files)), ...(await readGuidanceFiles(root))])
}


/** The register of sources and the dated tables: Markdown files whose front matter is the data. */
export const REGISTER_FILE = 'sources.md'
export const SCHEDULE_FILES = {
  immunisation: 'schedules/immunisation.md',
  checkups: 'schedules/checkups.md',
  weightGain: 'schedules/pregnancy-weight-gain.md',
} as const

/** The data files that exist under `root`, for the library hash. */
export async function readGuidanceFiles(root: string): Promise<SourceFile[]> {
  const files: SourceFile[] = []
  for (const file of [REGISTER_FILE, ...Object.values(SCHEDULE_FILES)]) {
    try {
      files.push({ file, text: await readFile(path.join(root, file), 'utf8') })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  return files
}

