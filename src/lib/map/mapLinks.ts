/*
 * 导航 in a browser (issue 12): the H5 build has no openLocation, so it offers links that
 * open the phone's map apps (or their web pages) at the place. Every link carries the
 * GCJ-02 point the data uses and says so where the app asks (coordinate / coord_type),
 * so the pin lands where the institution is; the name and address go along so the
 * parent sees which place it is. In WeChat, Taro.openLocation does this natively.
 */

export interface Destination {
  name: string
  address: string
  /** GCJ-02 (docs/platform-notes.md). */
  location: { lat: number; lng: number }
}

export interface MapLink {
  /** e.g. 高德地图 */
  app: string
  href: string
  /** For the e2e hooks and analytics-free tests: amap, baidu, tencent, apple. */
  key: 'amap' | 'baidu' | 'tencent' | 'apple'
}

const enc = encodeURIComponent

export function mapLinks({ name, address, location: { lat, lng } }: Destination): MapLink[] {
  return [
    { key: 'amap', app: '高德地图', href: `https://uri.amap.com/marker?position=${lng},${lat}&name=${enc(name)}&coordinate=gaode&callnative=1` },
    {
      key: 'baidu',
      app: '百度地图',
      href: `https://api.map.baidu.com/marker?location=${lat},${lng}&title=${enc(name)}&content=${enc(address)}&coord_type=gcj02&output=html&src=anxin-tuoyu`,
    },
    { key: 'tencent', app: '腾讯地图', href: `https://apis.map.qq.com/uri/v1/marker?marker=${enc(`coord:${lat},${lng};title:${name};addr:${address}`)}&referer=anxin-tuoyu` },
    // Apple Maps reads GCJ-02 inside mainland China, as the phone's own GPS does there.
    { key: 'apple', app: '苹果地图', href: `https://maps.apple.com/?ll=${lat},${lng}&q=${enc(name)}` },
  ]
}

/** tel: with only the digits a dialler needs ("023-0000-1234" → "tel:02300001234"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`
}
