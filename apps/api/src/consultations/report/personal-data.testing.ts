import fc from 'fast-check';

/**
 * Generators for the property tests of personal data in the consultation report (tests only): texts in Polish with
 * phone numbers in every common Polish way of writing them, PESEL numbers (valid and random), NIP numbers, IBANs,
 * street addresses and mentions of private submitters, mixed with ordinary numbers that must survive (years, amounts,
 * paragraphs, counts).
 */

/** A piece of personal data as written, and how to find it again in an output: its digits, or words that must go. */
export interface Secret {
  kind: 'phone' | 'pesel' | 'nip' | 'iban' | 'address' | 'surname';
  text: string;
  /** For numbers: the digits, found in an output with every separator taken out. */
  digits?: string;
  /** For words: a pattern that must not match the output. */
  pattern?: RegExp;
}

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));

const MOBILE_PREFIXES = ['45', '50', '51', '53', '57', '60', '66', '69', '72', '73', '78', '79', '88'];
const AREA_CODES = ['12', '14', '22', '32', '42', '52', '58', '61', '71', '81', '85', '89', '91', '94', '95'];

const mobile = fc.tuple(fc.constantFrom(...MOBILE_PREFIXES), digits(7)).map(([p, rest]) => p + rest);
const landline = fc.tuple(fc.constantFrom(...AREA_CODES), digits(7));

const chunks = (s: string, sizes: number[]) => {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(s.slice(at, at + size));
    at += size;
  }
  return out;
};

/** A Polish phone number, mobile or landline, written one of the common ways (with or without +48 / 0048, "tel."). */
export const phone: fc.Arbitrary<Secret> = fc.oneof(
  fc.tuple(mobile, fc.integer({ min: 0, max: 11 }), fc.boolean()).map(([n, form, labelled]) => {
    const [a, b, c] = chunks(n, [3, 3, 3]);
    const [x, y, z, w] = chunks(n, [3, 2, 2, 2]);
    const forms = [
      `${a} ${b} ${c}`,
      `${a}-${b}-${c}`,
      n,
      `+48${n}`,
      `+48 ${a} ${b} ${c}`,
      `0048 ${a} ${b} ${c}`,
      `0048${n}`,
      `(+48) ${a} ${b} ${c}`,
      `+48-${a}-${b}-${c}`,
      `${x} ${y} ${z} ${w}`,
      `${a}.${b}.${c}`,
      `+48 ${x} ${y} ${z} ${w}`,
    ];
    return { kind: 'phone' as const, text: `${labelled ? 'tel. ' : ''}${forms[form]}`, digits: n };
  }),
  fc.tuple(landline, fc.integer({ min: 0, max: 10 }), fc.boolean()).map(([[area, n], form, labelled]) => {
    const [a, b, c] = chunks(n, [3, 2, 2]);
    const forms = [
      `(${area}) ${a} ${b} ${c}`,
      `${area} ${a} ${b} ${c}`,
      `${area} ${a}-${b}-${c}`,
      `${area}-${a}-${b}-${c}`,
      `(${area}) ${n}`,
      `${area} ${n}`,
      `+48 ${area} ${a} ${b} ${c}`,
      `+48 (${area}) ${a} ${b} ${c}`,
      `(0${area}) ${a} ${b} ${c}`,
      `0 ${area} ${a} ${b} ${c}`,
      `(0-${area}) ${a}-${b}-${c}`,
    ];
    return { kind: 'phone' as const, text: `${labelled ? 'tel. ' : ''}${forms[form]}`, digits: area + n };
  }),
);

/** A PESEL: 11 digits, with a valid check digit or at random. */
export const pesel: fc.Arbitrary<Secret> = fc.tuple(digits(10), fc.boolean(), digit, fc.boolean()).map(([first, valid, random, labelled]) => {
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = [...first].reduce((total, d, i) => total + Number(d) * weights[i], 0);
  const number = first + (valid ? String((10 - (sum % 10)) % 10) : random);
  return { kind: 'pesel' as const, text: `${labelled ? 'PESEL: ' : ''}${number}`, digits: number };
});

/** A NIP (tax number; a private person's too): 10 digits with a valid check digit, hyphenated either way or not. */
export const nip: fc.Arbitrary<Secret> = fc
  .tuple(digits(9), fc.integer({ min: 0, max: 4 }))
  .map(([first, form]) => {
    const weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
    const check = [...first].reduce((total, d, i) => total + Number(d) * weights[i], 0) % 11;
    return { first, check, form };
  })
  .filter(({ check }) => check !== 10)
  .map(({ first, check, form }) => {
    const n = first + check;
    const [a, b, c, d] = chunks(n, [3, 3, 2, 2]);
    const [e, f, g, h] = chunks(n, [3, 2, 2, 3]);
    const forms = [`${a}-${b}-${c}-${d}`, `${e}-${f}-${g}-${h}`, n, `PL${n}`, `NIP ${a} ${b} ${c} ${d}`];
    return { kind: 'nip' as const, text: forms[form], digits: n };
  });

/** A Polish account number: IBAN with PL, or the 26-digit NRB, spaced in fours or not. */
export const iban: fc.Arbitrary<Secret> = fc.tuple(digits(26), fc.boolean(), fc.boolean()).map(([n, withCountry, spaced]) => {
  const body = spaced ? [n.slice(0, 2), ...chunks(n.slice(2), [4, 4, 4, 4, 4, 4])].join(' ') : n;
  return { kind: 'iban' as const, text: `${withCountry ? 'PL' : ''}${body}`, digits: n };
});

const STREETS = ['Wojska Polskiego', 'Niepodległości', 'Grunwaldzki', 'Kaliny', 'Jana Pawła II', '3 Maja', 'Bohaterów Warszawy', 'ks. Piotra Skargi', 'Długa', 'Curie-Skłodowskiej'];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A street address: "ul. Wojska Polskiego 12/4", "al. Niepodległości 5", "pl. …", "os. … 7 m. 3", with a postal code and town or not. */
export const address: fc.Arbitrary<Secret> = fc
  .tuple(
    fc.constantFrom('ul.', 'al.', 'pl.', 'os.', 'ulica', 'aleja', 'plac', 'osiedle', 'Ul.', 'Al.'),
    fc.constantFrom(...STREETS),
    fc.integer({ min: 1, max: 250 }),
    fc.constantFrom('', 'a', 'B'),
    fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 120 }).map((flat) => `/${flat}`), fc.integer({ min: 1, max: 40 }).map((flat) => ` m. ${flat}`), fc.integer({ min: 1, max: 9 }).map((flat) => ` lok. ${flat}`)),
    fc.option(fc.tuple(digits(2), digits(3), fc.constantFrom('Szczecin', 'Police', 'Goleniów', 'Stargard', 'Nowe Warpno')), { nil: null }),
  )
  .map(([prefix, street, house, letter, flat, postal]) => {
    const text = `${prefix} ${street} ${house}${letter}${flat}${postal ? `, ${postal[0]}-${postal[1]} ${postal[2]}` : ''}`;
    const patterns = [`${escape(street)}\\s+${house}`, ...(postal ? [`${postal[0]}-${postal[1]}`] : [])];
    return { kind: 'address' as const, text, pattern: new RegExp(patterns.join('|'), 'u') };
  });

/** Private submitters: first name, surname, and the surname's forms when others mention them. */
export const PRIVATE_SUBMITTERS = [
  { first: 'Anna', surname: 'Wróblewska', forms: ['Wróblewska', 'Wróblewskiej', 'Wróblewską'] },
  { first: 'Jan', surname: 'Kowalski', forms: ['Kowalski', 'Kowalskiego', 'Kowalskim'] },
  { first: 'Ewa', surname: 'Zielińska', forms: ['Zielińska', 'Zielińskiej'] },
  { first: 'Piotr', surname: 'Nowak', forms: ['Nowak', 'Nowaka', 'Nowakiem'] },
  { first: 'Małgorzata', surname: 'Lewandowska-Kos', forms: ['Lewandowska-Kos', 'Lewandowskiej-Kos'] },
];

/** A mention of a private submitter by someone else: "p. Wróblewska", "Pani Anna Wróblewska", "pan Nowak", … */
export const mention: fc.Arbitrary<Secret> = fc
  .tuple(fc.constantFrom(...PRIVATE_SUBMITTERS), fc.integer({ min: 0, max: 5 }), fc.nat())
  .map(([person, form, pick]) => {
    const surname = person.forms[pick % person.forms.length];
    const forms = [`p. ${surname}`, `Pani ${person.first} ${surname}`, `${person.first} ${person.surname}`, `pan ${surname}`, `Pan ${person.first} ${surname}`, `jak pisze ${surname}`];
    const stem = person.surname.split('-')[0].replace(/[aeiouy]+$/u, '');
    return { kind: 'surname' as const, text: forms[form], pattern: new RegExp(`(?<![\\p{L}])${escape(stem)}`, 'u') };
  });

export const secret: fc.Arbitrary<Secret> = fc.oneof(phone, pesel, nip, iban, address, mention);

/** Ordinary numbers of a consultation: they must survive as written. */
export const ordinary: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1990, max: 2040 }).map(String),
  fc.integer({ min: 1, max: 999 }).map((n) => `${n} mln zł`),
  fc.integer({ min: 1, max: 40 }).map((n) => `§ ${n}`),
  fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => `art. ${a} ust. ${b}`),
  fc.integer({ min: 1, max: 999 }).map((n) => `${n} uwag`),
  fc.constantFrom('w latach 2021–2027', 'w latach 2021-2027', '1 250 000 zł', '100 000 000 zł', '12 345 678 zł', '85%', 'pkt 3.2.1', 'Uchwała nr 7/2026', 'DK10', '12.03.2025 r.', 'U/2026/0042', 'Dz. U. z 2025 r. poz. 198', 'do 2035 r.'),
  fc.integer({ min: 2, max: 400 }).map((n) => `${n} km`),
);

const WORDS = ['transport', 'publiczny', 'kolej', 'aglomeracja', 'mieszkańcy', 'proponuję', 'zmianę', 'zapisu', 'w', 'celu', 'oraz', 'dojazdy', 'do', 'pracy', 'szkoła', 'powietrze', 'smog', 'zieleń', 'rower', 'ścieżka', 'gmina', 'powiat', 'Szczecin', 'Police', 'strategia', 'rozdział', 'uzasadnienie', 'kontakt', 'proszę', 'o', 'odpowiedź', 'dotyczy', 'budżet'];

const separator = fc.constantFrom(' ', ', ', ' i ', '. ', ' — ', '\n', ': ');
/**
 * Between two numbers something more than a space: "poz. 198 100 000 000 zł" reads as one amount to a person too, so
 * no rule could tell it from "poz. 198, 100 000 000 zł".
 */
const betweenNumbers = fc.constantFrom(', ', ' i ', '. ', ' — ', '\n', '; ', ' oraz ');

/** A Polish text with personal data and ordinary numbers in it, and what it holds. */
export const textWithSecrets: fc.Arbitrary<{ text: string; secrets: Secret[]; ordinary: string[] }> = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...WORDS).map((word) => ({ word })) }, { weight: 2, arbitrary: secret.map((s) => ({ secret: s })) }, { weight: 2, arbitrary: ordinary.map((o) => ({ ordinary: o })) }), { minLength: 1, maxLength: 14 })
  .chain((parts) =>
    fc
      .tuple(fc.array(separator, { minLength: parts.length, maxLength: parts.length }), fc.array(betweenNumbers, { minLength: parts.length, maxLength: parts.length }))
      .map(([loose, strict]) => ({ parts, separators: parts.map((part, i) => ('word' in part || (parts[i + 1] && 'word' in parts[i + 1]) ? loose[i] : strict[i])) })),
  )
  .map(({ parts, separators }) => {
    const text = parts.map((part, i) => ('word' in part ? part.word : 'secret' in part ? part.secret.text : part.ordinary) + (i < parts.length - 1 ? separators[i] : '')).join('');
    return {
      text,
      secrets: parts.flatMap((part) => ('secret' in part ? [part.secret] : [])),
      ordinary: parts.flatMap((part) => ('ordinary' in part ? [part.ordinary] : [])),
    };
  });

/** Where a secret is still found in an output (its digits with every separator taken out, or its pattern), or null. */
export function leakOf(output: string, secrets: readonly Secret[]): Secret | null {
  const compact = output.replace(/[\s\-.()+/]/g, '');
  for (const s of secrets) {
    if (s.digits && compact.includes(s.digits)) return s;
    if (s.pattern && s.pattern.test(output)) return s;
  }
  return null;
}
