import { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { listMyChildren } from '@app/api/children'
import { applyForEnrollment } from '@app/api/enrollments'
import { getInstitution } from '@app/api/institutions'
import { CARE_MODE_LABELS, CareMode } from '@domain/careMode'
import { Child } from '@domain/child'
import { EnrollmentCreateBodySchema } from '@domain/enrollment'
import { InstitutionDetail } from '@domain/institution'
import { formatFen } from '@domain/money'
import { FEE_UNIT_LABELS } from '@domain/careMode'
import { AccountGate } from '@app/components/AccountGate'
import { Chip } from '@app/components/Chip'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { useRemote } from '@app/hooks/useRemote'
import { adviceForFailure, FailureAdvice } from '../../lib/bookingErrors'
import { applicationUrl } from '@app/navigation/bookingRoutes'
import { startMonthChoices } from '../../lib/enrollmentForm'
import { FieldErrors, validateForm } from '@app/lib/forms/formErrors'
import { ChildPicker } from '../../components/ChildPicker'
import { FailureNotice } from '../../components/FailureNotice'
import '../../styles/booking.scss'
import { goBack, replacePage } from '@app/navigation/navigate'
import { ContactPhoneField } from '../../components/ContactPhoneField'

function ApplyForm({ institution, children }: { institution: InstitutionDetail; children: Child[] }) {
  const months = startMonthChoices()
  const [childId, setChildId] = useState<string | null>(children.length === 1 ? children[0].id : null)
  const [careMode, setCareMode] = useState<CareMode | null>(institution.careModes.length === 1 ? institution.careModes[0].mode : null)
  const [startMonth, setStartMonth] = useState<string | null>(null)
  const [contactPhone, setContactPhone] = useState('')
  const [fields, setFields] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<FailureAdvice | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async () => {
    const checked = validateForm(EnrollmentCreateBodySchema, {
      institutionId: institution.id,
      childId: childId ?? '',
      careMode: careMode ?? undefined,
      startMonth: startMonth ?? undefined,
      contactPhone,
    })
    if (!checked.ok) {
      setFields(checked.fields)
      return
    }
    setFields({})
    setFailure(null)
    setBusy(true)
    try {
      const enrollment = await applyForEnrollment(checked.value)
      void replacePage(applicationUrl(enrollment.id, true))
    } catch (error) {
      const advice = adviceForFailure(error)
      setFields(advice.fields)
      setFailure(advice)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='apply-form e2e-apply-form'>
      <View className='section'>
        <Text className='section__title'>{institution.name}</Text>
        <Text className='section__body'>提交后，有空位时机构会审核您的申请；没有空位时进入候补，可以随时查看排在第几位。</Text>
        <Text className='muted'>当前空位 {institution.vacancies} 个</Text>
      </View>
      <View className='section'>
        <ChildPicker children={children} selectedId={childId} onSelect={setChildId} error={fields.childId} />
        <View className='form-field'>
          <Text className='form-field__label'>托育方式</Text>
          <View className='chip-row chip-row--wrap'>
            {institution.careModes.map((fee) => (
              <Chip
                key={fee.mode}
                label={`${CARE_MODE_LABELS[fee.mode]} ${formatFen(fee.fee)}${FEE_UNIT_LABELS[fee.unit].replace('元', '')}`}
                selected={careMode === fee.mode}
                onTap={() => setCareMode(fee.mode)}
                className={`e2e-care-mode e2e-care-mode-${fee.mode}`}
              />
            ))}
          </View>
          {fields.careMode && <Text className='form-field__error e2e-field-error'>{fields.careMode}</Text>}
        </View>
        <View className='form-field'>
          <Text className='form-field__label'>希望入托月份</Text>
          <View className='chip-row chip-row--wrap'>
            {months.map((month) => (
              <Chip key={month.value} label={month.label} selected={startMonth === month.value} onTap={() => setStartMonth(month.value)} className='e2e-start-month' />
            ))}
          </View>
          {fields.startMonth && <Text className='form-field__error e2e-field-error'>{fields.startMonth}</Text>}
        </View>
        <ContactPhoneField className='e2e-apply-phone' value={contactPhone} onChange={setContactPhone} fields={fields} setFields={setFields} />
        {failure && <FailureNotice failure={failure} onRetry={() => void submit()} />}
        <View className={`btn btn--primary btn--block e2e-submit-application ${busy ? 'btn--busy' : ''}`} onClick={() => !busy && void submit()}>
          <Text>{busy ? '正在提交…' : '提交申请'}</Text>
        </View>
      </View>
    </View>
  )
}

/** 申请入托: child, care mode from the institution's own, start month, phone. */
export default function ApplyPage() {
  const { institutionId = null } = useRouter().params
  const [revision, setRevision] = useState(0)
  useDidShow(() => setRevision((r) => r + 1))
  const [institution, retry] = useRemote(institutionId, () => getInstitution(institutionId ?? ''))
  const [children, retryChildren] = useRemote(`children-${revision}`, listMyChildren)
  return (
    <PageRoot className='apply-page'>
      {institutionId === null ? (
        <ErrorView message='没有指定机构，请返回重新选择' onRetry={() => void goBack()} />
      ) : (
        <AccountGate>
          {() => {
            if (institution.status === 'loading' || children.status === 'loading') return <LoadingView />
            if (institution.status === 'error') return <ErrorView message={institution.message} onRetry={retry} />
            if (children.status === 'error') return <ErrorView message={children.message} onRetry={retryChildren} />
            return <ApplyForm institution={institution.value} children={children.value} />
          }}
        </AccountGate>
      )}
    </PageRoot>
  )
}
