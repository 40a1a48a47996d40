import {
  completedBody,
  ComplaintDraft,
  draftToBody,
  emptyDraft,
  firstStepWithErrors,
  hasContent,
  occurredAtOf,
  stepErrors,
  stepOfField,
} from '@app/packages/complaint/lib/complaintDraft'

const NOW = new Date('2026-11-23T04:00:00Z') // 12:00 in China

function filled(overrides: Partial<ComplaintDraft> = {}): ComplaintDraft {
  return {
    ...emptyDraft({ id: 'inst-1', name: '演示数据 龙溪托育' }),
    category: 'food',
    description: '午饭的米饭是夹生的，孩子回家说肚子疼。',
    occurredDate: '2026-11-20',
    occurredTime: '12:30',
    contactPhone: '13800138000',
    ...overrides,
  }
}

describe('the complaint draft', () => {
  it('starts with the institution it was opened from, and counts as empty until the parent writes something', () => {
    const draft = emptyDraft({ id: 'inst-1', name: '演示数据 龙溪托育' })
    expect(draft).toMatchObject({ step: 0, target: 'listed', institutionId: 'inst-1' })
    expect(hasContent(emptyDraft())).toBe(false)
    expect(hasContent({ ...emptyDraft(), step: 2 })).toBe(false)
    expect(hasContent({ ...emptyDraft(), description: '有' })).toBe(true)
  })

  it('sends the time it happened with China’s offset, noon when only the day is known', () => {
    expect(occurredAtOf('2026-11-20', '08:15')).toBe('2026-11-20T08:15:00+08:00')
    expect(occurredAtOf('2026-11-20', '')).toBe('2026-11-20T12:00:00+08:00')
    expect(occurredAtOf('', '08:15')).toBeUndefined()
  })

  it('builds the API body: a listed institution by id, photos as upload ids', () => {
    const body = completedBody(filled({ photos: [{ id: 'up-1', name: 'a.jpg' }], anonymous: true }))
    expect(body).toEqual({
      institutionId: 'inst-1',
      category: 'food',
      description: '午饭的米饭是夹生的，孩子回家说肚子疼。',
      occurredAt: '2026-11-20T12:30:00+08:00',
      anonymous: true,
      contactPhone: '13800138000',
      attachments: ['up-1'],
    })
  })

  it('builds an unlisted institution with its district, and no institution id', () => {
    const body = draftToBody(filled({ target: 'unlisted', unlistedName: '小区里的看护点', unlistedAddress: '龙溪街道 3 栋', unlistedDistrict: '500112' }))
    expect(body.institutionId).toBeUndefined()
    expect(body.unlistedInstitution).toEqual({ name: '小区里的看护点', address: '龙溪街道 3 栋', district: '500112' })
    expect(completedBody(filled({ target: 'unlisted', unlistedName: '小区里的看护点', unlistedAddress: '龙溪街道 3 栋', unlistedDistrict: '500112' }))).not.toBeNull()
  })

  it('checks each step only for its own fields, in Chinese', () => {
    const draft = { ...emptyDraft(), contactPhone: '123' }
    expect(stepErrors(draft, 0, NOW)).toEqual({ institutionId: '请选择要投诉的机构，或改为“名单里没有”' })
    expect(Object.keys(stepErrors(draft, 1, NOW)).sort()).toEqual(['category', 'description', 'occurredAt'])
    expect(stepErrors(draft, 2, NOW)).toEqual({})
    expect(stepErrors(draft, 3, NOW)).toEqual({ contactPhone: '请填写 11 位手机号' })
    expect(stepErrors({ ...draft, target: 'unlisted' }, 0, NOW)).toEqual({
      'unlisted.name': '请填写机构名称',
      'unlisted.address': '请填写机构地址',
      'unlisted.district': '请选择所在区县',
    })
  })

  it('refuses a time in the future', () => {
    expect(stepErrors(filled({ occurredDate: '2026-11-23', occurredTime: '13:00' }), 1, NOW)).toEqual({ occurredAt: '发生时间不能晚于现在' })
    expect(stepErrors(filled({ occurredDate: '2026-11-23', occurredTime: '11:00' }), 1, NOW)).toEqual({})
  })

  it('finds the first step to fix before sending, and none when all is right', () => {
    expect(firstStepWithErrors(filled({ description: '太短' }), NOW)).toBe(1)
    expect(firstStepWithErrors(filled({ contactPhone: '' }), NOW)).toBe(3)
    expect(firstStepWithErrors(filled(), NOW)).toBeNull()
  })

  it('sends the parent back to the step of a field the server refused', () => {
    expect(stepOfField('body.contactPhone')).toBe(3)
    expect(stepOfField('body.description')).toBe(1)
    expect(stepOfField('body.attachments')).toBe(2)
    expect(stepOfField('body.unlistedInstitution.address')).toBe(0)
    expect(stepOfField('body.somethingElse')).toBe(0)
  })
})
