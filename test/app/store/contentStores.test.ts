const storage = new Map<string, unknown>()
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  },
}))

import { familyDateOfChild } from '@app/lib/family/familyDate'
import { storedValue } from '@app/store/storedValue'
import { z } from 'zod'
import { forgetFamilyDate, getFamilyDate, saveFamilyDate } from '@app/store/familyDate'
import { getSavedArticles, SAVED_ARTICLES_MAX, saveArticle, unsaveArticle, withArticleSaved, withoutArticle } from '@app/store/savedArticles'

describe('the family date kept on the phone', () => {
  it('is kept in storage and forgotten on request', () => {
    saveFamilyDate({ kind: 'dueDate', date: '2027-03-12' })
    expect(storage.get('anxin.familyDate')).toEqual({ kind: 'dueDate', date: '2027-03-12' })
    expect(getFamilyDate()).toEqual({ kind: 'dueDate', date: '2027-03-12' })
    forgetFamilyDate()
    expect(getFamilyDate()).toBeNull()
  })

  it('comes from a child: the birth date once born, else the due date', () => {
    expect(familyDateOfChild({ id: 'c1', nickname: '豆豆', birthDate: '2026-04-11', dueDate: null })).toEqual({ kind: 'birthDate', date: '2026-04-11', childId: 'c1', nickname: '豆豆' })
    expect(familyDateOfChild({ id: 'c2', nickname: '果果', birthDate: null, dueDate: '2027-03-12' })).toMatchObject({ kind: 'dueDate', date: '2027-03-12' })
  })
})

describe('a stored value', () => {
  it('falls back when storage holds something damaged or from an older version', () => {
    storage.set('test.value', { kind: 'someday' })
    const value = storedValue('test.value', z.object({ kind: z.literal('ok') }).nullable(), null)
    expect(value.get()).toBeNull()
  })

  it('tells its listeners when it changes', () => {
    const value = storedValue('test.count', z.number(), 0)
    const heard: number[] = []
    const stop = value.subscribe(() => heard.push(value.get()))
    value.set(1)
    stop()
    value.set(2)
    expect(heard).toEqual([1])
    expect(storage.get('test.count')).toBe(2)
  })
})

describe('saved articles', () => {
  const now = new Date('2026-11-23T04:00:00Z')

  it('puts the newest first, and saving again moves an article up without a duplicate', () => {
    let list = withArticleSaved([], { id: 'a', title: 'A' }, now)
    list = withArticleSaved(list, { id: 'b', title: 'B', summary: '摘要' }, now)
    list = withArticleSaved(list, { id: 'a', title: 'A' }, now)
    expect(list.map((item) => item.id)).toEqual(['a', 'b'])
    expect(list[1]).toEqual({ id: 'b', title: 'B', summary: '摘要', savedAt: now.toISOString() })
  })

  it(`keeps at most ${SAVED_ARTICLES_MAX}, dropping the oldest`, () => {
    let list = withArticleSaved([], { id: 'first', title: '最早' }, now)
    for (let i = 0; i < SAVED_ARTICLES_MAX; i++) list = withArticleSaved(list, { id: `n${i}`, title: `${i}` }, now)
    expect(list).toHaveLength(SAVED_ARTICLES_MAX)
    expect(list.some((item) => item.id === 'first')).toBe(false)
  })

  it('removes an article on unsave, and keeps the list in storage', () => {
    expect(withoutArticle(withArticleSaved([], { id: 'a', title: 'A' }, now), 'a')).toEqual([])
    saveArticle({ id: 'x', title: '辅食怎么加' })
    expect((storage.get('anxin.savedArticles') as Array<{ id: string }>).map((item) => item.id)).toEqual(['x'])
    unsaveArticle('x')
    expect(getSavedArticles()).toEqual([])
  })
})
