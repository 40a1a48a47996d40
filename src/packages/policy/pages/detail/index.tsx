import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { formatFen } from '@domain/money'
import { Policy, PolicyFigure, POLICY_KIND_LABELS } from '@domain/policy'
import { getPolicy } from '@app/api/policies'
import { Tag } from '@app/components/Chip'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { useRemote } from '@app/hooks/useRemote'
import { decodeParam } from '@app/navigation/bookingRoutes'
import '../../styles/policy.scss'

const VERIFICATION_TEXT = { verified: '已核实', partial: '部分核实', unverified: '未核实' } as const

function figureText(figure: PolicyFigure): string {
  switch (figure.unit) {
    case 'fen_per_year':
      return `${formatFen(figure.amount)}/年`
    case 'fen_per_month':
      return `${formatFen(figure.amount)}/月`
    case 'days':
      return `${figure.amount} 天`
    case 'working_days_per_year':
      return `每年 ${figure.amount} 个工作日`
    case 'months':
      return `${figure.amount} 个月`
  }
}

function Fact({ label, text }: { label: string; text: string }) {
  return (
    <View className='policy-fact'>
      <Text className='policy-card__label'>{label}</Text>
      <Text className='policy-fact__text'>{text}</Text>
    </View>
  )
}

function PolicyView({ policy }: { policy: Policy }) {
  return (
    <>
      <View className='section e2e-policy'>
        <View className='policy-card__head'>
          <Tag label={POLICY_KIND_LABELS[policy.kind]} tone='good' />
          <Tag label={policy.status === 'current' ? '现行' : '已失效'} tone={policy.status === 'current' ? 'plain' : 'warn'} />
          <Tag label={VERIFICATION_TEXT[policy.verification.state]} tone={policy.verification.state === 'verified' ? 'good' : 'warn'} />
        </View>
        <Text className='policy-card__title'>{policy.title}</Text>
        <Fact label='发布机关' text={policy.issuer} />
        <Fact label='文号' text={policy.documentNo ?? '未核实'} />
        <Fact label='施行日期' text={policy.inForce ?? '未核实'} />
        <Fact label='谁可以享受' text={policy.qualifies} />
        <Fact label='给什么' text={policy.gives} />
        <Fact label='怎么申请' text={policy.howToApply} />
      </View>
      {policy.figures.length > 0 && (
        <View className='section e2e-policy-figures'>
          <Text className='section__title'>数字和来源</Text>
          {policy.figures.map((figure) => (
            <View key={`${figure.label}-${figure.effectiveFrom}`} className='policy-figure'>
              <Text className='policy-figure__amount'>
                {figure.label}：{figureText(figure)}
              </Text>
              <Text className='policy-figure__meta'>
                {figure.effectiveFrom} 起 · 来源：{figure.source.org}《{figure.source.title}》
              </Text>
            </View>
          ))}
        </View>
      )}
      {policy.paragraphs.length > 0 && (
        <View className='section'>
          {policy.paragraphs.map((text) => (
            <Text key={text} className='section__body policy-paragraph'>
              {text}
            </Text>
          ))}
        </View>
      )}
      <View className='section e2e-policy-sources'>
        <Text className='section__title'>来源</Text>
        {policy.sources.map((source) => (
          <Text key={`${source.org}-${source.title}`} className='policy-figure__meta'>
            {source.org}《{source.title}》{source.date ? ` ${source.date}` : ''}
          </Text>
        ))}
        {policy.verification.note && <Text className='section__body section__body--warn e2e-policy-verification'>{policy.verification.note}</Text>}
        <Text className='policy-figure__meta'>本条核对于 {policy.reviewed}</Text>
      </View>
    </>
  )
}

/** One policy with every figure's source and effective date, and what we could not verify. */
export default function PolicyDetailPage() {
  const id = decodeParam(useRouter().params.id) ?? null
  const [policy, retry] = useRemote(id, () => getPolicy(id ?? ''))
  return (
    <PageRoot className='policy-page'>
      {policy.status === 'loading' && <LoadingView />}
      {policy.status === 'error' && <ErrorView message={policy.message} onRetry={retry} />}
      {policy.status === 'ready' && <PolicyView policy={policy.value} />}
    </PageRoot>
  )
}
