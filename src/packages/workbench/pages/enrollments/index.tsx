import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { decideEnrollment, listStaffEnrollments } from '@app/api/workbench'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { useRemote } from '@app/hooks/useRemote'
import { CARE_MODE_LABELS } from '@domain/careMode'
import { ENROLLMENT_STATUS_LABELS } from '@domain/enrollment'
import '../../styles/workbench.scss'

/** 入托申请与候补: admit (takes a place) or decline; the waitlist in order (the server's). */
export default function EnrollmentsPage() {
  const [revision, setRevision] = useState(0)
  const [list, retry] = useRemote(`staff-enrollments-${revision}`, listStaffEnrollments)
  const [message, setMessage] = useState<string | null>(null)
  const decide = (id: string, decision: 'admit' | 'decline') =>
    decideEnrollment(id, decision).then(
      () => setRevision((r) => r + 1),
      (error) => setMessage(errorMessage(error)),
    )
  return (
    <PageRoot className='workbench e2e-enrollments-page'>
      {message && <Text className='form-error'>{message}</Text>}
      {list.status === 'loading' && <LoadingView />}
      {list.status === 'error' && <ErrorView message={list.message} onRetry={retry} />}
      {list.status === 'ready' && (
        <View className='workbench__grid'>
          {list.value.length === 0 && <Text className='workbench__sub'>暂无入托申请</Text>}
          {list.value.map((application) => (
            <View key={application.id} className='workbench-card e2e-staff-enrollment'>
              <Text className='workbench-card__title'>{`${application.child.nickname} · ${CARE_MODE_LABELS[application.careMode]} · ${application.startMonth} 入托`}</Text>
              <Text className='workbench-card__text'>
                {`${ENROLLMENT_STATUS_LABELS[application.status]}${application.waitlistPosition ? `（候补第 ${application.waitlistPosition} 位）` : ''} · ${application.contactPhone}`}
              </Text>
              {(application.status === 'submitted' || application.status === 'waitlisted') && (
                <View className='workbench-card__actions'>
                  <View className='btn btn--primary e2e-enrollment-admit' onClick={() => void decide(application.id, 'admit')}>
                    <Text>录取</Text>
                  </View>
                  <View className='btn e2e-enrollment-decline' onClick={() => void decide(application.id, 'decline')}>
                    <Text>婉拒</Text>
                  </View>
                </View>
              )}
            </View>
          ))}
        </View>
      )}
    </PageRoot>
  )
}
