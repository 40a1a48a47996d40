import { DistrictRecord } from '@domain/district'
import { BoundingBox } from '@domain/geo'

/*
 * The five districts of the source documents, with real streets (街道) and towns (镇)
 * and the rough GCJ-02 centre of each. The centres are approximate (good to a km or
 * two, from public maps), which is all demo data needs; every one lies inside its
 * district's bounds below, and the generator scatters institutions only a little
 * around them.
 */

export interface SeedStreet {
  name: string
  /** The county-level area a street belongs to when the district is a whole city (广元市). */
  area?: string
  lat: number
  lng: number
}

export interface SeedDistrict extends DistrictRecord {
  /** Short name used in filing numbers, e.g. 渝北 in 渝北卫健托备〔2023〕017号. */
  shortName: string
  /** Where a full address starts: 重庆市渝北区, 四川省广元市, 四川省资阳市雁江区. */
  addressPrefix: string
  /** The health commission that files childcare institutions (备案机关). */
  filingAuthority: string
  /** Telephone area code (区号), for the demo's obviously fake numbers. */
  areaCode: string
  /** A box around the district: every generated point lies inside it. */
  bounds: BoundingBox
  /** Real road names of the district's urban area, for demo addresses. */
  roads: string[]
  streets: SeedStreet[]
}

export const YUBEI: SeedDistrict = {
  code: '500112',
  name: '渝北区',
  province: '重庆市',
  city: '重庆市',
  center: { lat: 29.7181, lng: 106.6307 },
  shortName: '渝北',
  addressPrefix: '重庆市渝北区',
  filingAuthority: '重庆市渝北区卫生健康委员会',
  areaCode: '023',
  bounds: { minLat: 29.55, maxLat: 30.08, minLng: 106.45, maxLng: 107.0 },
  roads: ['金开大道', '松石大道', '新南路', '龙华大道', '红锦大道', '宝圣大道', '双龙大道', '金港大道', '兰桂大道', '东湖南路', '红石路', '黄山大道', '星光大道', '栖霞路', '汉渝路'],
  streets: [
    { name: '龙溪街道', lat: 29.6011, lng: 106.5259 },
    { name: '双龙湖街道', lat: 29.7277, lng: 106.6416 },
    { name: '回兴街道', lat: 29.6963, lng: 106.6096 },
    { name: '龙山街道', lat: 29.5995, lng: 106.4997 },
    { name: '龙塔街道', lat: 29.5866, lng: 106.5307 },
    { name: '仙桃街道', lat: 29.6553, lng: 106.5466 },
    { name: '悦来街道', lat: 29.7216, lng: 106.5531 },
    { name: '礼嘉街道', lat: 29.6607, lng: 106.5106 },
    { name: '两路街道', lat: 29.7181, lng: 106.6307 },
    { name: '宝圣湖街道', lat: 29.7402, lng: 106.6547 },
    { name: '人和街道', lat: 29.6408, lng: 106.5387 },
    { name: '大竹林街道', lat: 29.6390, lng: 106.4985 },
    { name: '鸳鸯街道', lat: 29.6670, lng: 106.5640 },
    { name: '天宫殿街道', lat: 29.6262, lng: 106.5545 },
    { name: '翠云街道', lat: 29.6497, lng: 106.5213 },
    { name: '康美街道', lat: 29.6250, lng: 106.6620 },
    { name: '双凤桥街道', lat: 29.7318, lng: 106.6105 },
    { name: '王家街道', lat: 29.7790, lng: 106.6380 },
    { name: '木耳镇', lat: 29.8040, lng: 106.6010 },
    { name: '古路镇', lat: 29.8520, lng: 106.6300 },
    { name: '兴隆镇', lat: 29.8530, lng: 106.7210 },
    { name: '统景镇', lat: 29.9020, lng: 106.8380 },
    { name: '洛碛镇', lat: 29.7040, lng: 106.9160 },
    { name: '龙兴镇', lat: 29.7030, lng: 106.7960 },
    { name: '玉峰山镇', lat: 29.6640, lng: 106.7010 },
    { name: '石船镇', lat: 29.7900, lng: 106.7700 },
    { name: '大湾镇', lat: 29.8560, lng: 106.8620 },
    { name: '茨竹镇', lat: 29.9330, lng: 106.6860 },
    { name: '大盛镇', lat: 29.8300, lng: 106.8110 },
  ],
}

export const DAZU: SeedDistrict = {
  code: '500111',
  name: '大足区',
  province: '重庆市',
  city: '重庆市',
  center: { lat: 29.7075, lng: 105.7216 },
  shortName: '大足',
  addressPrefix: '重庆市大足区',
  filingAuthority: '重庆市大足区卫生健康委员会',
  areaCode: '023',
  bounds: { minLat: 29.38, maxLat: 29.92, minLng: 105.45, maxLng: 106.05 },
  roads: ['五星大道', '北环路', '二环北路', '海棠大道', '龙岗东路', '龙中路', '棠香大道', '北山路', '双塔路', '昌州大道'],
  streets: [
    { name: '龙岗街道', lat: 29.7075, lng: 105.7216 },
    { name: '棠香街道', lat: 29.6980, lng: 105.7420 },
    { name: '智凤街道', lat: 29.6420, lng: 105.7390 },
    { name: '龙滩子街道', lat: 29.6900, lng: 105.7700 },
    { name: '龙水镇', lat: 29.5870, lng: 105.7840 },
    { name: '宝顶镇', lat: 29.7390, lng: 105.7930 },
    { name: '中敖镇', lat: 29.7860, lng: 105.6520 },
    { name: '三驱镇', lat: 29.8560, lng: 105.6260 },
    { name: '邮亭镇', lat: 29.4950, lng: 105.8140 },
    { name: '万古镇', lat: 29.5640, lng: 105.6720 },
    { name: '石马镇', lat: 29.8000, lng: 105.8200 },
    { name: '拾万镇', lat: 29.5490, lng: 105.8690 },
  ],
}

export const BEIBEI: SeedDistrict = {
  code: '500109',
  name: '北碚区',
  province: '重庆市',
  city: '重庆市',
  center: { lat: 29.8253, lng: 106.4371 },
  shortName: '北碚',
  addressPrefix: '重庆市北碚区',
  filingAuthority: '重庆市北碚区卫生健康委员会',
  areaCode: '023',
  bounds: { minLat: 29.65, maxLat: 30.05, minLng: 106.28, maxLng: 106.68 },
  roads: ['云华路', '天生路', '缙云大道', '碚峡路', '双元大道', '状元路', '云汉大道', '同兴北路', '蔡家大道', '嘉陵路'],
  streets: [
    { name: '天生街道', lat: 29.8260, lng: 106.4250 },
    { name: '朝阳街道', lat: 29.8270, lng: 106.4400 },
    { name: '北温泉街道', lat: 29.8480, lng: 106.4170 },
    { name: '东阳街道', lat: 29.8150, lng: 106.4560 },
    { name: '龙凤桥街道', lat: 29.7900, lng: 106.4560 },
    { name: '歇马街道', lat: 29.7620, lng: 106.3930 },
    { name: '蔡家岗街道', lat: 29.7340, lng: 106.4760 },
    { name: '童家溪镇', lat: 29.7000, lng: 106.4720 },
    { name: '水土街道', lat: 29.7660, lng: 106.5140 },
    { name: '复兴街道', lat: 29.8000, lng: 106.5530 },
    { name: '澄江镇', lat: 29.8720, lng: 106.4320 },
    { name: '天府镇', lat: 29.8930, lng: 106.4010 },
    { name: '静观镇', lat: 29.9270, lng: 106.5300 },
    { name: '柳荫镇', lat: 29.9580, lng: 106.5980 },
  ],
}

export const GUANGYUAN: SeedDistrict = {
  code: '510800',
  name: '广元市',
  province: '四川省',
  city: '广元市',
  center: { lat: 32.4355, lng: 105.8434 },
  shortName: '广元',
  addressPrefix: '四川省广元市',
  filingAuthority: '广元市卫生健康委员会',
  areaCode: '0839',
  bounds: { minLat: 31.5, maxLat: 33.0, minLng: 104.6, maxLng: 106.8 },
  roads: ['蜀门北路', '东坝大道', '利州东路', '万缘路', '嘉陵路', '南河路', '兴安路', '上西大道', '利州西路', '滨河北路'],
  streets: [
    { name: '东坝街道', area: '利州区', lat: 32.4410, lng: 105.8560 },
    { name: '嘉陵街道', area: '利州区', lat: 32.4220, lng: 105.8400 },
    { name: '河西街道', area: '利州区', lat: 32.4400, lng: 105.8240 },
    { name: '雪峰街道', area: '利州区', lat: 32.4780, lng: 105.8600 },
    { name: '回龙河街道', area: '利州区', lat: 32.3830, lng: 105.8750 },
    { name: '元坝镇', area: '昭化区', lat: 32.3220, lng: 105.9640 },
    { name: '朝天镇', area: '朝天区', lat: 32.6450, lng: 105.8900 },
    { name: '东河镇', area: '旺苍县', lat: 32.2290, lng: 106.2900 },
    { name: '乔庄镇', area: '青川县', lat: 32.5860, lng: 105.2380 },
    { name: '下寺镇', area: '剑阁县', lat: 32.0300, lng: 105.5200 },
    { name: '普安镇', area: '剑阁县', lat: 31.9900, lng: 105.5620 },
    { name: '陵江镇', area: '苍溪县', lat: 31.7330, lng: 105.9390 },
  ],
}

export const YANJIANG: SeedDistrict = {
  code: '512002',
  name: '雁江区',
  province: '四川省',
  city: '资阳市',
  center: { lat: 30.1222, lng: 104.6520 },
  shortName: '雁江',
  addressPrefix: '四川省资阳市雁江区',
  filingAuthority: '资阳市雁江区卫生健康局',
  areaCode: '028',
  bounds: { minLat: 29.85, maxLat: 30.4, minLng: 104.4, maxLng: 104.95 },
  roads: ['娇子大道', '车城大道', '建设北路', '政府大道', '沱江路', '外环路', '三贤路', '蜀乡大道', '雁城路', '临江路'],
  streets: [
    { name: '狮子山街道', lat: 30.1250, lng: 104.6400 },
    { name: '三贤祠街道', lat: 30.1190, lng: 104.6520 },
    { name: '资溪街道', lat: 30.1100, lng: 104.6640 },
    { name: '宝台镇', lat: 30.1380, lng: 104.5830 },
    { name: '保和镇', lat: 30.1620, lng: 104.7050 },
    { name: '临江镇', lat: 30.0520, lng: 104.7350 },
    { name: '丹山镇', lat: 29.9720, lng: 104.7280 },
    { name: '中和镇', lat: 30.2260, lng: 104.6350 },
    { name: '南津镇', lat: 30.0860, lng: 104.6250 },
    { name: '伍隍镇', lat: 29.9500, lng: 104.5900 },
  ],
}

export const SEED_DISTRICTS: readonly SeedDistrict[] = [YUBEI, DAZU, BEIBEI, GUANGYUAN, YANJIANG]

/** Only the stored fields, for the writer. */
export function toDistrictRecord(district: SeedDistrict): DistrictRecord {
  const { code, name, province, city, center } = district
  return { code, name, province, city, center }
}
