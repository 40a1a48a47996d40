import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '../api/ApiError'
import { PRIVACY_GUIDE_VERSION } from '@domain/account'
import { agreeToPrivacyGuide } from '../store/account'

/** The points of our 隐私保护指引 a parent reads before anything personal is collected. */
export const PRIVACY_GUIDE_POINTS = [
  '登录：只保存一个登录凭证和您填写的昵称，用来识别是您本人在预约。',
  '孩子：只收集小名和出生日期（或预产期），用于判断月龄是否符合机构的招收范围；添加前会再单独征求监护人同意。',
  '预约：联系人和手机号只发给您预约的机构用于联系您；机构看到的手机号会部分隐藏。',
  '位置：只在您同意后获取大致位置，随查询发给服务器计算距离，不保存。',
  '保存期限：孩子信息保存到您删除为止；删除后立即彻底删除，已有预约中的孩子小名改为匿名。',
  '您可以随时在“我的”删除孩子信息、取消预约或退出登录。',
]

/**
 * Our own privacy guide, agreed once per version and recorded on the server
 * (POST /me/consents privacy_guide), before the app asks for a child or a phone number.
 */
export function PrivacyGuide() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const agree = async () => {
    setBusy(true)
    setError(null)
    try {
      await agreeToPrivacyGuide()
    } catch (failure) {
      setError(errorMessage(failure))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='section privacy-guide e2e-privacy-guide'>
      <Text className='section__title'>隐私保护指引</Text>
      <Text className='section__body'>预约和添加孩子前，请先阅读我们如何使用您的信息（版本 {PRIVACY_GUIDE_VERSION}）：</Text>
      {PRIVACY_GUIDE_POINTS.map((point) => (
        <Text key={point} className='section__body'>
          · {point}
        </Text>
      ))}
      {error && <Text className='form-error e2e-form-error'>{error}</Text>}
      <View className={`btn btn--primary e2e-privacy-agree ${busy ? 'btn--busy' : ''}`} onClick={() => !busy && void agree()}>
        <Text>{busy ? '正在提交…' : '我已阅读并同意'}</Text>
      </View>
    </View>
  )
}
