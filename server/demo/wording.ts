import { InstitutionKind } from '@domain/institution'

/*
 * Words the demo generator builds names and records from. Brands are the common,
 * generic kind Chinese childcare names use; none is meant to be a real institution,
 * and every generated name also carries 演示数据.
 */

export const DEMO_NAME_PREFIX = '（演示数据）'

export const CHILDCARE_BRANDS = [
  '小橙子', '小太阳', '童心', '七彩', '贝贝', '爱心', '启航', '蒲公英', '小蜜蜂', '彩虹',
  '阳光宝贝', '小海豚', '好孩子', '星星', '知新', '睿智', '快乐宝贝', '禾苗', '向日葵', '萌芽',
  '小树苗', '悦成长', '乐育', '暖阳', '童趣', '小脚丫', 'happy宝贝', '果果', '云朵', '小天使',
] as const

export const KINDERGARTEN_BRANDS = [
  '金色阳光', '博雅', '童馨', '育才', '启智', '实验', '中心', '新星', '春苗', '蓝天',
  '艺术', '双语', '雅居乐', '锦绣', '百花', '明珠', '育英', '致远', '晨曦', '阳光',
  '金苹果', '馨苑', '桂馨', '书香', '蒙特梭利', '小精灵', '天骄', '博苑', '翰林', '怡景',
] as const

export const NAME_SUFFIXES: Record<InstitutionKind, readonly string[]> = {
  childcare_center: ['托育园', '托育中心', '婴幼儿照护中心', '育婴园', '托育服务中心'],
  kindergarten_class: ['幼儿园', '幼儿园', '幼儿园', '实验幼儿园'],
  employer: ['职工托育中心', '职工子女托育园'],
  community: ['社区托育点', '社区嵌入式托育点', '邻里托育中心'],
  family: ['家庭托育点'],
}

export const EMPLOYER_BRANDS = ['人民医院', '第一中学', '产业园', '供电公司', '高新区管委会', '区级机关'] as const

/** Town streets (镇) have no boulevards; addresses there use these. */
export const TOWN_ROADS = ['正街', '新街', '场镇路', '滨河路', '车站路'] as const

export const PASSED_SUMMARIES = [
  '消防安全、食品安全、卫生保健检查合格',
  '年度备案核查合格，资料齐全',
  '安全管理、保育照护专项检查合格',
  '晨午检及传染病防控落实到位',
  '保育人员持证上岗，配比符合要求',
] as const

export const FINDINGS = [
  { summary: '消防通道堆放杂物，灭火器过期', issue: '清理消防通道，更换过期灭火器' },
  { summary: '食品留样记录不全', issue: '完善食品留样及台账记录' },
  { summary: '部分保育人员健康证过期', issue: '保育人员复检并更新健康证' },
  { summary: '监控录像保存不足30天', issue: '监控设备扩容，录像保存不少于90天' },
  { summary: '室外活动场地防护设施破损', issue: '维修室外场地护栏及地垫' },
  { summary: '保育人员与婴幼儿配比不足', issue: '补足保育人员，配比达到标准' },
  { summary: '消毒记录缺失', issue: '建立并落实玩具、餐具消毒制度' },
] as const
