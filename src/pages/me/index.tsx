import { useDidShow } from '@tarojs/taro'
import { View, Text, Switch } from '@tarojs/components'
import { useState } from 'react'
import { PageRoot } from '../../components/PageRoot'
import { PrivacyGuide } from '../../components/PrivacyGuide'
import { ErrorView, LoadingView } from '../../components/StatusViews'
import { useLargeText } from '../../hooks/useLargeText'
import { useSession } from '../../hooks/useSession'
import { BOOKING_ROUTES } from '../../navigation/bookingRoutes'
import { COMPLAINT_ROUTES } from '../../navigation/complaintRoutes'
import { CONTENT_ROUTES } from '../../navigation/contentRoutes'
import { POLICY_ROUTES } from '../../navigation/policyRoutes'
import { ROUTES } from '../../navigation/routes'
import { hasConsented, loadAccount, useAccount } from '../../store/account'
import { AccountDataSection } from './components/AccountDataSection'
import { ChildrenSection } from './components/ChildrenSection'
import { SignInSection } from '../../components/SignInSection'
import { openPage } from '@app/navigation/navigate'

/** The signed-in part of 我的: the privacy guide first, then children and 我的预约. */
function AccountSections({ revision }: { revision: number }) {
  const account = useAccount()
  if (account.status === 'signed_out' || account.status === 'loading') return <LoadingView />
  if (account.status === 'error') return <ErrorView message={account.message} onRetry={() => void loadAccount(true)} />
  if (!hasConsented(account.account, 'privacy_guide')) return <PrivacyGuide />
  return (
    <>
      <View className='section'>
        <View className='link-row e2e-my-bookings-link' onClick={() => void openPage(BOOKING_ROUTES.myBookings)}>
          <Text>我的预约与入托申请</Text>
          <Text className='link-row__arrow'>›</Text>
        </View>
        <View className='link-row e2e-my-alerts-link' onClick={() => void openPage(POLICY_ROUTES.alerts)}>
          <Text>空位和开放日提醒、保存的搜索</Text>
          <Text className='link-row__arrow'>›</Text>
        </View>
        <View className='link-row e2e-my-vouchers-link' onClick={() => void openPage(POLICY_ROUTES.vouchers)}>
          <Text>我的托育体验券</Text>
          <Text className='link-row__arrow'>›</Text>
        </View>
        <View className='link-row e2e-my-complaints-link' onClick={() => void openPage(COMPLAINT_ROUTES.mine)}>
          <Text>我的投诉</Text>
          <Text className='link-row__arrow'>›</Text>
        </View>
      </View>
      <ChildrenSection revision={revision} />
      <AccountDataSection />
    </>
  )
}

/** Sign-in, children, 我的预约, and settings and notices: large text for grandparents, what the data is, what we collect. */
export default function MePage() {
  const [largeText, setLargeText] = useLargeText()
  const { session, expired } = useSession()
  // Coming back from adding a child or a booking: show the list as it is now.
  const [revision, setRevision] = useState(0)
  useDidShow(() => setRevision((r) => r + 1))
  return (
    <PageRoot className='me-page'>
      <SignInSection session={session} expired={expired} />
      {session && <AccountSections revision={revision} />}
      <View className='section'>
        <View className='setting'>
          <View className='setting__text'>
            <Text className='setting__title'>大字模式</Text>
            <Text className='setting__hint'>字更大，方便老人阅读</Text>
          </View>
          <Switch className='e2e-large-text-switch' checked={largeText} color='#1f7a5a' onChange={(e) => setLargeText(e.detail.value)} />
        </View>
      </View>
      <View className='section'>
        <View className='link-row e2e-complaint-lookup-link' onClick={() => void openPage(COMPLAINT_ROUTES.lookup)}>
          <Text>投诉马上查 · 凭查询码查进度</Text>
          <Text className='link-row__arrow'>›</Text>
        </View>
      </View>
      <View className='section'>
        <View className='link-row e2e-content-link' onClick={() => void openPage(CONTENT_ROUTES.home)}>
          <Text>生命1000天 · 孕育和养育指导</Text>
          <Text className='link-row__arrow'>›</Text>
        </View>
      </View>
      <View className='section'>
        <View className='link-row e2e-policy-link' onClick={() => void openPage(POLICY_ROUTES.mine)}>
          <Text>托育政策 · 我能享受哪些</Text>
          <Text className='link-row__arrow'>›</Text>
        </View>
      </View>
      <View className='section'>
        <View className='link-row e2e-districts-link' onClick={() => void openPage(ROUTES.districts)}>
          <Text>各区托育概况</Text>
          <Text className='link-row__arrow'>›</Text>
        </View>
      </View>
      <View className='section'>
        <View className='link-row e2e-workbench-link' onClick={() => void openPage(ROUTES.workbench)}>
          <Text>工作台 · 机构人员和监管人员</Text>
          <Text className='link-row__arrow'>›</Text>
        </View>
      </View>
      <View className='section e2e-about'>
        <Text className='section__title'>关于安心托育</Text>
        <Text className='section__body'>
          帮家长找到身边已备案的 3 岁以下托育机构：看备案信息、普惠价格、空位、收费与全区中位数的比较，以及检查和整改记录。
        </Text>
        <Text className='section__body section__body--warn e2e-demo-notice'>
          演示数据：当前版本中的机构、费用、评分和检查记录均为按公开统计数字生成的演示数据，不是真实机构信息。正式使用时以卫生健康部门公布的备案名单为准。
        </Text>
      </View>
      <View className='section e2e-privacy'>
        <Text className='section__title'>隐私说明</Text>
        <Text className='section__body'>
          · 位置：只在您同意后获取大致位置（模糊定位），只随查询发给服务器用于计算距离和排序；拒绝后可以按区县查找。
        </Text>
        <Text className='section__body'>· 找托育不需要登录，也不收集孩子的任何信息。</Text>
        <Text className='section__body'>· 预约和申请入托需要登录；孩子只记录小名和出生日期（或预产期），并需监护人单独同意，可随时彻底删除。</Text>
      </View>
    </PageRoot>
  )
}
