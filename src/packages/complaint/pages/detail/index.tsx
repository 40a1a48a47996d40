import Taro, { useRouter } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { lookUpComplaint } from '@app/api/complaints'
import { photoAddress } from '@app/api/uploads'
import { previewPhotos } from '@app/lib/photos/previewPhotos'
import { Complaint, COMPLAINT_STATUS_LABELS } from '@domain/complaint'
import { Tag } from '@app/components/Chip'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { SubscribeOffer } from '@app/components/SubscribeOffer'
import { useRemote } from '@app/hooks/useRemote'
import { decodeParam } from '@app/navigation/bookingRoutes'
import { Fact } from '@app/components/Fact'
import { ComplaintAnswer } from '../../components/ComplaintAnswer'
import { Timeline } from '../../components/Timeline'
import { describeDeadline, describeMoment, nextDeadline } from '../../lib/complaintText'
import '../../styles/complaint.scss'
import { goBack } from '@app/navigation/navigate'

function ComplaintView({ complaint: initial, justFiled }: { complaint: Complaint; justFiled: boolean }) {
  const [complaint, setComplaint] = useState(initial)
  useEffect(() => setComplaint(initial), [initial])
  const deadline = nextDeadline(complaint)
  const copy = () => void Taro.setClipboardData({ data: complaint.trackingNo }).catch(() => undefined)
  return (
    <View className='complaint e2e-complaint'>
      {justFiled && (
        <View className='notice notice--good e2e-complaint-filed'>
          <Text className='notice__title'>投诉已提交</Text>
          <Text className='notice__body'>请记下查询码。不登录也可以用查询码和手机号后四位（{complaint.phoneLast4}）随时查询进度。</Text>
        </View>
      )}
      {justFiled && <SubscribeOffer kinds={['complaint_status']} browserNote='投诉处理进展的微信通知需要在小程序中开启；网页版请用查询码随时查询。' />}
      <View className='section'>
        <Text className='muted'>查询码</Text>
        <View className='tracking-no'>
          <Text className='tracking-no__value e2e-tracking-no' userSelect>
            {complaint.trackingNo}
          </Text>
          <Text className='link e2e-copy-tracking-no' onClick={copy}>
            复制
          </Text>
        </View>
        <View className='complaint__status-row'>
          <Text className={`status-label status-label--${complaint.status} e2e-complaint-status`}>{COMPLAINT_STATUS_LABELS[complaint.status]}</Text>
          {complaint.urgency === 'urgent' && <Tag label='紧急' tone='warn' className='e2e-complaint-urgent' />}
        </View>
        {deadline && (
          <View className='complaint__deadline e2e-complaint-deadline'>
            <Text>
              {deadline.label}：{describeMoment(deadline.at)}
            </Text>
            <Text className='muted'>（{describeDeadline(deadline.at)}）</Text>
          </View>
        )}
      </View>
      <View className='section'>
        <Text className='section__title'>投诉内容</Text>
        <Fact label='机构' value={complaint.institution.listed ? complaint.institution.name : `${complaint.institution.name}（未收录）`} className='e2e-complaint-institution' />
        <Fact label='类别' value={complaint.categoryLabel} className='e2e-complaint-category' />
        <Fact label='发生时间' value={describeMoment(complaint.occurredAt)} />
        <Fact label='提交时间' value={describeMoment(complaint.createdAt)} />
        <Fact label='受理期限' value={describeMoment(complaint.acceptBy)} />
        <Fact label='办结期限' value={describeMoment(complaint.dueBy)} className='e2e-complaint-due' />
        <Fact label='对机构匿名' value={complaint.anonymous ? '是' : '否（机构仍看不到您的手机号）'} />
        <Text className='section__body e2e-complaint-description'>{complaint.description}</Text>
        {complaint.attachments && complaint.attachments.length > 0 && (
          <View className='photo-picker__grid e2e-complaint-photos'>
            {complaint.attachments.map((photo) => (
              <Image key={photo.id} className='photo-picker__item photo-picker__image e2e-complaint-photo' src={photoAddress(photo.url)} mode='aspectFill' onClick={() => void previewPhotos(complaint.attachments!.map((p) => photoAddress(p.url)), photoAddress(photo.url)).catch(() => undefined)} />
            ))}
          </View>
        )}
      </View>
      <View className='section'>
        <Text className='section__title'>办理进度</Text>
        <Timeline entries={complaint.timeline} />
      </View>
      {(complaint.canGiveFeedback || complaint.feedback || complaint.reexaminationUntil) && <ComplaintAnswer complaint={complaint} onChanged={setComplaint} />}
    </View>
  )
}

/** One complaint: status, deadlines, the timeline with handlers' notes, and the parent's answer once resolved. */
export default function ComplaintDetailPage() {
  const params = useRouter().params
  const trackingNo = decodeParam(params.trackingNo) ?? null
  const phoneLast4 = decodeParam(params.phoneLast4)
  const [complaint, retry] = useRemote(trackingNo && `${trackingNo}-${phoneLast4 ?? ''}`, () => lookUpComplaint(trackingNo ?? '', phoneLast4))
  return (
    <PageRoot className='complaint-detail-page'>
      {trackingNo === null && <ErrorView message='没有指定查询码，请返回重新查询' onRetry={() => void goBack()} />}
      {trackingNo !== null && complaint.status === 'loading' && <LoadingView />}
      {complaint.status === 'error' && <ErrorView message={complaint.message} onRetry={retry} />}
      {complaint.status === 'ready' && <ComplaintView complaint={complaint.value} justFiled={params.new === '1'} />}
    </PageRoot>
  )
}
