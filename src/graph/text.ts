// Name folding shared by the pipeline and the browser viewer: no Node imports here.

/** Lower-case ASCII slug: diacritics folded, everything else to single dashes ("Viktor Orbán" -> "viktor-orban"). */
export function slugify(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Removes combining marks after NFD decomposition, and maps letters NFD leaves alone (ø, ł, ß...). */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øØłŁđĐßæÆœŒıð]/g, (c) => FOLD_EXTRA[c] ?? c);
}

const FOLD_EXTRA: Record<string, string> = {
  ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i', ð: 'd',
};
