import { RISKY_TEXT_MESSAGE, ReviewTextStatus } from '@domain/review'
import { ApiError } from '../../platform/http/apiError'
import { WechatClient } from '../../platform/wechat/wechatClient'

/*
 * Text other people will read (a review, an institution's reply) goes through WeChat's
 * content security check (security.msgSecCheck v2, scene 2 "comment") before it is public —
 * WeChat requires this of user-generated text in a mini-program. The decision:
 *   risky  → refused with 400 VALIDATION and a message the author can act on; nothing
 *            is stored, so nothing risky ever sits in our database;
 *   review → stored but held: hidden from everyone except its author;
 *   WeChat unreachable or erroring → held too (fail closed: never public unchecked).
 * A demo account (DEMO_LOGIN=1, never in production) has no openid; its text is checked
 * under a stand-in openid, which the fake WeChat server accepts and WeChat itself would
 * refuse — so on real WeChat such text is held, not shown.
 */

export interface PublicTextCheck {
  wechat: WechatClient
  /** Told why a text was held because WeChat could not be asked. */
  warn?: (message: string, error: unknown) => void
}

/** 'shown' or 'held' for text that may be stored; throws 400 VALIDATION for risky text. */
export async function checkPublicText(
  check: PublicTextCheck,
  author: { userId: string; openid: string | null },
  text: string,
  field: string,
): Promise<ReviewTextStatus> {
  let suggest: 'pass' | 'review' | 'risky'
  try {
    const verdict = await check.wechat.msgSecCheck({ openid: author.openid ?? `demo-${author.userId}`, content: text, scene: 2 })
    suggest = verdict.suggest
  } catch (error) {
    check.warn?.('msgSecCheck failed; the text is held until a person reviews it', error)
    return 'held'
  }
  if (suggest === 'risky') throw new ApiError('VALIDATION', RISKY_TEXT_MESSAGE, { [field]: RISKY_TEXT_MESSAGE })
  return suggest === 'pass' ? 'shown' : 'held'
}
