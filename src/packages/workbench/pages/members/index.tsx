import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { createInvitation, listMembers, revokeMember } from '@app/api/workbench'
import { PageRoot } from '@app/components/PageRoot'
import { QrCode } from '@app/components/QrCode'
import { PagedList } from '@app/components/PagedList'
import { usePaged } from '@app/hooks/usePaged'
import { Membership, NewInvitation, ROLE_NAMES } from '@domain/staffAccess'
import { useRoles } from '../../lib/useRoles'
import '../../styles/workbench.scss'

/** 人员与邀请: a regulator invites institution admins (by institution id) and regulators; an admin invites staff. */
export default function MembersPage() {
  const [revision, setRevision] = useState(0)
  const [roles] = useRoles()
  const members = usePaged<Membership>(`members-${revision}`, listMembers)
  const [institutionId, setInstitutionId] = useState('')
  const [made, setMade] = useState<NewInvitation | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const regulator = roles.status === 'ready' && roles.value.regulator !== null
  const invite = (role: 'regulator' | 'institution_admin' | 'institution_staff') => {
    createInvitation({ role, institutionId: role === 'institution_admin' ? institutionId.trim() : undefined }).then(
      (invitation) => {
        setMade(invitation)
        setMessage(null)
      },
      (error) => setMessage(errorMessage(error)),
    )
  }
  return (
    <PageRoot className='workbench e2e-members-page'>
      <View className='workbench-card'>
        <Text className='workbench-card__title'>发出邀请</Text>
        {regulator ? (
          <>
            <Input className='workbench-input e2e-invite-institution' value={institutionId} placeholder='机构编号（本区县已备案机构）' onInput={(e) => setInstitutionId(e.detail.value)} />
            <View className='workbench-card__actions'>
              <View className='btn btn--primary e2e-invite-admin' onClick={() => invite('institution_admin')}>
                <Text>邀请机构管理员</Text>
              </View>
              <View className='btn e2e-invite-regulator' onClick={() => invite('regulator')}>
                <Text>邀请本区县监管人员</Text>
              </View>
            </View>
          </>
        ) : (
          <View className='btn btn--primary e2e-invite-staff' onClick={() => invite('institution_staff')}>
            <Text>邀请工作人员</Text>
          </View>
        )}
        {message && <Text className='form-error e2e-members-message'>{message}</Text>}
        {made && (
          <View className='e2e-new-invitation'>
            <Text className='workbench-card__text'>{`${ROLE_NAMES[made.role]}邀请码（只显示这一次，72 小时内有效，只能用一次）：`}</Text>
            <Text className='workbench-card__title e2e-new-invitation-code'>{made.code}</Text>
            <QrCode text={made.qrText} moduleSize={6} />
          </View>
        )}
      </View>
      <PagedList paged={members} className='workbench__grid' empty={<Text className='workbench-card__text'>还没有成员。</Text>}>
        {(member) => (
          <View key={member.id} className='workbench-card e2e-member' data-user-id={member.userId}>
            <Text className='workbench-card__title'>{member.nickname ?? '未命名'}</Text>
            <Text className='workbench-card__text'>{`${member.institutionName ?? member.districtCode ?? ''} · ${ROLE_NAMES[member.role]}`}</Text>
            <View
              className='btn e2e-member-revoke'
              onClick={() =>
                revokeMember(member.id).then(
                  () => setRevision((r) => r + 1),
                  (error) => setMessage(errorMessage(error)),
                )
              }
            >
              <Text>移除</Text>
            </View>
          </View>
        )}
      </PagedList>
    </PageRoot>
  )
}
