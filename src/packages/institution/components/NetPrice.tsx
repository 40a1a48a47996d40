import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { getNetPrice } from '@app/api/fees'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { useRemote } from '@app/hooks/useRemote'
import { datesOf } from '@app/lib/family/familyDate'
import { POLICY_ROUTES } from '@app/navigation/policyRoutes'
import { useFamilyDate } from '@app/store/familyDate'
import { openPage } from '@app/navigation/navigate'

/*
 * 到手价: each monthly care mode after the 育儿补贴, with the tax saving as a range, for the
 * family's date when the phone knows it (生命1000天 / 我能享受哪些 store it). How it was
 * computed is one tap away; the arithmetic is the domain's (src/domain/netPrice.ts).
 */
export function NetPrice({ institutionId }: { institutionId: string }) {
  const familyDate = useFamilyDate()
  const child = familyDate ? datesOf(familyDate) : {}
  const [price, retry] = useRemote(`${institutionId}-${familyDate?.kind ?? ''}-${familyDate?.date ?? ''}`, () => getNetPrice(institutionId, child))
  const [open, setOpen] = useState(false)
  if (price.status === 'loading') return <LoadingView text='正在估算到手价…' />
  if (price.status === 'error') return <ErrorView message={price.message} onRetry={retry} />
  const monthly = price.value.modes.filter((m) => m.netPrice !== null)
  if (monthly.length === 0) return null
  return (
    <View className='net-price e2e-net-price'>
      {monthly.map((mode) => (
        <Text key={mode.mode} className='net-price__headline e2e-net-price-headline'>
          {mode.headline}
        </Text>
      ))}
      <View className='link e2e-net-price-how' onClick={() => setOpen(!open)}>
        <Text>{open ? '收起计算过程' : '怎么算的 ›'}</Text>
      </View>
      {open && (
        <View className='net-price__steps e2e-net-price-steps'>
          <Text className='net-price__step'>{price.value.assumption}</Text>
          {monthly.map((mode) => mode.netPrice!.steps.map((step) => (
            <Text key={`${mode.mode}-${step}`} className='net-price__step'>
              · {step}
            </Text>
          )))}
          {price.value.sources.map((source) => (
            <Text key={source} className='policy-figure__meta'>
              {source}
            </Text>
          ))}
          <View className='link e2e-net-price-policies' onClick={() => void openPage(POLICY_ROUTES.mine)}>
            <Text>{familyDate ? '看看还能享受哪些政策 ›' : '填写孩子的日期，算得更准 ›'}</Text>
          </View>
        </View>
      )}
    </View>
  )
}
