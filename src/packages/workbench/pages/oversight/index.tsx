import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { pickInstitutions } from '@app/api/oversight'
import { PageRoot } from '@app/components/PageRoot'
import { PagedList } from '@app/components/PagedList'
import { usePaged } from '@app/hooks/usePaged'
import { openPage } from '@app/navigation/navigate'
import { FILING_STATUS_LABELS } from '@domain/institution'
import { OversightInstitutionSummary } from '@domain/oversight'
import { oversightInstitutionUrl } from '../../lib/sections'
import '../../styles/workbench.scss'

/** 机构监管: the district's institutions, searched by name, address or pinyin initials, paged. */
export default function OversightPickerPage() {
  const [typed, setTyped] = useState('')
  const [query, setQuery] = useState('')
  const paged = usePaged<OversightInstitutionSummary>(`picker-${query}`, (cursor) => pickInstitutions(query, cursor))
  return (
    <PageRoot className='workbench e2e-oversight-picker'>
      <Text className='workbench__title'>机构监管</Text>
      <View className='oversight-search'>
        <Input
          className='workbench-input oversight-search__input e2e-oversight-search'
          value={typed}
          placeholder='机构名称、地址或拼音首字母'
          confirmType='search'
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => setQuery(typed)}
        />
        <View className='btn btn--primary e2e-oversight-search-go' onClick={() => setQuery(typed)}>
          <Text>搜索</Text>
        </View>
      </View>
      <PagedList paged={paged} className='workbench__grid' empty={<Text className='workbench__sub'>没有找到本区县的这家机构</Text>}>
        {(item) => (
          <View key={item.id} className='workbench-card e2e-oversight-institution' data-institution-id={item.id} onClick={() => void openPage(oversightInstitutionUrl(item.id))}>
            <Text className='workbench-card__title'>{item.name}</Text>
            <Text className='workbench-card__text'>{item.address}</Text>
            <View>
              <Text className='workbench-tag'>{FILING_STATUS_LABELS[item.filingStatus]}</Text>
              {item.gradeLabel && <Text className='workbench-tag'>{`等级 ${item.gradeLabel}`}</Text>}
              {item.openNotices > 0 && <Text className='workbench-tag workbench-tag--alert'>{`${item.openNotices} 份整改未完成`}</Text>}
            </View>
          </View>
        )}
      </PagedList>
    </PageRoot>
  )
}
