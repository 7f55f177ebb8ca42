// The knowledge base: countries, people with dated offices, organisations and places, loaded from data/kb.
export { loadKnowledgeBase } from './load.js';
export { KnowledgeBase, foldName, deriveSurname } from './knowledge-base.js';
export type { NameMatch } from './knowledge-base.js';
export type { KbCountry, KbEntry, KbOffice, KbOrganization, KbPerson, KbPlace, OfficeType } from './types.js';
