import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { confirmDesktopTicket, endDesktopSession, listDesktopSessions } from '@app/api/workbench'
import { useRemote } from '@app/hooks/useRemote'
import { inShanghai } from '@domain/shanghaiTime'
import { ticketIdFromScan } from '@domain/staffAccess'

/** On the phone: scan a desktop's login QR code, and see and end the desktops signed in as me. */
export function DesktopSessions() {
  const [revision, setRevision] = useState(0)
  const [sessions] = useRemote(`desktop-sessions-${revision}`, listDesktopSessions)
  const [message, setMessage] = useState<string | null>(null)
  const scan = () => {
    Taro.scanCode({ onlyFromCamera: true })
      .then((result) => {
        const ticketId = ticketIdFromScan(result.result)
        if (!ticketId) throw new Error('这不是工作台的登录二维码')
        return Taro.showModal({ title: '登录电脑版工作台', content: '确认用你的身份在这台电脑上登录？' }).then((answer) =>
          answer.confirm ? confirmDesktopTicket(ticketId) : undefined,
        )
      })
      .then(
        () => setRevision((r) => r + 1),
        (error) => setMessage(errorMessage(error)),
      )
  }
  return (
    <View className='workbench-card e2e-desktop-sessions'>
      <Text className='workbench-card__title'>电脑版工作台</Text>
      {process.env.TARO_ENV === 'weapp' && (
        <View className='btn btn--primary' onClick={scan}>
          <Text>扫码登录电脑</Text>
        </View>
      )}
      {sessions.status === 'ready' && sessions.value.length === 0 && <Text className='workbench-card__text'>没有电脑登录着你的账号</Text>}
      {sessions.status === 'ready' &&
        sessions.value.map((session) => (
          <View key={session.id} className='workbench-card__actions e2e-desktop-session'>
            <Text className='workbench-card__text'>{`电脑登录于 ${inShanghai(session.createdAt).format('M月D日 HH:mm')}，${inShanghai(session.expiresAt).format('HH:mm')} 自动退出`}</Text>
            <View className='btn e2e-end-desktop-session' onClick={() => void endDesktopSession(session.id).then(() => setRevision((r) => r + 1), (error) => setMessage(errorMessage(error)))}>
              <Text>退出这台电脑</Text>
            </View>
          </View>
        ))}
      {message && <Text className='form-error'>{message}</Text>}
    </View>
  )
}
