import { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useMemo, useRef, useState } from 'react'
import { createBooking, getInstitutionSlots } from '@app/api/bookings'
import { listMyChildren } from '@app/api/children'
import { BOOKING_NOTE_MAX, BookingCreateBody, BookingCreateBodySchema, CONTACT_NAME_MAX } from '@domain/booking'
import { Child } from '@domain/child'
import { SLOT_KIND_LABELS } from '@domain/slot'
import { checkSlotAge, PublicSlot, SlotHost } from '@domain/slotRules'
import { AccountGate } from '@app/components/AccountGate'
import { FormField } from '@app/components/FormField'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { useRemote } from '@app/hooks/useRemote'
import { adviceForFailure, FailureAdvice } from '../../lib/bookingErrors'
import { bookingDetailUrl } from '@app/navigation/bookingRoutes'
import { FieldErrors, validateForm, withoutField } from '@app/lib/forms/formErrors'
import { SubmissionTracker } from '@app/lib/forms/idempotentSubmission'
import { calendarWindow, describeRemaining, describeSlotTime } from '@app/lib/calendar/slotCalendar'
import { ChildPicker } from '../../components/ChildPicker'
import { FailureNotice } from '../../components/FailureNotice'
import '../../styles/booking.scss'
import { goBack, replacePage } from '@app/navigation/navigate'
import { ContactPhoneField } from '../../components/ContactPhoneField'

interface Loaded {
  slot: PublicSlot | null
  institution: SlotHost
}

function BookingForm({ institution, slot, children }: { institution: SlotHost; slot: PublicSlot; children: Child[] }) {
  const [childId, setChildId] = useState<string | null>(children.length === 1 ? children[0].id : null)
  const [contactName, setContactName] = useState('')
  const [contactPhone, setContactPhone] = useState('')
  const [note, setNote] = useState('')
  const [fields, setFields] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<FailureAdvice | null>(null)
  const [busy, setBusy] = useState(false)
  // One Idempotency-Key per 确认预约 tap; 重试 resends that tap with the same key.
  const tracker = useRef(new SubmissionTracker<BookingCreateBody>()).current

  const send = async (submission: { key: string; body: BookingCreateBody }) => {
    setBusy(true)
    setFailure(null)
    try {
      const booking = await createBooking(submission.body, submission.key)
      tracker.settle()
      void replacePage(bookingDetailUrl(booking.id, true))
    } catch (error) {
      tracker.settle(error)
      const advice = adviceForFailure(error)
      setFields(advice.fields)
      setFailure(advice)
    } finally {
      setBusy(false)
    }
  }

  const confirm = () => {
    const checked = validateForm(BookingCreateBodySchema, {
      slotId: slot.id,
      childId: childId ?? '',
      contactName,
      contactPhone,
      ...(note.trim() ? { note } : {}),
    })
    if (!checked.ok) {
      setFields(checked.fields)
      setFailure(null)
      return
    }
    setFields({})
    void send(tracker.tap(checked.value))
  }

  const ageWarning = (child: Child) => {
    const check = checkSlotAge(slot.kind, slot.startsAt, child, institution.ageRange)
    return check.ok ? null : check.reason
  }

  return (
    <View className='booking-form e2e-booking-form'>
      <View className='section e2e-booking-slot'>
        <Text className='section__title'>{SLOT_KIND_LABELS[slot.kind]}</Text>
        <Text className='section__body'>{institution.name}</Text>
        <Text className='section__body'>{slot.title}</Text>
        <Text className='section__body strong'>{describeSlotTime(slot)}</Text>
        <Text className='muted'>
          {describeRemaining(slot.remaining)}
          {slot.requiresConfirmation ? ' · 提交后需机构确认' : ''}
        </Text>
      </View>
      <View className='section'>
        <ChildPicker children={children} selectedId={childId} onSelect={setChildId} warning={ageWarning} error={fields.childId} />
        <FormField
          label='联系人'
          className='e2e-contact-name'
          value={contactName}
          maxlength={CONTACT_NAME_MAX}
          placeholder='到访时机构怎么称呼您，如“豆豆妈妈”'
          onChange={(v) => {
            setContactName(v)
            setFields((f) => withoutField(f, 'contactName'))
          }}
          error={fields.contactName}
        />
        <ContactPhoneField className='e2e-contact-phone' value={contactPhone} onChange={setContactPhone} fields={fields} setFields={setFields} />
        <FormField
          label='备注（可不填）'
          className='e2e-note'
          multiline
          maxlength={BOOKING_NOTE_MAX}
          value={note}
          placeholder='如孩子过敏、需要停车位等'
          onChange={(v) => {
            setNote(v)
            setFields((f) => withoutField(f, 'note'))
          }}
          error={fields.note}
        />
        {failure && (
          <FailureNotice
            failure={failure}
            onRetry={() => {
              const again = tracker.retry()
              if (again) void send(again)
              else confirm()
            }}
            onPickOtherSlot={() => void goBack()}
          />
        )}
        <View className={`btn btn--primary btn--block e2e-confirm-booking ${busy ? 'btn--busy' : ''}`} onClick={() => !busy && confirm()}>
          <Text>{busy ? '正在提交…' : '确认预约'}</Text>
        </View>
      </View>
    </View>
  )
}

/** 填写预约: which child, who to contact; the server guards the places and the age. */
export default function BookPage() {
  const { institutionId = null, slotId = null } = useRouter().params
  const [revision, setRevision] = useState(0)
  // Back from adding a child: show the new child.
  useDidShow(() => setRevision((r) => r + 1))
  const [loaded, retry] = useRemote<Loaded>(institutionId && slotId, async () => {
    // The host may be a health centre holding a lecture: it has slots but no childcare detail page.
    const { host, items } = await getInstitutionSlots(institutionId ?? '', calendarWindow())
    return { institution: host, slot: items.find((s) => s.id === slotId) ?? null }
  })
  const [children, retryChildren] = useRemote(`children-${revision}`, listMyChildren)
  const content = useMemo(() => {
    if (loaded.status === 'loading' || children.status === 'loading') return <LoadingView />
    if (loaded.status === 'error') return <ErrorView message={loaded.message} onRetry={retry} />
    if (children.status === 'error') return <ErrorView message={children.message} onRetry={retryChildren} />
    if (loaded.value.slot === null) {
      return <ErrorView message='这个时段已约满、已开始或已被机构取消，请选择其他时间' onRetry={() => void goBack()} />
    }
    return <BookingForm institution={loaded.value.institution} slot={loaded.value.slot} children={children.value} />
  }, [loaded, children, retry, retryChildren])

  return (
    <PageRoot className='book-page'>
      {institutionId === null || slotId === null ? (
        <ErrorView message='没有指定时段，请返回重新选择' onRetry={() => void goBack()} />
      ) : (
        <AccountGate task='预约'>{() => content}</AccountGate>
      )}
    </PageRoot>
  )
}
