import { mapLinks, telHref } from '@app/lib/map/mapLinks'

describe('导航 links in a browser', () => {
  const place = { name: '（演示数据）小橙子托育园', address: '重庆市渝北区龙溪街道金山路 1 号', location: { lat: 29.64911, lng: 106.50229 } }

  it('opens four map apps at the GCJ-02 point, saying it is GCJ-02 where the app asks', () => {
    const links = mapLinks(place)
    expect(links.map((l) => l.app)).toEqual(['高德地图', '百度地图', '腾讯地图', '苹果地图'])
    const amap = new URL(links[0].href)
    expect(amap.searchParams.get('position')).toBe('106.50229,29.64911')
    expect(amap.searchParams.get('coordinate')).toBe('gaode')
    expect(amap.searchParams.get('name')).toBe(place.name)
    const baidu = new URL(links[1].href)
    expect(baidu.searchParams.get('coord_type')).toBe('gcj02')
    expect(baidu.searchParams.get('location')).toBe('29.64911,106.50229')
    expect(new URL(links[2].href).searchParams.get('marker')).toBe(`coord:29.64911,106.50229;title:${place.name};addr:${place.address}`)
  })

  it('dials only digits', () => {
    expect(telHref('023-0000-1234')).toBe('tel:02300001234')
  })
})
