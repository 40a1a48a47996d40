import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { getDistrictGlance } from '@app/api/districtGlance'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { useRemote } from '@app/hooks/useRemote'
import { DistrictPlanForm } from '../../components/DistrictPlanForm'
import { GlanceFigureCard } from '../../components/GlanceFigureCard'
import '../../styles/workbench.scss'

/*
 * 区县概览 (regulator): the district's figures against its own plan's targets, each with
 * how it was computed (GET /staff/district-glance, src/domain/districtGlance.ts), and the
 * population and targets the regulator keeps (PUT /staff/district-plan).
 */
export default function DistrictGlancePage() {
  const [revision, setRevision] = useState(0)
  const [glance, retry] = useRemote(`district-glance-${revision}`, getDistrictGlance)
  return (
    <PageRoot className='workbench e2e-district-glance'>
      {glance.status === 'loading' && <LoadingView />}
      {glance.status === 'error' && <ErrorView message={glance.message} onRetry={retry} />}
      {glance.status === 'ready' && (
        <>
          <Text className='workbench__title'>{`${glance.value.districtName} · 区县概览`}</Text>
          <Text className='workbench__sub'>已备案机构的实际数据，对照本区县规划目标。点“怎么算的？”查看公式和计数。</Text>
          <View className='workbench__grid'>
            {glance.value.figures.map((figure) => (
              <GlanceFigureCard key={figure.key} figure={figure} />
            ))}
          </View>
          {glance.value.plan.targetsSource !== '' && <Text className='workbench-card__text'>{`目标来源：${glance.value.plan.targetsSource}`}</Text>}
          <DistrictPlanForm key={glance.value.plan.updatedAt ?? 'published'} plan={glance.value.plan} onSaved={() => setRevision((r) => r + 1)} />
        </>
      )}
    </PageRoot>
  )
}
