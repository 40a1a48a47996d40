import { Input, Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { cancelStaffSlot, listStaffSlots, publishWeeklySlots } from '@app/api/workbench'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { useRemote } from '@app/hooks/useRemote'
import { inShanghai } from '@domain/shanghaiTime'
import { SLOT_KINDS, SLOT_KIND_LABELS, SlotKind, WeeklySlotsBodySchema } from '@domain/slot'
import { Chip } from '@app/components/Chip'
import '../../styles/workbench.scss'

/** 时段发布: publish a slot once or every week, and cancel one (booked parents are told). */
export default function SlotsPage() {
  const [revision, setRevision] = useState(0)
  const [slots, retry] = useRemote(`staff-slots-${revision}`, listStaffSlots)
  const [kind, setKind] = useState<SlotKind>('open_day')
  const [date, setDate] = useState(inShanghai().add(7, 'day').format('YYYY-MM-DD'))
  const [time, setTime] = useState('09:30')
  const [minutes, setMinutes] = useState('90')
  const [capacity, setCapacity] = useState('10')
  const [weeks, setWeeks] = useState('1')
  const [message, setMessage] = useState<string | null>(null)
  const publish = () => {
    const startsAt = inShanghai(`${date}T${time}:00+08:00`)
    // The domain schema checks the form, so the parent-facing rules and messages are the server's.
    const parsed = WeeklySlotsBodySchema.safeParse({
      kind,
      startsAt: startsAt.format(),
      endsAt: startsAt.add(Number(minutes), 'minute').format(),
      capacity: Number(capacity),
      weeks: Number(weeks),
      requiresConfirmation: kind === 'trial',
    })
    if (!parsed.success) return setMessage(parsed.error.issues[0]?.message ?? '请检查填写的内容')
    publishWeeklySlots(parsed.data).then(
      (made) => {
        setMessage(`已发布 ${made.length} 个时段`)
        setRevision((r) => r + 1)
      },
      (error) => setMessage(errorMessage(error)),
    )
  }
  return (
    <PageRoot className='workbench e2e-slots-page'>
      <View className='workbench-card'>
        <Text className='workbench-card__title'>发布时段</Text>
        {/* Six kinds, 计时托/临时托 sessions among them: chips show them all at once, on a phone and a PC alike. */}
        <View className='chip-row chip-row--wrap e2e-slot-kind'>
          {SLOT_KINDS.map((k) => (
            <Chip key={k} label={SLOT_KIND_LABELS[k]} selected={kind === k} onTap={() => setKind(k)} className={`e2e-slot-kind-${k}`} />
          ))}
        </View>
        <Picker mode='date' value={date} onChange={(e) => setDate(e.detail.value)}>
          <View className='workbench-input'>{`日期 ${date}`}</View>
        </Picker>
        <Picker mode='time' value={time} onChange={(e) => setTime(e.detail.value)}>
          <View className='workbench-input'>{`开始 ${time}`}</View>
        </Picker>
        <Input className='workbench-input e2e-slot-minutes' type='number' value={minutes} placeholder='时长（分钟）' onInput={(e) => setMinutes(e.detail.value)} />
        <Input className='workbench-input e2e-slot-capacity' type='number' value={capacity} placeholder='名额' onInput={(e) => setCapacity(e.detail.value)} />
        <Input className='workbench-input e2e-slot-weeks' type='number' value={weeks} placeholder='连续几周（1–12）' onInput={(e) => setWeeks(e.detail.value)} />
        <View className='btn btn--primary e2e-slot-publish' onClick={publish}>
          <Text>发布</Text>
        </View>
        {message && <Text className='workbench-card__text e2e-slot-message'>{message}</Text>}
      </View>
      {slots.status === 'loading' && <LoadingView />}
      {slots.status === 'error' && <ErrorView message={slots.message} onRetry={retry} />}
      {slots.status === 'ready' && (
        <View className='workbench__grid'>
          {slots.value.map((slot) => (
            <View key={slot.id} className='workbench-card e2e-staff-slot'>
              <Text className='workbench-card__title'>{`${slot.title} · ${inShanghai(slot.startsAt).format('M月D日 ddd HH:mm')}`}</Text>
              <Text className='workbench-card__text'>{`名额 ${slot.capacity}，剩余 ${slot.remaining}${slot.status === 'cancelled' ? ' · 已取消' : ''}`}</Text>
              {slot.status === 'open' && (
                <View
                  className='btn e2e-slot-cancel'
                  onClick={() => void cancelStaffSlot(slot.id).then(() => setRevision((r) => r + 1), (error) => setMessage(errorMessage(error)))}
                >
                  <Text>取消（通知已预约家长）</Text>
                </View>
              )}
            </View>
          ))}
        </View>
      )}
    </PageRoot>
  )
}
