import Taro from '@tarojs/taro'
import { Button, View, Text } from '@tarojs/components'
import { useSyncExternalStore } from 'react'

/*
 * WeChat's own privacy gate (docs/platform-notes.md, Privacy agreement): with __usePrivacyCheck__ a privacy API
 * (location, …) waits until the user agrees to the mini-program's 用户隐私保护指引.
 * onNeedPrivacyAuthorization hands us a resolve; the agreement must come from a
 * Button with openType="agreePrivacyAuthorization" whose id we pass back.
 * The listener is global, so it is registered once and every page draws the same prompt.
 */

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void

const AGREE_BUTTON_ID = 'agree-privacy-authorization'
let pending: Resolve | null = null
let registered = false
const listeners = new Set<() => void>()

function setPending(next: Resolve | null): void {
  pending = next
  listeners.forEach((listener) => listener())
}

function register(): void {
  if (registered || process.env.TARO_ENV !== 'weapp') return
  registered = true
  try {
    Taro.onNeedPrivacyAuthorization((resolve) => {
      resolve({ event: 'exposureAuthorization' })
      setPending(resolve)
    })
  } catch {
    // Base library older than 2.32.3: WeChat shows its own prompt.
  }
}

function subscribe(listener: () => void): () => void {
  register()
  listeners.add(listener)
  return () => listeners.delete(listener)
}

const current = () => pending

export function WechatPrivacyPrompt() {
  const resolve = useSyncExternalStore(subscribe, current, current)
  if (process.env.TARO_ENV !== 'weapp' || resolve === null) return null
  return (
    <View className='privacy-prompt'>
      <View className='privacy-prompt__card'>
        <Text className='privacy-prompt__title'>用户隐私保护提示</Text>
        <Text className='privacy-prompt__body'>
          使用这个功能前，请阅读并同意《安心托育小程序隐私保护指引》。我们只在您使用相关功能时收集必要的信息，不作他用。
        </Text>
        <View className='privacy-prompt__link' onClick={() => Taro.openPrivacyContract({})}>
          <Text>查看《隐私保护指引》</Text>
        </View>
        <View className='privacy-prompt__actions'>
          <Button
            className='btn'
            onClick={() => {
              resolve({ event: 'disagree' })
              setPending(null)
            }}
          >
            不同意
          </Button>
          <Button
            id={AGREE_BUTTON_ID}
            className='btn btn--primary'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => {
              resolve({ event: 'agree', buttonId: AGREE_BUTTON_ID })
              setPending(null)
            }}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  )
}
