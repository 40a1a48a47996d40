import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { listDistricts, searchInstitutions } from '@app/api/institutions'
import { Chip } from '@app/components/Chip'
import { FormField } from '@app/components/FormField'
import { InstitutionSummary } from '@domain/institution'
import { useRemote } from '@app/hooks/useRemote'
import { FieldErrors } from '@app/lib/forms/formErrors'
import { ComplaintDraft } from '../lib/complaintDraft'

type Patch = (patch: Partial<ComplaintDraft>) => void

/** A filed institution, found by name, address or pinyin initials (the find tab's search). */
function ListedPicker({ draft, update, error }: { draft: ComplaintDraft; update: Patch; error?: string }) {
  const [q, setQ] = useState('')
  const [results, setResults] = useState<InstitutionSummary[] | null>(null)
  const [message, setMessage] = useState<string | null>(null)

  const search = () => {
    if (!q.trim()) return
    setMessage(null)
    searchInstitutions({ q: q.trim(), limit: 10 }).then(
      (page) => setResults(page.items),
      (failure) => setMessage(errorMessage(failure)),
    )
  }

  if (draft.institutionId) {
    return (
      <View className='choice choice--on e2e-chosen-institution'>
        <Text className='choice__title'>{draft.institutionName}</Text>
        <Text className='link e2e-change-institution' onClick={() => update({ institutionId: '', institutionName: '' })}>
          换一家
        </Text>
      </View>
    )
  }
  return (
    <View>
      <FormField label='机构名称、地址或拼音首字母' className='e2e-institution-query' value={q} onChange={setQ} error={error} placeholder='如：龙溪 或 lx' />
      <View className='btn btn--small e2e-institution-search' onClick={search}>
        <Text>搜索</Text>
      </View>
      {message && <Text className='form-error'>{message}</Text>}
      {results?.length === 0 && <Text className='muted'>没有找到。可以换个词，或选“名单里没有”。</Text>}
      {results?.map((inst) => (
        <View key={inst.id} className='choice e2e-institution-option' onClick={() => update({ institutionId: inst.id, institutionName: inst.name })}>
          <Text className='choice__title'>{inst.name}</Text>
          <Text className='choice__hint'>
            {inst.district} · {inst.address}
          </Text>
        </View>
      ))}
    </View>
  )
}

/** Reports of unfiled institutions are how regulators find them: name, address, district. */
function UnlistedFields({ draft, update, fields }: { draft: ComplaintDraft; update: Patch; fields: FieldErrors }) {
  const [districts] = useRemote('districts', listDistricts)
  return (
    <View className='e2e-unlisted'>
      <FormField label='机构名称（招牌上的名字）' className='e2e-unlisted-name' value={draft.unlistedName} maxlength={100} onChange={(v) => update({ unlistedName: v })} error={fields['unlisted.name']} />
      <FormField label='地址' className='e2e-unlisted-address' value={draft.unlistedAddress} maxlength={200} onChange={(v) => update({ unlistedAddress: v })} error={fields['unlisted.address']} placeholder='街道、小区、楼栋门牌' />
      <View className={`form-field ${fields['unlisted.district'] ? 'form-field--error' : ''}`}>
        <Text className='form-field__label'>所在区县（投诉会交给这个区县的卫健部门）</Text>
        {districts.status === 'ready' && (
          <View className='chip-row chip-row--wrap'>
            {districts.value.map((d) => (
              <Chip key={d.code} className='e2e-unlisted-district' label={d.name} selected={draft.unlistedDistrict === d.code} onTap={() => update({ unlistedDistrict: d.code })} />
            ))}
          </View>
        )}
        {districts.status === 'error' && <Text className='form-error'>{districts.message}</Text>}
        {fields['unlisted.district'] && <Text className='form-field__error e2e-field-error'>{fields['unlisted.district']}</Text>}
      </View>
    </View>
  )
}

export function TargetStep({ draft, update, fields }: { draft: ComplaintDraft; update: Patch; fields: FieldErrors }) {
  return (
    <View className='e2e-step-target'>
      <View className='chip-row'>
        <Chip label='已备案机构' className='e2e-target-listed' selected={draft.target === 'listed'} onTap={() => update({ target: 'listed' })} />
        <Chip label='名单里没有（可能未备案）' className='e2e-target-unlisted' selected={draft.target === 'unlisted'} onTap={() => update({ target: 'unlisted' })} />
      </View>
      {draft.target === 'listed' ? <ListedPicker draft={draft} update={update} error={fields.institutionId} /> : <UnlistedFields draft={draft} update={update} fields={fields} />}
    </View>
  )
}
