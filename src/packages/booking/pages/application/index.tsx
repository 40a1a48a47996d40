import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { getEnrollment, withdrawEnrollment } from '@app/api/enrollments'
import { CARE_MODE_LABELS } from '@domain/careMode'
import { Enrollment, ENROLLMENT_STATUS_LABELS } from '@domain/enrollment'
import { AccountGate } from '@app/components/AccountGate'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { SubscribeOffer } from '@app/components/SubscribeOffer'
import { useRemote } from '@app/hooks/useRemote'
import { isOpenEnrollment } from '@domain/enrollmentRules'
import { describeStartMonth } from '../../lib/enrollmentForm'
import { InfoLine } from '../../components/InfoLine'
import '../../styles/booking.scss'
import { goBack } from '@app/navigation/navigate'

function ApplicationView({ initial, justApplied }: { initial: Enrollment; justApplied: boolean }) {
  const [enrollment, setEnrollment] = useState(initial)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => setEnrollment(initial), [initial])

  const withdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回入托申请？',
      content: '撤回后候补位次不再保留；如需再申请，将重新排队。',
      confirmText: '撤回',
      confirmColor: '#a3321c',
      cancelText: '不撤回',
    })
    if (!confirm) return
    setBusy(true)
    try {
      setEnrollment(await withdrawEnrollment(enrollment.id))
      setMessage('申请已撤回')
    } catch (failure) {
      setMessage(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  const open = isOpenEnrollment(enrollment.status)
  return (
    <View className='application e2e-application'>
      {justApplied && open && (
        <View className='notice notice--good e2e-applied-notice'>
          <Text className='notice__title'>申请已提交</Text>
          <Text className='notice__body'>{enrollment.status === 'waitlisted' ? '机构暂时没有空位，您已进入候补。' : '机构有空位，会尽快审核并联系您。'}</Text>
        </View>
      )}
      <View className='section application__status'>
        <Text className={`status-label status-label--${enrollment.status} e2e-application-status`}>{ENROLLMENT_STATUS_LABELS[enrollment.status]}</Text>
        {enrollment.status === 'waitlisted' && enrollment.waitlistPosition !== null && (
          <View className='waitlist'>
            <Text className='waitlist__label'>候补位次</Text>
            <Text className='waitlist__position e2e-waitlist-position'>第 {enrollment.waitlistPosition} 位</Text>
            <Text className='muted'>前面的家长撤回或入托后，位次会自动前移。</Text>
          </View>
        )}
      </View>
      <View className='section'>
        <InfoLine label='机构' value={enrollment.institution.name} className='e2e-application-institution' />
        <InfoLine label='孩子' value={enrollment.child.nickname} />
        <InfoLine label='托育方式' value={CARE_MODE_LABELS[enrollment.careMode]} />
        <InfoLine label='入托月份' value={describeStartMonth(enrollment.startMonth)} />
        <InfoLine label='手机号' value={enrollment.contactPhone} />
      </View>
      {message && <Text className='section__body notice-line e2e-application-message'>{message}</Text>}
      {justApplied && open && <SubscribeOffer kinds={['enrollment_status']} />}
      {open && (
        <View className='btn btn--danger e2e-withdraw' onClick={() => !busy && void withdraw()}>
          <Text>{busy ? '正在撤回…' : '撤回申请'}</Text>
        </View>
      )}
    </View>
  )
}

/** 入托申请: the status and, while waitlisted, the live position in line. */
export default function ApplicationPage() {
  const { id = null, new: justApplied } = useRouter().params
  const [enrollment, retry] = useRemote(id, () => getEnrollment(id ?? ''))
  return (
    <PageRoot className='application-page'>
      {id === null && <ErrorView message='没有指定申请，请到“我的预约”查看' onRetry={() => void goBack()} />}
      {id !== null && (
        <AccountGate>
          {() => (
            <>
              {enrollment.status === 'loading' && <LoadingView />}
              {enrollment.status === 'error' && <ErrorView message={enrollment.message} onRetry={retry} />}
              {enrollment.status === 'ready' && <ApplicationView initial={enrollment.value} justApplied={justApplied === '1'} />}
            </>
          )}
        </AccountGate>
      )}
    </PageRoot>
  )
}
