import { SeedDistrict, SeedStreet } from '../features/find/districtCatalog'

/*
 * For benchmarks at national size (npm run seed -- --count 100000): one synthetic demo
 * district per large city, named 「…演示区」 so nobody mistakes it for a real one, with
 * numbered demo streets scattered within about 12 km of the city centre. Centres are
 * GCJ-02 and inland enough that the scatter stays on land. Codes are the cities'
 * 行政区划代码 (prefecture level), which do not clash with the five real districts.
 */

interface City {
  name: string
  province: string
  code: string
  lat: number
  lng: number
  areaCode: string
}

const CITIES: readonly City[] = [
  { name: '北京', province: '北京市', code: '110100', lat: 39.9087, lng: 116.3975, areaCode: '010' },
  { name: '天津', province: '天津市', code: '120100', lat: 39.1256, lng: 117.1902, areaCode: '022' },
  { name: '石家庄', province: '河北省', code: '130100', lat: 38.0428, lng: 114.5149, areaCode: '0311' },
  { name: '太原', province: '山西省', code: '140100', lat: 37.8706, lng: 112.5489, areaCode: '0351' },
  { name: '呼和浩特', province: '内蒙古自治区', code: '150100', lat: 40.8426, lng: 111.7492, areaCode: '0471' },
  { name: '沈阳', province: '辽宁省', code: '210100', lat: 41.8057, lng: 123.4315, areaCode: '024' },
  { name: '大连', province: '辽宁省', code: '210200', lat: 38.9140, lng: 121.6147, areaCode: '0411' },
  { name: '长春', province: '吉林省', code: '220100', lat: 43.8171, lng: 125.3235, areaCode: '0431' },
  { name: '哈尔滨', province: '黑龙江省', code: '230100', lat: 45.8038, lng: 126.5350, areaCode: '0451' },
  { name: '上海', province: '上海市', code: '310100', lat: 31.2304, lng: 121.4737, areaCode: '021' },
  { name: '南京', province: '江苏省', code: '320100', lat: 32.0603, lng: 118.7969, areaCode: '025' },
  { name: '苏州', province: '江苏省', code: '320500', lat: 31.2990, lng: 120.5853, areaCode: '0512' },
  { name: '杭州', province: '浙江省', code: '330100', lat: 30.2741, lng: 120.1551, areaCode: '0571' },
  { name: '宁波', province: '浙江省', code: '330200', lat: 29.8683, lng: 121.5440, areaCode: '0574' },
  { name: '合肥', province: '安徽省', code: '340100', lat: 31.8206, lng: 117.2272, areaCode: '0551' },
  { name: '福州', province: '福建省', code: '350100', lat: 26.0745, lng: 119.2965, areaCode: '0591' },
  { name: '南昌', province: '江西省', code: '360100', lat: 28.6820, lng: 115.8579, areaCode: '0791' },
  { name: '济南', province: '山东省', code: '370100', lat: 36.6512, lng: 117.1201, areaCode: '0531' },
  { name: '青岛', province: '山东省', code: '370200', lat: 36.1600, lng: 120.3600, areaCode: '0532' },
  { name: '郑州', province: '河南省', code: '410100', lat: 34.7466, lng: 113.6254, areaCode: '0371' },
  { name: '武汉', province: '湖北省', code: '420100', lat: 30.5928, lng: 114.3055, areaCode: '027' },
  { name: '长沙', province: '湖南省', code: '430100', lat: 28.2282, lng: 112.9388, areaCode: '0731' },
  { name: '广州', province: '广东省', code: '440100', lat: 23.1291, lng: 113.2644, areaCode: '020' },
  { name: '深圳', province: '广东省', code: '440300', lat: 22.6200, lng: 114.0500, areaCode: '0755' },
  { name: '佛山', province: '广东省', code: '440600', lat: 23.0215, lng: 113.1214, areaCode: '0757' },
  { name: '东莞', province: '广东省', code: '441900', lat: 23.0207, lng: 113.7518, areaCode: '0769' },
  { name: '南宁', province: '广西壮族自治区', code: '450100', lat: 22.8170, lng: 108.3665, areaCode: '0771' },
  { name: '海口', province: '海南省', code: '460100', lat: 19.9800, lng: 110.3300, areaCode: '0898' },
  { name: '成都', province: '四川省', code: '510100', lat: 30.5728, lng: 104.0668, areaCode: '028' },
  { name: '贵阳', province: '贵州省', code: '520100', lat: 26.6470, lng: 106.6302, areaCode: '0851' },
  { name: '昆明', province: '云南省', code: '530100', lat: 25.0389, lng: 102.7183, areaCode: '0871' },
  { name: '拉萨', province: '西藏自治区', code: '540100', lat: 29.6500, lng: 91.1409, areaCode: '0891' },
  { name: '西安', province: '陕西省', code: '610100', lat: 34.3416, lng: 108.9398, areaCode: '029' },
  { name: '兰州', province: '甘肃省', code: '620100', lat: 36.0611, lng: 103.8343, areaCode: '0931' },
  { name: '西宁', province: '青海省', code: '630100', lat: 36.6171, lng: 101.7782, areaCode: '0971' },
  { name: '银川', province: '宁夏回族自治区', code: '640100', lat: 38.4872, lng: 106.2309, areaCode: '0951' },
  { name: '乌鲁木齐', province: '新疆维吾尔自治区', code: '650100', lat: 43.8256, lng: 87.6168, areaCode: '0991' },
  { name: '无锡', province: '江苏省', code: '320200', lat: 31.4912, lng: 120.3119, areaCode: '0510' },
  { name: '温州', province: '浙江省', code: '330300', lat: 27.9943, lng: 120.6994, areaCode: '0577' },
  { name: '洛阳', province: '河南省', code: '410300', lat: 34.6197, lng: 112.4540, areaCode: '0379' },
]

const STREETS_PER_CITY = 24
/** About 12 km in latitude; longitude scaled by latitude so the scatter is round. */
const SPREAD_DEGREES = 0.11
const STREET_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

function streetName(index: number): string {
  const n = index + 1
  if (n <= 10) return `演示${STREET_NUMERALS[n - 1]}街道`
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `演示${tens > 1 ? STREET_NUMERALS[tens - 1] : ''}十${ones ? STREET_NUMERALS[ones - 1] : ''}街道`
}

/**
 * Street centres on a fixed spiral around the city centre: deterministic without a
 * random source, and evenly spread so distance searches see a realistic density.
 */
function streetsAround(city: City): SeedStreet[] {
  const cosLat = Math.cos((city.lat * Math.PI) / 180)
  return Array.from({ length: STREETS_PER_CITY }, (_, i) => {
    const radius = SPREAD_DEGREES * Math.sqrt((i + 0.5) / STREETS_PER_CITY)
    const angle = i * 2.399963 // the golden angle, in radians
    return {
      name: streetName(i),
      lat: round(city.lat + radius * Math.sin(angle)),
      lng: round(city.lng + (radius * Math.cos(angle)) / cosLat),
    }
  })
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

export const SYNTHETIC_DISTRICTS: readonly SeedDistrict[] = CITIES.map((city) => {
  const latPad = SPREAD_DEGREES + 0.05
  const lngPad = latPad / Math.cos((city.lat * Math.PI) / 180)
  const municipality = city.province.endsWith('市') && city.province.startsWith(city.name)
  return {
    code: city.code,
    name: `${city.name}演示区`,
    province: city.province,
    city: municipality ? city.province : `${city.name}市`,
    center: { lat: city.lat, lng: city.lng },
    shortName: `${city.name}演示`,
    addressPrefix: `${municipality ? '' : city.province}${city.name}市${city.name}演示区`,
    filingAuthority: `${city.name}市演示区卫生健康委员会`,
    areaCode: city.areaCode,
    bounds: { minLat: city.lat - latPad, maxLat: city.lat + latPad, minLng: city.lng - lngPad, maxLng: city.lng + lngPad },
    roads: ['演示大道', '演示路', '示例街', '样本路', '测试大道'],
    streets: streetsAround(city),
  }
})
