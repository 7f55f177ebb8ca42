// The knowledge base: countries, people with dated offices, organisations and places, loaded from data/kb.
export { loadKnowledgeBase, loadKnowledgeBaseFrom, hashUserFiles } from './load.js';
export type { KbSources, UserFileReport, UserKbFile } from './user-kb.js';
export { KnowledgeBase, foldName, deriveSurname } from './knowledge-base.js';
export type { NameMatch } from './knowledge-base.js';
export type { KbCountry, KbEntry, KbOffice, KbOrganization, KbPerson, KbPlace, OfficeType } from './types.js';
