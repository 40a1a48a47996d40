import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useEffect } from 'react'
import { getInstitution } from '@app/api/institutions'
import { describeAgeRange } from '@domain/age'
import {
  DEMONSTRATION_LEVEL_LABELS,
  FILING_STATUS_LABELS,
  INSTITUTION_KIND_LABELS,
  InstitutionDetail,
} from '@domain/institution'
import { Tag } from '@app/components/Chip'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { useRemote } from '@app/hooks/useRemote'
import { describeHours, describeRating, describeVacancies } from '@app/lib/format/describe'
import { BookingActions } from '../../components/BookingActions'
import { ClassList } from '../../components/ClassList'
import { VacancyCells } from '../../components/VacancyCells'
import { ContactActions } from '../../components/ContactActions'
import { FeeTable } from '../../components/FeeTable'
import { FeeTermsView } from '../../components/FeeTermsView'
import { NetPrice } from '../../components/NetPrice'
import { OversightRecords } from '../../components/OversightRecords'
import { PublicRecord } from '../../components/PublicRecord'
import { PremisesPhotoGrid } from '../../components/PremisesPhotoGrid'
import { Fact } from '@app/components/Fact'
import { Section } from '../../components/Section'
import '../../styles/institution.scss'
import { goBack } from '@app/navigation/navigate'

function Detail({ institution: inst }: { institution: InstitutionDetail }) {
  return (
    <View className='detail e2e-detail'>
      <View className='detail__head'>
        <Text className='detail__name e2e-detail-name'>{inst.name}</Text>
        <View className='card__tags'>
          {inst.isDemo && <Tag label='演示数据' tone='demo' className='e2e-detail-demo' />}
          <Tag label={INSTITUTION_KIND_LABELS[inst.kind]} />
          {inst.affordable ? <Tag label='普惠' tone='good' /> : <Tag label='非普惠' />}
          {inst.demonstrationLevel && <Tag label={DEMONSTRATION_LEVEL_LABELS[inst.demonstrationLevel]} tone='good' />}
        </View>
        <Text className='detail__rating e2e-detail-rating'>{describeRating(inst.rating)}</Text>
      </View>

      <BookingActions institution={inst} />

      <Section title='备案信息' className='e2e-detail-filing'>
        <Fact label='备案号' value={inst.filing.number} />
        <Fact label='备案机关' value={inst.filing.authority} />
        <Fact label='备案日期' value={inst.filing.filedOn} />
        <Fact label='备案状态' value={FILING_STATUS_LABELS[inst.filing.status]} />
      </Section>

      <Section title='收费'>
        <FeeTable institution={inst} />
        {inst.facts && <Text className='muted e2e-detail-fees-freshness'>{inst.facts.feesFreshness.text}</Text>}
        <NetPrice institutionId={inst.id} />
      </Section>

      <Section title='收费与退费约定' className='e2e-detail-terms'>
        <FeeTermsView institutionId={inst.id} />
      </Section>

      <Section title='招收与托位'>
        <Fact label='招收月龄' value={describeAgeRange(inst.ageRange)} />
        <Fact label='托位' value={describeVacancies(inst.vacancies, inst.capacity)} className='e2e-detail-vacancies' />
        {inst.facts && <Fact label='空位' value={inst.facts.vacancyFreshness.text} className='e2e-detail-vacancy-freshness' />}
        {inst.facts && <VacancyCells facts={inst.facts} />}
        {inst.facts?.staffing && (
          <Fact
            label='保育人员'
            value={`${inst.facts.staffing.staffCount} 人，每人照护约 ${inst.facts.staffing.childrenPerCarer ?? '—'} 名幼儿，持证 ${Math.round((inst.facts.staffing.certifiedShare ?? 0) * 100)}%（${inst.facts.staffing.freshness.text}）`}
            className='e2e-detail-staffing'
          />
        )}
        <Fact label='服务时间' value={inst.facts ? `${describeHours(inst.hours)}（${inst.facts.hoursFreshness.text}）` : describeHours(inst.hours)} className='e2e-detail-hours' />
        <ClassList classes={inst.classes} />
      </Section>

      <Section title='地址与联系'>
        <Text className='detail__address'>{inst.address}</Text>
        <ContactActions institution={inst} />
      </Section>

      {inst.photos.length > 0 && (
        <Section title='环境照片' className='e2e-detail-premises'>
          <PremisesPhotoGrid institution={inst} />
        </Section>
      )}

      {inst.description !== '' && (
        <Section title='机构介绍'>
          <Text className='section__body'>{inst.description}</Text>
        </Section>
      )}

      <Section title='检查与整改记录' className='e2e-detail-oversight'>
        <OversightRecords institution={inst} />
      </Section>

      <Section title='投诉与家长评价' className='e2e-detail-public-record'>
        <PublicRecord institution={inst} />
      </Section>
    </View>
  )
}

/** Everything a parent should know before visiting, from GET /institutions/:id. */
export default function DetailPage() {
  const id = useRouter().params.id ?? null
  const [detail, retry] = useRemote(id, () => getInstitution(id ?? ''))

  useEffect(() => {
    if (detail.status === 'ready') void Taro.setNavigationBarTitle({ title: detail.value.name }).catch(() => undefined)
  }, [detail])

  return (
    <PageRoot className='detail-page'>
      {id === null && <ErrorView message='没有指定机构，请返回列表重新选择' onRetry={() => void goBack()} />}
      {id !== null && detail.status === 'loading' && <LoadingView />}
      {detail.status === 'error' && <ErrorView message={detail.message} onRetry={retry} />}
      {detail.status === 'ready' && <Detail institution={detail.value} />}
    </PageRoot>
  )
}
