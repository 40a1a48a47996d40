import { View, Text, Input } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '../api/ApiError'
import { NICKNAME_MAX } from '@domain/account'
import { signIn, SIGN_IN_KIND, signOut } from '../hooks/useSession'
import { Session } from '@domain/account'

/**
 * Signed out: WeChat sign-in (or a demo sign-in in the browser). Signed in: who and 退出登录.
 * `why` replaces the general line when a task asked for the sign-in (AccountGate).
 */
export function SignInSection({ session, expired, why }: { session: Session | null; expired: boolean; why?: string }) {
  const [nickname, setNickname] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const run = async (action: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }

  if (session) {
    return (
      <View className='section account e2e-account'>
        <View className='account__row'>
          <Text className='account__name e2e-account-name'>{session.user.nickname ? `你好，${session.user.nickname}` : '已登录'}</Text>
          <View className='link e2e-sign-out' onClick={() => !busy && void run(signOut)}>
            <Text>退出登录</Text>
          </View>
        </View>
      </View>
    )
  }
  return (
    <View className='section account e2e-sign-in-section'>
      <Text className='section__title'>登录</Text>
      {expired && <Text className='section__body section__body--warn e2e-session-expired'>登录已过期，请重新登录。</Text>}
      <Text className='section__body e2e-sign-in-why'>{why ?? '找托育不需要登录；预约参观、申请入托和添加孩子需要先登录。'}</Text>
      {SIGN_IN_KIND === 'demo' && (
        <>
          <Text className='section__body section__body--warn'>网页演示版：使用演示账号登录，不会收集微信信息。</Text>
          <Input
            className='form-field__input e2e-nickname-input'
            value={nickname}
            maxlength={NICKNAME_MAX}
            placeholder='昵称（可不填）'
            onInput={(e) => setNickname(e.detail.value)}
          />
        </>
      )}
      {error && <Text className='form-error e2e-form-error'>{error}</Text>}
      <View className='btn btn--primary e2e-sign-in' onClick={() => !busy && void run(() => signIn(nickname))}>
        <Text>{busy ? '正在登录…' : SIGN_IN_KIND === 'demo' ? '演示登录' : '微信登录'}</Text>
      </View>
    </View>
  )
}
