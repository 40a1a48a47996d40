import { useDidShow, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { listLectures } from '@app/api/content'
import { Chip } from '@app/components/Chip'
import { DistrictChips } from '@app/components/DistrictChips'
import { rememberedDistrict } from '@app/store/store'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { Lecture } from '@domain/content'
import { useLocation } from '@app/hooks/useLocation'
import { LectureRow } from '../../components/LectureRow'
import { ListFooter } from '@app/components/ListFooter'
import { usePaged } from '@app/hooks/usePaged'
import { effectiveOrder, LectureOrder, lectureQuery } from '../../lib/lectureList'
import '../../styles/content.scss'

/**
 * 家长课堂与生命1000天讲座 held by institutions and maternal and child health centres:
 * by date, or nearest first once the phone's rough position is known. Without a
 * position (refused, or still locating) the list is by date and still complete.
 */
export default function LecturesPage() {
  const location = useLocation()
  const located = location.status === 'located' && location.origin !== null
  const [wanted, setWanted] = useState<LectureOrder | null>(null)
  const order = effectiveOrder(wanted, located)
  // Back from a booking: places changed, so fetch again.
  const [revision, setRevision] = useState(0)
  useDidShow(() => setRevision((r) => r + 1))
  const waiting = location.status === 'idle' || location.status === 'locating'
  const origin = located ? location.origin : null
  // Without a position, the district the parent picked (on 找托育 or here), not every district's lectures.
  const remembered = rememberedDistrict.use()
  const district = origin ? null : remembered
  const key = waiting && wanted === null ? null : `${order}-${origin ? `${origin.lat},${origin.lng}` : ''}-${district ?? ''}-${revision}`
  const lectures = usePaged<Lecture>(key, (cursor) => listLectures({ ...lectureQuery(order, origin), ...(district ? { district } : {}), cursor }))
  useReachBottom(() => lectures.loadMore())

  return (
    <PageRoot className='lectures-page'>
      <View className='section'>
        <Text className='section__body'>托育机构、妇幼保健院和社区卫生服务中心举办的家长课堂，免费预约，和预约开放日一样。</Text>
        <View className='chip-row'>
          <Chip label='按时间' selected={order === 'time'} className='e2e-lectures-by-time' onTap={() => setWanted('time')} />
          {located && <Chip label='离我最近' selected={order === 'distance'} className='e2e-lectures-by-distance' onTap={() => setWanted('distance')} />}
        </View>
        {location.status === 'refused' && (
          <View className='link e2e-lectures-locate' onClick={() => void location.locate()}>
            <Text>{district ? `没有获取到位置：${district}的讲座，按时间排列。点此重新定位 ›` : '没有获取到位置，请选一个区县（或点此重新定位 ›）'}</Text>
          </View>
        )}
        {location.status === 'refused' && <DistrictChips />}
      </View>
      {(lectures.status === 'waiting' || lectures.status === 'loading') && <LoadingView />}
      {lectures.status === 'error' && <ErrorView message={lectures.error ?? ''} onRetry={() => void lectures.refresh()} />}
      {lectures.status === 'ready' && lectures.items.length === 0 && (
        <View className='status status--empty e2e-empty'>
          <Text className='status__title'>近期没有可预约的讲座</Text>
          <Text className='status__text'>机构发布家长课堂后会显示在这里。</Text>
        </View>
      )}
      {lectures.status === 'ready' && lectures.items.length > 0 && (
        <View className='section e2e-lecture-list'>
          {lectures.items.map((lecture) => (
            <LectureRow key={lecture.slot.id} lecture={lecture} />
          ))}
          <ListFooter paged={lectures} />
        </View>
      )}
    </PageRoot>
  )
}
