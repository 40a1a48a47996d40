import { Text, View } from '@tarojs/components'
import { listMyComplaints } from '@app/api/complaints'
import { Complaint, COMPLAINT_STATUS_LABELS } from '@domain/complaint'
import { AccountGate } from '@app/components/AccountGate'
import { PageRoot } from '@app/components/PageRoot'
import { complaintDetailUrl, complaintFormUrl } from '@app/navigation/complaintRoutes'
import { describeMoment, nextDeadline } from '../../lib/complaintText'
import { usePaged } from '@app/hooks/usePaged'
import { PagedList } from '@app/components/PagedList'
import { useShownCount } from '@app/hooks/useShownCount'
import '../../styles/complaint.scss'
import { openPage } from '@app/navigation/navigate'

function ComplaintCard({ complaint }: { complaint: Complaint }) {
  const deadline = nextDeadline(complaint)
  return (
    <View className='my-item e2e-my-complaint' data-tracking-no={complaint.trackingNo} onClick={() => void openPage(complaintDetailUrl(complaint.trackingNo))}>
      <View className='my-item__head'>
        <Text className='my-item__kind'>{complaint.categoryLabel}</Text>
        <Text className={`status-label status-label--${complaint.status} e2e-my-complaint-status`}>{COMPLAINT_STATUS_LABELS[complaint.status]}</Text>
      </View>
      <Text className='my-item__title'>{complaint.institution.name}</Text>
      <Text className='my-item__time'>{deadline ? `${deadline.label} ${describeMoment(deadline.at)}` : `提交于 ${describeMoment(complaint.createdAt)}`}</Text>
      <Text className='my-item__code e2e-my-complaint-tracking-no'>查询码 {complaint.trackingNo}</Text>
    </View>
  )
}

/** 我的投诉: every complaint this parent filed, newest first (the server's order). */
export default function MyComplaintsPage() {
  const revision = useShownCount()
  const list = usePaged<Complaint>(`complaints-${revision}`, listMyComplaints)
  return (
    <PageRoot className='my-complaints-page'>
      <AccountGate>
        {() => (
          <>
            <PagedList
              paged={list}
              className='my-list e2e-my-complaints'
              empty={
                <View className='status status--empty e2e-empty'>
                  <Text className='status__title'>还没有投诉</Text>
                  <Text className='status__text'>发现托育机构有安全、卫生、收费等问题，或有人无备案办托，可以在这里投诉。</Text>
                </View>
              }
            >
              {(complaint) => <ComplaintCard key={complaint.trackingNo} complaint={complaint} />}
            </PagedList>
            <View className='btn btn--primary btn--block e2e-new-complaint' onClick={() => void openPage(complaintFormUrl())}>
              <Text>我要投诉</Text>
            </View>
          </>
        )}
      </AccountGate>
    </PageRoot>
  )
}
