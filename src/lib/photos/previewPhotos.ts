import Taro from '@tarojs/taro'

/*
 * Full-screen photo viewer (环境照片, complaint evidence): in WeChat the system viewer.
 * The H5 build resolves previewPhotos.h5.ts instead (Taro's per-platform files), which
 * loads Taro's browser viewer only when a photo is tapped.
 */
export async function previewPhotos(urls: string[], current: string): Promise<void> {
  await Taro.previewImage({ urls, current })
}
