import { View, Text } from '@tarojs/components'
import { INSPECTION_RESULT_LABELS, InstitutionDetail } from '@domain/institution'

const OUTCOME_LABELS: Record<InstitutionDetail['rectifications'][number]['outcome'], string> = {
  met: '已按期整改',
  late: '逾期后完成整改',
  open: '整改中（未到期限）',
  overdue: '已逾期未整改',
}

/** Public inspection results and rectification notices, newest first as the server sends them. */
export function OversightRecords({ institution: inst }: { institution: InstitutionDetail }) {
  return (
    <View className='oversight'>
      {inst.inspections.length === 0 && <Text className='muted'>暂无检查记录</Text>}
      {inst.inspections.map((inspection) => (
        <View key={inspection.id} className='record e2e-inspection'>
          <View className='record__head'>
            <Text>{inspection.inspectedOn}</Text>
            <Text className={`record__result record__result--${inspection.result}`}>{INSPECTION_RESULT_LABELS[inspection.result]}</Text>
          </View>
          <Text className='record__body'>
            {inspection.authority}：{inspection.summary}
          </Text>
        </View>
      ))}
      {inst.rectifications.map((notice) => (
        <View key={notice.id} className='record record--rectification e2e-rectification'>
          <View className='record__head'>
            <Text>整改通知 {notice.issuedOn}</Text>
            <Text className={`record__result record__result--${notice.outcome}`}>{OUTCOME_LABELS[notice.outcome]}</Text>
          </View>
          <Text className='record__body'>
            {notice.authority}：{notice.issue}
          </Text>
          <Text className='record__body'>
            整改期限 {notice.dueOn}
            {notice.completedOn ? ` · ${notice.completedOn} 完成` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}
