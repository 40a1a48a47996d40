import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { saveDistrictPlan } from '@app/api/districtGlance'
import { DistrictPlan, DistrictPlanBody } from '@domain/districtGlance'

/*
 * The district's plan as the regulator keeps it: the population places per 1,000
 * divide by, and the targets. Shares are typed as percentages (60) and sent as 0.6. An
 * empty box is "not published" (null); anything else goes to the server as typed, so its
 * Chinese message says what is wrong.
 */

type Draft = Record<'population' | 'populationSource' | 'placesPerThousandTarget' | 'affordableShareTarget' | 'certifiedStaffShareTarget' | 'complaintsInTimeTarget' | 'reportedPlacesPerThousand' | 'targetsSource', string>

const asText = (n: number | null) => (n === null ? '' : String(n))
const asPercentText = (share: number | null) => (share === null ? '' : String(Math.round(share * 1000) / 10))

function draftOf(plan: DistrictPlan): Draft {
  return {
    population: asText(plan.population),
    populationSource: plan.populationSource,
    placesPerThousandTarget: asText(plan.placesPerThousandTarget),
    affordableShareTarget: asPercentText(plan.affordableShareTarget),
    certifiedStaffShareTarget: asPercentText(plan.certifiedStaffShareTarget),
    complaintsInTimeTarget: asPercentText(plan.complaintsInTimeTarget),
    reportedPlacesPerThousand: asText(plan.reportedPlacesPerThousand),
    targetsSource: plan.targetsSource,
  }
}

/** '' → null; a number → that number (÷ 100 for a percentage); anything else as typed, for the server to refuse. */
function numberOf(text: string, percent = false): number | null {
  const trimmed = text.trim().replace(/,/g, '')
  if (trimmed === '') return null
  const n = Number(trimmed)
  return (Number.isFinite(n) ? (percent ? Math.round(n * 10) / 1000 : n) : trimmed) as number
}

function bodyOf(draft: Draft): DistrictPlanBody {
  return {
    population: numberOf(draft.population),
    populationSource: draft.populationSource,
    placesPerThousandTarget: numberOf(draft.placesPerThousandTarget),
    affordableShareTarget: numberOf(draft.affordableShareTarget, true),
    certifiedStaffShareTarget: numberOf(draft.certifiedStaffShareTarget, true),
    complaintsInTimeTarget: numberOf(draft.complaintsInTimeTarget, true),
    reportedPlacesPerThousand: numberOf(draft.reportedPlacesPerThousand),
    targetsSource: draft.targetsSource,
  }
}

const FIELDS: Array<{ key: keyof Draft; label: string; digits: boolean }> = [
  { key: 'population', label: '常住人口（人）', digits: true },
  { key: 'populationSource', label: '人口数据来源', digits: false },
  { key: 'placesPerThousandTarget', label: '每千人口托位数目标', digits: true },
  { key: 'affordableShareTarget', label: '普惠托位占比目标（%）', digits: true },
  { key: 'certifiedStaffShareTarget', label: '持证保育人员占比目标（%，须高于）', digits: true },
  { key: 'complaintsInTimeTarget', label: '投诉按期办结率目标（%）', digits: true },
  { key: 'reportedPlacesPerThousand', label: '区县公布的每千人口托位数', digits: true },
  { key: 'targetsSource', label: '目标来源（规划文件名称）', digits: false },
]

export function DistrictPlanForm({ plan, onSaved }: { plan: DistrictPlan; onSaved: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(plan))
  const [message, setMessage] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const save = () => {
    setSaving(true)
    saveDistrictPlan(bodyOf(draft)).then(
      () => {
        setSaving(false)
        setMessage(null)
        onSaved()
      },
      (error) => {
        setSaving(false)
        setMessage(errorMessage(error))
      },
    )
  }
  return (
    <View className='workbench-card district-plan e2e-district-plan'>
      <Text className='workbench-card__title'>人口与规划目标</Text>
      <Text className='workbench-card__text'>
        {plan.updatedAt ? '由本区县监管人员填写，修改记入审计日志。' : '以下为区县已公布的数字，未公布的留空；修改记入审计日志。'}
      </Text>
      <View className='district-plan__fields'>
        {FIELDS.map((field) => (
          <View key={field.key} className={`district-plan__field e2e-plan-${field.key}`}>
            <Text className='district-plan__label'>{field.label}</Text>
            <Input
              className='workbench-input'
              type={field.digits ? 'digit' : 'text'}
              value={draft[field.key]}
              placeholder={field.digits ? '未公布' : ''}
              onInput={(e) => setDraft({ ...draft, [field.key]: e.detail.value })}
            />
          </View>
        ))}
      </View>
      {message && <Text className='form-error e2e-plan-error'>{message}</Text>}
      <View className='workbench-card__actions'>
        <View className='btn btn--primary e2e-plan-save' onClick={saving ? undefined : save}>
          <Text>{saving ? '正在保存…' : '保存'}</Text>
        </View>
      </View>
    </View>
  )
}
