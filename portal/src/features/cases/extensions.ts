import { markRaw, shallowRef, type Component } from 'vue'

/**
 * What other features add to the case page (`/cases/:id`) for their roles, e.g. a review console's accept / refuse /
 * decide buttons: each registered component is rendered above the timeline with props `caseView` (the case as
 * loaded) and `reload` (call it after a transition), and decides itself whether it shows anything for the user.
 * Register once at start-up, e.g. from the feature's routes.ts:
 * `registerCaseActions(defineAsyncComponent(() => import('./CaseActions.vue')))`.
 */
export const caseActionComponents = shallowRef<Component[]>([])

export function registerCaseActions(component: Component): void {
  caseActionComponents.value = [...caseActionComponents.value, markRaw(component)]
}
