import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { AddPhotoTile, PHOTO_MAX_BYTES } from './AddPhotoTile'
import { uploadPhotoBlob, uploadPhotoFile } from '@app/api/uploads'
import { COMPLAINT_ATTACHMENTS_MAX } from '@domain/complaint'

/** An uploaded photo as a form keeps it: its upload id and the file's name. */
export interface PickedPhoto {
  id: string
  name: string
}

/** What the server takes (it checks the bytes itself; this only narrows the chooser). */

interface Picked {
  name: string
  preview: string
  send: () => Promise<{ id: string }>
}

/** Mini-program: WeChat's own chooser, compressed photos only (no video). */
async function pickInWeapp(count: number): Promise<Picked[]> {
  const chosen = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
  return chosen.tempFiles.map((file, index) => ({
    name: `photo-${index + 1}`,
    preview: file.tempFilePath,
    send: () => uploadPhotoFile(file.tempFilePath),
  }))
}

/**
 * 照片证据: up to six photos, each uploaded as soon as it is chosen so the form only
 * keeps upload ids. The mini-program uses chooseMedia + uploadFile; H5 a plain file input.
 * Used by a complaint (complaint subpackage) and a rectification report (workbench).
 */
export function PhotoPicker({
  photos,
  onAdd,
  onRemove,
  error,
  hint = '照片只给处理投诉的监管部门看，不会给机构；上传时会去掉拍摄地点等信息。',
}: {
  photos: PickedPhoto[]
  onAdd: (photo: PickedPhoto) => void
  onRemove: (id: string) => void
  error?: string
  /** Who will see the photos, in the form's own words. */
  hint?: string
}) {
  const [previews, setPreviews] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(0)
  const [message, setMessage] = useState<string | null>(null)
  const room = COMPLAINT_ATTACHMENTS_MAX - photos.length - busy

  const uploadAll = async (picked: Picked[]) => {
    setMessage(null)
    setBusy((n) => n + picked.length)
    for (const photo of picked) {
      try {
        const { id } = await photo.send()
        setPreviews((p) => ({ ...p, [id]: photo.preview }))
        onAdd({ id, name: photo.name })
      } catch (failure) {
        setMessage(`“${photo.name}”没有上传成功：${errorMessage(failure)}`)
      } finally {
        setBusy((n) => n - 1)
      }
    }
  }

  const fromFiles = (files: FileList | null) => {
    const list = Array.from(files ?? [])
    const tooBig = list.filter((file) => file.size > PHOTO_MAX_BYTES)
    const fitting = list.filter((file) => file.size <= PHOTO_MAX_BYTES).slice(0, Math.max(room, 0))
    if (tooBig.length > 0) setMessage(`照片不能超过 10 MB：${tooBig.map((f) => f.name).join('、')}`)
    void uploadAll(fitting.map((file) => ({ name: file.name, preview: URL.createObjectURL(file), send: () => uploadPhotoBlob(file, file.name) })))
  }

  const chooseInWeapp = () => {
    pickInWeapp(room).then(
      (picked) => void uploadAll(picked),
      () => undefined, // the parent closed the chooser
    )
  }

  return (
    <View className={`form-field photo-picker e2e-photo-picker ${error ? 'form-field--error' : ''}`}>
      <Text className='form-field__label'>
        照片（可不传，最多 {COMPLAINT_ATTACHMENTS_MAX} 张）
      </Text>
      <View className='photo-picker__grid'>
        {photos.map((photo) => (
          <View key={photo.id} className='photo-picker__item e2e-photo' data-upload-id={photo.id}>
            {previews[photo.id] ? <Image className='photo-picker__image' src={previews[photo.id]} mode='aspectFill' /> : <Text className='photo-picker__name'>{photo.name}</Text>}
            <View className='photo-picker__remove e2e-photo-remove' onClick={() => onRemove(photo.id)}>
              <Text>×</Text>
            </View>
          </View>
        ))}
        {busy > 0 && (
          <View className='photo-picker__item photo-picker__item--busy e2e-photo-uploading'>
            <Text>上传中…</Text>
          </View>
        )}
        {room > 0 &&
          <AddPhotoTile inputClassName='e2e-photo-input' tapClassName='e2e-photo-add' multiple onFiles={fromFiles} onChoose={chooseInWeapp} />}
      </View>
      <Text className='form-field__hint'>{hint}</Text>
      {message && <Text className='form-field__error e2e-photo-error'>{message}</Text>}
      {error && <Text className='form-field__error e2e-field-error'>{error}</Text>}
    </View>
  )
}
