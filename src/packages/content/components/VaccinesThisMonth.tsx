import { View, Text } from '@tarojs/components'
import { describeDoseAge, VaccinationsThisMonth } from '@domain/vaccinationGuidance'

/**
 * 本月该打的疫苗: the doses of the child's current month of age from the dated schedule,
 * the next one when this month has none, and the documents they follow — which table
 * applies depends on the birth date, so the card names it (e.g. 百白破 since 2025-01-01).
 */
export function VaccinesThisMonth({ vaccinations }: { vaccinations: VaccinationsThisMonth }) {
  const { doses, next, documents, transition } = vaccinations
  return (
    <View className='section vaccines-month e2e-vaccines-month'>
      <Text className='section__title'>本月该打的疫苗</Text>
      {doses.length === 0 ? (
        <Text className='vaccines-month__none e2e-vaccines-none'>这个月没有国家免疫规划疫苗要打。</Text>
      ) : (
        doses.map((dose) => (
          <View key={`${dose.series}-${dose.dose}`} className='vaccines-month__dose e2e-vaccine-dose'>
            <Text className='vaccines-month__name'>
              {dose.vaccine}第{dose.dose}剂
            </Text>
            <Text className='vaccines-month__when'>
              {describeDoseAge(dose.ageMonths)}起（{dose.dueDate}）{dose.note ? ` · ${dose.note}` : ''}
            </Text>
          </View>
        ))
      )}
      {next.length > 0 && (
        <Text className='vaccines-month__next e2e-vaccine-next'>
          接下来：{describeDoseAge(next[0].ageMonths)}（{next[0].dueDate}起），{next.map((d) => `${d.vaccine}第${d.dose}剂`).join('、')}
        </Text>
      )}
      <View className='vaccines-month__documents e2e-vaccine-documents'>
        <Text className='vaccines-month__label'>按孩子的出生日期，适用的程序：</Text>
        {documents.map((doc) => (
          <Text key={doc.id} className='vaccines-month__document e2e-vaccine-document'>
            {doc.appliesTo}：{doc.name}
          </Text>
        ))}
      </View>
      {transition && <Text className='vaccines-month__transition'>{transition}</Text>}
      <Text className='vaccines-month__hint'>具体日期以预防接种证和接种门诊的预约为准。</Text>
    </View>
  )
}
