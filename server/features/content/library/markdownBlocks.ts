import MarkdownIt from 'markdown-it'
import type { ArticleBlock, InlinePart } from '@domain/content'

/*
 * An article's Markdown body, turned at compile time into the simple blocks the app
 * renders with plain Views (headings, paragraphs, lists; inline text, bold and internal
 * links), so the mini-program ships no Markdown parser. markdown-it does the parsing;
 * this file only maps its tokens. Anything else (tables, images, code, raw HTML) is
 * reported as a problem: the library is plain text a grandparent reads.
 */

const markdown = new MarkdownIt('commonmark', { html: false })

type Token = ReturnType<typeof markdown.parse>[number]

const ARTICLE_LINK = /^article:([a-z0-9]+(?:-[a-z0-9]+)*)$/

export interface ParsedBody {
  blocks: ArticleBlock[]
  /** Ids named by [文字](article:id) links, in order of appearance. */
  linkedIds: string[]
  problems: string[]
  /** Characters of text, for the 300–900 length guideline. */
  textLength: number
}

function pushText(parts: InlinePart[], text: string, articleId: string | undefined, strong: boolean): void {
  if (text === '') return
  const last = parts[parts.length - 1]
  if (last && last.articleId === articleId && (last.strong ?? false) === strong) {
    last.text += text
    return
  }
  parts.push({ text, ...(articleId ? { articleId } : {}), ...(strong ? { strong: true } : {}) })
}

function inlineParts(token: Token, linkedIds: string[], problems: string[]): InlinePart[] {
  const parts: InlinePart[] = []
  let articleId: string | undefined
  let strong = false
  for (const child of token.children ?? []) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
        pushText(parts, child.content, articleId, strong)
        break
      case 'softbreak':
      case 'hardbreak':
        // Chinese text needs no space where a source line was wrapped
        break
      case 'strong_open':
        strong = true
        break
      case 'strong_close':
        strong = false
        break
      case 'em_open':
      case 'em_close':
        break
      case 'link_open': {
        const href = String(child.attrGet('href') ?? '')
        const match = ARTICLE_LINK.exec(href)
        if (match) {
          articleId = match[1]
          linkedIds.push(match[1])
        } else if (href.startsWith('article:')) {
          problems.push(`内部链接格式不对：${href}（应为 article:文章id）`)
        }
        // an outside link stays plain text: the mini-program cannot open arbitrary web pages
        break
      }
      case 'link_close':
        articleId = undefined
        break
      case 'image':
        problems.push('正文不支持图片')
        break
      default:
        problems.push(`正文不支持的 Markdown 写法：${child.type}`)
    }
  }
  return parts
}

function partsLength(parts: InlinePart[]): number {
  return parts.reduce((sum, p) => sum + [...p.text.replace(/\s/g, '')].length, 0)
}

export function parseArticleBody(body: string): ParsedBody {
  const tokens = markdown.parse(body, {})
  const blocks: ArticleBlock[] = []
  const linkedIds: string[] = []
  const problems: string[] = []
  // The list being filled; nested lists join the outermost one (the app shows one level).
  let list: Extract<ArticleBlock, { type: 'list' }> | null = null
  let listDepth = 0
  let heading: number | null = null

  for (const token of tokens) {
    switch (token.type) {
      case 'heading_open':
        heading = Number(token.tag.slice(1))
        break
      case 'heading_close':
        heading = null
        break
      case 'bullet_list_open':
      case 'ordered_list_open':
        if (listDepth === 0) {
          list = { type: 'list', ordered: token.type === 'ordered_list_open', items: [] }
          blocks.push(list)
        }
        listDepth += 1
        break
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth -= 1
        if (listDepth === 0) list = null
        break
      case 'inline': {
        const parts = inlineParts(token, linkedIds, problems)
        if (parts.length === 0) break
        if (heading !== null) blocks.push({ type: 'heading', level: Math.min(4, Math.max(2, heading)), parts })
        else if (list) list.items.push(parts)
        else blocks.push({ type: 'paragraph', parts })
        break
      }
      case 'paragraph_open':
      case 'paragraph_close':
      case 'list_item_open':
      case 'list_item_close':
      case 'blockquote_open':
      case 'blockquote_close':
      case 'hr':
        break
      case 'fence':
      case 'code_block':
        problems.push('正文不支持代码块')
        break
      case 'html_block':
        problems.push('正文不支持 HTML')
        break
      default:
        problems.push(`正文不支持的 Markdown 写法：${token.type}`)
    }
  }

  let textLength = 0
  for (const block of blocks) {
    textLength += block.type === 'list' ? block.items.reduce((sum, item) => sum + partsLength(item), 0) : partsLength(block.parts)
  }
  return { blocks, linkedIds, problems, textLength }
}

/** Plain text of the blocks, for search. */
export function blocksText(blocks: ArticleBlock[]): string {
  const lines: string[] = []
  for (const block of blocks) {
    if (block.type === 'list') for (const item of block.items) lines.push(item.map((p) => p.text).join(''))
    else lines.push(block.parts.map((p) => p.text).join(''))
  }
  return lines.join('\n')
}
