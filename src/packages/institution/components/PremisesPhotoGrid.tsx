import { Image, Text, View } from '@tarojs/components'
import { photoAddress } from '@app/api/uploads'
import { previewPhotos } from '@app/lib/photos/previewPhotos'
import { InstitutionDetail } from '@domain/institution'

/** 环境照片 the institution keeps, with how old they are; a tap opens the system viewer. */
export function PremisesPhotoGrid({ institution }: { institution: InstitutionDetail }) {
  const urls = institution.photos.map(photoAddress)
  return (
    <View className='e2e-detail-photos'>
      <View className='premises-photos'>
        {urls.map((url) => (
          <Image
            key={url}
            className='premises-photos__photo e2e-detail-photo'
            src={url}
            mode='aspectFill'
            lazyLoad
            onClick={() => void previewPhotos(urls, url).catch(() => undefined)}
          />
        ))}
      </View>
      {institution.facts && <Text className='muted e2e-detail-photos-freshness'>{institution.facts.photosFreshness.text}</Text>}
    </View>
  )
}
