import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { InstitutionDetail } from '@domain/institution'
import { SLOT_KIND_LABELS } from '@domain/slot'
import { applyUrl, slotCalendarUrl } from '@app/navigation/bookingRoutes'
import { openPage } from '@app/navigation/navigate'
import { OpenDayWatchButton } from './OpenDayWatchButton'

/**
 * 入托网上约 from the detail page. The main button is what can really be done now
 * (issue 12): book an open day or visit when one has room; otherwise apply for a place
 * when there are vacancies; otherwise 订阅开放日提醒 (told when one is published), with the
 * phone and the waiting list beside it. The calendar stays one tap away as a plain link.
 */
export function BookingActions({ institution: inst }: { institution: InstitutionDetail }) {
  const summary = inst.openSlots
  const canBook = (summary?.total ?? 0) > 0
  const book = () => void openPage(slotCalendarUrl(inst.id, inst.name))
  const apply = () => void openPage(applyUrl(inst.id))
  return (
    <View className='section booking-actions e2e-booking-actions'>
      <Text className='section__title'>入托网上约</Text>
      {summary && canBook && (
        <Text className='section__body e2e-open-slots-summary'>
          近期可预约：{summary.byKind.map((k) => `${SLOT_KIND_LABELS[k.kind]} ${k.count} 场`).join('，')}
        </Text>
      )}
      {!canBook && (
        <Text className='section__body e2e-nothing-to-book'>
          近期没有可预约的开放日或参观。{inst.vacancies > 0 ? '有空位，可以直接申请入托；' : '目前没有空位。'}订阅开放日提醒，发布时告诉你，也可以打电话问问什么时候能来看看。
        </Text>
      )}
      {!canBook && inst.vacancies <= 0 && <OpenDayWatchButton institutionId={inst.id} main />}
      <View className='actions'>
        {canBook ? (
          <View className='btn btn--primary e2e-book-visit e2e-main-action' onClick={book}>
            <Text>预约参观 / 开放日</Text>
          </View>
        ) : inst.vacancies > 0 ? (
          <View className='btn btn--primary e2e-apply e2e-main-action' onClick={apply}>
            <Text>申请入托</Text>
          </View>
        ) : (
          <View className='btn e2e-call' onClick={() => void Taro.makePhoneCall({ phoneNumber: inst.contactPhone.replace(/[^\d+]/g, '') }).catch(() => undefined)}>
            <Text>电话咨询 {inst.contactPhone}</Text>
          </View>
        )}
        {(canBook || inst.vacancies <= 0) && (
          <View className='btn e2e-apply' onClick={apply}>
            <Text>{inst.vacancies > 0 ? '申请入托' : '申请入托（排队）'}</Text>
          </View>
        )}
      </View>
      {!canBook && inst.vacancies > 0 && <OpenDayWatchButton institutionId={inst.id} main={false} />}
      {!canBook && (
        <View className='link e2e-book-visit' onClick={book}>
          <Text>查看活动日历 ›</Text>
        </View>
      )}
    </View>
  )
}
