import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { myRectifications, reportRectification } from '@app/api/oversight'
import { PageRoot } from '@app/components/PageRoot'
import { PagedList } from '@app/components/PagedList'
import { PhotoPicker, PickedPhoto } from '@app/components/PhotoPicker'
import { SubscribeOffer } from '@app/components/SubscribeOffer'
import { usePaged } from '@app/hooks/usePaged'
import { RectificationNotice, RectificationNoticeList } from '@domain/oversight'
import { openSteps } from '@domain/rectificationFlow'
import { NoticeCard } from '../../components/NoticeCard'
import '../../styles/workbench.scss'

/** The institution's 整改完成报告: what was done, with photos only the regulator sees. */
function ReportForm({ notice, onDone }: { notice: RectificationNotice; onDone: () => void }) {
  const [description, setDescription] = useState('')
  const [photos, setPhotos] = useState<PickedPhoto[]>([])
  const [message, setMessage] = useState<string | null>(null)
  const send = () => {
    reportRectification(notice.id, { description, attachments: photos.map((p) => p.id) }).then(onDone, (error) => setMessage(errorMessage(error)))
  }
  return (
    <View className='notice__form'>
      <Textarea
        className='workbench-input workbench-textarea e2e-report-text'
        value={description}
        maxlength={1000}
        placeholder='整改情况：做了什么、何时完成（至少 10 个字）'
        onInput={(e) => setDescription(e.detail.value)}
      />
      <PhotoPicker
        photos={photos}
        onAdd={(photo) => setPhotos((list) => [...list, photo])}
        onRemove={(id) => setPhotos((list) => list.filter((p) => p.id !== id))}
        hint='照片只给核验的监管部门看，不公开；上传时会去掉拍摄地点等信息。'
      />
      {message && <Text className='form-error e2e-report-error'>{message}</Text>}
      <View className='workbench-card__actions'>
        <View className='btn btn--primary e2e-report-send' onClick={send}>
          <Text>报告整改完成</Text>
        </View>
      </View>
    </View>
  )
}

/** 整改通知 addressed to this institution: waiting ones first; report each done for the regulator to verify. */
export default function RectificationsPage() {
  const [revision, setRevision] = useState(0)
  const paged = usePaged<RectificationNotice, RectificationNoticeList>(`notices-${revision}`, myRectifications)
  const awaiting = paged.first?.awaitingInstitution ?? 0
  return (
    <PageRoot className='workbench e2e-rectifications'>
      <Text className='workbench__title'>整改通知</Text>
      <Text className='workbench__sub e2e-rectifications-awaiting'>{awaiting > 0 ? `${awaiting} 份待整改或被退回` : '没有待处理的整改通知'}</Text>
      <SubscribeOffer kinds={['rectification_status']} browserNote='新的整改通知和核验结果在这里查看；在微信小程序中可开启消息提醒。' />
      <PagedList paged={paged} className='workbench__grid' empty={<Text className='workbench__sub'>还没有收到整改通知</Text>}>
        {(notice) => (
          <NoticeCard key={notice.id} notice={notice}>
            {openSteps(notice.state, 'institution').includes('report') && <ReportForm notice={notice} onDone={() => setRevision((r) => r + 1)} />}
          </NoticeCard>
        )}
      </PagedList>
    </PageRoot>
  )
}
