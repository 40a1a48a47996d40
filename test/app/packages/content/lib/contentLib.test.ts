import { StagesOverview } from '@domain/content'
import { describeReviewed, describeSource, shareableLink } from '@app/packages/content/lib/articleText'
import { filterFromParams, toggled, topicCount } from '@app/packages/content/lib/browseFilter'
import { effectiveOrder, lectureQuery } from '@app/packages/content/lib/lectureList'
import { articleUrl, browseUrl } from '@app/navigation/contentRoutes'

describe('an article’s sources and dates', () => {
  it('name the publisher, the document in 《》 and its year', () => {
    expect(describeSource({ org: '中国营养学会', title: '中国居民膳食指南（2022）', year: 2022 })).toBe('中国营养学会《中国居民膳食指南（2022）》 2022')
    expect(describeSource({ org: 'WHO', title: '《Infant and young child feeding》' })).toBe('WHO《Infant and young child feeding》')
  })

  it('say when the article was checked in plain words', () => {
    expect(describeReviewed('2026-03-05')).toBe('2026 年 3 月 5 日')
  })
})

describe('sharing in the browser build', () => {
  it('copies an address that opens the same article', () => {
    expect(shareableLink('http://localhost:8080/#/pages/find/index', articleUrl('fushi-tianjia'))).toBe(
      'http://localhost:8080/#/packages/content/pages/article/index?id=fushi-tianjia',
    )
  })
})

describe('the article browser', () => {
  it('reads its filter from the page address, ignoring unknown stages and topics', () => {
    expect(filterFromParams({ stage: 'infant_6_12', topic: 'sleep', q: ' 辅食 ' })).toEqual({ stage: 'infant_6_12', topic: 'sleep', q: '辅食' })
    expect(filterFromParams({ stage: 'teenager', topic: 'cars', q: '  ' })).toEqual({})
  })

  it('builds its address from the same filter', () => {
    expect(browseUrl({ stage: 'infant_6_12' })).toBe('/packages/content/pages/browse/index?stage=infant_6_12')
    expect(browseUrl({ q: '辅食' })).toBe(`/packages/content/pages/browse/index?q=${encodeURIComponent('辅食')}`)
    expect(browseUrl()).toBe('/packages/content/pages/browse/index')
  })

  it('turns a chip off when tapped again', () => {
    expect(toggled<string>('sleep', 'sleep')).toBeUndefined()
    expect(toggled<string>('sleep', 'nutrition')).toBe('nutrition')
    expect(toggled<string>(undefined, 'sleep')).toBe('sleep')
  })

  it('counts a topic’s articles within the chosen stage', () => {
    const overview: StagesOverview = {
      stages: [{ id: 'infant_0_6', name: '0–6 月', articleCount: 5, topics: [{ id: 'sleep', name: '睡眠', articleCount: 2 }] }],
      topics: [{ id: 'sleep', name: '睡眠', articleCount: 9 }],
    }
    expect(topicCount(overview, 'sleep', undefined)).toBe(9)
    expect(topicCount(overview, 'sleep', 'infant_0_6')).toBe(2)
    expect(topicCount(overview, 'nutrition', 'infant_0_6')).toBe(0)
    expect(topicCount(null, 'sleep', undefined)).toBeNull()
  })
})

describe('the lecture list', () => {
  const now = new Date('2026-11-23T04:00:00Z')
  const origin = { lat: 29.6, lng: 106.52 }

  it('is by time until the phone is located, then nearest first unless the parent picks time', () => {
    expect(effectiveOrder(null, false)).toBe('time')
    expect(effectiveOrder('distance', false)).toBe('time')
    expect(effectiveOrder(null, true)).toBe('distance')
    expect(effectiveOrder('time', true)).toBe('time')
  })

  it('asks for the booking calendar’s window, with a position only when sorting by distance', () => {
    expect(lectureQuery('time', origin, now)).toEqual({ from: '2026-11-23T12:00:00+08:00', to: '2026-12-21T00:00:00+08:00' })
    expect(lectureQuery('distance', origin, now)).toMatchObject({ origin })
    expect(lectureQuery('distance', null, now).origin).toBeUndefined()
  })
})
