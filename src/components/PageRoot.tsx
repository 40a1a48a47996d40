import { View } from '@tarojs/components'
import { PropsWithChildren } from 'react'
import { useLargeText } from '../hooks/useLargeText'
import { WechatPrivacyPrompt } from './WechatPrivacyPrompt'

/** Every page's outermost element: carries the large-text class for grandparents, and WeChat's privacy prompt. */
export function PageRoot({ className, children }: PropsWithChildren<{ className?: string }>) {
  const [largeText] = useLargeText()
  return (
    <View className={['page', largeText ? 'large-text' : '', className ?? ''].join(' ').trim()}>
      {children}
      <WechatPrivacyPrompt />
    </View>
  )
}
