import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { InstitutionDetail } from '@domain/institution'
import { SLOT_KIND_LABELS } from '@domain/slot'
import { applyUrl, slotCalendarUrl } from '@app/navigation/bookingRoutes'

/** 入托网上约 from the detail page: visit or open day (the calendar), or apply for a place. */
export function BookingActions({ institution: inst }: { institution: InstitutionDetail }) {
  const summary = inst.openSlots
  return (
    <View className='section booking-actions e2e-booking-actions'>
      <Text className='section__title'>入托网上约</Text>
      {summary && summary.total > 0 && (
        <Text className='section__body e2e-open-slots-summary'>
          近期可预约：{summary.byKind.map((k) => `${SLOT_KIND_LABELS[k.kind]} ${k.count} 场`).join('，')}
        </Text>
      )}
      {summary && summary.total === 0 && <Text className='section__body'>近期暂无开放日或参观安排，可以先申请入托或电话咨询。</Text>}
      <View className='actions'>
        <View className='btn btn--primary e2e-book-visit' onClick={() => void Taro.navigateTo({ url: slotCalendarUrl(inst.id, inst.name) })}>
          <Text>预约参观 / 开放日</Text>
        </View>
        <View className='btn e2e-apply' onClick={() => void Taro.navigateTo({ url: applyUrl(inst.id) })}>
          <Text>申请入托</Text>
        </View>
      </View>
    </View>
  )
}
