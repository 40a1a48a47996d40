import { readFile } from 'node:fs/promises'
import path from 'node:path'
import matter from 'gray-matter'
import { Policy, PolicyFrontMatterSchema } from '@domain/policy'
import { markdownFiles } from '../../content/library/contentFiles'

/*
 * Reads the policy library (content/policies/<id>.md): front matter validated with the
 * domain schema, the body kept as plain paragraphs. Like the 生命1000天 library it never
 * throws on a bad file: each problem is collected with its file, so the check lists them
 * all and the server refuses to start on a broken library (docs/architecture.md).
 */

export interface PolicyProblem {
  file: string
  message: string
}

export interface PolicyLibrary {
  policies: Array<Policy & { file: string }>
  problems: PolicyProblem[]
}

/** YAML reads 2025-01-01 as a Date; the schemas speak calendar dates as "YYYY-MM-DD" strings. */
function datesAsText(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString().slice(0, 10)
  if (Array.isArray(value)) return value.map(datesAsText)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, datesAsText(inner)]))
  }
  return value
}

/** Headings lose their ##, everything else is one paragraph per block of lines. */
function paragraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((block) => block.replace(/^#+\s*/, '').replace(/\s*\n\s*/g, '').trim())
    .filter((block) => block.length > 0)
}

export async function loadPolicyLibrary(root: string): Promise<PolicyLibrary> {
  const files = await markdownFiles(root, 'policies')
  const problems: PolicyProblem[] = []
  const policies: PolicyLibrary['policies'] = []
  for (const file of files) {
    const text = await readFile(path.join(root, file), 'utf8')
    let parsed: matter.GrayMatterFile<string>
    try {
      parsed = matter(text, {})
    } catch (error) {
      problems.push({ file, message: `头部信息（front matter）无法解析：${error instanceof Error ? error.message.split('\n')[0] : String(error)}` })
      continue
    }
    const result = PolicyFrontMatterSchema.safeParse(datesAsText(parsed.data))
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ file, message: issue.path.length > 0 ? `${issue.path.join('.')}：${issue.message}` : issue.message })
      }
      continue
    }
    if (path.basename(file, '.md') !== result.data.id) {
      problems.push({ file, message: `id ${result.data.id} 与文件名 ${path.basename(file)} 不一致` })
    }
    policies.push({ ...result.data, paragraphs: paragraphs(parsed.content), file })
  }
  return { policies, problems }
}
