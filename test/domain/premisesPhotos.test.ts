import { PREMISES_PHOTOS_MAX, PremisesPhotoOrderBodySchema, PremisesPhotoParamsSchema, premisesPhotoPath } from '@domain/premisesPhotos'

describe('环境照片 contract', () => {
  it('names a photo by a public path under its institution', () => {
    expect(premisesPhotoPath('yb-001', 'pph_abcdefgh12345678')).toBe('/api/v1/institutions/yb-001/photos/pph_abcdefgh12345678')
    expect(premisesPhotoPath('a/b', 'pph_abcdefgh12345678')).toBe('/api/v1/institutions/a%2Fb/photos/pph_abcdefgh12345678')
  })

  it('accepts only photo ids the server makes', () => {
    expect(PremisesPhotoParamsSchema.safeParse({ photoId: 'pph_abcdefgh12345678' }).success).toBe(true)
    for (const photoId of ['att_abcdefgh12345678', 'pph_../../etc', 'pph_short', '']) {
      const parsed = PremisesPhotoParamsSchema.safeParse({ photoId })
      expect(parsed.success).toBe(false)
      expect(parsed.error?.issues[0].message).toBe('照片编号无效')
    }
  })

  it('refuses an order with a photo twice, none, or more than the maximum', () => {
    const id = (n: number) => `pph_photo${String(n).padStart(8, '0')}`
    expect(PremisesPhotoOrderBodySchema.safeParse({ photoIds: [id(1), id(2)] }).success).toBe(true)
    expect(PremisesPhotoOrderBodySchema.safeParse({ photoIds: [id(1), id(1)] }).error?.issues[0].message).toBe('同一张照片只能出现一次')
    expect(PremisesPhotoOrderBodySchema.safeParse({ photoIds: [] }).error?.issues[0].message).toBe('请给出照片的新顺序')
    const tooMany = Array.from({ length: PREMISES_PHOTOS_MAX + 1 }, (_, n) => id(n))
    expect(PremisesPhotoOrderBodySchema.safeParse({ photoIds: tooMany }).error?.issues[0].message).toBe(`最多 ${PREMISES_PHOTOS_MAX} 张照片`)
  })
})
