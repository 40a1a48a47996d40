import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { actOnComplaint, ComplaintAction, complaintQueue } from '@app/api/workbench'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { useRemote } from '@app/hooks/useRemote'
import { COMPLAINT_STATUS_LABELS, StaffComplaint } from '@domain/complaint'
import { inShanghai } from '@domain/shanghaiTime'
import { allowedActions, StaffAction } from '@domain/complaintRules'
import { AuditTrail } from '../../components/AuditTrail'
import '../../styles/workbench.scss'

const ACTION_LABELS: Record<StaffAction, string> = { accept: '受理', investigate: '开始调查', resolve: '办结', reject: '不予受理' }

function toRequest(action: StaffAction, text: string): ComplaintAction {
  if (action === 'resolve') return { kind: 'resolve', result: text }
  if (action === 'reject') return { kind: 'reject', reason: text }
  return { kind: action, note: text || undefined }
}

function ComplaintCard({ complaint, onAct }: { complaint: StaffComplaint; onAct: (action: ComplaintAction) => void }) {
  const [text, setText] = useState('')
  const [showTrail, setShowTrail] = useState(false)
  const status = complaint.status
  // The same rule the server decides by (src/domain/complaintRules.ts).
  const actions = allowedActions(status)
  return (
    <View className='workbench-card e2e-queue-complaint' data-tracking-no={complaint.trackingNo}>
      <Text className='workbench-card__title'>{`${complaint.institution.name}`}</Text>
      <View>
        {complaint.urgency === 'urgent' && <Text className='workbench-tag workbench-tag--alert'>紧急</Text>}
        <Text className='workbench-tag'>{complaint.categoryLabel}</Text>
        {complaint.overdue && <Text className='workbench-tag workbench-tag--alert e2e-overdue'>已超期</Text>}
        <Text className='workbench-tag e2e-queue-status'>{COMPLAINT_STATUS_LABELS[status]}</Text>
      </View>
      <Text className='workbench-card__text'>{complaint.description}</Text>
      <Text className='workbench-card__text'>{`查询码 ${complaint.trackingNo} · 办结期限 ${inShanghai(complaint.dueBy).format('M月D日')}`}</Text>
      {actions.length > 0 && (
        <>
          <Input className='workbench-input e2e-complaint-text' value={text} placeholder='说明、办理结果或不予受理的理由（家长可见）' onInput={(e) => setText(e.detail.value)} />
          <View className='workbench-card__actions'>
            {actions.map((action) => (
              <View key={action} className={`btn ${action === 'reject' ? '' : 'btn--primary'} e2e-complaint-${action}`} onClick={() => onAct(toRequest(action, text))}>
                <Text>{ACTION_LABELS[action]}</Text>
              </View>
            ))}
          </View>
        </>
      )}
      <View className='btn btn--small e2e-complaint-audit' onClick={() => setShowTrail((shown) => !shown)}>
        <Text>{showTrail ? '收起办理记录' : '办理记录'}</Text>
      </View>
      {showTrail && <AuditTrail trackingNo={complaint.trackingNo} />}
    </View>
  )
}

/** 投诉办理: the district's queue, urgent first then by deadline (the server's order), with overdue flags. */
export default function ComplaintQueuePage() {
  const [revision, setRevision] = useState(0)
  const [queue, retry] = useRemote(`queue-${revision}`, complaintQueue)
  const [message, setMessage] = useState<string | null>(null)
  return (
    <PageRoot className='workbench e2e-complaint-queue'>
      {message && <Text className='form-error e2e-queue-message'>{message}</Text>}
      {queue.status === 'loading' && <LoadingView />}
      {queue.status === 'error' && <ErrorView message={queue.message} onRetry={retry} />}
      {queue.status === 'ready' && (
        <View className='workbench__grid'>
          {queue.value.length === 0 && <Text className='workbench__sub'>暂无投诉</Text>}
          {queue.value.map((complaint) => (
            <ComplaintCard
              key={complaint.trackingNo}
              complaint={complaint}
              onAct={(action) =>
                actOnComplaint(complaint.trackingNo, action).then(
                  () => {
                    setMessage(null)
                    setRevision((r) => r + 1)
                  },
                  (error) => setMessage(errorMessage(error)),
                )
              }
            />
          ))}
        </View>
      )}
    </PageRoot>
  )
}
