import { FormField } from '@app/components/FormField'
import { FieldErrors, withoutField } from '@app/lib/forms/formErrors'

/** The phone the institution calls back on (bookings and applications); typing clears its old error. */
export function ContactPhoneField({
  value,
  onChange,
  fields,
  setFields,
  className,
}: {
  value: string
  onChange: (value: string) => void
  fields: FieldErrors
  setFields: (update: (fields: FieldErrors) => FieldErrors) => void
  className: string
}) {
  return (
    <FormField
      label='手机号'
      className={className}
      type='number'
      maxlength={11}
      value={value}
      placeholder='11 位手机号，机构用来联系您'
      onChange={(v) => {
        onChange(v)
        setFields((f) => withoutField(f, 'contactPhone'))
      }}
      error={fields.contactPhone}
    />
  )
}
