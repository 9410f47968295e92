/**
 * Personal data out of the consultation report's free text (GDPR; the data protection authority inspects published
 * reports): e-mail addresses, phone numbers in every common Polish way of writing them, PESEL and NIP numbers, bank
 * accounts (IBAN / NRB), street addresses with a postal code and town, private submitters' names wherever they are
 * mentioned (also the surname alone and inflected: "p. Wróblewskiej"), and a name after "Pan"/"Pani"/"p.". Each is
 * replaced by `[…]`, in private persons' and institutions' text alike.
 *
 * Patterns, not understanding: the rules are written so that the ordinary numbers of a consultation (years, amounts
 * like "1 250 000 zł" or "12 mln zł", paragraphs, counts, dates, comment and resolution numbers) survive; the property
 * tests (personal-data.spec.ts) generate both and check every format of the report.
 */

/** What replaces personal data found in free text. */
export const REDACTED = '[…]';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+/gu;

/** IBAN (PL + 26 digits) or the 26-digit NRB, spaced in fours or not. */
const ACCOUNT = /(?<![\p{L}\p{N}])(?:PL[ ]?)?\d{2}(?:[ -]?\d{4}){6}(?!\p{N})/gu;

/** PESEL: 11 digits in a row (valid or not; not "+48" and a phone), or spaced after the word PESEL. */
const PESEL = [/(?<![\p{N}+])\d{11}(?!\p{N})/gu, /PESEL\s*:?\s*\d(?:[ -]?\d){10}(?!\p{N})/gu];

/**
 * NIP: 3-3-2-2 or 3-2-2-3 with hyphens, or 10 digits in a row, with or without PL; with spaces only after the word NIP
 * (spaced, "369 42 76 811" is as likely a phone number and a count).
 */
const NIP = [
  /(?<![\p{L}\p{N}])(?:PL[ ]?)?(?:\d{3}-\d{3}-\d{2}-\d{2}|\d{3}-\d{2}-\d{2}-\d{3}|\d{10})(?!\p{N})/gu,
  /NIP\s*:?\s*(?:PL[ ]?)?\d{3}[ -]?\d{2,3}[ -]?\d{2}[ -]?\d{2,3}(?!\p{N})/gu,
];

const SEP = '[ .\\-]?';
/** +48, 0048, (+48), (48). */
const COUNTRY = '(?:(?:\\+|00)[ ]?48[ \\-]?|\\(\\+?48\\)[ ]?)';
/** The old trunk prefix before an area code: "0 91", "(091)", "(0-91)". */
const TRUNK = '(?:0[ \\-]?)';
const PHONE_FORMS = [
  // 604 567 890, 604-567-890, 604567890, 604.567.890
  `\\d{3}${SEP}\\d{3}${SEP}\\d{3}`,
  // 604 56 78 90
  `\\d{3}[ \\-]\\d{2}[ \\-]\\d{2}[ \\-]\\d{2}`,
  // (91) 424 12 34, (091) 424-12-34, (0-91) 424 12 34
  `\\(${TRUNK}?\\d{2}\\)[ ]?\\d{3}${SEP}\\d{2}${SEP}\\d{2}`,
  // (91) 4241234
  `\\(${TRUNK}?\\d{2}\\)[ ]?\\d{7}`,
  // 91 424 12 34, 91-424-12-34, 0 91 424 12 34
  `${TRUNK}?\\d{2}[ \\-]\\d{3}${SEP}\\d{2}${SEP}\\d{2}`,
  // 91 4241234
  `\\d{2} \\d{7}`,
];
const PHONE = new RegExp(`(?<!\\p{N})(${COUNTRY})?(?:${PHONE_FORMS.join('|')})(?!\\p{N})`, 'gu');
/** After a number written in thousands (3-3-3), a unit says it is an amount or a count, not a phone. */
const UNIT_AFTER = /^\s?(?:zł|złotych|PLN|EUR|euro|€|USD|mln|mld|tys\.?|osób|mieszkańców|m2|m²|m3|ha|km)(?![\p{L}])/u;
const THOUSANDS = /^\d{1,3}(?:[ .]\d{3}){2}$/;

/** A street, avenue, square or estate with its house (and flat) number: "ul. Wojska Polskiego 12/4", "os. Kaliny 7 m. 3". */
const STREET = new RegExp(
  [
    '(?<![\\p{L}\\p{N}.@/])',
    '(?:[Uu]l(?:ica|icy)?|[Aa]l(?:eja|eje|ei)?|[Pp]l(?:ac|acu)?|[Oo]s(?:iedle|iedlu)?|[Ss]kwer|[Rr]ondo)\\.?\\s+',
    // the street's name: capitalised words, numbers ("3 Maja"), abbreviations ("ks.", "gen.")
    "(?:(?:\\p{Lu}[\\p{L}'’\\-]*\\.?|\\d{1,2}|\\p{Ll}{2,4}\\.)\\s+){1,6}?",
    // the house number, a letter, the flat
    '\\d{1,4}(?:\\p{L}(?!\\p{L}))?(?:\\s?[/\\-]\\s?\\d{1,4}(?:\\p{L}(?!\\p{L}))?)?(?:\\s*(?:m\\.|m|lok\\.|lok|mieszk\\.)\\s*\\d{1,4})?',
    '(?!\\p{N})',
  ].join(''),
  'gu',
);
/** "Długa 5/3": a capitalised word, a house number and a flat (not "Uchwała 7/2026": a flat has at most 3 digits). */
const HOUSE_AND_FLAT = /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}{2,}(?:\s\p{Lu}\p{Ll}+)?\s\d{1,4}\p{Ll}?\s?\/\s?\d{1,3}(?!\p{N})/gu;
/** A postal code with its town: "70-123 Szczecin", "72-022 Nowe Warpno". */
const POSTAL = /(?<![\p{N}-])\d{2}-\d{3}\s+\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?(?![\p{L}\p{N}])/gu;

/** Titles after "Pan"/"Pani" that are no names: "Pani Wójt", "Panu Prezydentowi". */
const TITLES = [
  'Wójt',
  'Burmistrz',
  'Prezydent',
  'Starost',
  'Marszał',
  'Dyrektor',
  'Prezes',
  'Minister',
  'Przewodnicząc',
  'Radn',
  'Sołtys',
  'Posł',
  'Senator',
  'Wojewod',
  'Skarbnik',
  'Sekretarz',
  'Kierownik',
  'Naczelnik',
  'Profesor',
  'Doktor',
  'Inspektor',
  'Komendant',
  'Rektor',
  'Dziekan',
  'Mecenas',
];
/** A name after "p.", "Pan", "Pani", "Państwo" (in any case), unless it is a title: the name goes. */
const HONORIFIC = new RegExp(
  `(?<![\\p{L}])((?:[Pp]\\.|[Pp]an(?:i|u|ią|a|em|owie|ów)?|[Pp]ańst(?:wo|wa|wu))\\s+)(?!(?:${TITLES.join('|')})\\p{L}*)(\\p{Lu}\\p{Ll}+(?:[ \\-]\\p{Lu}\\p{Ll}+){0,2})`,
  'gu',
);

/** E-mail addresses out of a text. */
export function withoutEmails(text: string): string {
  return text.replace(EMAIL, REDACTED);
}

/** Phone numbers out of a text (an amount written in thousands with its unit stays). */
export function withoutPhones(text: string): string {
  return text.replace(PHONE, (match: string, country: string | undefined, offset: number, whole: string) => {
    if (!country && THOUSANDS.test(match) && UNIT_AFTER.test(whole.slice(offset + match.length))) return match;
    return REDACTED;
  });
}

/** Every contact and identifier: e-mail, account, PESEL, NIP, phone, street address, postal code with town. */
export function withoutContacts(text: string): string {
  let out = withoutEmails(text);
  out = out.replace(ACCOUNT, REDACTED);
  for (const pattern of PESEL) out = out.replace(pattern, REDACTED);
  for (const pattern of NIP) out = out.replace(pattern, REDACTED);
  out = withoutPhones(out);
  out = out.replace(STREET, REDACTED).replace(HOUSE_AND_FLAT, REDACTED).replace(POSTAL, REDACTED);
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const VOWELS_AT_END = /[aeiouyąęó]+$/u;

/**
 * The patterns of private persons' names: the whole name in any case and spacing (also surname first), and the surname
 * alone in its Polish forms ("Wróblewska" → "Wróblewskiej", "Wróblewską"; "Nowak" → "Nowaka"), capitalised as
 * names are, so that words that merely share a stem mid-sentence stay.
 */
export function namePatterns(names: readonly string[]): RegExp[] {
  const whole = new Set<string>();
  const stems = new Set<string>();
  for (const name of names) {
    const tokens = name.trim().split(/\s+/).filter((token) => /\p{L}/u.test(token));
    if (tokens.join(' ').length < 3) continue;
    whole.add(tokens.join(' '));
    if (tokens.length > 1) whole.add([...tokens].reverse().join(' '));
    const surname = tokens.at(-1) as string;
    for (const part of surname.split('-')) {
      const letters = part.replace(/[^\p{L}]/gu, '');
      if (letters.length < 3 || !/^\p{Lu}/u.test(letters)) continue;
      const stem = letters.replace(VOWELS_AT_END, '');
      stems.add(stem.length >= 3 ? stem : letters);
    }
  }
  // Longest first, so "Anna Maria Nowak" goes before "Anna Maria".
  const wholePatterns = [...whole]
    .sort((a, b) => b.length - a.length)
    .map((name) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu'));
  const stemPatterns = [...stems]
    .sort((a, b) => b.length - a.length)
    .map((stem) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(stem)}\\p{Ll}{0,4}(?![\\p{L}\\p{N}])`, 'gu'));
  return [...wholePatterns, ...stemPatterns];
}

/** A name after "Pan", "Pani", "p." out of a text. */
export function withoutAddressedNames(text: string): string {
  return text.replace(HONORIFIC, (_match: string, honorific: string) => `${honorific}${REDACTED}`);
}

/**
 * The masker of one report: every contact and identifier, the names of its private submitters, and any name after
 * "Pan"/"Pani". `contacts: false` keeps addresses and numbers (a meeting's place, written by staff, is public) and
 * still takes e-mail addresses and names out.
 */
export function personalDataMasker(privateNames: readonly string[]): (text: string, options?: { contacts?: boolean }) => string {
  const patterns = namePatterns(privateNames);
  return (text, options = {}) => {
    let out = options.contacts === false ? withoutEmails(text) : withoutContacts(text);
    for (const pattern of patterns) out = out.replace(pattern, REDACTED);
    return withoutAddressedNames(out);
  };
}

/** Private persons' names (whole, and the surname alone, inflected) out of a text, and nothing else. */
export function withoutNames(names: readonly string[]): (text: string) => string {
  const patterns = namePatterns(names);
  return (text) => patterns.reduce((out, pattern) => out.replace(pattern, REDACTED), text);
}
