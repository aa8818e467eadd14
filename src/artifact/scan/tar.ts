import type { Blob } from './source.js'
import { invalid } from './types.js'

export interface TarMember {
  name: string
  offset: number
  size: number
}

/** Regular files of a tar archive (ustar, GNU and pax long names), in order. */
export async function readTar(blob: Blob): Promise<TarMember[]> {
  const members: TarMember[] = []
  let longName: string | undefined
  for (let at = 0; at + 512 <= blob.size;) {
    const header = await blob.read(at, 512)
    if (header.every(byte => byte === 0)) break
    const field = (start: number, length: number): string =>
      header.toString('latin1', start, start + length).replace(/\0.*$/s, '')
    const checksum = parseInt(field(148, 8).trim(), 8)
    let sum = 0
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header[i]
    if (checksum !== sum) throw invalid(`tar header at byte ${at} is damaged (checksum)`)
    const sizeField = header.subarray(124, 136)
    const size =
      sizeField[0] & 0x80
        ? Number(sizeField.readBigUInt64BE(4))
        : parseInt(field(124, 12).trim() || '0', 8)
    const type = String.fromCharCode(header[156] || 0x30)
    const prefix = field(345, 155)
    let name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100))
    longName = undefined
    const data = at + 512
    if (data + size > blob.size) throw invalid(`tar member "${name}" runs past the end of the file`)
    if (type === 'L')
      longName = (await blob.read(data, size)).toString('utf8').replace(/\0.*$/s, '')
    else if (type === 'x') {
      const pax = (await blob.read(data, Math.min(size, 1 << 20))).toString('utf8')
      const path = /\d+ path=([^\n]*)\n/.exec(pax)
      if (path) longName = path[1]
    } else if (type === '0' || type === '7') {
      name = name.replace(/^\.\//, '')
      members.push({ name, offset: data, size })
    }
    at = data + Math.ceil(size / 512) * 512
  }
  return members
}
