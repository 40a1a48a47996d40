import { View, Text } from '@tarojs/components'
import { listMyBookings } from '@app/api/bookings'
import { Booking, BOOKING_STATUS_LABELS } from '@domain/booking'
import { CARE_MODE_LABELS } from '@domain/careMode'
import { Enrollment, ENROLLMENT_STATUS_LABELS } from '@domain/enrollment'
import { MyBookingItem } from '@domain/myBookings'
import { SLOT_KIND_LABELS } from '@domain/slot'
import { AccountGate } from '@app/components/AccountGate'
import { WayThere } from '@app/components/WayThere'
import { PageRoot } from '@app/components/PageRoot'
import { applicationUrl, bookingDetailUrl } from '@app/navigation/bookingRoutes'
import { ROUTES } from '@app/navigation/routes'
import { describeStartMonth } from '../../lib/enrollmentForm'
import { describeSlotTime } from '@app/lib/calendar/slotCalendar'
import { usePaged } from '@app/hooks/usePaged'
import { PagedList } from '@app/components/PagedList'
import { useShownCount } from '@app/hooks/useShownCount'
import '../../styles/booking.scss'
import { openPage, openTab } from '@app/navigation/navigate'

function BookingCard({ booking }: { booking: Booking }) {
  return (
    <View className='my-item'>
      <View className='e2e-my-booking' data-booking-id={booking.id} onClick={() => void openPage(bookingDetailUrl(booking.id))}>
        <View className='my-item__head'>
          <Text className='my-item__kind'>{SLOT_KIND_LABELS[booking.slot.kind]}</Text>
          <Text className={`status-label status-label--${booking.status} e2e-my-booking-status`}>{BOOKING_STATUS_LABELS[booking.status]}</Text>
        </View>
        <Text className='my-item__title'>{booking.institution.name}</Text>
        <Text className='my-item__time'>{describeSlotTime(booking.slot)}</Text>
        <View className='my-item__foot'>
          <Text className='muted'>{booking.child.nickname}</Text>
          <Text className='my-item__code e2e-my-booking-code'>预约码 {booking.code}</Text>
        </View>
      </View>
      {/* The way there on every booking (issue 12), beside the tap that opens it: its taps open maps or ring. */}
      <View className='my-item__way-there e2e-my-booking-way-there' data-booking-id={booking.id}>
        <WayThere place={booking.institution} phone={booking.institution.contactPhone} />
      </View>
    </View>
  )
}

function EnrollmentCard({ enrollment }: { enrollment: Enrollment }) {
  return (
    <View className='my-item e2e-my-enrollment' onClick={() => void openPage(applicationUrl(enrollment.id))}>
      <View className='my-item__head'>
        <Text className='my-item__kind'>入托申请</Text>
        <Text className={`status-label status-label--${enrollment.status} e2e-my-enrollment-status`}>
          {ENROLLMENT_STATUS_LABELS[enrollment.status]}
          {enrollment.status === 'waitlisted' && enrollment.waitlistPosition !== null ? ` 第 ${enrollment.waitlistPosition} 位` : ''}
        </Text>
      </View>
      <Text className='my-item__title'>{enrollment.institution.name}</Text>
      <Text className='my-item__time'>
        {CARE_MODE_LABELS[enrollment.careMode]} · {describeStartMonth(enrollment.startMonth)}起
      </Text>
      <Text className='muted'>{enrollment.child.nickname}</Text>
    </View>
  )
}

function Item({ item }: { item: MyBookingItem }) {
  return item.type === 'booking' ? <BookingCard booking={item.booking} /> : <EnrollmentCard enrollment={item.enrollment} />
}

/** 我的预约: upcoming bookings first, then open applications, then the past (the server's order). */
export default function MyBookingsPage() {
  const revision = useShownCount()
  const list = usePaged<MyBookingItem>(`mine-${revision}`, listMyBookings)
  return (
    <PageRoot className='my-bookings-page'>
      <AccountGate>
        {() => (
          <>
            <PagedList
              paged={list}
              className='my-list e2e-my-list'
              empty={
                <View className='status status--empty e2e-empty'>
                  <Text className='status__title'>还没有预约或申请</Text>
                  <Text className='status__text'>在机构详情页可以预约参观、开放日，或申请入托。</Text>
                  <View className='btn e2e-go-find' onClick={() => void openTab(ROUTES.find)}>
                    <Text>去找托育</Text>
                  </View>
                </View>
              }
            >
              {(item) => <Item key={item.type === 'booking' ? item.booking.id : item.enrollment.id} item={item} />}
            </PagedList>
          </>
        )}
      </AccountGate>
    </PageRoot>
  )
}
