import { Text, View } from '@tarojs/components'
import { complaintAuditTrail } from '@app/api/oversight'
import { PagedList } from '@app/components/PagedList'
import { usePaged } from '@app/hooks/usePaged'
import { AuditEntry } from '@domain/oversight'
import { inShanghai } from '@domain/shanghaiTime'

/** 办理记录: who did what, when, on one complaint (the audit log), oldest first. */
export function AuditTrail({ trackingNo }: { trackingNo: string }) {
  const paged = usePaged<AuditEntry>(`audit-${trackingNo}`, () => complaintAuditTrail(trackingNo))
  return (
    <View className='audit-trail e2e-audit-trail'>
      <Text className='audit-trail__title'>办理记录</Text>
      <PagedList paged={paged} className='audit-trail__list' empty={<Text className='workbench-card__text'>暂无办理记录</Text>}>
        {(entry) => (
          <View key={`${entry.at}-${entry.action}`} className='audit-trail__entry e2e-audit-entry'>
            <Text className='audit-trail__when'>{inShanghai(entry.at).format('M月D日 HH:mm')}</Text>
            <Text className='audit-trail__what'>{`${entry.actor} · ${entry.actionLabel}${entry.note ? `：${entry.note}` : ''}`}</Text>
          </View>
        )}
      </PagedList>
    </View>
  )
}
