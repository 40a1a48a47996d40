import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { deleteChild, listMyChildren } from '@app/api/children'
import { Child } from '@domain/child'
import { ErrorView, LoadingView } from '@app/components/StatusViews'
import { useRemote } from '@app/hooks/useRemote'
import { BOOKING_ROUTES } from '@app/navigation/bookingRoutes'
import { describeChild } from '@app/lib/family/childText'
import { openPage } from '@app/navigation/navigate'

/** 我的孩子: list, add (consent first, in the booking subpackage), delete for good. */
export function ChildrenSection({ revision }: { revision: number }) {
  const [children, retry] = useRemote(`children-${revision}`, listMyChildren)
  const [message, setMessage] = useState<string | null>(null)

  const remove = async (child: Child) => {
    const { confirm } = await Taro.showModal({
      title: `删除“${child.nickname}”？`,
      content: '孩子的小名和日期将被彻底删除，无法恢复；TA 未开始的预约会一并取消，入托申请会撤回。',
      confirmText: '删除',
      confirmColor: '#a3321c',
      cancelText: '不删除',
    })
    if (!confirm) return
    try {
      await deleteChild(child.id)
      setMessage(`已删除“${child.nickname}”的信息`)
      retry()
    } catch (failure) {
      setMessage(errorMessage(failure))
    }
  }

  return (
    <View className='section e2e-children'>
      <Text className='section__title'>我的孩子</Text>
      {children.status === 'loading' && <LoadingView />}
      {children.status === 'error' && <ErrorView message={children.message} onRetry={retry} />}
      {children.status === 'ready' && children.value.length === 0 && (
        <Text className='section__body e2e-children-empty'>还没有添加孩子。预约和申请入托时需要选择孩子。</Text>
      )}
      {children.status === 'ready' &&
        children.value.map((child) => (
          <View key={child.id} className='child-row e2e-child'>
            <View className='child-row__text'>
              <Text className='child-row__name e2e-child-name'>{child.nickname}</Text>
              <Text className='muted'>{describeChild(child)}</Text>
            </View>
            <View className='link link--danger e2e-child-delete' onClick={() => void remove(child)}>
              <Text>删除</Text>
            </View>
          </View>
        ))}
      {message && <Text className='section__body e2e-children-message'>{message}</Text>}
      <View className='btn e2e-add-child' onClick={() => void openPage(BOOKING_ROUTES.addChild)}>
        <Text>添加孩子</Text>
      </View>
    </View>
  )
}
