import crypto from 'node:crypto'
import { INVITATION_CODE_ALPHABET } from '@domain/staffAccess'

/** 12 symbols of 31: about 59 bits, and single use within 72 hours. */
export function newInvitationCode(): string {
  let code = ''
  for (let i = 0; i < 12; i++) code += INVITATION_CODE_ALPHABET[crypto.randomInt(INVITATION_CODE_ALPHABET.length)]
  return code
}

/** What the invitations table stores instead of the code. */
export function hashInvitationCode(code: string): string {
  return crypto.createHash('sha256').update(`invitation:${code}`).digest('hex')
}

/** The QR code's text: the mini-program's scanner and the join page read `invite=`. */
export function invitationQrText(code: string): string {
  return `anxin://workbench/join?invite=${code}`
}
