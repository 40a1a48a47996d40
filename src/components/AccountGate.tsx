import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { ReactNode } from 'react'
import { useSession } from '../hooks/useSession'
import { ROUTES } from '../navigation/routes'
import { hasConsented, loadAccount, useAccount } from '../store/account'
import { PrivacyGuide } from './PrivacyGuide'
import { ErrorView, LoadingView } from './StatusViews'

/**
 * Pages that collect personal information render their content only for a signed-in
 * parent who agreed to the current privacy guide; otherwise they say what to do.
 */
export function AccountGate({ children }: { children: () => ReactNode }) {
  const { session, expired } = useSession()
  const account = useAccount()
  if (!session) {
    return (
      <View className='status e2e-sign-in-required'>
        <Text className='status__title'>{expired ? '登录已过期' : '请先登录'}</Text>
        <Text className='status__text'>预约和申请需要登录，请到“我的”登录后再回来。</Text>
        <View className='btn btn--primary e2e-go-sign-in' onClick={() => void Taro.switchTab({ url: ROUTES.me })}>
          <Text>去登录</Text>
        </View>
      </View>
    )
  }
  if (account.status === 'signed_out' || account.status === 'loading') return <LoadingView />
  if (account.status === 'error') return <ErrorView message={account.message} onRetry={() => void loadAccount(true)} />
  if (!hasConsented(account.account, 'privacy_guide')) return <PrivacyGuide />
  return <>{children()}</>
}
