import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { actOnBooking, BookingAction, listStaffBookings } from '@app/api/workbench'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { useRemote } from '@app/hooks/useRemote'
import { Booking, BOOKING_STATUS_LABELS } from '@domain/booking'
import { inShanghai } from '@domain/shanghaiTime'
import '../../styles/workbench.scss'

const ACTIONS: Record<string, { action: BookingAction; label: string }[]> = {
  pending: [
    { action: 'confirm', label: '确认' },
    { action: 'decline', label: '婉拒' },
  ],
  confirmed: [
    { action: 'attend', label: '已到场' },
    { action: 'no-show', label: '未到场' },
  ],
}

function BookingCard({ booking, onAct }: { booking: Booking; onAct: (action: BookingAction, reason?: string) => void }) {
  const [reason, setReason] = useState('')
  return (
    <View className='workbench-card e2e-staff-booking' data-code={booking.code}>
      <Text className='workbench-card__title'>{`${booking.slot.title} · ${inShanghai(booking.slot.startsAt).format('M月D日 HH:mm')}`}</Text>
      <Text className='workbench-card__text'>{`${booking.child.nickname} · ${booking.contactName} ${booking.contactPhone}`}</Text>
      <Text className='workbench-card__text'>{`预约码 ${booking.code} · `}<Text className='e2e-staff-booking-status'>{BOOKING_STATUS_LABELS[booking.status]}</Text></Text>
      {booking.status === 'pending' && (
        <Input className='workbench-input e2e-decline-reason' value={reason} placeholder='婉拒理由（家长可见，可不填）' onInput={(e) => setReason(e.detail.value)} />
      )}
      <View className='workbench-card__actions'>
        {(ACTIONS[booking.status] ?? []).map(({ action, label }) => (
          <View key={action} className={`btn ${action === 'confirm' || action === 'attend' ? 'btn--primary' : ''} e2e-booking-${action}`} onClick={() => onAct(action, reason.trim() || undefined)}>
            <Text>{label}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

/** 今日到访与待确认预约: confirm or decline, then check in by the parent's code (scanned in weapp, typed anywhere). */
export default function StaffBookingsPage() {
  const [revision, setRevision] = useState(0)
  const [list, retry] = useRemote(`staff-bookings-${revision}`, () => listStaffBookings())
  const [code, setCode] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const act = (booking: Booking, action: BookingAction, reason?: string) => {
    actOnBooking(booking.id, action, reason).then(
      () => {
        setMessage(null)
        setRevision((r) => r + 1)
      },
      (error) => setMessage(errorMessage(error)),
    )
  }
  const checkIn = (typed: string) => {
    if (list.status !== 'ready') return
    const wanted = typed.trim().toUpperCase()
    const booking = list.value.find((b) => b.code.toUpperCase() === wanted)
    if (!booking) return setMessage('没有找到这个预约码，请核对')
    if (booking.status !== 'confirmed') return setMessage(`这个预约${BOOKING_STATUS_LABELS[booking.status]}，不能签到`)
    act(booking, 'attend')
  }
  return (
    <PageRoot className='workbench e2e-staff-bookings'>
      <View className='workbench-card'>
        <Text className='workbench-card__title'>签到</Text>
        <Input className='workbench-input e2e-checkin-code' value={code} placeholder='输入家长出示的预约码' onInput={(e) => setCode(e.detail.value)} />
        <View className='workbench-card__actions'>
          <View className='btn btn--primary e2e-checkin' onClick={() => checkIn(code)}>
            <Text>签到</Text>
          </View>
          {process.env.TARO_ENV === 'weapp' && (
            <View className='btn' onClick={() => void Taro.scanCode({ onlyFromCamera: true }).then((scan) => checkIn(scan.result))}>
              <Text>扫码签到</Text>
            </View>
          )}
        </View>
        {message && <Text className='form-error e2e-staff-message'>{message}</Text>}
      </View>
      {list.status === 'loading' && <LoadingView />}
      {list.status === 'error' && <ErrorView message={list.message} onRetry={retry} />}
      {list.status === 'ready' && (
        <View className='workbench__grid'>
          {list.value.length === 0 && <Text className='workbench__sub'>暂无预约</Text>}
          {list.value.map((booking) => (
            <BookingCard key={booking.id} booking={booking} onAct={(action, reason) => act(booking, action, reason)} />
          ))}
        </View>
      )}
    </PageRoot>
  )
}
