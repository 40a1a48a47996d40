import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { recordSubscriptions } from '../api/auth'
import { acceptedKinds, configuredTemplateIds, SUBSCRIPTION_KIND_LABELS, SubscriptionKind, templatesFor } from '../lib/wechat/subscribe'

/**
 * After a booking or an application: a one-tap offer of WeChat reminders. WeChat only
 * shows its consent sheet from a tap, and each acceptance allows one message, so the
 * server is told exactly which kinds were accepted. In the browser there are no
 * subscribe messages: say so instead of pretending.
 */
export function SubscribeOffer({
  kinds,
  browserNote = '到访前一天的提醒和状态变化通知需要在微信小程序中开启；网页版请到“我的预约”查看最新状态。',
}: {
  kinds: SubscriptionKind[]
  browserNote?: string
}) {
  const [note, setNote] = useState<string | null>(null)
  const title = kinds.map((kind) => SUBSCRIPTION_KIND_LABELS[kind]).join(' / ')

  if (process.env.TARO_ENV !== 'weapp') {
    return (
      <View className='subscribe-offer e2e-subscribe-offer'>
        <Text className='subscribe-offer__text'>{browserNote}</Text>
      </View>
    )
  }

  const requests = templatesFor(kinds, configuredTemplateIds())
  if (requests.length === 0) return null
  const ask = async () => {
    try {
      const answer = await Taro.requestSubscribeMessage({ tmplIds: requests.map((r) => r.templateId), entityIds: [] })
      const accepted = acceptedKinds(requests, answer as unknown as Record<string, unknown>)
      if (accepted.length === 0) {
        setNote('没有开启提醒，可以随时在“我的预约”查看状态')
        return
      }
      await recordSubscriptions(accepted)
      setNote('已开启提醒')
    } catch {
      setNote('没能开启提醒，请稍后再试')
    }
  }
  return (
    <View className='subscribe-offer'>
      {note ? (
        <Text className='subscribe-offer__text'>{note}</Text>
      ) : (
        <View className='btn e2e-subscribe' onClick={() => void ask()}>
          <Text>{title}</Text>
        </View>
      )}
    </View>
  )
}
