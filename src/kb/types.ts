// Types of the knowledge base in data/kb: countries, people with dated offices, organisations.

/** What an office is, whatever its local title; role coreference ("the Russian President") resolves through this. */
export type OfficeType =
  | 'head_of_state'
  | 'head_of_government'
  | 'foreign_minister'
  | 'defence_minister'
  | 'minister'
  | 'spokesperson'
  | 'aide'
  | 'secretary_general'
  | 'org_president'
  | 'official';

export interface KbOffice {
  type: OfficeType;
  /** Local title as news writes it: "President", "Prime Minister", "Chancellor", "Minister of Foreign Affairs and Trade". */
  title: string;
  /** ISO2 code of a country, or the id of an organisation (e.g. "nato"). */
  of: string;
  /** ISO date (YYYY-MM-DD) the term began. */
  from: string;
  /** ISO date the term ended, or null while in office. */
  to: string | null;
}

export interface KbPerson {
  /** Stable slug, used for the graph key person:<id>, e.g. "vladimir-putin". */
  id: string;
  /** Canonical name with diacritics: "Viktor Orbán". */
  name: string;
  /** Other spellings and transliterations: "Viktor Orban", "Orban", "Vladimir Zelensky", "Zelenskyy". */
  aliases: string[];
  /** ISO2 code of the person's country, or null (e.g. some international officials). */
  country: string | null;
  offices: KbOffice[];
  /** Where the facts come from (e.g. "Wikipedia: List of prime ministers of Hungary, 2025"). */
  source: string;
  /** The name news uses alone when it is not the last word of `name` ("Xi" for Xi Jinping, "Lula"); derived when absent. */
  surname?: string;
}

export interface KbCountry {
  iso2: string;
  iso3: string;
  /** Common English name: "Russia", "United States". */
  name: string;
  official: string | null;
  /** Other names: "Russian Federation", "U.S.", "USA", "America", "UK", "Britain". */
  aliases: string[];
  /** Adjectives and demonyms: "Russian", "American", "U.S.", "Hungarian". */
  demonyms: string[];
  capital: string | null;
  /** Capitals and seats of power used as metonyms for the state: "Moscow", "the Kremlin", "Washington", "the White House". */
  metonyms: string[];
  /** Which office news calls "the leader" of the country ("Ukraine's leader", "the U.S. leader"). */
  executive: 'head_of_state' | 'head_of_government';
}

export interface KbOrganization {
  /** Slug, used for the graph key org:<id>, e.g. "nato", "european-union". */
  id: string;
  name: string;
  acronym: string | null;
  aliases: string[];
  /** ISO2 codes of member states, when relevant. */
  members: string[];
  /** Id of the organisation this one is a body of ("european-union" for the European Commission). */
  parent?: string;
  /** Adjectives used before titles: "NATO Secretary-General" needs none; "EU" is itself used adjectivally. */
  source: string;
  /** igo, party, armed-group, company, media, government or other; a media outlet credited in a dateline is the copy's source. */
  kind?: OrganizationKind;
}

export type OrganizationKind = 'igo' | 'party' | 'armed-group' | 'company' | 'media' | 'government' | 'other';

/** A place that matters as an event location, beyond capitals (e.g. "Florida", "Alaska", "Oval Office"). */
export interface KbPlace {
  id: string;
  name: string;
  aliases: string[];
  country: string | null;
  placeType: 'city' | 'region' | 'venue' | 'other';
  /** ISO 3166-2 code of a state or province ("US-TX"), for the regions that disambiguate cities. */
  admin?: string;
  source?: string;
}

/** A hit of a name in the knowledge base. */
export type KbEntry =
  | { kind: 'person'; person: KbPerson }
  | { kind: 'country'; country: KbCountry; as: 'name' | 'demonym' | 'metonym' | 'capital' }
  | { kind: 'organization'; organization: KbOrganization }
  | { kind: 'place'; place: KbPlace };
