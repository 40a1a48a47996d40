import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { Voucher, VOUCHER_STATUS_LABELS } from '@domain/voucher'
import { PublicSlot } from '@domain/slotRules'
import { inShanghai } from '@domain/shanghaiTime'
import { listInstitutionSlots } from '@app/api/bookings'
import { bookTrialWithVoucher } from '@app/api/vouchers'
import { errorMessage } from '@app/api/ApiError'
import { Chip, Tag } from '@app/components/Chip'
import { FormField } from '@app/components/FormField'

/** Picking a trial day at one of the batch's institutions, then booking it with the voucher. */
function TrialBooking({ voucher, onBooked }: { voucher: Voucher; onBooked: (v: Voucher) => void }) {
  const [institutionId, setInstitutionId] = useState<string | null>(null)
  const [slots, setSlots] = useState<PublicSlot[] | null>(null)
  const [slotId, setSlotId] = useState<string | null>(null)
  const [contactName, setContactName] = useState('')
  const [contactPhone, setContactPhone] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const pick = async (id: string) => {
    setInstitutionId(id)
    setSlotId(null)
    setSlots(null)
    try {
      setSlots((await listInstitutionSlots(id, { kind: 'trial' })).filter((s) => s.remaining > 0))
    } catch (error) {
      setMessage(errorMessage(error))
    }
  }
  const book = async () => {
    if (!slotId) return setMessage('请选择一个体验日')
    setBusy(true)
    setMessage(null)
    try {
      onBooked(await bookTrialWithVoucher(voucher.id, { slotId, contactName, contactPhone }))
    } catch (error) {
      setMessage(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='voucher-booking e2e-voucher-booking'>
      <Text className='form-field__label'>选择参加活动的机构</Text>
      <View className='chip-row chip-row--wrap'>
        {voucher.batch.institutions.map((i) => (
          <Chip key={i.id} label={i.name} selected={institutionId === i.id} onTap={() => void pick(i.id)} className='e2e-voucher-institution' />
        ))}
      </View>
      {slots !== null && slots.length === 0 && <Text className='section__body'>这家机构近期没有可约的体验日，换一家试试。</Text>}
      {slots !== null && slots.length > 0 && (
        <View className='chip-row chip-row--wrap'>
          {slots.map((s) => (
            <Chip key={s.id} label={inShanghai(s.startsAt).format('M月D日 HH:mm')} selected={slotId === s.id} onTap={() => setSlotId(s.id)} className='e2e-voucher-slot' />
          ))}
        </View>
      )}
      <FormField label='联系人' value={contactName} onChange={setContactName} className='e2e-voucher-contact-name' maxlength={20} />
      <FormField label='手机号' value={contactPhone} onChange={setContactPhone} className='e2e-voucher-contact-phone' type='number' maxlength={11} />
      {message && <Text className='form-field__error e2e-voucher-error'>{message}</Text>}
      <View className={`btn btn--primary e2e-voucher-book ${busy ? 'btn--busy' : ''}`} onClick={() => void book()}>
        <Text>用券预约体验日</Text>
      </View>
    </View>
  )
}

/** One voucher: its code large, its state, and the booking code once booked. */
export function VoucherCard({ voucher, onChange }: { voucher: Voucher; onChange: (v: Voucher) => void }) {
  const [booking, setBooking] = useState(false)
  const state = voucher.expired ? 'expired' : voucher.status
  return (
    <View className='section voucher-card e2e-voucher' data-status={state}>
      <View className='policy-card__head'>
        <Tag label={VOUCHER_STATUS_LABELS[state]} tone={state === 'expired' ? 'warn' : 'good'} className='e2e-voucher-status' />
        <Text className='policy-card__region'>{voucher.child.nickname}</Text>
      </View>
      <Text className='policy-card__title'>{voucher.batch.title}</Text>
      <Text className='voucher-card__code e2e-voucher-code'>{voucher.code}</Text>
      <Text className='policy-figure__meta'>
        有效期 {voucher.batch.validFrom} 至 {voucher.batch.validUntil}
      </Text>
      {voucher.booking && (
        <View className='policy-card__child e2e-voucher-booked'>
          <Text className='policy-card__label'>体验日</Text>
          <Text className='policy-card__line'>
            {voucher.booking.institutionName} · {inShanghai(voucher.booking.startsAt).format('M月D日 HH:mm')}
          </Text>
          <Text className='policy-card__label'>预约码（到园时连同券码出示）</Text>
          <Text className='voucher-card__code e2e-voucher-booking-code'>{voucher.booking.code}</Text>
        </View>
      )}
      {voucher.status === 'claimed' && !voucher.expired && !booking && (
        <View className='btn btn--primary e2e-voucher-start-booking' onClick={() => setBooking(true)}>
          <Text>用这张券预约体验日</Text>
        </View>
      )}
      {booking && voucher.status === 'claimed' && (
        <TrialBooking
          voucher={voucher}
          onBooked={(v) => {
            setBooking(false)
            onChange(v)
          }}
        />
      )}
    </View>
  )
}
