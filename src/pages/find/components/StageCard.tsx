import { View, Text } from '@tarojs/components'
import { useMemo } from 'react'
import { listMyChildren } from '@app/api/children'
import { stageName } from '@domain/lifeStage'
import { useRemote } from '@app/hooks/useRemote'
import { useSession } from '@app/hooks/useSession'
import { CONTENT_ROUTES } from '@app/navigation/contentRoutes'
import { currentFamilyDate, familyStageAt, weekLabel } from '@app/lib/family/familyStage'
import { useFamilyDate } from '@app/store/familyDate'
import { openPage } from '@app/navigation/navigate'

/**
 * 生命1000天 on the home tab: this week's card when a due date or a child is known (tap →
 * the stage home), otherwise only a small entry. Computed on the phone by the shared
 * stage engine — no request for the card itself.
 */
export function StageCard() {
  const stored = useFamilyDate()
  const { session } = useSession()
  // A signed-in parent's children stand in until a date is entered on the stage home.
  const [children] = useRemote(session && stored === null ? `children-${session.token}` : null, listMyChildren)
  const date = currentFamilyDate(stored, children.status === 'ready' && session ? children.value : [])
  const stage = useMemo(() => (date ? familyStageAt(date) : null), [date?.kind, date?.date])
  const open = () => void openPage(CONTENT_ROUTES.home)

  if (!stage || !stage.ok) {
    return (
      <View className='stage-entry link e2e-stage-entry' onClick={open}>
        <Text>生命1000天 · 孕育和养育指导 ›</Text>
      </View>
    )
  }
  return (
    <View className='stage-card e2e-stage-card' onClick={open}>
      <Text className='stage-card__age e2e-stage-card-age'>
        {date?.nickname ? `${date.nickname} · ` : ''}
        {stage.stage.ageText}
      </Text>
      <Text className='stage-card__line'>
        {stageName(stage.stage.stage)} · {weekLabel(stage.stage)} · 看本周指导和今日小提示 ›
      </Text>
    </View>
  )
}
