export type Tree = { [key: string]: string | Tree }
/** A feature's texts, zh-CN and English with the same keys. */
export interface Messages {
  zh: Tree
  en: Tree
}
