import { View, Text } from '@tarojs/components'
import { POLICY_KIND_LABELS } from '@domain/policy'
import { listPolicies } from '@app/api/policies'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { useRemote } from '@app/hooks/useRemote'
import { policyUrl } from '@app/navigation/policyRoutes'
import { openPage } from '@app/navigation/navigate'
import '../../styles/policy.scss'

/** The whole library, national first: what the district plans call 托育政策查询. */
export default function PolicyLibraryPage() {
  const [policies, retry] = useRemote('policies', () => listPolicies())
  return (
    <PageRoot className='policy-page'>
      {policies.status === 'loading' && <LoadingView />}
      {policies.status === 'error' && <ErrorView message={policies.message} onRetry={retry} />}
      {policies.status === 'ready' && (
        <View className='section e2e-policy-list'>
          {policies.value.map((p) => (
            <View key={p.id} className='policy-row e2e-policy-row' onClick={() => void openPage(policyUrl(p.id))}>
              <Text className='policy-row__title'>{p.title}</Text>
              <Text className='policy-figure__meta'>
                {p.regionName} · {POLICY_KIND_LABELS[p.kind]} · {p.issuer}
              </Text>
            </View>
          ))}
        </View>
      )}
    </PageRoot>
  )
}
