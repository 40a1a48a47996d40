import { View, Text } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { listMyChildren } from '@app/api/children'
import { getToday } from '@app/api/content'
import { PageRoot } from '@app/components/PageRoot'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { Today } from '@domain/content'
import { useRemote } from '@app/hooks/useRemote'
import { useSession } from '@app/hooks/useSession'
import { browseUrl, CONTENT_ROUTES } from '@app/navigation/contentRoutes'
import { familyStageAt, tipOfTheDay } from '@app/lib/family/familyStage'
import { datesOf, FamilyDate } from '@app/lib/family/familyDate'
import { forgetFamilyDate, saveFamilyDate, useFamilyDate } from '@app/store/familyDate'
import { ArticleList } from '../../components/ArticleList'
import { DateEntry } from '../../components/DateEntry'
import { VaccinesThisMonth } from '../../components/VaccinesThisMonth'
import { WeekCard } from '../../components/WeekCard'
import '../../styles/content.scss'
import { openPage } from '@app/navigation/navigate'

function TodayGuidance({ today }: { today: Today }) {
  const tip = tipOfTheDay(today.tips, today.date)
  const weekTips = today.tips.filter((t) => t !== tip)
  return (
    <>
      {today.vaccinations && <VaccinesThisMonth vaccinations={today.vaccinations} />}
      {tip && (
        <View className='section today-tip e2e-today-tip'>
          <Text className='section__title'>今日小提示</Text>
          <Text className='today-tip__text e2e-today-tip-text'>{tip.text}</Text>
          <Text className='today-tip__source'>来源：{tip.source}</Text>
        </View>
      )}
      {weekTips.length > 0 && (
        <View className='section e2e-week-tips'>
          <Text className='section__title'>本周还要知道</Text>
          {weekTips.map((t, index) => (
            <View key={index} className='week-tip'>
              <Text className='week-tip__text'>{t.text}</Text>
              <Text className='today-tip__source'>来源：{t.source}</Text>
            </View>
          ))}
        </View>
      )}
      <View className='section e2e-now-articles'>
        <Text className='section__title'>本周指导 · 适合现在读</Text>
        {today.articles.length === 0 ? (
          <Text className='section__body'>这个阶段的文章还在编写中，可以先按阶段和主题看看其他文章。</Text>
        ) : (
          <ArticleList articles={today.articles} />
        )}
        <View className='link e2e-browse-stage' onClick={() => void openPage(browseUrl({ stage: today.stage }))}>
          <Text>{today.stageName}的全部文章 ›</Text>
        </View>
      </View>
    </>
  )
}

function StageView({ date, onEdit }: { date: FamilyDate; onEdit: () => void }) {
  // The card shows at once from the shared engine; /content/today confirms it and brings the tips.
  const local = useMemo(() => familyStageAt(date), [date])
  const [today, retry] = useRemote(`${date.kind}=${date.date}`, () => getToday(datesOf(date)))
  if (!local.ok) {
    return (
      <View className='section e2e-date-invalid'>
        <Text className='section__body section__body--warn'>{local.message}</Text>
        <View className='btn btn--primary' onClick={onEdit}>
          <Text>重新填写日期</Text>
        </View>
      </View>
    )
  }
  return (
    <>
      <WeekCard stage={local.stage} ageText={today.status === 'ready' ? today.value.ageText : local.stage.ageText} nickname={date.nickname} />
      <View className='week-card__actions'>
        <View className='link e2e-edit-family-date' onClick={onEdit}>
          <Text>修改日期</Text>
        </View>
        <View
          className='link e2e-forget-family-date'
          onClick={() => {
            forgetFamilyDate()
            onEdit()
          }}
        >
          <Text>清除日期</Text>
        </View>
      </View>
      {today.status === 'loading' && <LoadingView text='正在取本周的指导…' />}
      {today.status === 'error' && <ErrorView message={today.message} onRetry={retry} />}
      {today.status === 'ready' && <TodayGuidance today={today.value} />}
    </>
  )
}

/** Children already added, for a signed-in parent; nobody else is asked for anything. */
function useChildren() {
  const { session } = useSession()
  const [children] = useRemote(session ? `children-${session.token}` : null, listMyChildren)
  return session && children.status === 'ready' ? children.value : []
}

/** 生命1000天: where the family is today, this week's guidance and today's tip, and the ways on. */
export default function ContentHomePage() {
  const stored = useFamilyDate()
  const [editing, setEditing] = useState(false)
  const children = useChildren()
  return (
    <PageRoot className='content-home-page'>
      {stored === null || editing ? (
        <DateEntry
          initial={stored}
          children={children}
          onDone={(date) => {
            saveFamilyDate(date)
            setEditing(false)
          }}
          onCancel={stored && editing ? () => setEditing(false) : undefined}
        />
      ) : (
        <StageView date={stored} onEdit={() => setEditing(true)} />
      )}
      <View className='section content-links'>
        <View className='link-row e2e-go-browse' onClick={() => void openPage(browseUrl())}>
          <Text>按阶段和主题看文章、搜索</Text>
          <Text className='link-row__arrow'>›</Text>
        </View>
        <View className='link-row e2e-go-saved' onClick={() => void openPage(CONTENT_ROUTES.saved)}>
          <Text>我收藏的文章</Text>
          <Text className='link-row__arrow'>›</Text>
        </View>
        <View className='link-row e2e-go-lectures' onClick={() => void openPage(CONTENT_ROUTES.lectures)}>
          <Text>家长课堂与生命1000天讲座</Text>
          <Text className='link-row__arrow'>›</Text>
        </View>
      </View>
      <Text className='content-disclaimer'>这里的内容来自权威指南，帮助了解常识，不能代替医生的诊断；宝宝不舒服请及时就医。</Text>
    </PageRoot>
  )
}
