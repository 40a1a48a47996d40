import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { setGrade } from '@app/api/oversight'
import { OversightInstitution } from '@domain/oversight'

/** 等级评定 on the district's own scale; where the district does not grade, says so. */
export function GradeCard({ record, onSaved }: { record: OversightInstitution; onSaved: (r: OversightInstitution) => void }) {
  const [message, setMessage] = useState<string | null>(null)
  const current = record.grade
  return (
    <View className='workbench-card e2e-grade-card'>
      <Text className='workbench-card__title'>等级评定</Text>
      {record.gradeScale.length === 0 ? (
        <Text className='workbench-card__text'>本区县没有开展托育机构等级评定。</Text>
      ) : (
        <>
          <Text className='workbench-card__text e2e-grade-current'>
            {current ? `当前等级：${current.label}（${current.gradedOn} 评定）` : '尚未评定等级'}
          </Text>
          <Text className='workbench-card__text'>{`等级标准：${record.gradeScale[0].source}`}</Text>
          <View className='workbench-card__actions'>
            {record.gradeScale.map((rung) => (
              <View
                key={rung.grade}
                className={`btn ${current?.grade === rung.grade ? 'btn--primary' : ''} e2e-grade-${rung.grade}`}
                onClick={() => setGrade(record.institution.id, { grade: rung.grade }).then(onSaved, (error) => setMessage(errorMessage(error)))}
              >
                <Text>{rung.label}</Text>
              </View>
            ))}
          </View>
        </>
      )}
      {message && <Text className='form-error'>{message}</Text>}
    </View>
  )
}
