import Taro from '@tarojs/taro'
import { Button, View, Text } from '@tarojs/components'
import { useState } from 'react'
import { shareableLink } from '../lib/articleText'

/*
 * Sharing an article. In WeChat: a 发给朋友 button (open-type share; moments are shared
 * from the ··· menu, which WeChat offers only there). In the browser build there is no
 * WeChat to share to: the article's address is copied, and shown, so it can be pasted.
 */
export function ShareActions({ path }: { path: string }) {
  const [link, setLink] = useState<string | null>(null)
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <View className='share-actions'>
        <Button className='btn share-actions__button e2e-share-chat' openType='share'>
          发给朋友
        </Button>
        <Text className='muted'>分享到朋友圈：点右上角 ··· 选“分享到朋友圈”</Text>
      </View>
    )
  }
  const copy = async () => {
    const href = shareableLink(window.location.href, path)
    setLink(href)
    try {
      await Taro.setClipboardData({ data: href })
      void Taro.showToast({ title: '链接已复制', icon: 'success' })
    } catch {
      // No clipboard permission: the address is on screen to copy by hand.
    }
  }
  return (
    <View className='share-actions'>
      <View className='btn e2e-copy-link' onClick={() => void copy()}>
        <Text>复制链接</Text>
      </View>
      {link && (
        <Text className='share-actions__link e2e-shared-link' userSelect>
          {link}
        </Text>
      )}
    </View>
  )
}
