import type { RegisteredDocument, SourceRegister } from '@domain/contentSources'

/*
 * Resolves the library's citations against the register of sources (content/sources.md):
 * an article's {org, title} or a tip's one-line "机构《文件》章节", written however the
 * writer wrote it, becomes one registered document. What cannot be resolved, or names the
 * document under an issuer the register does not know, is a problem for the build check.
 */

export interface Citation {
  org?: string
  title: string
  /** The article's own words on what changed since the document (for an amended or superseded one). */
  note?: string
}

export type Resolution = { ok: true; document: RegisteredDocument } | { ok: false; message: string }

/** Spacing, full-width brackets and dash styles vary between writers; the document does not. */
export function normaliseName(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[—–－‐-]+/g, '-')
    .replace(/[～〜~]/g, '~')
    .toLowerCase()
}

function titlesOf(doc: RegisteredDocument): string[] {
  return [doc.title, ...(doc.titleAliases ?? [])].map(normaliseName)
}

export function issuerNamesOf(doc: RegisteredDocument): string[] {
  return [doc.issuer, ...(doc.issuerNames ?? [])]
}

/** "《文件》" → the document; "文件 · 章节" → the document before the section. */
function findByTitle(register: SourceRegister, title: string): RegisteredDocument | undefined {
  const whole = normaliseName(title)
  const beforeSection = normaliseName(title.split('·')[0])
  return register.documents.find((doc) => titlesOf(doc).some((t) => t === whole || t === beforeSection))
}

export function resolveCitation(register: SourceRegister, citation: Citation): Resolution {
  const doc = findByTitle(register, citation.title)
  if (!doc) return { ok: false, message: `来源《${citation.title.trim()}》不在来源登记 sources.md 里：请先登记这份文件（发布机构、日期、是否现行）` }
  if (citation.org !== undefined) {
    const names = issuerNamesOf(doc)
    if (!names.some((name) => normaliseName(name) === normaliseName(citation.org!))) {
      return { ok: false, message: `来源《${doc.title}》的发布机构写作“${citation.org.trim()}”，来源登记里是“${names.join('”或“')}”` }
    }
  }
  return { ok: true, document: doc }
}

/**
 * A tip names its documents in one line: "机构《文件》章节", several joined by "；".
 * A line without 《》 (an English title) is matched against the registered titles it contains.
 */
export function tipCitations(register: SourceRegister, line: string): Array<{ text: string; resolution: Resolution }> {
  return line
    .split(/[；;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((text) => {
      const named = /^(.*?)《(.+?)》/.exec(text)
      if (named) {
        const org = named[1].trim()
        return { text, resolution: resolveCitation(register, { title: named[2], ...(org ? { org } : {}) }) }
      }
      const plain = normaliseName(text)
      const doc = register.documents.find((d) => titlesOf(d).some((t) => plain.includes(t)))
      return { text, resolution: doc ? ({ ok: true, document: doc } as const) : resolveCitation(register, { title: text }) }
    })
}

/**
 * A document that has been amended or superseded may still be cited — the 2021 schedule
 * holds for every vaccine but 百白破 — as long as the citing text says so: it also cites
 * the document that replaced it, or the citation carries a note saying what changed.
 */
export function unsaidReplacement(register: SourceRegister, cited: Array<{ document: RegisteredDocument; note?: string }>): string[] {
  const ids = new Set(cited.map((c) => c.document.id))
  const problems: string[] = []
  for (const { document, note } of cited) {
    if (document.status === 'current' || note !== undefined || ids.has(document.replacedBy!)) continue
    const replacement = register.documents.find((d) => d.id === document.replacedBy)!
    const how = document.status === 'superseded' ? '已被取代' : '部分条款已被调整'
    problems.push(`引用的《${document.title}》${how}（见《${replacement.title}》），但没有说明：请同时引用《${replacement.title}》，或在这条来源下写 note 说明哪些内容已变`)
  }
  return problems
}
