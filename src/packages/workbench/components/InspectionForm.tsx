import { Input, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { recordInspection } from '@app/api/oversight'
import { INSPECTION_RESULT_LABELS, INSPECTION_RESULTS, InspectionResult } from '@domain/institution'
import { OversightInstitution } from '@domain/oversight'
import { todayInShanghai } from '@domain/shanghaiTime'

/**
 * 记录检查: date, result and what was found. A result of 责令整改 hands the findings to the
 * notice form (onNeedsNotice), so a notice can be issued right away.
 */
export function InspectionForm({ institutionId, onSaved, onNeedsNotice }: { institutionId: string; onSaved: (r: OversightInstitution) => void; onNeedsNotice: (summary: string) => void }) {
  const [inspectedOn, setInspectedOn] = useState(todayInShanghai())
  const [result, setResult] = useState<InspectionResult>('passed')
  const [summary, setSummary] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const save = () => {
    recordInspection(institutionId, { inspectedOn, result, summary }).then(
      (record) => {
        setMessage(null)
        setSummary('')
        onSaved(record)
        if (result === 'rectification_required') onNeedsNotice(summary)
      },
      (error) => setMessage(errorMessage(error)),
    )
  }
  return (
    <View className='workbench-card e2e-inspection-form'>
      <Text className='workbench-card__title'>记录检查</Text>
      <Input className='workbench-input e2e-inspection-date' value={inspectedOn} placeholder='检查日期 YYYY-MM-DD' onInput={(e) => setInspectedOn(e.detail.value)} />
      <View className='workbench-card__actions'>
        {INSPECTION_RESULTS.map((option) => (
          <View key={option} className={`btn ${option === result ? 'btn--primary' : ''} e2e-inspection-result-${option}`} onClick={() => setResult(option)}>
            <Text>{INSPECTION_RESULT_LABELS[option]}</Text>
          </View>
        ))}
      </View>
      <Textarea className='workbench-input workbench-textarea e2e-inspection-summary' value={summary} maxlength={1000} placeholder='检查情况（公开显示在机构页）' onInput={(e) => setSummary(e.detail.value)} />
      {message && <Text className='form-error e2e-inspection-error'>{message}</Text>}
      <View className='btn btn--primary e2e-inspection-save' onClick={save}>
        <Text>{result === 'rectification_required' ? '保存并下达整改通知' : '保存检查记录'}</Text>
      </View>
    </View>
  )
}
