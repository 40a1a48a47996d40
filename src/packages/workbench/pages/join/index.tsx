import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { acceptInvitation } from '@app/api/workbench'
import { AccountGate } from '@app/components/AccountGate'
import { PageRoot } from '@app/components/PageRoot'
import { ROLE_NAMES } from '@domain/staffAccess'
import { WORKBENCH_ROUTES } from '../../lib/sections'
import '../../styles/workbench.scss'
import { replacePage } from '@app/navigation/navigate'

/** 接受邀请: the code from `npm run admin`, a regulator or an admin, typed or scanned (weapp). */
export default function JoinPage() {
  const router = useRouter()
  const [code, setCode] = useState(router.params.invite ?? '')
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const submit = (typed: string) => {
    acceptInvitation(typed).then(
      (invitation) => setMessage({ ok: true, text: `已成为${invitation.institutionName ?? `区县 ${invitation.districtCode}`}的${ROLE_NAMES[invitation.role]}` }),
      (error) => setMessage({ ok: false, text: errorMessage(error) }),
    )
  }
  return (
    <PageRoot className='workbench e2e-join-page'>
      <AccountGate>
        {() => (
          <View className='workbench-card'>
            <Text className='workbench-card__title'>输入邀请码</Text>
            <Input className='workbench-input e2e-invitation-code' value={code} placeholder='XXXX-XXXX-XXXX' onInput={(e) => setCode(e.detail.value)} />
            <View className='workbench-card__actions'>
              <View className='btn btn--primary e2e-accept-invitation' onClick={() => submit(code)}>
                <Text>接受邀请</Text>
              </View>
              {process.env.TARO_ENV === 'weapp' && (
                <View className='btn' onClick={() => void Taro.scanCode({ onlyFromCamera: true }).then((scan) => submit(scan.result))}>
                  <Text>扫码</Text>
                </View>
              )}
            </View>
            {message && <Text className={`workbench-card__text ${message.ok ? 'e2e-join-ok' : 'form-error e2e-join-error'}`}>{message.text}</Text>}
            {message?.ok && (
              <View className='btn e2e-open-workbench' onClick={() => void replacePage(WORKBENCH_ROUTES.home)}>
                <Text>进入工作台</Text>
              </View>
            )}
          </View>
        )}
      </AccountGate>
    </PageRoot>
  )
}
