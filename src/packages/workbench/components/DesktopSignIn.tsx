import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { collectDesktopTicket, openDesktopTicket } from '@app/api/workbench'
import { QrCode } from '@app/components/QrCode'
import { saveSession } from '@app/store/session'
import { LoginTicket } from '@domain/staffAccess'

const POLL_MS = 2000

/**
 * 扫码登录 on a desktop browser: a QR code of a short-lived ticket, polled until the
 * phone confirms it (docs/platform-notes.md "Scanning"); a new code when it expires.
 */
export function DesktopSignIn() {
  const [ticket, setTicket] = useState<LoginTicket | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    let stopped = false
    openDesktopTicket().then(
      (fresh) => !stopped && setTicket(fresh),
      (error) => !stopped && setProblem(errorMessage(error)),
    )
    return () => {
      stopped = true
    }
  }, [generation])

  useEffect(() => {
    if (!ticket) return
    const timer = setInterval(() => {
      collectDesktopTicket(ticket).then(
        (session) => {
          if (session) {
            clearInterval(timer)
            saveSession(session)
          }
        },
        () => {
          clearInterval(timer)
          setTicket(null)
          setGeneration((g) => g + 1)
        },
      )
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [ticket])

  return (
    <View className='workbench-card e2e-desktop-sign-in' data-ticket-id={ticket?.ticketId ?? ''}>
      <Text className='workbench-card__title'>扫码登录电脑版工作台</Text>
      <Text className='workbench-card__text'>用已登录的安心托育小程序，在「工作台」点「扫码登录电脑」扫描下面的二维码并确认。登录 8 小时后自动退出，也可在手机上随时退出。</Text>
      {ticket && <QrCode text={ticket.qrText} moduleSize={6} className='e2e-desktop-qr' />}
      {problem && <Text className='form-error'>{problem}</Text>}
    </View>
  )
}
