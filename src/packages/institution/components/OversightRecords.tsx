import { View, Text } from '@tarojs/components'
import { INSPECTION_RESULT_LABELS, InstitutionDetail } from '@domain/institution'

const OUTCOME_LABELS: Record<InstitutionDetail['rectifications'][number]['outcome'], string> = {
  met: '已整改（按期完成）',
  late: '已整改（逾期后完成）',
  open: '整改中（未到期限）',
  overdue: '已逾期未整改',
}

/** Public inspection results and rectification notices, newest first as the server sends them. */
export function OversightRecords({ institution: inst }: { institution: InstitutionDetail }) {
  return (
    <View className='oversight'>
      {inst.grade !== undefined && (
        <View className='record e2e-grade'>
          <View className='record__head'>
            <Text>等级评定</Text>
            <Text className='record__result e2e-grade-label'>{inst.grade ? inst.grade.label : '尚未评定'}</Text>
          </View>
          {inst.grade && (
            <Text className='record__body'>{`${inst.grade.authority} ${inst.grade.gradedOn} 评定 · 本区共 ${inst.grade.scaleSize} 个等级，${inst.grade.label}为第 ${inst.grade.rank} 等（等级标准：${inst.grade.scaleSource}）`}</Text>
          )}
        </View>
      )}
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
