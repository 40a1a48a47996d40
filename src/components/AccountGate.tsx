import { View } from '@tarojs/components'
import { ReactNode } from 'react'
import { useSession } from '../hooks/useSession'
import { hasConsented, loadAccount, useAccount } from '../store/account'
import { PrivacyGuide } from './PrivacyGuide'
import { SignInSection } from './SignInSection'
import { ErrorView, LoadingView } from './StatusViews'

/**
 * Pages that collect personal information render their content only for a signed-in
 * parent who agreed to the current privacy guide. Signed out, the parent signs in right
 * here, and the page's task (the complaint, the booking, the review…) continues in place:
 * no trip to 我的 and back, on every path that asks (issue 12). `task` says what for.
 */
export function AccountGate({ children, task = '这一步' }: { children: () => ReactNode; task?: string }) {
  const { session, expired } = useSession()
  const account = useAccount()
  if (!session) {
    return (
      <View className='e2e-sign-in-required'>
        <SignInSection session={null} expired={expired} why={`${task}需要登录。登录后直接回到这里继续，已填的内容不会丢。`} />
      </View>
    )
  }
  if (account.status === 'signed_out' || account.status === 'loading') return <LoadingView />
  if (account.status === 'error') return <ErrorView message={account.message} onRetry={() => void loadAccount(true)} />
  if (!hasConsented(account.account, 'privacy_guide')) return <PrivacyGuide />
  return <>{children()}</>
}
