import { Text, View } from '@tarojs/components'
import { getInstitutionFacts } from '@app/api/workbench'
import { SubscribeOffer } from '@app/components/SubscribeOffer'
import { useRemote } from '@app/hooks/useRemote'
import { openPage } from '@app/navigation/navigate'
import { WORKBENCH_ROUTES } from '../lib/sections'

/**
 * Stale vacancies (issue 9): unconfirmed for more than 14 days, parents see them as
 * unconfirmed. The banner shows whenever that is so; the WeChat reminder
 * (staleVacancyReminders.ts) reaches staff who accepted it from here.
 */
export function StaleVacancyBanner() {
  const [facts] = useRemote('stale-vacancy-banner', getInstitutionFacts)
  if (facts.status !== 'ready' || !facts.value.vacancyFreshness.stale) return null
  return (
    <View className='workbench-banner e2e-stale-vacancy-banner'>
      <Text className='workbench-banner__text'>{`${facts.value.vacancyFreshness.text}：家长看到的是“未确认”，请尽快确认各托育方式和班级的空位。`}</Text>
      <View className='btn btn--primary e2e-stale-vacancy-confirm' onClick={() => void openPage(WORKBENCH_ROUTES.facts)}>
        <Text>去确认空位</Text>
      </View>
      <SubscribeOffer kinds={['vacancy_stale']} browserNote='空位超过 14 天未确认时，小程序里可以开启微信提醒；网页版会一直显示这条提示。' />
    </View>
  )
}
