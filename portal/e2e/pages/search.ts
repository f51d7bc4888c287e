import { expect, type Locator, type Page } from '@playwright/test'

/** The public search: home, results with facets, and a subject's profile. */
export class SearchPages {
  constructor(readonly page: Page) {}

  // ---- home and the search box ----
  input(): Locator {
    // Element Plus puts the attribute on the native <input> itself
    return this.page.locator('input[data-test="search-input"], [data-test="search-input"] input').first()
  }

  async openHome() {
    await this.page.goto('/')
    await expect(this.page.getByTestId('home')).toBeVisible()
  }

  async search(text: string) {
    await this.input().fill(text)
    await this.input().press('Enter')
  }

  boxError(): Locator {
    return this.page.getByTestId('search-error')
  }

  // ---- results ----
  async openResults(query: Record<string, string>) {
    await this.page.goto(`/search?${new URLSearchParams(query).toString()}`)
    await expect(this.page.getByTestId('search-page')).toBeVisible()
  }

  results(): Locator {
    return this.page.getByTestId('result')
  }

  result(code: string): Locator {
    return this.page.locator(`[data-test="result"][data-code="${code}"]`)
  }

  count(): Locator {
    return this.page.getByTestId('result-count')
  }

  empty(): Locator {
    return this.page.getByTestId('search-empty')
  }

  problem(): Locator {
    return this.page.getByTestId('search-problem')
  }

  facet(key: 'region' | 'type' | 'list' | 'grade' | 'category', value: string): Locator {
    return this.page.locator(`[data-test="facet-${key}"] button[data-value="${value}"]`)
  }

  /** On a phone the filters are folded behind a button. */
  async openFacets() {
    const toggle = this.page.getByTestId('facets-toggle')
    if (await toggle.isVisible()) {
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
    }
  }

  async chooseFacet(key: 'region' | 'type' | 'list' | 'grade' | 'category', value: string) {
    await this.openFacets()
    await this.facet(key, value).click()
  }

  // ---- profile ----
  async openProfile(code: string) {
    await this.page.goto(`/subjects/${encodeURIComponent(code)}`)
    await expect(this.page.getByTestId('profile-page')).toBeVisible()
  }

  profileName(): Locator {
    return this.page.getByTestId('profile-name')
  }

  records(): Locator {
    return this.page.getByTestId('record')
  }

  recordCategory(category: string): Locator {
    return this.page.locator(`[data-test="record-categories"] button[data-value="${category}"]`)
  }
}
