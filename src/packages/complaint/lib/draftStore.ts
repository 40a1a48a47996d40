import { storedValue } from '@app/store/storedValue'
import { ComplaintDraft, ComplaintDraftSchema } from './complaintDraft'

/**
 * The unfinished complaint, kept on the phone (Taro storage) until the server has given
 * it a tracking number: a dropped network or a closed app loses nothing. One draft at a
 * time — a family files one complaint, then another.
 */
export const complaintDraft = storedValue<ComplaintDraft | null>('anxin.complaintDraft', ComplaintDraftSchema.nullable(), null)
