import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { listDemoAccounts, signInAsDemoAccount } from '@app/api/workbench'
import { myRectifications } from '@app/api/oversight'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { useRemote } from '@app/hooks/useRemote'
import { signIn, SIGN_IN_KIND, useSession } from '@app/hooks/useSession'
import { saveSession } from '@app/store/session'
import { ROLE_NAMES } from '@domain/staffAccess'
import { DesktopSessions } from '../../components/DesktopSessions'
import { DesktopSignIn } from '../../components/DesktopSignIn'
import { StaleVacancyBanner } from '../../components/StaleVacancyBanner'
import { sectionsFor, WORKBENCH_ROUTES } from '../../lib/sections'
import { useRoles } from '../../lib/useRoles'
import '../../styles/workbench.scss'
import { openPage } from '@app/navigation/navigate'

/** 演示账号: offered only when the server is in demo mode (it answers 404 otherwise). */
function DemoAccounts() {
  const [accounts] = useRemote('demo-accounts', listDemoAccounts)
  const [failure, setFailure] = useState<string | null>(null)
  if (accounts.status !== 'ready' || accounts.value.length === 0) return null
  return (
    <View className='workbench-card e2e-demo-accounts'>
      <Text className='workbench-card__title'>演示账号</Text>
      <Text className='workbench-card__text'>演示数据里的监管人员和机构人员，仅演示环境可用。</Text>
      {accounts.value.map((account) => (
        <View
          key={account.key}
          className='btn btn--block e2e-demo-account'
          data-key={account.key}
          onClick={() => {
            signInAsDemoAccount(account.key).then(saveSession, (error) => setFailure(errorMessage(error)))
          }}
        >
          <Text>{`${account.nickname} · ${account.description}`}</Text>
        </View>
      ))}
      {failure && <Text className='form-error'>{failure}</Text>}
    </View>
  )
}

/** 整改通知 waiting for the institution (issued or sent back): the badge on its section. */
function useAwaitingRectifications(isInstitution: boolean): number {
  const [answer] = useRemote(isInstitution ? 'awaiting-rectifications' : null, () => myRectifications(undefined))
  return answer.status === 'ready' ? answer.value.awaitingInstitution : 0
}

/** 工作台 home: the sections the signed-in person's roles open, or how to get a role. */
export default function WorkbenchHome() {
  const { session } = useSession()
  const [roles, retry] = useRoles()
  const awaitingRectifications = useAwaitingRectifications(roles.status === 'ready' && roles.value.institution !== null)
  return (
    <PageRoot className='workbench e2e-workbench-home'>
      <Text className='workbench__title'>安心托育 · 工作台</Text>
      {!session && (
        <View className='workbench-card'>
          <Text className='workbench-card__text'>机构人员和区县监管人员凭邀请使用工作台。请先登录。</Text>
          <View className='btn btn--primary e2e-workbench-sign-in' onClick={() => void signIn()}>
            <Text>{SIGN_IN_KIND === 'wechat' ? '微信登录' : '登录'}</Text>
          </View>
        </View>
      )}
      {!session && process.env.TARO_ENV !== 'weapp' && <DesktopSignIn />}
      {!session && <DemoAccounts />}
      {session && roles.status === 'loading' && <LoadingView />}
      {session && roles.status === 'error' && <ErrorView message={roles.message} onRetry={retry} />}
      {session && roles.status === 'ready' && (
        <>
          <View className='workbench__sub e2e-workbench-roles'>
            {roles.value.regulator && <Text className='workbench-tag'>{`${roles.value.regulator.districtName} · ${ROLE_NAMES.regulator}`}</Text>}
            {roles.value.institution && <Text className='workbench-tag'>{`${roles.value.institution.institutionName} · ${ROLE_NAMES[roles.value.institution.role]}`}</Text>}
          </View>
          {roles.value.institution && <StaleVacancyBanner />}
          <View className='workbench__grid'>
            {sectionsFor(roles.value).map((section) => (
              <View key={section.key} className={`workbench-card e2e-section e2e-section-${section.key}`} onClick={() => void openPage(section.url)}>
                <Text className='workbench-card__title'>
                  {section.title}
                  {section.key === 'rectifications' && awaitingRectifications > 0 && (
                    <Text className='workbench-badge e2e-rectifications-badge'>{String(awaitingRectifications)}</Text>
                  )}
                </Text>
                <Text className='workbench-card__text'>{section.hint}</Text>
              </View>
            ))}
            {(roles.value.regulator || roles.value.institution) && <DesktopSessions />}
            <View className='workbench-card e2e-section-join' onClick={() => void openPage(WORKBENCH_ROUTES.join)}>
              <Text className='workbench-card__title'>接受邀请</Text>
              <Text className='workbench-card__text'>扫描或输入邀请码，获得机构或监管权限</Text>
            </View>
          </View>
        </>
      )}
    </PageRoot>
  )
}
