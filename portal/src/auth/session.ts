import { computed, shallowRef } from 'vue'
import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts'

/** Runtime settings the gateway serves at /portal-config.json (so one build runs in every environment). */
export interface PortalConfig {
  authority: string
  clientId: string
}

export type Role = 'citizen' | 'enterprise' | 'officer' | 'reviewer' | 'admin' | 'partner'

/** What the portal reads from the access token: roles and the claims that say for whom the user acts. */
export interface Principal {
  username: string
  name: string
  roles: Role[]
  uscc?: string
  department?: string
  region?: string
  /** true when the token carries an id number; the number itself is never kept in the portal's state. */
  citizen: boolean
}

let manager: UserManager | undefined
const user = shallowRef<User | null>(null)

function decodePayload(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1] ?? ''
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'))
  const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0))
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>
}

export function principalOf(accessToken: string): Principal {
  const claims = decodePayload(accessToken)
  const realmRoles = ((claims.realm_access as { roles?: string[] } | undefined)?.roles ?? []) as string[]
  const known: Role[] = ['citizen', 'enterprise', 'officer', 'reviewer', 'admin', 'partner']
  const str = (k: string) => (typeof claims[k] === 'string' ? (claims[k] as string) : undefined)
  return {
    username: str('preferred_username') ?? '',
    name: str('name') ?? str('preferred_username') ?? '',
    roles: known.filter((r) => realmRoles.includes(r)),
    uscc: str('uscc'),
    department: str('department'),
    region: str('region'),
    citizen: str('id_number') !== undefined,
  }
}

async function loadConfig(): Promise<PortalConfig> {
  const response = await fetch('/portal-config.json', { headers: { Accept: 'application/json' } })
  if (!response.ok) throw new Error(`portal-config.json: ${response.status}`)
  return (await response.json()) as PortalConfig
}

/**
 * Sign-in with the authorization code flow and PKCE on the public `portal` client. Tokens live in
 * sessionStorage (gone with the tab, never in localStorage) and are renewed with the refresh token
 * a minute before the 5-minute access token expires.
 */
export async function initAuth(): Promise<void> {
  const config = await loadConfig()
  const origin = window.location.origin
  manager = new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${origin}/auth/callback`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid',
    automaticSilentRenew: true,
    accessTokenExpiringNotificationTimeInSeconds: 60,
    monitorSession: false,
    loadUserInfo: false,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  })
  manager.events.addUserLoaded((u) => {
    user.value = u
  })
  manager.events.addUserUnloaded(() => {
    user.value = null
  })
  manager.events.addSilentRenewError(() => void manager?.removeUser())
  const stored = await manager.getUser()
  user.value = stored && !stored.expired ? stored : null
  if (stored?.expired) {
    try {
      user.value = await manager.signinSilent()
    } catch {
      await manager.removeUser()
    }
  }
}

function requireManager(): UserManager {
  if (!manager) throw new Error('auth not initialised')
  return manager
}

export async function signIn(returnTo: string): Promise<void> {
  await requireManager().signinRedirect({ state: { returnTo } })
}

/** Completes the redirect from Keycloak; returns the path the user wanted. */
export async function completeSignIn(): Promise<string> {
  const signedIn = await requireManager().signinRedirectCallback()
  user.value = signedIn
  const state = signedIn.state as { returnTo?: string } | undefined
  const target = state?.returnTo ?? '/'
  return target.startsWith('/') && !target.startsWith('//') ? target : '/'
}

export async function signOut(): Promise<void> {
  const m = requireManager()
  const current = await m.getUser()
  if (current) {
    await m.signoutRedirect({ id_token_hint: current.id_token })
  } else {
    await m.removeUser()
  }
}

/** The bearer token for an API call, renewed first when it is about to expire. */
export async function accessToken(): Promise<string | undefined> {
  const u = user.value
  if (!u) return undefined
  if (u.expires_in !== undefined && u.expires_in < 10) {
    try {
      user.value = await requireManager().signinSilent()
    } catch {
      await requireManager().removeUser()
      return undefined
    }
  }
  return user.value?.access_token
}

export function useSession() {
  const principal = computed<Principal | null>(() => (user.value ? principalOf(user.value.access_token) : null))
  const signedIn = computed(() => principal.value !== null)
  const hasRole = (...roles: Role[]) => roles.some((r) => principal.value?.roles.includes(r) ?? false)
  return { principal, signedIn, hasRole }
}
