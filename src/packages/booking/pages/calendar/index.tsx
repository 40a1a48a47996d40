import { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { listInstitutionSlots } from '@app/api/bookings'
import { SLOT_KIND_LABELS, SLOT_KINDS, SlotKind } from '@domain/slot'
import { inShanghai } from '@domain/shanghaiTime'
import { Chip } from '@app/components/Chip'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { useRemote } from '@app/hooks/useRemote'
import { bookingFormUrl, decodeParam } from '@app/navigation/bookingRoutes'
import { buildCalendar, calendarWindow, describeDate, firstDayWithPlaces } from '@app/lib/calendar/slotCalendar'
import { SlotCalendar } from '../../components/SlotCalendar'
import { SlotRow } from '../../components/SlotRow'
import '../../styles/booking.scss'
import { goBack, openPage } from '@app/navigation/navigate'

/** 预约参观 / 开放日: the institution's next weeks, days with places marked, a day's slots. */
export default function SlotCalendarPage() {
  const params = useRouter().params
  const institutionId = decodeParam(params.institutionId) ?? null
  const name = decodeParam(params.name)
  // Back from a booking or a cancellation: places changed, so fetch again.
  const [revision, setRevision] = useState(0)
  useDidShow(() => setRevision((r) => r + 1))
  const [slots, retry] = useRemote(institutionId && `${institutionId}-${revision}`, () => listInstitutionSlots(institutionId ?? '', calendarWindow()))
  const [kind, setKind] = useState<SlotKind | null>(null)
  const [picked, setPicked] = useState<string | null>(null)

  const weeks = useMemo(() => {
    if (slots.status !== 'ready') return []
    const shown = kind ? slots.value.filter((slot) => slot.kind === kind) : slots.value
    return buildCalendar(shown, inShanghai().format('YYYY-MM-DD'))
  }, [slots, kind])
  const selected = picked ?? firstDayWithPlaces(weeks)
  const day = weeks.flat().find((d) => d.date === selected) ?? null
  const kindsOffered = slots.status === 'ready' ? SLOT_KINDS.filter((k) => slots.value.some((slot) => slot.kind === k)) : []

  return (
    <PageRoot className='calendar-page'>
      {name && <Text className='page-title e2e-calendar-institution'>{name}</Text>}
      {institutionId === null && <ErrorView message='没有指定机构，请返回重新选择' onRetry={() => void goBack()} />}
      {institutionId !== null && slots.status === 'loading' && <LoadingView />}
      {slots.status === 'error' && <ErrorView message={slots.message} onRetry={retry} />}
      {slots.status === 'ready' && slots.value.length === 0 && (
        <View className='status status--empty e2e-empty'>
          <Text className='status__title'>近期没有可预约的活动</Text>
          <Text className='status__text'>机构发布开放日或参观时间后会显示在这里，也可以直接电话咨询或申请入托。</Text>
        </View>
      )}
      {slots.status === 'ready' && slots.value.length > 0 && (
        <>
          <View className='chip-row chip-row--padded'>
            <Chip label='全部' selected={kind === null} onTap={() => setKind(null)} />
            {kindsOffered.map((k) => (
              <Chip key={k} label={SLOT_KIND_LABELS[k]} selected={kind === k} onTap={() => setKind(k)} className={`e2e-kind-${k}`} />
            ))}
          </View>
          <SlotCalendar weeks={weeks} selected={selected} onSelect={setPicked} />
          <View className='section e2e-day-slots'>
            <Text className='section__title e2e-day-title'>{selected ? describeDate(selected) : '请选择日期'}</Text>
            {day && day.slots.length === 0 && <Text className='section__body'>这一天没有活动，请选择带 ● 的日期。</Text>}
            {day?.slots.map((slot) => (
              <SlotRow key={slot.id} slot={slot} onBook={() => void openPage(bookingFormUrl(institutionId ?? '', slot.id))} />
            ))}
          </View>
        </>
      )}
    </PageRoot>
  )
}
