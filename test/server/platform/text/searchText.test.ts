import { normaliseSearchText } from '@domain/search'
import { buildSearchText } from '@server/platform/text/searchText'

describe('buildSearchText', () => {
  const text = buildSearchText('（演示数据）渝北区龙溪街道小橙子托育园', '重庆市渝北区龙溪街道金山路18号', '龙溪街道')

  it('finds 龙溪街道 by its pinyin initials "lxjd", its full pinyin and its characters', () => {
    expect(text).toContain('lxjd')
    expect(text).toContain('longxijiedao')
    expect(text).toContain('龙溪街道')
  })

  it('reads 重庆 as chongqing, in context, not zhongqing', () => {
    expect(text).toContain('chongqing')
    expect(text).not.toContain('zhongqing')
  })

  it('keeps house numbers and Latin letters in the pinyin forms', () => {
    expect(text).toContain('jinshanlu18hao')
    expect(text).toContain('jsl18h')
    expect(buildSearchText('ABC托育', '某路1号', '某街道')).toContain('abcty')
  })

  it('holds what a normalised query looks for: "LXJD" and "Long Xi" match too', () => {
    expect(text).toContain(normaliseSearchText('LXJD'))
    expect(text).toContain(normaliseSearchText('Long Xi'))
  })

  it('does not let a match run across two fields', () => {
    const parts = text.split('|')
    expect(parts.every((p) => p.length > 0)).toBe(true)
    // name ends in 托育园 (tyy), address starts with 重庆 (cq): "tyycq" must not be found
    expect(text).not.toContain('tyycq')
  })

  it('writes ü as v, as phone keyboards do', () => {
    expect(buildSearchText('绿地托育', '女人街1号', '吕家街道')).toContain('lvdi')
  })
})
