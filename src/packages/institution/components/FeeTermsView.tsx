import { View, Text } from '@tarojs/components'
import { formatFen } from '@domain/money'
import { getFeeTerms } from '@app/api/fees'
import { useRemote } from '@app/hooks/useRemote'
import { Fact } from '@app/components/Fact'

/** 收费与退费约定 as the institution published them, with the plain warning past three months ahead. */
export function FeeTermsView({ institutionId }: { institutionId: string }) {
  const [terms] = useRemote(`terms-${institutionId}`, () => getFeeTerms(institutionId))
  if (terms.status !== 'ready') return null
  if (terms.value === null) {
    return <Text className='section__body e2e-fee-terms-missing'>机构还没有公布伙食费、押金和退费办法，报名前请当面问清并写进合同。</Text>
  }
  const t = terms.value
  return (
    <View className='e2e-fee-terms'>
      <Fact label='伙食费' value={t.mealsFenPerMonth > 0 ? `${formatFen(t.mealsFenPerMonth)}/月` : '含在托育费里或不收'} />
      <Fact label='报名费' value={t.registrationFen > 0 ? formatFen(t.registrationFen) : '不收'} />
      <Fact label='押金' value={t.depositFen > 0 ? `${formatFen(t.depositFen)}（退托时退还）` : '不收'} />
      <Fact label='一次预收' value={t.prepayMonths === 0 ? '不预收' : `${t.prepayMonths} 个月`} />
      <Fact label='退托提前告知' value={`${t.noticeDays} 天`} />
      <Fact label='退费办法' value={t.refundOnWithdrawal} />
      {t.warning && (
        <View className='terms-warning e2e-prepay-warning'>
          <Text className='terms-warning__title'>{t.warning.title}</Text>
          <Text className='terms-warning__text'>{t.warning.text}</Text>
        </View>
      )}
    </View>
  )
}
