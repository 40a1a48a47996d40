import { Input, Text, Textarea, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { issueRectification } from '@app/api/oversight'
import { dueOnProblem } from '@domain/rectificationFlow'
import { todayInShanghai } from '@domain/shanghaiTime'

/** 下达整改通知: the issue (often an inspection's findings), its legal basis, and a deadline (30 days by default). */
export function NoticeForm({ institutionId, initialIssue, onIssued }: { institutionId: string; initialIssue: string; onIssued: () => void }) {
  const [issue, setIssue] = useState(initialIssue)
  const [requirement, setRequirement] = useState('')
  const [dueOn, setDueOn] = useState(dayjs(todayInShanghai()).add(30, 'day').format('YYYY-MM-DD'))
  const [message, setMessage] = useState<string | null>(null)
  const send = () => {
    // The same deadline rule the server decides by (src/domain/rectificationFlow.ts).
    const problem = /^\d{4}-\d{2}-\d{2}$/.test(dueOn) ? dueOnProblem(dueOn, todayInShanghai()) : '请填写整改期限（YYYY-MM-DD）'
    if (problem) return setMessage(problem)
    issueRectification({ institutionId, issue, dueOn, ...(requirement.trim() ? { requirement } : {}) }).then(
      () => {
        setMessage(null)
        setIssue('')
        setRequirement('')
        onIssued()
      },
      (error) => setMessage(errorMessage(error)),
    )
  }
  return (
    <View className='workbench-card e2e-notice-form'>
      <Text className='workbench-card__title'>下达整改通知</Text>
      <Textarea className='workbench-input workbench-textarea e2e-notice-issue' value={issue} maxlength={500} placeholder='存在的问题（公开显示在机构页）' onInput={(e) => setIssue(e.detail.value)} />
      <Textarea
        className='workbench-input workbench-textarea e2e-notice-requirement'
        value={requirement}
        maxlength={1000}
        placeholder='整改依据和要求，如《托育机构设置标准（试行）》相关条款'
        onInput={(e) => setRequirement(e.detail.value)}
      />
      <Input className='workbench-input e2e-notice-due' value={dueOn} placeholder='整改期限 YYYY-MM-DD' onInput={(e) => setDueOn(e.detail.value)} />
      {message && <Text className='form-error e2e-notice-error'>{message}</Text>}
      <View className='btn btn--primary e2e-notice-send' onClick={send}>
        <Text>下达整改通知</Text>
      </View>
    </View>
  )
}
