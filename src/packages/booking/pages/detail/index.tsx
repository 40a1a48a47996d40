import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { cancelBooking, getBooking } from '@app/api/bookings'
import { errorMessage } from '@app/api/ApiError'
import { Booking, BOOKING_STATUS_LABELS } from '@domain/booking'
import { SLOT_KIND_LABELS } from '@domain/slot'
import { AccountGate } from '@app/components/AccountGate'
import { PageRoot } from '@app/components/PageRoot'
import { QrCode } from '@app/components/QrCode'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { SubscribeOffer } from '@app/components/SubscribeOffer'
import { useRemote } from '@app/hooks/useRemote'
import { checkBookingTransition, isActiveBooking } from '@domain/bookingRules'
import { describeSlotTime } from '@app/lib/calendar/slotCalendar'
import { InfoLine } from '../../components/InfoLine'
import { WayThere } from '@app/components/WayThere'
import '../../styles/booking.scss'
import { goBack } from '@app/navigation/navigate'

function BookingView({ initial, justBooked }: { initial: Booking; justBooked: boolean }) {
  const [booking, setBooking] = useState(initial)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => setBooking(initial), [initial])

  const cancel = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消这个预约？',
      content: '取消后名额会立即释放给其他家长；如需再去，需要重新预约。',
      confirmText: '取消预约',
      confirmColor: '#a3321c',
      cancelText: '不取消',
    })
    if (!confirm) return
    setBusy(true)
    try {
      setBooking(await cancelBooking(booking.id))
      setMessage('已取消，名额已释放')
    } catch (failure) {
      setMessage(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  const active = isActiveBooking(booking.status)
  return (
    <View className='booking-detail e2e-booking-detail'>
      {justBooked && active && (
        <View className='notice notice--good e2e-booked-notice'>
          <Text className='notice__title'>{booking.status === 'pending' ? '已提交，等待机构确认' : '预约成功'}</Text>
          <Text className='notice__body'>到访时向机构出示下面的预约码。</Text>
        </View>
      )}
      <View className='section booking-code'>
        <Text className={`status-label status-label--${booking.status} e2e-booking-status`}>{BOOKING_STATUS_LABELS[booking.status]}</Text>
        {booking.declineReason && <Text className='notice__body e2e-booking-decline-reason'>{`机构说明：${booking.declineReason}`}</Text>}
        <Text className='booking-code__label'>预约码</Text>
        <Text className={`booking-code__code e2e-booking-code ${active ? '' : 'booking-code__code--void'}`}>{booking.code}</Text>
        {active && <QrCode text={booking.code} className='e2e-booking-qr' />}
      </View>
      <View className='section'>
        <InfoLine label='类型' value={SLOT_KIND_LABELS[booking.slot.kind]} />
        <InfoLine label='活动' value={booking.slot.title} />
        <InfoLine label='时间' value={describeSlotTime(booking.slot)} className='e2e-booking-time' />
        <InfoLine label='机构' value={booking.institution.name} className='e2e-booking-institution' />
        <InfoLine label='孩子' value={booking.child.nickname} />
        <InfoLine label='联系人' value={`${booking.contactName} ${booking.contactPhone}`} />
        {booking.note && <InfoLine label='备注' value={booking.note} />}
      </View>
      {/* How to get there and whom to ring, on every booking (issue 12). */}
      <View className='section e2e-booking-way-there'>
        <Text className='section__title'>怎么去</Text>
        <WayThere place={booking.institution} phone={booking.institution.contactPhone} />
      </View>
      {message && <Text className='section__body notice-line e2e-booking-message'>{message}</Text>}
      {justBooked && active && <SubscribeOffer kinds={['visit_reminder', 'booking_status']} />}
      {checkBookingTransition('cancel', 'parent', booking.status, booking.slot.startsAt).ok && (
        <View className='btn btn--danger e2e-cancel-booking' onClick={() => !busy && void cancel()}>
          <Text>{busy ? '正在取消…' : '取消预约'}</Text>
        </View>
      )}
    </View>
  )
}

/** 预约详情: status, time, place, and the short code in large type and as a QR code. */
export default function BookingDetailPage() {
  const { id = null, new: justBooked } = useRouter().params
  const [booking, retry] = useRemote(id, () => getBooking(id ?? ''))
  return (
    <PageRoot className='booking-detail-page'>
      {id === null && <ErrorView message='没有指定预约，请到“我的预约”查看' onRetry={() => void goBack()} />}
      {id !== null && (
        <AccountGate>
          {() => (
            <>
              {booking.status === 'loading' && <LoadingView />}
              {booking.status === 'error' && <ErrorView message={booking.message} onRetry={retry} />}
              {booking.status === 'ready' && <BookingView initial={booking.value} justBooked={justBooked === '1'} />}
            </>
          )}
        </AccountGate>
      )}
    </PageRoot>
  )
}
