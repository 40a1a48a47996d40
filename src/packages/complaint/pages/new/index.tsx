import Taro, { useRouter } from '@tarojs/taro'
import { Switch, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { ApiError, errorMessage } from '@app/api/ApiError'
import { fileComplaint } from '@app/api/complaints'
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, COMPLAINT_DESCRIPTION_MAX, isUrgentCategory } from '@domain/complaint'
import { todayInShanghai } from '@domain/shanghaiTime'
import { AccountGate } from '@app/components/AccountGate'
import { Chip } from '@app/components/Chip'
import { FormField } from '@app/components/FormField'
import { PageRoot } from '@app/components/PageRoot'
import { decodeParam } from '@app/navigation/bookingRoutes'
import { complaintDetailUrl } from '@app/navigation/complaintRoutes'
import { FieldErrors, fieldErrorsFromServer } from '@app/lib/forms/formErrors'
import { isRetryableFailure } from '@app/lib/forms/idempotentSubmission'
import { OccurredAtField } from '../../components/OccurredAtField'
import { PhotoPicker } from '@app/components/PhotoPicker'
import { StepBar } from '../../components/StepBar'
import { TargetStep } from '../../components/TargetStep'
import { COMPLAINT_STEPS, ComplaintDraft, completedBody, emptyDraft, firstStepWithErrors, hasContent, LAST_STEP, stepErrors, stepOfField } from '../../lib/complaintDraft'
import { complaintDraft } from '../../lib/draftStore'
import '../../styles/complaint.scss'
import { replacePage } from '@app/navigation/navigate'

const STEP_TITLES = COMPLAINT_STEPS.map((step) => step.title)

function ComplaintForm({ institution }: { institution?: { id: string; name: string } }) {
  // The stored draft, if any, is restored as it was; opened from an institution's page, a fresh draft starts with it.
  const [restored, setRestored] = useState(() => {
    const stored = complaintDraft.get()
    return stored !== null && hasContent(stored)
  })
  const stored = complaintDraft.use()
  const draft: ComplaintDraft = stored ?? emptyDraft(institution)
  const [fields, setFields] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<{ message: string; kept: boolean } | null>(null)
  // Opened from an institution's page with a kept draft that names none yet: fill it in.
  useEffect(() => {
    const kept = complaintDraft.get()
    if (institution && kept && kept.target === 'listed' && kept.institutionId === '') {
      complaintDraft.set({ ...kept, institutionId: institution.id, institutionName: institution.name })
    }
  }, [institution?.id])
  const [busy, setBusy] = useState(false)

  // Every change goes to the phone's storage at once: that is the draft.
  const update = (patch: Partial<ComplaintDraft>) => {
    complaintDraft.set({ ...(complaintDraft.get() ?? emptyDraft(institution)), ...patch })
    setFields((f) => (Object.keys(f).length === 0 ? f : {}))
  }

  const goTo = (step: number) => {
    update({ step })
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }

  const next = () => {
    const errors = stepErrors(draft, draft.step)
    if (Object.keys(errors).length > 0) return setFields(errors)
    setFields({})
    goTo(Math.min(draft.step + 1, LAST_STEP))
  }

  const submit = async () => {
    const wrongStep = firstStepWithErrors(draft)
    const body = completedBody(draft)
    if (wrongStep !== null || body === null) {
      const step = wrongStep ?? 0
      setFields(stepErrors(draft, step))
      if (step !== draft.step) goTo(step)
      return
    }
    setBusy(true)
    setFailure(null)
    try {
      const created = await fileComplaint(body)
      complaintDraft.set(null)
      void replacePage(complaintDetailUrl(created.trackingNo, undefined, true))
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION' && Object.keys(error.fields).length > 0) {
        const serverFields = fieldErrorsFromServer(error)
        const step = stepOfField(Object.keys(error.fields)[0])
        setFields(Object.fromEntries(Object.entries(serverFields).map(([k, v]) => [k === 'unlistedInstitution' ? 'unlisted.name' : k, v])))
        if (step !== draft.step) goTo(step)
      }
      setFailure({ message: errorMessage(error), kept: isRetryableFailure(error) })
    } finally {
      setBusy(false)
    }
  }

  const startOver = () => {
    complaintDraft.set(null)
    // The banner said a draft was restored; after 重新填写 there is none (issue 12).
    setRestored(false)
    setFields({})
    setFailure(null)
  }

  return (
    <View className='complaint-form e2e-complaint-form'>
      {restored && (
        <View className='notice notice--good e2e-draft-restored'>
          <Text className='notice__title'>已恢复您上次没提交的投诉草稿</Text>
          <Text className='link e2e-draft-discard' onClick={startOver}>
            不要了，重新填写
          </Text>
        </View>
      )}
      <StepBar titles={STEP_TITLES} current={draft.step} />
      <View className='section'>
        {draft.step === 0 && <TargetStep draft={draft} update={update} fields={fields} />}
        {draft.step === 1 && (
          <View className='e2e-step-what'>
            <View className={`form-field ${fields.category ? 'form-field--error' : ''}`}>
              <Text className='form-field__label'>投诉类别</Text>
              <View className='chip-row chip-row--wrap'>
                {COMPLAINT_CATEGORIES.map((category) => (
                  <Chip key={category} className={`e2e-category e2e-category-${category}`} label={COMPLAINT_CATEGORY_LABELS[category]} selected={draft.category === category} onTap={() => update({ category })} />
                ))}
              </View>
              {draft.category !== '' && isUrgentCategory(draft.category as (typeof COMPLAINT_CATEGORIES)[number]) && (
                <Text className='form-field__hint e2e-urgent-hint'>这类投诉按紧急处理，以小时计限时受理。孩子正处在危险中请立即拨打 110。</Text>
              )}
              {fields.category && <Text className='form-field__error e2e-field-error'>{fields.category}</Text>}
            </View>
            <FormField
              label='发生了什么'
              className='e2e-description'
              multiline
              maxlength={COMPLAINT_DESCRIPTION_MAX}
              value={draft.description}
              placeholder='时间、地点、经过、涉及的孩子和老师（可不写真名）'
              onChange={(v) => update({ description: v })}
              error={fields.description}
            />
            <OccurredAtField date={draft.occurredDate} time={draft.occurredTime} max={todayInShanghai()} onChange={(next) => update({ occurredDate: next.date ?? draft.occurredDate, occurredTime: next.time ?? draft.occurredTime })} error={fields.occurredAt} />
          </View>
        )}
        {draft.step === 2 && (
          <PhotoPicker
            photos={draft.photos}
            // Uploads finish one after another: always add to the draft as it is now.
            onAdd={(photo) => update({ photos: [...(complaintDraft.get()?.photos ?? []), photo] })}
            onRemove={(id) => update({ photos: draft.photos.filter((p) => p.id !== id) })}
            error={fields.attachments}
          />
        )}
        {draft.step === 3 && (
          <View className='e2e-step-contact'>
            <View className='setting'>
              <View className='setting__text'>
                <Text className='setting__title'>对机构匿名</Text>
                <Text className='setting__hint'>机构在任何情况下都看不到您是谁；选匿名后，处理人员也看不到您的昵称。</Text>
              </View>
              <Switch className='e2e-anonymous' checked={draft.anonymous} color='#1f7a5a' onChange={(e) => update({ anonymous: e.detail.value })} />
            </View>
            <FormField
              label='手机号'
              className='e2e-complaint-phone'
              type='number'
              maxlength={11}
              value={draft.contactPhone}
              placeholder='11 位手机号，处理人员需要时联系您'
              hint='查询进度时要用到它的后四位；机构看不到您的手机号。'
              onChange={(v) => update({ contactPhone: v })}
              error={fields.contactPhone}
            />
          </View>
        )}
        {failure && (
          <View className='notice notice--error e2e-complaint-failure'>
            <Text className='notice__title'>{failure.message}</Text>
            {failure.kept && <Text className='notice__body'>投诉还没有提交成功，填写的内容已保存在手机上。网络恢复后点“提交投诉”即可，关掉小程序也不会丢。</Text>}
          </View>
        )}
        <View className='form-nav'>
          {draft.step > 0 && (
            <View className='btn e2e-step-back' onClick={() => goTo(draft.step - 1)}>
              <Text>上一步</Text>
            </View>
          )}
          {draft.step < LAST_STEP ? (
            <View className='btn btn--primary e2e-step-next' onClick={next}>
              <Text>下一步</Text>
            </View>
          ) : (
            <View className={`btn btn--primary e2e-submit-complaint ${busy ? 'btn--busy' : ''}`} onClick={() => !busy && void submit()}>
              <Text>{busy ? '正在提交…' : '提交投诉'}</Text>
            </View>
          )}
        </View>
      </View>
    </View>
  )
}

/** 我要投诉: four short steps; the draft stays on the phone until the server gives a tracking number. */
export default function NewComplaintPage() {
  const params = useRouter().params
  const id = decodeParam(params.institutionId)
  const institution = id ? { id, name: decodeParam(params.name) ?? '' } : undefined
  return (
    <PageRoot className='complaint-new-page'>
      <AccountGate task='投诉'>{() => <ComplaintForm institution={institution} />}</AccountGate>
    </PageRoot>
  )
}
