import Taro from '@tarojs/taro'
import { useCallback, useEffect } from 'react'
import { LatLng } from '@domain/geo'
import { wgs84ToGcj02 } from '../lib/map/gcj02'
import { setLocation, updateFilters, useFindState } from '../store/store'

/** A parent who never answers the browser's prompt should not wait forever. */
const LOCATE_TIMEOUT_MS = 10_000

/**
 * The least precise position "near me" needs: getFuzzyLocation in WeChat (GCJ-02,
 * declared in requiredPrivateInfos); the browser's geolocation on H5 (WGS-84,
 * converted). Never getLocation in WeChat: fuzzy and precise are mutually exclusive.
 */
function fuzzyPosition(): Promise<LatLng> {
  return Taro.getFuzzyLocation({ type: 'gcj02' }).then((result) => ({ lat: result.latitude, lng: result.longitude }))
}

function browserPosition(): Promise<LatLng> {
  return Taro.getLocation({ type: 'wgs84', highAccuracyExpireTime: LOCATE_TIMEOUT_MS }).then((result) =>
    wgs84ToGcj02({ lat: result.latitude, lng: result.longitude }),
  )
}

// Chosen at build time so the weapp bundle holds no getLocation call at all.
const currentPosition = process.env.TARO_ENV === 'weapp' ? fuzzyPosition : browserPosition

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('locate timeout')), ms)
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    )
  })
}

export function useLocation() {
  const { location } = useFindState()

  const locate = useCallback(async () => {
    setLocation({ status: 'locating', origin: null, label: null })
    try {
      const origin = await withTimeout(currentPosition(), LOCATE_TIMEOUT_MS + 1000)
      setLocation({ status: 'located', origin, label: '当前位置附近' })
    } catch {
      // Refused, switched off or timed out: the find page offers a district instead.
      setLocation({ status: 'refused', origin: null, label: null })
    }
  }, [])

  /** WeChat only: the parent picks a place (home, work) on WeChat's own map. */
  const chooseOnMap = useCallback(async () => {
    if (process.env.TARO_ENV !== 'weapp') return
    try {
      const place = await Taro.chooseLocation({})
      if (!place.latitude && !place.longitude) return
      setLocation({ status: 'located', origin: { lat: place.latitude, lng: place.longitude }, label: place.name || place.address || '所选位置' })
    } catch {
      // Cancelled: keep whatever was there.
    }
  }, [])

  /** Search a district instead of "near me". */
  const searchDistrict = useCallback((district: string) => {
    setLocation({ status: 'refused', origin: null, label: null })
    updateFilters({ district })
  }, [])

  useEffect(() => {
    if (location.status === 'idle') void locate()
  }, [location.status, locate])

  return { ...location, locate, chooseOnMap, searchDistrict }
}
