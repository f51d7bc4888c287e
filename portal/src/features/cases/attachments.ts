/**
 * What the browser checks before an upload, so a wrong file is refused at once instead of after sending it.
 * The service checks every file again (by content) and stays the authority: its limits are configuration
 * (`platform.attachments`: 5 files per case, 10 MB each) and these mirror the defaults.
 */
export const MAX_FILES_PER_CASE = 5
export const MAX_FILE_BYTES = 10 * 1024 * 1024
export const ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg'

export type FileRefusal = 'TYPE' | 'SIZE' | 'EMPTY' | 'COUNT' | 'DUPLICATE'

const TYPES: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
}

function extension(name: string): string {
  const i = name.lastIndexOf('.')
  return i < 0 ? '' : name.slice(i + 1).toLowerCase()
}

/** The file's real kind from its first bytes (PDF, PNG or JPEG), as the service's content sniffer decides it. */
async function sniff(file: File): Promise<string | undefined> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer())
  const starts = (bytes: number[]) => bytes.every((b, i) => head[i] === b)
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf' // %PDF-
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg'
  return undefined
}

/** Why a file cannot be attached, or undefined when it can. */
export async function checkFile(file: File): Promise<FileRefusal | undefined> {
  if (file.size === 0) return 'EMPTY'
  if (file.size > MAX_FILE_BYTES) return 'SIZE'
  const declared = file.type && TYPES[file.type] ? file.type : undefined
  const byName = Object.keys(TYPES).find((t) => TYPES[t]?.includes(extension(file.name)))
  if (!declared && !byName) return 'TYPE'
  return (await sniff(file)) ? undefined : 'TYPE'
}

export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined) return ''
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
