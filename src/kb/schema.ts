// Zod schemas of the files in data/kb; cross-references and dates are checked in load.ts.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const nonEmpty = z.string().trim().min(1);

export const OFFICE_TYPES = [
  'head_of_state',
  'head_of_government',
  'foreign_minister',
  'defence_minister',
  'minister',
  'spokesperson',
  'aide',
  'secretary_general',
  'org_president',
  'official',
] as const;

const officeSchema = z.strictObject({
  type: z.enum(OFFICE_TYPES),
  title: nonEmpty,
  of: nonEmpty,
  from: isoDate,
  to: isoDate.nullable(),
});

export const personSchema = z.strictObject({
  id: nonEmpty,
  name: nonEmpty,
  aliases: z.array(nonEmpty),
  country: z.string().length(2).nullable(),
  offices: z.array(officeSchema),
  source: nonEmpty,
  surname: nonEmpty.optional(),
});

export const peopleFileSchema = z.array(personSchema);

const curatedCountrySchema = z.strictObject({
  aliases: z.array(nonEmpty).optional(),
  demonyms: z.array(nonEmpty).optional(),
  metonyms: z.array(nonEmpty).optional(),
  executive: z.enum(['head_of_state', 'head_of_government']).optional(),
});

/** countries.json: curated additions keyed by ISO2, on top of the world-countries package. */
export const countriesFileSchema = z.record(z.string().regex(/^[A-Z]{2}$/, 'expected an ISO2 code'), curatedCountrySchema);

export type CuratedCountry = z.infer<typeof curatedCountrySchema>;

/** What an organisation is, as the annotation conventions name the kinds. */
export const ORGANIZATION_KINDS = ['igo', 'party', 'armed-group', 'company', 'media', 'government', 'other'] as const;

export const organizationSchema = z.strictObject({
  id: nonEmpty,
  name: nonEmpty,
  acronym: nonEmpty.nullable(),
  aliases: z.array(nonEmpty),
  members: z.array(z.string().length(2)),
  parent: nonEmpty.optional(),
  source: nonEmpty,
  kind: z.enum(ORGANIZATION_KINDS).optional(),
});

export const organizationsFileSchema = z.array(organizationSchema);

export const placeSchema = z.strictObject({
  id: nonEmpty,
  name: nonEmpty,
  aliases: z.array(nonEmpty),
  country: z.string().length(2).nullable(),
  placeType: z.enum(['city', 'region', 'venue', 'other']),
  /** ISO 3166-2 code of a state or province ("US-NJ"): a city of the gazetteer in it is preferred when it is named. */
  admin: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'expected an ISO 3166-2 code').optional(),
  source: nonEmpty.optional(),
});

export const placesFileSchema = z.array(placeSchema);

// A user's entry with a built-in id corrects or extends it: only the id is required, the fields given are merged (user-kb.ts).
export const personPatchSchema = personSchema.partial().extend({ id: nonEmpty });
export const organizationPatchSchema = organizationSchema.partial().extend({ id: nonEmpty });
export const placePatchSchema = placeSchema.partial().extend({ id: nonEmpty });
