// Rules that recognise page furniture by the shape of a block alone: markers, notices, prompts, credits, boilerplate.
import type { RemovedBlock } from '../../types.js';
import { isCreditLine } from './credits.js';
import { isHeadlineLike, normalizeForComparison, splitWords } from './shape.js';

/** What the page says about itself: the source name and the URL host, when the metadata gives them. */
export interface SiteNames {
  names: string[];
}

// A block that opens a list of links to other stories: everything under it up to the next real paragraph goes.
const RELATED_MARKER =
  /^(?:related(?:\s+(?:posts?|articles?|stories|news|content|coverage|links|reading|topics))?|latest(?:\s+(?:news|stories|articles|posts|updates|videos|headlines))?|more\s+(?:news|stories|articles|from\b.{1,40}|on\s+this(?:\s+(?:story|topic))?|to\s+read|in\s+\p{L}+(?:\s+\p{L}+)?)|read\s+(?:more|also|next)|also\s+read|see\s+also|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)|recommended(?:\s+(?:for\s+you|stories|articles|reading))?|(?:most|top)\s+(?:read|popular|viewed|shared|stories|news|headlines)|trending(?:\s+(?:now|news|stories|topics))?|popular(?:\s+(?:posts|stories|now|articles))?|editor'?s\s+picks?|featured(?:\s+(?:stories|articles|news|posts|videos|content))?|don'?t\s+miss|in\s+other\s+news|what\s+to\s+read\s+next)\s*[:»›>]?$/iu;
const NEWSLETTER_MARKER = /^newsletters?\s*[:»›>]?$/i;
const UI_DEBRIS =
  /^(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*\/\s*\d{1,2}:\d{2}(?::\d{2})?)?|close|[×✕✖✗]|x|menu|search|home|skip\s+to\s+(?:main\s+)?content|loading(?:\.{3}|…)?|play|pause|mute|unmute|back\s+to\s+top|next|previous|prev|show\s+more|load\s+more|toggle\s+navigation|log\s*in|sign\s+in|register|live|watch|listen|open|expand|collapse|more|tags?\s*:.*)$/i;
const ADVERTISEMENT =
  /^(?:advertisement|advertising|ads?|sponsored(?:\s+content)?|promoted(?:\s+content)?|paid\s+(?:content|post)|partner\s+content|scroll\s+(?:down\s+)?to\s+continue.*|continue\s+reading\s+below|(?:story|article)\s+continues\s+below(?:\s+(?:this\s+)?(?:ad|advertisement))?)$/i;
const SHARE_PROMPT =
  /^(?:share(?:\s+(?:this(?:\s+(?:article|story|post|page|video))?|on\s+\p{L}+|via\s+\p{L}+))?|tweet(?:\s+this)?|e-?mail\s+this|print(?:\s+this)?(?:\s+(?:article|page))?|copy\s+(?:link|url)|follow\s+us\b.{0,60}|leave\s+a\s+(?:comment|reply)|\d+\s+comments?|comments?(?:\s*\(\d+\))?|add\s+(?:a\s+)?comment|post\s+a\s+comment|comment\s+on\s+this\b.{0,30}|join\s+the\s+(?:conversation|discussion)|click\s+here\b.{0,80}|(?:please\s+)?share\s+your\s+(?:thoughts|views|comments)\b.{0,60})$/iu;
const SOCIAL_NAMES = new Set(['facebook', 'twitter', 'x', 'whatsapp', 'telegram', 'linkedin', 'pinterest', 'reddit', 'vk', 'email', 'e-mail', 'print', 'copy', 'link', 'share', 'messenger', 'viber']);
const EMAIL = /^(?:e-?mail\s*:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/i;
const COOKIE_WORD = /\bcookies?\b/i;
const COOKIE_CONTEXT = /\b(?:we\s+use|this\s+(?:web)?site|uses?\s+cookies|accept|consent|opt[- ]?out|privacy|experience|browsing|agree)\b/i;
const NEWSLETTER_PROMPT = /^(?:sign\s+up|subscribe|get\s+(?:our|the)\b|join\s+(?:our|over|\d)|enter\s+your\s+e-?mail|don'?t\s+miss\b|stay\s+(?:informed|updated|up\s+to\s+date))/i;
const NEWSLETTER_WORD = /\b(?:newsletters?|e-?mails?|inbox|updates|subscribe|subscription|alerts)\b/i;
const PHOTO_CREDIT =
  /^(?:\(?(?:photo|photograph|image|picture|illustration|video|file\s+photo|main\s+image)s?(?:\s+credits?)?\s*(?::|©|\/)|[\p{L}.'’ -]{0,40}\/\s*(?:getty\s+images|afp|reuters|ap|epa(?:-efe)?|tass|sputnik|ria\s+novosti|xinhua|shutterstock|anadolu|pool|bloomberg|efe)\b|(?:getty\s+images|ap\s+photo|shutterstock)\b)/iu;
// "Photo by Jane Doe / AFP": the case of the name matters, so no case-insensitive flag.
const PHOTO_BY = /^\(?(?:Photo|Photograph|Image|Picture|Illustration|Video)s?(?:\s+credits?)?\s+by\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s*[/,|]\s*.{0,40})?\)?$/u;
const BOILERPLATE =
  /^\(?\s*(?:with\s+inputs?\s+from|inputs?\s+from|additional\s+reporting\s+by|reporting\s+by|writing\s+by|editing\s+by|edited\s+by|compiled\s+by|sources?\s*:|this\s+(?:story|article|report)\s+(?:has\s+been|was|is)\s+(?:published|generated|edited|auto-generated|not\s+been\s+edited)\b|all\s+rights\s+reserved|copyright\s+(?:©|\(c\)|\d{4})|©)/i;
// An agency tag closing a story: "(ANI)", "(Reuters)".
const AGENCY_TAG = /^\(\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*){0,2}\)\.?$/u;
const DOMAIN = /^(?:https?:\/\/)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\/?$/i;

/** Why a block is furniture judged on its own, or null; markers are reported separately by `matchMarker`. */
export function detectFurniture(text: string, site: SiteNames): RemovedBlock['reason'] | null {
  const words = splitWords(text);
  if (EMAIL.test(text)) return 'email';
  if (UI_DEBRIS.test(text)) return 'navigation';
  if (ADVERTISEMENT.test(text)) return 'advertisement';
  if (words.length <= 15 && SHARE_PROMPT.test(text)) return 'share-prompt';
  if (words.length <= 8 && words.every((word) => SOCIAL_NAMES.has(word.toLowerCase().replace(/[^a-z-]/g, '')))) return 'share-prompt';
  if (words.length <= 80 && COOKIE_WORD.test(text) && COOKIE_CONTEXT.test(text)) return 'cookie-notice';
  if (words.length <= 40 && NEWSLETTER_PROMPT.test(text) && NEWSLETTER_WORD.test(text)) return 'newsletter';
  if (words.length <= 20 && (PHOTO_CREDIT.test(text) || PHOTO_BY.test(text))) return 'photo-credit';
  if (words.length <= 8 && isCreditLine(text)) return 'photo-credit';
  if (words.length <= 30 && (BOILERPLATE.test(text) || AGENCY_TAG.test(text))) return 'boilerplate';
  if (isSiteName(text, site)) return 'site-name';
  return null;
}

/** The reason for a marker block that opens a list of other stories or a sign-up box, or null. */
export function matchMarker(text: string): 'related-links' | 'newsletter' | null {
  if (NEWSLETTER_MARKER.test(text)) return 'newsletter';
  return RELATED_MARKER.test(text) ? 'related-links' : null;
}

// "Beautiful Virgin Islands" (the source), "example.com", "Title | World | example.com" header lines.
function isSiteName(text: string, site: SiteNames): boolean {
  const normalized = normalizeForComparison(text);
  if (site.names.some((name) => normalizeForComparison(name) === normalized)) return true;
  if (DOMAIN.test(text)) return true;
  const parts = text.split(/\s+\|\s+/);
  return parts.length >= 2 && isHeadlineLike(text) && (parts.length >= 3 || parts.some((part) => DOMAIN.test(part) || site.names.includes(part)));
}
