// Photo and source credits at the end of a caption: "Photograph: Petar Kujundzic/Reuters", "(Xinhua/Huang Jingwen)",
// "[Source: NZ Herald]", "May and Trump - PA". Names in them are furniture: the credit is cut off its caption.

// Agencies and picture desks that sign photos; a bare one in a caption's closing brackets is a credit.
const AGENCY =
  '(?:afp|ap|reuters|getty(?:\\s+images)?|epa(?:-efe)?|efe|pa|pa\\s+media|dpa|anadolu(?:\\s+agency)?|aa|tass|sputnik|ria\\s+novosti|xinhua|kyodo|yonhap|jiji|ani|pti|ians|vna|vns|bernama|antara|upi|shutterstock|pool|bloomberg|file|handout)';
const AGENCY_ONLY = new RegExp(`^${AGENCY}(?:\\s*/\\s*${AGENCY})*$`, 'i');
// "Photo", "File Photo", "Photograph", "Picture", "Image", "Credit", "Source" (a credit, not a story's source line).
const PHOTO_WORD = /\b(?:photo(?:graph)?s?|pictures?|images?|credits?|source|file)\b/i;
// What marks a block as a caption: a photo word or a position marker ("Hu Jintao (R)", "from left").
const CAPTION_MARK = /\b(?:photo(?:graph)?s?|pictured|file\s+picture|combined\s+file)\b|\((?:L|R|C|left|right|centre|center|front|second\s+(?:left|right))\)|\bfrom\s+left\b/i;
// A labelled credit closing a block: "Photograph: ...", "Photo credit: ...", "Photo: William Ruto.", "PHOTO | FILE".
const LABELLED = /(?:^|[\s.])((?:photo(?:graph)?|picture|image)s?(?:\s+credits?)?\s*[:|]\s*[^.!?:|]{1,80}(?:[|][^.!?|]{1,30})?\.?)$/i;
// A bracketed tail: "(AFP File Photo)", "(Xinhua/Huang Jingwen)", "(Kyodo)", "[Reuters]", "[Source: NZ Herald]".
const BRACKETED = /\s*([([])([^()[\]\n]{1,60})[)\]]\.?$/;
// A dashed tail: "May and Trump - PA", "... – VNA/VNS Photo Trí Dũng".
const DASHED = /\s+[-–—]\s+([^-–—\n]{1,50})$/;
// "Agency/Photographer" or "Photographer/Outlet": two parts on a slash, each one to three capitalised words.
const SLASHED = /^\p{Lu}[\p{L}\p{N}.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}.'’-]*){0,2}\s*\/\s*\p{Lu}[\p{L}\p{N}.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}.'’-]*){0,2}$/u;

/** Where a trailing credit starts in a kept block's text (an index into `text`), or null when it has none. */
export function creditStart(text: string): number | null {
  const caption = CAPTION_MARK.test(text);
  const labelled = LABELLED.exec(text);
  if (labelled) return labelled.index + labelled[0].length - labelled[1].length;
  const bracketed = BRACKETED.exec(text);
  if (bracketed) {
    const [, open, inner] = bracketed;
    const trimmed = inner.trim();
    // "(ANI)" closing a story is its source tag; only a caption's, a square-bracketed or a photo-worded one is a credit.
    const credit =
      PHOTO_WORD.test(trimmed) ||
      (open === '[' && (AGENCY_ONLY.test(trimmed) || /^source\s*:/i.test(trimmed))) ||
      (caption && (AGENCY_ONLY.test(trimmed) || SLASHED.test(trimmed)));
    if (credit && bracketed.index > 0) return bracketed.index;
  }
  const dashed = DASHED.exec(text);
  if (dashed) {
    const tail = dashed[1].trim();
    // "... their border. – Reuters" closes prose: the copy's source, not a photo credit.
    const closesCaption = !/[.!?]["'”’]?$/.test(text.slice(0, dashed.index)) || caption;
    if (closesCaption && (AGENCY_ONLY.test(tail) || (PHOTO_WORD.test(tail) && /[/\p{Lu}]/u.test(tail)))) return dashed.index;
  }
  return null;
}

/** A block that is only a credit: "Sérgio Lima/Poder360 – 7.dec.2023", "Reuters/Pool". */
export function isCreditLine(text: string): boolean {
  const head = text.replace(/\s+[-–—]\s+[\p{N}.\p{L}]{1,20}$/u, '');
  return SLASHED.test(head) && !/[.!?]$/.test(head);
}
