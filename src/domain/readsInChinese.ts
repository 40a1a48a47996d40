/*
 * What a parent reads is Chinese (issue 12: a WHO source title in English in 今日小提示).
 * A foreign document is named by its Chinese title; its original title may follow in
 * brackets — "《5岁以下儿童身体活动、久坐行为和睡眠指南》（原题：Guidelines on …）" — and
 * an acronym or a standard number ("WS/T 801—2022") is fine. Two Latin words in a row
 * outside brackets are an untranslated title.
 */

const BRACKETED = /（[^（）]*）|\([^()]*\)/g
const LATIN_PHRASE = /[A-Za-z]{2,}[\s,，]+[A-Za-z]{2,}/

export function readsInChinese(text: string): boolean {
  return !LATIN_PHRASE.test(text.replace(BRACKETED, ''))
}

export const READS_IN_CHINESE_MESSAGE = '家长看到的名称应为中文：外文原名只能放在括号里，如“《中文名》（原题：…）”'
