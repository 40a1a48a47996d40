import { acceptedKinds, templatesFor } from '@app/lib/wechat/subscribe'

describe('subscribe-message offers', () => {
  const ids = { visit_reminder: 'tmpl-visit', booking_status: 'tmpl-booking', enrollment_status: '' }

  it('asks only for the configured templates', () => {
    expect(templatesFor(['visit_reminder', 'booking_status', 'enrollment_status'], ids)).toEqual([
      { kind: 'visit_reminder', templateId: 'tmpl-visit' },
      { kind: 'booking_status', templateId: 'tmpl-booking' },
    ])
  })

  it('tells the server only the kinds the parent accepted', () => {
    const requests = templatesFor(['visit_reminder', 'booking_status'], ids)
    expect(acceptedKinds(requests, { errMsg: 'requestSubscribeMessage:ok', 'tmpl-visit': 'accept', 'tmpl-booking': 'reject' })).toEqual(['visit_reminder'])
    expect(acceptedKinds(requests, { 'tmpl-visit': 'ban' })).toEqual([])
  })
})
