/*
 * The H5 build's photo viewer (Taro resolves this file instead of previewPhotos.ts for
 * H5). Taro's browser previewImage carries a whole carousel library (swiper and Taro's
 * swiper element, about a fifth of the vendor chunk every visit downloaded), so it is
 * imported when a parent taps a photo: its own chunk, fetched then (issue 11,
 * docs/architecture.md "H5 speed"). A separate file, not a TARO_ENV test, so the
 * mini-program build never sees the import.
 */
export async function previewPhotos(urls: string[], current: string): Promise<void> {
  const { previewImage } = await import(/* webpackChunkName: "photo-viewer" */ '@tarojs/taro-h5/dist/api/media/image/previewImage.js')
  await previewImage({ urls, current })
}
