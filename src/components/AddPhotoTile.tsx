import { Text, View } from '@tarojs/components'
import { createElement } from 'react'

/** What the server's photo pipeline takes (docs/api.md "POST /api/v1/uploads"): JPEG, PNG, WebP up to 10 MB. */
export const PHOTO_TYPES = 'image/jpeg,image/png,image/webp'
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024

/**
 * The "＋ 添加照片" tile of a photo grid: a file input in the browser, a tap that opens
 * WeChat's picker in the mini-program. One tile for complaint photos, report photos and
 * premises photos.
 */
export function AddPhotoTile(props: { inputClassName: string; tapClassName?: string; multiple?: boolean; onFiles: (files: FileList | null) => void; onChoose: () => void }) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <View className='photo-picker__item photo-picker__add'>
        <Text>＋ 添加照片</Text>
        {createElement('input', {
          className: `photo-picker__file ${props.inputClassName}`,
          type: 'file',
          accept: PHOTO_TYPES,
          multiple: props.multiple ?? false,
          onChange: (e: { target: HTMLInputElement }) => {
            props.onFiles(e.target.files)
            e.target.value = ''
          },
        })}
      </View>
    )
  }
  return (
    <View className={`photo-picker__item photo-picker__add ${props.tapClassName ?? ''}`} onClick={props.onChoose}>
      <Text>＋ 添加照片</Text>
    </View>
  )
}
