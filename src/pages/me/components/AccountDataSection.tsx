import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { ACCOUNT_DELETION_CONFIRMATION, deleteMyAccount, exportMyData } from '@app/api/accountData'
import { MyDataExportFile } from '@domain/accountData'
import { clearSession } from '@app/store/session'

/** Hands the JSON file to the parent: a download in the browser, a file to send to a chat in WeChat. */
async function saveExport(data: MyDataExportFile): Promise<void> {
  const fileName = `anxin-my-data-${data.exportedAt.slice(0, 10)}.json`
  const text = JSON.stringify(data, null, 2)
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    link.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8')
  await Taro.shareFileMessage({ filePath, fileName })
}

/**
 * 我的数据: a copy of everything kept about the parent (个人信息副本, PIPL art. 45) and
 * 注销账号 (art. 47), which says first what goes and what the regulator keeps.
 */
export function AccountDataSection() {
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [typed, setTyped] = useState('')

  async function run(action: () => Promise<void>) {
    setBusy(true)
    setMessage(null)
    try {
      await action()
    } catch (error) {
      setMessage(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  const exportData = () => run(async () => saveExport(await exportMyData()).then(() => setMessage('已导出我的数据副本')))

  const deleteAccount = () =>
    run(async () => {
      await deleteMyAccount(typed.trim())
      // Saved searches, favourites and settings on this device go too.
      Taro.clearStorageSync()
      clearSession()
      void Taro.showToast({ title: '账号已注销', icon: 'none' })
    })

  return (
    <View className='section e2e-account-data'>
      <Text className='section__title'>我的数据</Text>
      <View className='link-row e2e-export-data' onClick={() => !busy && void exportData()}>
        <Text>下载我的数据副本（JSON）</Text>
        <Text className='link-row__arrow'>›</Text>
      </View>
      {!confirming ? (
        <View className='link-row e2e-delete-account' onClick={() => setConfirming(true)}>
          <Text>注销账号</Text>
          <Text className='link-row__arrow'>›</Text>
        </View>
      ) : (
        <View className='e2e-delete-confirm'>
          <Text className='section__body'>注销后将删除：孩子信息、预约和入托申请（进行中的预约会取消并释放名额）、同意记录、评价和上传的照片，并退出登录。</Text>
          <Text className='section__body'>已提交的投诉会匿名保留给监管部门继续处理，不再关联您的账号和手机号。建议先下载数据副本。</Text>
          <Text className='section__body'>请输入“{ACCOUNT_DELETION_CONFIRMATION}”确认：</Text>
          <Input className='field__input account-data__confirm e2e-delete-confirm-input' value={typed} onInput={(e) => setTyped(e.detail.value)} placeholder={ACCOUNT_DELETION_CONFIRMATION} />
          <View className='account-data__actions'>
            <View className='btn btn--small e2e-delete-cancel' onClick={() => setConfirming(false)}>
              <Text>取消</Text>
            </View>
            <View
              className={`btn btn--small btn--danger e2e-delete-confirm-button ${typed.trim() === ACCOUNT_DELETION_CONFIRMATION && !busy ? '' : 'btn--busy'}`}
              onClick={() => typed.trim() === ACCOUNT_DELETION_CONFIRMATION && !busy && void deleteAccount()}
            >
              <Text>确认注销</Text>
            </View>
          </View>
        </View>
      )}
      {message && <Text className='section__body e2e-account-data-message'>{message}</Text>}
    </View>
  )
}
