import { Text, View } from '@tarojs/components'
import { ReactNode, useState } from 'react'
import { describeChangedFields, FilingListReport } from '@domain/filingList'

/*
 * The report of a filing-list upload (src/domain/filingList.ts): a summary line, then one
 * collapsible section per kind of outcome. A 10,000-row list can refuse hundreds of rows
 * and add thousands, so each section shows a first slice and grows by MORE_STEP on tap.
 */

const FIRST_SHOWN = 20
const MORE_STEP = 50

function Section<T>({ title, items, render, open: openAtFirst, kind }: { title: string; items: T[]; render: (item: T) => ReactNode; open: boolean; kind: string }) {
  const [open, setOpen] = useState(openAtFirst)
  const [shown, setShown] = useState(FIRST_SHOWN)
  if (items.length === 0) return null
  return (
    <View className={`workbench-card filing-report__section e2e-filing-${kind}`}>
      <View className='filing-report__head' onClick={() => setOpen(!open)}>
        <Text className='workbench-card__title'>{`${title}（${items.length}）`}</Text>
        <Text className='filing-report__toggle'>{open ? '收起' : '展开'}</Text>
      </View>
      {open && (
        <View>
          {items.slice(0, shown).map(render)}
          {shown < items.length && (
            <View className='btn filing-report__more e2e-filing-more' onClick={() => setShown(shown + MORE_STEP)}>
              <Text>{`再显示 ${Math.min(MORE_STEP, items.length - shown)} 条（还有 ${items.length - shown} 条）`}</Text>
            </View>
          )}
        </View>
      )}
    </View>
  )
}

const lineLabel = (line: number) => (line > 0 ? `第 ${line} 行` : '')

export function FilingReport({ report }: { report: FilingListReport }) {
  return (
    <View className='filing-report e2e-filing-report'>
      <Text className='workbench__sub e2e-filing-summary'>
        {`${report.applied ? '已写入' : '试运行（未写入）'}：本区县有效 ${report.accepted} 行，新增 ${report.added}、变更 ${report.changed}、未变 ${report.unchanged}；撤销备案 ${report.closed.length} 家；拒绝 ${report.refused.length} 行（文件编码 ${report.encoding === 'gbk' ? 'GBK' : 'UTF-8'}）`}
      </Text>
      <View className='filing-report__sections'>
        <Section
          kind='refused'
          title='被拒绝的行'
          open
          items={report.refused}
          render={(row) => (
            <Text key={`${row.line}-${row.reason}`} className='filing-report__row filing-report__row--refused e2e-filing-refused-row' data-line={row.line}>
              {`${lineLabel(row.line)}：${row.reason}`}
            </Text>
          )}
        />
        <Section
          kind='closed'
          title={report.applied ? '已撤销备案（不再出现在搜索中）' : '将撤销备案（名单上没有）'}
          open
          items={report.closed}
          render={(item) => (
            <Text key={item.id} className='filing-report__row e2e-filing-closed-row'>
              {`${item.name}（${item.filingNumber}）`}
            </Text>
          )}
        />
        <Section
          kind='changed'
          title={report.applied ? '已变更' : '将变更'}
          open
          items={report.changedInstitutions}
          render={(item) => (
            <Text key={item.id} className='filing-report__row e2e-filing-changed-row'>
              {`${lineLabel(item.line)} ${item.name}（${item.filingNumber}）：${describeChangedFields(item.fields)}`}
            </Text>
          )}
        />
        <Section
          kind='added'
          title={report.applied ? '已新增' : '将新增'}
          open={report.addedInstitutions.length <= FIRST_SHOWN}
          items={report.addedInstitutions}
          render={(item) => (
            <Text key={item.id} className='filing-report__row e2e-filing-added-row'>
              {`${lineLabel(item.line)} ${item.name}（${item.filingNumber}）`}
            </Text>
          )}
        />
      </View>
      {report.closed.length > 0 && (
        <Text className='workbench-card__text'>
          {report.applied ? `已通知 ${report.familiesTold} 个有预约或入托申请的家庭。` : `写入后将通知 ${report.familiesTold} 个有预约或入托申请的家庭。`}
        </Text>
      )}
    </View>
  )
}
