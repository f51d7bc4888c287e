import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/theme-chalk/base.css'
import 'element-plus/theme-chalk/el-message.css'
import 'element-plus/theme-chalk/el-message-box.css'
import './styles.css'
import App from './App.vue'
import { router } from './router'
import { i18n, currentLocale } from './i18n'
import { initAuth } from './auth/session'

async function start() {
  document.documentElement.lang = currentLocale()
  try {
    await initAuth()
  } catch (e) {
    // the public pages work without sign-in; the header's sign-in button reports the failure
    console.warn('sign-in is unavailable', e)
  }
  createApp(App).use(createPinia()).use(i18n).use(router).mount('#app')
}
void start()
