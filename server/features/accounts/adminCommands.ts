import { parseArgs } from 'node:util'
import qrcode from 'qrcode-generator'
import { INVITATION_TTL_HOURS, NewInvitation, ROLE_NAMES } from '@domain/staffAccess'
import { Database } from '../../platform/db/database'
import { ApiError } from '../../platform/http/apiError'
import { inviteFirstRegulator, inviteInstitutionAdminFromConsole } from './invitations'

/*
 * `npm run admin -- …`: provisioning without a database console (issue 9).
 *   invite-regulator --district 500112 [--note 王科长]   a district's first regulator
 *   invite-institution-admin --institution ID [--note]  an institution's admin, for a
 *                                                       district not on the workbench yet
 * Prints a one-time invitation (code and QR code), valid 72 hours, single use; the
 * person accepts it in the mini-program signed in with WeChat. Each is audited.
 */

export const ADMIN_USAGE = `用法 / usage:
  npm run admin -- invite-regulator --district 区县代码 [--note 备注]
  npm run admin -- invite-institution-admin --institution 机构编号 [--note 备注]`

export class AdminUsageError extends Error {}

export async function runAdminCommand(db: Database, argv: string[]): Promise<string> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { district: { type: 'string' }, institution: { type: 'string' }, note: { type: 'string' } },
  })
  const note = values.note?.trim() || null
  try {
    switch (positionals[0]) {
      case 'invite-regulator':
        if (!values.district) throw new AdminUsageError(`缺少 --district\n${ADMIN_USAGE}`)
        return describeInvitation(await inviteFirstRegulator(db, values.district.trim(), note))
      case 'invite-institution-admin':
        if (!values.institution) throw new AdminUsageError(`缺少 --institution\n${ADMIN_USAGE}`)
        return describeInvitation(await inviteInstitutionAdminFromConsole(db, values.institution.trim(), note))
      default:
        throw new AdminUsageError(ADMIN_USAGE)
    }
  } catch (error) {
    if (error instanceof ApiError) throw new AdminUsageError(error.message)
    throw error
  }
}

function describeInvitation(invitation: NewInvitation): string {
  const where = invitation.institutionName ?? `区县 ${invitation.districtCode}`
  return [
    `已生成邀请：${where} · ${ROLE_NAMES[invitation.role]}`,
    `邀请码：${invitation.code}`,
    `有效期至：${invitation.expiresAt}（${INVITATION_TTL_HOURS} 小时内，只能使用一次）`,
    '请对方在小程序「我的 → 工作台 → 接受邀请」扫描下面的二维码或输入邀请码：',
    terminalQr(invitation.qrText),
  ].join('\n')
}

/** The QR code in a terminal: two rows of modules per line with half blocks, quiet zone included. */
export function terminalQr(text: string): string {
  const code = qrcode(0, 'M')
  code.addData(text)
  code.make()
  const size = code.getModuleCount()
  const dark = (row: number, col: number) => row >= 0 && col >= 0 && row < size && col < size && code.isDark(row, col)
  const lines: string[] = []
  // Light modules print as blocks so the code reads on a dark terminal background.
  for (let row = -2; row < size + 2; row += 2) {
    let line = ''
    for (let col = -2; col < size + 2; col++) {
      const top = !dark(row, col)
      const bottom = !dark(row + 1, col)
      line += top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' '
    }
    lines.push(line)
  }
  return lines.join('\n')
}
