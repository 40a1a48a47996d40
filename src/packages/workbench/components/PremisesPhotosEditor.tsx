import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { AddPhotoTile, PHOTO_MAX_BYTES } from '@app/components/AddPhotoTile'
import { addPremisesPhotoBlob, addPremisesPhotoFile, getPremisesPhotos, removePremisesPhoto, reorderPremisesPhotos } from '@app/api/premisesPhotos'
import { photoAddress } from '@app/api/uploads'
import { useRemote } from '@app/hooks/useRemote'
import { PREMISES_PHOTOS_MAX, PremisesPhotos } from '@domain/premisesPhotos'

/** What the server takes (it checks the bytes itself; this only narrows the chooser). */

/**
 * 环境照片: photos of the premises every parent sees on the institution page, up to nine,
 * the first shown first. Each is uploaded as soon as it is chosen (the mini-program with
 * chooseMedia + uploadFile, H5 with a plain file input, as the complaint PhotoPicker does).
 */
export function PremisesPhotosEditor() {
  const [revision, setRevision] = useState(0)
  const [loaded, retry] = useRemote(`premises-photos-${revision}`, getPremisesPhotos)
  /** The latest answer of a change, shown at once (the GET is only the first load). */
  const [changed, setChanged] = useState<PremisesPhotos | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const current = changed ?? (loaded.status === 'ready' ? loaded.value : null)
  if (loaded.status === 'error' && current === null) {
    return (
      <View className='workbench-card e2e-premises-photos'>
        <Text className='workbench-card__text'>{loaded.message}</Text>
        <View className='btn e2e-premises-retry' onClick={retry}>
          <Text>重试</Text>
        </View>
      </View>
    )
  }
  if (current === null) return null
  const room = PREMISES_PHOTOS_MAX - current.photos.length

  const apply = (what: string, change: () => Promise<PremisesPhotos>) => {
    setBusy(true)
    setMessage(null)
    change().then(
      (next) => {
        setChanged(next)
        setMessage(`${what}，家长现在看到的是最新照片`)
      },
      (failure) => {
        setMessage(errorMessage(failure))
        // Someone else may have changed the list meanwhile: show the server's.
        setChanged(null)
        setRevision((r) => r + 1)
      },
    ).finally(() => setBusy(false))
  }

  const fromFiles = (files: FileList | null) => {
    const file = Array.from(files ?? [])[0]
    if (!file) return
    if (file.size > PHOTO_MAX_BYTES) return setMessage(`照片不能超过 10 MB：${file.name}`)
    apply('照片已上传', () => addPremisesPhotoBlob(file, file.name))
  }
  const chooseInWeapp = () => {
    Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] }).then(
      (chosen) => chosen.tempFiles[0] && apply('照片已上传', () => addPremisesPhotoFile(chosen.tempFiles[0].tempFilePath)),
      () => undefined, // closed the chooser
    )
  }
  const toFront = (photoId: string) =>
    apply('顺序已调整', () => reorderPremisesPhotos({ photoIds: [photoId, ...current.photos.map((p) => p.id).filter((id) => id !== photoId)] }))

  return (
    <View className='workbench-card e2e-premises-photos'>
      <Text className='workbench-card__title'>环境照片</Text>
      <Text className={`workbench-tag ${current.freshness.stale ? 'workbench-tag--alert' : ''} e2e-premises-freshness`}>{current.freshness.text}</Text>
      <Text className='workbench-card__text'>{`家长在机构页面看到这些照片（最多 ${PREMISES_PHOTOS_MAX} 张，第一张最先看到）。请只拍场地和设施，不要拍到孩子；上传时会去掉拍摄地点等信息。`}</Text>
      <View className='photo-picker__grid'>
        {current.photos.map((photo, index) => (
          <View key={photo.id} className='photo-picker__item e2e-premises-photo' data-photo-id={photo.id}>
            <Image className='photo-picker__image' src={photoAddress(photo.url)} mode='aspectFill' />
            <View className='photo-picker__remove e2e-premises-photo-remove' onClick={() => !busy && apply('照片已删除', () => removePremisesPhoto(photo.id))}>
              <Text>×</Text>
            </View>
            {index > 0 && (
              <View className='workbench-photo-front e2e-premises-photo-front' onClick={() => !busy && toFront(photo.id)}>
                <Text>设为第一张</Text>
              </View>
            )}
          </View>
        ))}
        {busy && (
          <View className='photo-picker__item photo-picker__item--busy e2e-premises-uploading'>
            <Text>请稍候…</Text>
          </View>
        )}
        {!busy &&
          room > 0 &&
          <AddPhotoTile inputClassName='e2e-premises-photo-input' onFiles={fromFiles} onChoose={chooseInWeapp} />}
      </View>
      {message && <Text className='workbench-card__text e2e-premises-message'>{message}</Text>}
    </View>
  )
}
