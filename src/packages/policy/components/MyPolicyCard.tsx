import { View, Text } from '@tarojs/components'
import { POLICY_KIND_LABELS } from '@domain/policy'
import { MyPolicy } from '@domain/policyRules'
import { Tag } from '@app/components/Chip'
import { policyUrl } from '@app/navigation/policyRoutes'
import { openPage } from '@app/navigation/navigate'

/** One policy that applies: what it gives, what it means for this child, and the next step. */
export function MyPolicyCard({ item }: { item: MyPolicy }) {
  const { policy } = item
  return (
    <View className='section policy-card e2e-my-policy' data-policy={policy.id}>
      <View className='policy-card__head'>
        <Tag label={POLICY_KIND_LABELS[policy.kind]} tone='good' />
        <Text className='policy-card__region'>{policy.regionName}</Text>
      </View>
      <Text className='policy-card__title'>{policy.title}</Text>
      <Text className='policy-card__gives'>{policy.gives}</Text>
      {item.forThisChild.length > 0 && (
        <View className='policy-card__child e2e-for-this-child'>
          <Text className='policy-card__label'>算给这个孩子</Text>
          {item.forThisChild.map((line) => (
            <Text key={line} className='policy-card__line'>
              {line}
            </Text>
          ))}
        </View>
      )}
      <Text className='policy-card__label'>下一步</Text>
      <Text className='policy-card__next'>{policy.howToApply}</Text>
      <View className='link e2e-policy-detail-link' onClick={() => void openPage(policyUrl(policy.id))}>
        <Text>来源、文号和生效日期 ›</Text>
      </View>
    </View>
  )
}
