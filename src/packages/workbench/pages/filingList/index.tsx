import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { createElement, useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { uploadFilingListBlob, uploadFilingListFile } from '@app/api/filingList'
import { PageRoot } from '@app/components/PageRoot'
import { LoadingView } from '@app/components/StatusViews'
import { FilingListReport } from '@domain/filingList'
import { FilingReport } from '../../components/FilingReport'
import '../../styles/workbench.scss'

/*
 * 备案名单导入 (regulator): choose the district's official filing list (CSV, as
 * docs/filing-list-csv.md describes), see the dry run — added, changed and in what,
 * closed, every refused row with its line and reason — then apply after a confirmation,
 * and see what was written. The server decides everything (POST /staff/filing-list);
 * the dry run and the apply go through the same planning, so the numbers agree.
 */

/** A chosen file: its name, and how to send it (a File in H5, a temp path in the mini-program). */
interface ChosenFile {
  name: string
  send: (apply: boolean) => Promise<FilingListReport>
}

type Step =
  | { kind: 'choose' }
  | { kind: 'working'; file: ChosenFile; text: string }
  | { kind: 'dryRun'; file: ChosenFile; report: FilingListReport; confirming: boolean }
  | { kind: 'applied'; file: ChosenFile; report: FilingListReport }

async function chooseInWechat(): Promise<ChosenFile | null> {
  const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv'] }).catch(() => null)
  const file = chosen?.tempFiles[0]
  return file ? { name: file.name, send: (apply) => uploadFilingListFile(file.path, apply) } : null
}

function FileChooser({ onChosen }: { onChosen: (file: ChosenFile) => void }) {
  if (process.env.TARO_ENV === 'h5') {
    return createElement('input', {
      className: 'workbench-input filing-upload__file e2e-filing-file',
      type: 'file',
      accept: '.csv,text/csv',
      onChange: (e: { target: { files: FileList | null; value: string } }) => {
        const file = e.target.files?.[0]
        if (file) onChosen({ name: file.name, send: (apply) => uploadFilingListBlob(file, apply) })
        // The same file chosen again (after fixing it in Excel) must fire onChange again.
        e.target.value = ''
      },
    })
  }
  return (
    <View className='btn btn--primary' onClick={() => void chooseInWechat().then((file) => file && onChosen(file))}>
      <Text>从微信聊天中选择 CSV 文件</Text>
    </View>
  )
}

function confirmationText(report: FilingListReport): string {
  const told = report.closed.length > 0 ? `，${report.familiesTold} 个家庭将收到机构停止服务的通知` : ''
  return `将新增 ${report.added} 家、变更 ${report.changed} 家、撤销备案 ${report.closed.length} 家${told}。确定写入吗？`
}

export default function FilingListPage() {
  const [step, setStep] = useState<Step>({ kind: 'choose' })
  const [message, setMessage] = useState<string | null>(null)

  const run = (file: ChosenFile, apply: boolean) => {
    setMessage(null)
    setStep({ kind: 'working', file, text: apply ? '正在写入…' : '正在试运行，逐行检查…' })
    file.send(apply).then(
      (report) => setStep(apply ? { kind: 'applied', file, report } : { kind: 'dryRun', file, report, confirming: false }),
      (error) => {
        setMessage(errorMessage(error))
        setStep({ kind: 'choose' })
      },
    )
  }

  return (
    <PageRoot className='workbench filing-upload e2e-filing-page'>
      <Text className='workbench__title'>备案名单导入</Text>
      <Text className='workbench__sub'>上传本区县的托育机构备案名单（CSV，UTF-8 或 Excel 另存的 GBK 均可）。先试运行查看新增、变更、撤销和被拒绝的行，确认后再写入。</Text>
      {message && <Text className='form-error e2e-filing-error'>{message}</Text>}
      {(step.kind === 'choose' || step.kind === 'applied') && (
        <View className='workbench-card'>
          <Text className='workbench-card__title'>{step.kind === 'applied' ? '导入另一份名单' : '选择名单文件'}</Text>
          <FileChooser onChosen={(file) => run(file, false)} />
        </View>
      )}
      {step.kind === 'working' && <LoadingView text={`${step.file.name}：${step.text}`} />}
      {step.kind === 'dryRun' && (
        <>
          <Text className='workbench-card__text'>{`文件：${step.file.name}`}</Text>
          <FilingReport report={step.report} />
          <View className='workbench-card filing-upload__confirm'>
            {step.report.added + step.report.changed + step.report.closed.length === 0 ? (
              <Text className='workbench-card__text e2e-filing-nothing'>名单与现有数据一致，无需写入。</Text>
            ) : step.confirming ? (
              <>
                <Text className='workbench-card__text e2e-filing-confirm-text'>{confirmationText(step.report)}</Text>
                <View className='workbench-card__actions'>
                  <View className='btn btn--primary e2e-filing-confirm' onClick={() => run(step.file, true)}>
                    <Text>确认写入</Text>
                  </View>
                  <View className='btn' onClick={() => setStep({ ...step, confirming: false })}>
                    <Text>再看看</Text>
                  </View>
                </View>
              </>
            ) : (
              <View className='workbench-card__actions'>
                <View className='btn btn--primary e2e-filing-apply' onClick={() => setStep({ ...step, confirming: true })}>
                  <Text>按此结果写入</Text>
                </View>
                <View className='btn' onClick={() => setStep({ kind: 'choose' })}>
                  <Text>换一个文件</Text>
                </View>
              </View>
            )}
          </View>
        </>
      )}
      {step.kind === 'applied' && (
        <>
          <Text className='workbench-tag e2e-filing-applied'>{`已写入：${step.file.name}`}</Text>
          <FilingReport report={step.report} />
        </>
      )}
    </PageRoot>
  )
}
