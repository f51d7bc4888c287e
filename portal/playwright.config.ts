import { defineConfig } from '@playwright/test'

// End-to-end tests against the real local stack: the portal as the gateway serves it (PORTAL_URL, default
// http://localhost:8080), Keycloak's real login page, Debian's Chromium (no browser download).
// one output folder per run unless told (several runs at once must not share traces); workers inherit the variable
process.env.E2E_OUTPUT ??= `target/e2e-results/run-${process.pid}`
const output = process.env.E2E_OUTPUT

export default defineConfig({
  testDir: './e2e',
  outputDir: output,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['junit', { outputFile: `${output}/junit.xml` }]],
  use: {
    baseURL: process.env.PORTAL_URL ?? 'http://localhost:8080',
    testIdAttribute: 'data-test',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
})
