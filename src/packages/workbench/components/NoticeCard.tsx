import { Image, Text, View } from '@tarojs/components'
import { ReactNode } from 'react'
import { RectificationNotice } from '@domain/oversight'
import { photoAddress } from '@app/api/uploads'
import { RECTIFICATION_STATE_LABELS } from '@domain/rectificationFlow'
import { inShanghai } from '@domain/shanghaiTime'

const OUTCOME_TAGS: Record<RectificationNotice['outcome'], string> = { met: '按期', late: '逾期完成', open: '未到期限', overdue: '已逾期' }

/**
 * One 整改通知 as both sides of the workbench read it: what is required by when, its
 * state, and every report with its photos and the regulator's verdict. `children` holds
 * the side's own actions (report, or accept / send back).
 */
export function NoticeCard({ notice, children }: { notice: RectificationNotice; children?: ReactNode }) {
  const alert = notice.state === 'returned' || notice.outcome === 'overdue'
  return (
    <View className='workbench-card notice e2e-notice' data-notice-id={notice.id} data-state={notice.state}>
      <Text className='workbench-card__title'>{notice.issue}</Text>
      <View className='notice__tags'>
        <Text className={`workbench-tag e2e-notice-state ${alert ? 'workbench-tag--alert' : ''}`}>{RECTIFICATION_STATE_LABELS[notice.state]}</Text>
        <Text className='workbench-tag'>{OUTCOME_TAGS[notice.outcome]}</Text>
      </View>
      {notice.requirement !== '' && <Text className='workbench-card__text'>{`整改依据和要求：${notice.requirement}`}</Text>}
      <Text className='workbench-card__text'>
        {`${notice.institution.name} · ${notice.authority} ${notice.issuedOn} 下达 · 期限 ${notice.dueOn}${notice.completedOn ? ` · ${notice.completedOn} 整改完成` : ''}`}
      </Text>
      {notice.reports.map((report, index) => (
        <View key={report.id} className='notice__report e2e-notice-report'>
          <Text className='notice__report-head'>
            {`第 ${index + 1} 次整改报告 · ${inShanghai(report.reportedAt).format('M月D日 HH:mm')}${report.reportedBy ? ` · ${report.reportedBy}` : ''}`}
          </Text>
          <Text className='workbench-card__text'>{report.description}</Text>
          {report.photos.length > 0 && (
            <View className='notice__photos'>
              {report.photos.map((photo) => (
                <Image key={photo.id} className='notice__photo e2e-notice-photo' src={photoAddress(photo.url)} mode='aspectFill' />
              ))}
            </View>
          )}
          {report.verdict === 'returned' && <Text className='form-error e2e-notice-return-reason'>{`已退回：${report.verdictReason ?? ''}`}</Text>}
          {report.verdict === 'accepted' && <Text className='notice__accepted'>{`核验通过${report.verdictReason ? `：${report.verdictReason}` : ''}`}</Text>}
        </View>
      ))}
      {children}
    </View>
  )
}
