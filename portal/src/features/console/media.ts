import { onBeforeUnmount, ref, type Ref } from 'vue'

/** Whether a media query matches now, kept up to date (e.g. a phone-width layout that renders other markup). */
export function useMedia(query: string): Ref<boolean> {
  const list = window.matchMedia(query)
  const matches = ref(list.matches)
  const update = (e: MediaQueryListEvent) => {
    matches.value = e.matches
  }
  list.addEventListener('change', update)
  onBeforeUnmount(() => list.removeEventListener('change', update))
  return matches
}
