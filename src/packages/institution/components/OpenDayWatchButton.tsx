import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { recordSubscriptions } from '@app/api/auth'
import { errorMessage } from '@app/api/ApiError'
import { cancelOpenDayWatch, listOpenDayWatches, watchOpenDays } from '@app/api/openDayWatches'
import { AccountGate } from '@app/components/AccountGate'
import { useRemote } from '@app/hooks/useRemote'
import { useSession } from '@app/hooks/useSession'
import { acceptedKinds, configuredTemplateIds, templatesFor } from '@app/lib/wechat/subscribe'
import { POLICY_ROUTES } from '@app/navigation/policyRoutes'
import { openPage } from '@app/navigation/navigate'

/*
 * 订阅开放日提醒 on the detail page of a place with nothing to book (issue 12). Signed out,
 * the tap signs in on the spot and the subscription follows without a second tap. In
 * weapp the tap also asks WeChat's consent sheet for one open_day_alert message (WeChat
 * shows it only from a tap); the alert is in 我的 · 空位和开放日提醒 either way.
 */

const WHERE = '发布开放日或参观时会提醒你，提醒在“我的 · 空位和开放日提醒”里'

/** weapp only: asks for the subscribe message and tells the server if accepted; never blocks the subscription. */
async function askForMessage(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return
  const requests = templatesFor(['open_day_alert'], configuredTemplateIds())
  if (requests.length === 0) return
  try {
    const answer = await Taro.requestSubscribeMessage({ tmplIds: requests.map((r) => r.templateId), entityIds: [] })
    const accepted = acceptedKinds(requests, answer as unknown as Record<string, unknown>)
    if (accepted.length > 0) await recordSubscriptions(accepted)
  } catch {
    // declined or unavailable: 我的 still lists the alert
  }
}

export function OpenDayWatchButton({ institutionId, main }: { institutionId: string; main: boolean }) {
  const { session } = useSession()
  const [asked, setAsked] = useState(false)
  if (asked) {
    // The tap that asked for sign-in is the tap that subscribes: it resumes once signed in.
    return (
      <AccountGate task='订阅开放日提醒'>{() => <SignedInWatch institutionId={institutionId} main={main} subscribeOnArrival />}</AccountGate>
    )
  }
  if (!session) return <SubscribeButton main={main} onTap={() => setAsked(true)} />
  return <SignedInWatch institutionId={institutionId} main={main} subscribeOnArrival={false} />
}

function SignedInWatch({ institutionId, main, subscribeOnArrival }: { institutionId: string; main: boolean; subscribeOnArrival: boolean }) {
  const { session } = useSession()
  const [revision, setRevision] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [watches] = useRemote(session ? `open-day-watches-${session.token}-${revision}` : null, listOpenDayWatches)
  const watch = watches.status === 'ready' ? watches.value.find((w) => w.institution.id === institutionId) : undefined
  const arrived = useRef(false)

  const subscribe = async () => {
    setError(null)
    try {
      await Promise.all([askForMessage(), watchOpenDays(institutionId)])
      setRevision((r) => r + 1)
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }
  const cancel = async () => {
    if (!watch) return
    try {
      await cancelOpenDayWatch(watch.id)
      setRevision((r) => r + 1)
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }
  useEffect(() => {
    if (!subscribeOnArrival || arrived.current || watches.status !== 'ready') return
    arrived.current = true
    if (!watch) void subscribe()
  })

  if (watches.status !== 'ready') return null
  return (
    <View className='open-day-watch e2e-open-day-watch'>
      {watch ? (
        <>
          <Text className='section__body e2e-open-day-watched'>已订阅开放日提醒：{WHERE}。</Text>
          <View className='actions'>
            <View className='btn e2e-open-day-my-alerts' onClick={() => void openPage(POLICY_ROUTES.alerts)}>
              <Text>查看我的提醒</Text>
            </View>
            <View className='btn e2e-open-day-unwatch' onClick={() => void cancel()}>
              <Text>取消提醒</Text>
            </View>
          </View>
        </>
      ) : (
        <SubscribeButton main={main} onTap={() => void subscribe()} />
      )}
      {error && <Text className='form-error e2e-open-day-watch-error'>{error}</Text>}
    </View>
  )
}

function SubscribeButton({ main, onTap }: { main: boolean; onTap: () => void }) {
  return (
    <View className={`btn ${main ? 'btn--primary e2e-main-action' : ''} e2e-open-day-watch-button`} onClick={onTap}>
      <Text>订阅开放日提醒</Text>
    </View>
  )
}
