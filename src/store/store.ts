import { useSyncExternalStore } from 'react'
import { LatLng } from '@domain/geo'
import { z } from 'zod'
import { EMPTY_FILTERS, SearchFilters } from './searchFilters'
import { storedValue } from './storedValue'

/**
 * The district a parent picked when location was refused, kept on the phone so the
 * list, the map and 家长课堂 open on it next time (issue 12); one tap changes it.
 */
export const rememberedDistrict = storedValue<string | null>('anxin.district', z.string().min(1).max(20).nullable(), null)

/*
 * One small store shared by the find and map tabs, so the map shows what the list
 * shows. Tab pages stay mounted in both WeChat and H5, so module state is enough.
 */

export type LocationStatus = 'idle' | 'locating' | 'located' | 'refused'

export interface FindState {
  filters: SearchFilters
  location: { status: LocationStatus; origin: LatLng | null; label: string | null }
  /** Bumped to make every search hook fetch again (pull-to-refresh, retry). */
  revision: number
}

let state: FindState = {
  filters: { ...EMPTY_FILTERS, district: rememberedDistrict.get() },
  location: { status: 'idle', origin: null, label: null },
  revision: 0,
}
const listeners = new Set<() => void>()

export function getFindState(): FindState {
  return state
}

function setState(next: FindState): void {
  state = next
  listeners.forEach((listener) => listener())
}

export function updateFilters(patch: Partial<SearchFilters>): void {
  if (patch.district !== undefined && patch.district !== rememberedDistrict.get()) rememberedDistrict.set(patch.district)
  setState({ ...state, filters: { ...state.filters, ...patch } })
}

export function resetFilters(): void {
  setState({ ...state, filters: { ...EMPTY_FILTERS, district: state.filters.district, radiusKm: state.filters.radiusKm } })
}

export function setLocation(location: FindState['location']): void {
  setState({ ...state, location })
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useFindState(): FindState {
  return useSyncExternalStore(subscribe, getFindState, getFindState)
}
