import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { oversightRecord } from '@app/api/oversight'
import { PageRoot } from '@app/components/PageRoot'
import { SubscribeOffer } from '@app/components/SubscribeOffer'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { useRemote } from '@app/hooks/useRemote'
import { decodeParam } from '@app/navigation/bookingRoutes'
import { FILING_STATUS_LABELS, INSPECTION_RESULT_LABELS } from '@domain/institution'
import { OversightInstitution } from '@domain/oversight'
import { openSteps } from '@domain/rectificationFlow'
import { GradeCard } from '../../components/GradeCard'
import { InspectionForm } from '../../components/InspectionForm'
import { NoticeCard } from '../../components/NoticeCard'
import { NoticeForm } from '../../components/NoticeForm'
import { VerifyActions } from '../../components/VerifyActions'
import '../../styles/workbench.scss'

/**
 * One institution of the district (监管记录): grade, record an inspection, issue a notice
 * (right after a 责令整改 inspection, with its findings), and verify reports. Two columns
 * on a wide screen (forms | records), one on a phone.
 */
export default function OversightInstitutionPage() {
  const id = decodeParam(useRouter().params.id) ?? ''
  const [revision, setRevision] = useState(0)
  const [loaded, retry] = useRemote(id ? `record-${id}-${revision}` : null, () => oversightRecord(id))
  const [record, setRecord] = useState<OversightInstitution | null>(null)
  const [noticeDraft, setNoticeDraft] = useState({ key: 0, issue: '' })
  useEffect(() => {
    if (loaded.status === 'ready') setRecord(loaded.value)
  }, [loaded])
  const reload = () => setRevision((r) => r + 1)
  if (!record) {
    return (
      <PageRoot className='workbench'>
        {loaded.status === 'error' ? <ErrorView message={loaded.message} onRetry={retry} /> : <LoadingView />}
      </PageRoot>
    )
  }
  const { institution } = record
  return (
    <PageRoot className='workbench e2e-oversight-record'>
      <Text className='workbench__title'>{institution.name}</Text>
      <Text className='workbench__sub'>{`${institution.address} · 备案号 ${institution.filingNumber} · ${FILING_STATUS_LABELS[institution.filingStatus]}`}</Text>
      <View className='oversight-columns'>
        <View className='oversight-columns__side'>
          <SubscribeOffer kinds={['rectification_status']} browserNote='机构报告整改完成后会显示在右侧，等待核验。' />
          <GradeCard record={record} onSaved={setRecord} />
          <InspectionForm institutionId={institution.id} onSaved={setRecord} onNeedsNotice={(issue) => setNoticeDraft((d) => ({ key: d.key + 1, issue }))} />
          <NoticeForm key={noticeDraft.key} institutionId={institution.id} initialIssue={noticeDraft.issue} onIssued={reload} />
        </View>
        <View className='oversight-columns__main'>
          <Text className='oversight-heading'>整改通知</Text>
          {record.notices.length === 0 && <Text className='workbench__sub'>暂无整改通知</Text>}
          {record.notices.map((notice) => (
            <NoticeCard key={notice.id} notice={notice}>
              {openSteps(notice.state, 'regulator').length > 0 && <VerifyActions notice={notice} onDone={reload} />}
            </NoticeCard>
          ))}
          <Text className='oversight-heading'>检查记录</Text>
          {record.inspections.length === 0 && <Text className='workbench__sub'>暂无检查记录</Text>}
          {record.inspections.map((inspection) => (
            <View key={inspection.id} className='workbench-card e2e-oversight-inspection'>
              <Text className='workbench-card__title'>{`${inspection.inspectedOn} · ${INSPECTION_RESULT_LABELS[inspection.result]}`}</Text>
              <Text className='workbench-card__text'>{`${inspection.authority}：${inspection.summary}`}</Text>
            </View>
          ))}
        </View>
      </View>
    </PageRoot>
  )
}
