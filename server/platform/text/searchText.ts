import { pinyin } from 'pinyin-pro'
import { normaliseSearchText } from '@domain/search'

/*
 * The text a name/address search runs against (institutions.search_text). Parents type
 * Chinese, full pinyin ("longxi") or pinyin initials ("lxjd" for 龙溪街道), so each of
 * name, address and street is stored in all three forms. Parts are joined with a
 * separator a normalised query never spans, so a match cannot straddle two fields.
 */

export const SEARCH_TEXT_SEPARATOR = '|'

const HAN_CHAR = /\p{Script=Han}/u

interface PinyinForms {
  full: string
  initials: string
}

/**
 * Full pinyin and initials of one text. Han characters are converted in context (so
 * 重庆 is chongqing, not zhongqing); everything else — digits, Latin letters,
 * punctuation — is kept as it is in both forms, so "金山路18号" gives "jinshanlu18hao"
 * and "jsl18h". ü is written v, as parents type it on a phone keyboard.
 */
function pinyinForms(text: string): PinyinForms {
  // One call per text is the fast path; the syllables line up with the Han characters.
  const syllables = pinyin(text, { type: 'array', toneType: 'none', v: true, nonZh: 'removed' })
  const chars = [...text]
  const hanCount = chars.filter((ch) => HAN_CHAR.test(ch)).length
  // A character pinyin-pro does not know would shift the alignment: go one by one then.
  const syllableOf =
    syllables.length === hanCount
      ? (() => {
          let next = 0
          return () => syllables[next++]
        })()
      : null
  let full = ''
  let initials = ''
  for (const ch of chars) {
    if (HAN_CHAR.test(ch)) {
      const syllable = syllableOf ? syllableOf() : (pinyin(ch, { type: 'array', toneType: 'none', v: true })[0] ?? ch)
      full += syllable
      initials += syllable.charAt(0)
    } else {
      full += ch
      initials += ch
    }
  }
  return { full, initials }
}

/*
 * Names and addresses are built from a few thousand pieces (渝北区, 龙溪街道, 金开大道,
 * 小橙子托育园) in endless combinations, and pinyin conversion is the costly part of
 * loading 100,000 institutions. So a text is cut after the characters that end a
 * place-name part — where a word rarely continues, so pinyin context is hardly ever lost — and
 * each piece is converted once.
 */
const PIECE_END = /(?<=[省市区县镇乡街道路号村园）)])/u
const pieceCache = new Map<string, PinyinForms>()
const CACHE_LIMIT = 50_000

function formsOfPiece(piece: string): PinyinForms {
  let forms = pieceCache.get(piece)
  if (!forms) {
    forms = pinyinForms(piece)
    if (pieceCache.size >= CACHE_LIMIT) pieceCache.clear()
    pieceCache.set(piece, forms)
  }
  return forms
}

function formsOf(text: string): string[] {
  let full = ''
  let initials = ''
  for (const piece of text.split(PIECE_END)) {
    const forms = formsOfPiece(piece)
    full += forms.full
    initials += forms.initials
  }
  return [normaliseSearchText(text), normaliseSearchText(full), normaliseSearchText(initials)]
}

/** Normalised name, address and street, each followed by its full pinyin and its initials. */
export function buildSearchText(name: string, address: string, street: string): string {
  const parts: string[] = []
  for (const field of [name, address, street]) {
    for (const form of formsOf(field)) if (form && !parts.includes(form)) parts.push(form)
  }
  return parts.join(SEARCH_TEXT_SEPARATOR)
}

/** Only the pinyin initials of a longer text ("发烧是…" → "fss…"): what an article body is counted by. */
export function initialsOf(text: string): string {
  return formsOf(text)[2]
}
