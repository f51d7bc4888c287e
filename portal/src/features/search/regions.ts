/**
 * Names of the divisions the platform serves (Liuzhou 4502xx, Wuzhou 4504xx), for the region facet and filters.
 * The search answer's items carry `regionName` (zh) too; this table also covers prefixes (4502 = the whole city)
 * and English.
 */
const REGIONS: Record<string, { zh: string; en: string }> = {
  '45': { zh: '广西壮族自治区', en: 'Guangxi' },
  '4502': { zh: '柳州市（全市）', en: 'Liuzhou (whole city)' },
  '450200': { zh: '柳州市', en: 'Liuzhou' },
  '450202': { zh: '城中区', en: 'Chengzhong District' },
  '450203': { zh: '鱼峰区', en: 'Yufeng District' },
  '450204': { zh: '柳南区', en: 'Liunan District' },
  '450205': { zh: '柳北区', en: 'Liubei District' },
  '450206': { zh: '柳江区', en: 'Liujiang District' },
  '450222': { zh: '柳城县', en: 'Liucheng County' },
  '450223': { zh: '鹿寨县', en: 'Luzhai County' },
  '450224': { zh: '融安县', en: "Rong'an County" },
  '450225': { zh: '融水苗族自治县', en: 'Rongshui Miao Autonomous County' },
  '450226': { zh: '三江侗族自治县', en: 'Sanjiang Dong Autonomous County' },
  '4504': { zh: '梧州市（全市）', en: 'Wuzhou (whole city)' },
  '450400': { zh: '梧州市', en: 'Wuzhou' },
  '450403': { zh: '万秀区', en: 'Wanxiu District' },
  '450405': { zh: '长洲区', en: 'Changzhou District' },
  '450406': { zh: '龙圩区', en: 'Longxu District' },
  '450421': { zh: '苍梧县', en: 'Cangwu County' },
  '450422': { zh: '藤县', en: 'Teng County' },
  '450423': { zh: '蒙山县', en: 'Mengshan County' },
  '450481': { zh: '岑溪市', en: 'Cenxi' },
}

/** The region's name in the locale; else the name the answer gave (zh); else the code. */
export function regionName(code: string | undefined | null, english: boolean, known?: Map<string, string>): string {
  if (!code) return ''
  const row = REGIONS[code]
  if (row) return english ? row.en : row.zh
  return known?.get(code) ?? code
}

/** The city a district belongs to (4502 / 4504), for grouping; undefined outside the table. */
export function cityOf(code: string): string | undefined {
  const prefix = code.slice(0, 4)
  return REGIONS[prefix] ? prefix : undefined
}
