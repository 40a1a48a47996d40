import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { Child } from '@domain/child'
import { Voucher, VoucherBatch } from '@domain/voucher'
import { listMyChildren } from '@app/api/children'
import { claimVoucher, listMyVouchers, listOpenBatches } from '@app/api/vouchers'
import { errorMessage } from '@app/api/ApiError'
import { AccountGate } from '@app/components/AccountGate'
import { Chip } from '@app/components/Chip'
import { PageRoot } from '@app/components/PageRoot'
import { PagedList } from '@app/components/PagedList'
import { usePaged } from '@app/hooks/usePaged'
import { useRemote } from '@app/hooks/useRemote'
import { usePolicyDistrict } from '@app/store/policyDistrict'
import { VoucherCard } from '../../components/VoucherCard'
import '../../styles/policy.scss'

function BatchRow({ batch, children, onClaimed }: { batch: VoucherBatch; children: Child[]; onClaimed: () => void }) {
  const [message, setMessage] = useState<string | null>(null)
  const claim = async (child: Child) => {
    setMessage(null)
    try {
      await claimVoucher(batch.id, child.id)
      onClaimed()
    } catch (error) {
      setMessage(errorMessage(error))
    }
  }
  return (
    <View className='policy-row e2e-voucher-batch'>
      <Text className='policy-row__title'>{batch.title}</Text>
      <Text className='policy-figure__meta'>
        还剩 {batch.remaining} 张 · {batch.validFrom} 至 {batch.validUntil} · {batch.institutions.length} 家普惠机构
      </Text>
      {children.length === 0 ? (
        <Text className='section__body'>先在“我的”添加孩子，才能领取（每个孩子一张）。</Text>
      ) : (
        <View className='chip-row chip-row--wrap'>
          {children.map((child) => (
            <Chip key={child.id} label={`为${child.nickname}领取`} selected={false} onTap={() => void claim(child)} className='e2e-voucher-claim' />
          ))}
        </View>
      )}
      {message && <Text className='form-field__error e2e-voucher-claim-error'>{message}</Text>}
    </View>
  )
}

function Vouchers() {
  const district = usePolicyDistrict()
  const [revision, setRevision] = useState(0)
  const mine = usePaged<Voucher>(`vouchers-${revision}`, listMyVouchers)
  const batches = usePaged<VoucherBatch>(`batches-${district ?? ''}-${revision}`, (cursor) => listOpenBatches(district ?? undefined, cursor))
  const [children] = useRemote('children', listMyChildren)
  const [changed, setChanged] = useState<Record<string, Voucher>>({})
  return (
    <>
      <View className='section e2e-my-vouchers'>
        <Text className='section__title'>我的体验券</Text>
      </View>
      <PagedList
        paged={mine}
        className='policy-list e2e-my-voucher-list'
        empty={
          <View className='section'>
            <Text className='section__body'>还没有领取体验券。</Text>
          </View>
        }
      >
        {(v) => <VoucherCard key={v.id} voucher={changed[v.id] ?? v} onChange={(next) => setChanged({ ...changed, [next.id]: next })} />}
      </PagedList>
      <View className='section e2e-open-batches'>
        <Text className='section__title'>可以领取的体验券</Text>
        <Text className='section__body'>区卫生健康委发放，可在参加活动的普惠托育机构免费体验托育日；每个孩子每批限领一张。</Text>
        <PagedList paged={batches} className='policy-list' empty={<Text className='section__body'>现在没有可以领取的体验券。</Text>}>
          {(b) => <BatchRow key={b.id} batch={b} children={children.status === 'ready' ? children.value : []} onClaimed={() => setRevision((r) => r + 1)} />}
        </PagedList>
      </View>
    </>
  )
}

/** 托育体验券: claim one per child, book a trial day with it, show it at check-in. */
export default function VouchersPage() {
  return (
    <PageRoot className='policy-page'>
      <AccountGate>{() => <Vouchers />}</AccountGate>
    </PageRoot>
  )
}
