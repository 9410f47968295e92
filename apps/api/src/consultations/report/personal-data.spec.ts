import fc from 'fast-check';
import { namePatterns, personalDataMasker, REDACTED, withoutContacts, withoutEmails, withoutPhones } from './personal-data';
import { leakOf, PRIVATE_SUBMITTERS, textWithSecrets } from './personal-data.testing';

const names = PRIVATE_SUBMITTERS.map((p) => `${p.first} ${p.surname}`);
const mask = personalDataMasker(names);

describe('personal data out of the report’s free text', () => {
  it('takes out phone numbers in every common Polish form, mobile and landline', () => {
    for (const phone of [
      '604 567 890',
      '604-567-890',
      '604567890',
      '604.567.890',
      '604 56 78 90',
      '+48604567890',
      '+48 604 567 890',
      '+48-604-567-890',
      '0048 604 567 890',
      '0048604567890',
      '(+48) 604 567 890',
      '(91) 424 12 34',
      '(091) 424-12-34',
      '(0-91) 424-12-34',
      '0 91 424 12 34',
      '91 424 12 34',
      '91-424-12-34',
      '91 4241234',
      '(91) 4241234',
      '+48 91 424 12 34',
      '+48 (91) 424 12 34',
    ]) {
      expect({ phone, masked: withoutContacts(`Proszę dzwonić: ${phone}, po 16.`) }).toEqual({ phone, masked: `Proszę dzwonić: ${REDACTED}, po 16.` });
    }
  });

  it('takes out PESEL, NIP, account numbers and street addresses with postal codes', () => {
    expect(withoutContacts('PESEL 85010112345 i 44051401359')).toBe(`PESEL ${REDACTED} i ${REDACTED}`);
    expect(withoutContacts('NIP 123-456-32-18, 123-45-63-218, PL1234563218, 1234563218')).toBe(`NIP ${REDACTED}, ${REDACTED}, ${REDACTED}, ${REDACTED}`);
    expect(withoutContacts('konto PL61 1090 1014 0000 0712 1981 2874 lub 61109010140000071219812874')).toBe(`konto ${REDACTED} lub ${REDACTED}`);
    for (const address of ['ul. Wojska Polskiego 12/4', 'al. Niepodległości 5', 'pl. Grunwaldzki 1a', 'os. Kaliny 7 m. 3', 'ul. 3 Maja 10', 'al. Jana Pawła II 12', 'ulica ks. Piotra Skargi 3/2', 'Ul. Długa 5 lok. 2', 'Długa 5/3']) {
      expect({ address, masked: withoutContacts(`Mieszkam: ${address}, obok szkoły.`) }).toEqual({ address, masked: `Mieszkam: ${REDACTED}, obok szkoły.` });
    }
    expect(withoutContacts('adres: ul. Długa 5, 70-123 Szczecin')).toBe(`adres: ${REDACTED}, ${REDACTED}`);
    // A street named without a house number is a place, not an address.
    expect(withoutContacts('remont ul. Wojska Polskiego i pl. Grunwaldzkiego')).toBe('remont ul. Wojska Polskiego i pl. Grunwaldzkiego');
  });

  it('keeps the ordinary numbers of a consultation', () => {
    const text =
      'W latach 2021–2027 (i 2021-2027) gmina wyda 12 mln zł, w tym 1 250 000 zł i 100 000 000 zł oraz 1 250 000 000 zł; § 12, art. 6 ust. 5, pkt 3.2.1, ' +
      '188 uwag, 85%, 35 dni, DK10, 12.03.2025 r., U/2026/0042, Uchwała nr 7/2026, Uchwała 12/2026, Dz. U. z 2025 r. poz. 198, 12 345 678 zł, 120 km.';
    expect(withoutContacts(text)).toBe(text);
    expect(withoutPhones('budżet 604 567 890 zł')).toBe('budżet 604 567 890 zł');
  });

  it('takes out e-mail addresses everywhere', () => {
    expect(withoutEmails('pisz: jan.kowalski+uwagi@poczta.gmina.pl lub biuro@som.example')).toBe(`pisz: ${REDACTED} lub ${REDACTED}`);
  });

  it('takes out private submitters’ names, also the surname alone and inflected, and any name after Pan/Pani', () => {
    expect(mask('Jak pisze p. Wróblewska, a także Pani Anna Wróblewska i pan Nowak.')).toBe(`Jak pisze p. ${REDACTED}, a także Pani ${REDACTED} i pan ${REDACTED}.`);
    expect(mask('Zgadzam się z uwagą Wróblewskiej oraz z Kowalskim; ANNA WRÓBLEWSKA też.')).toBe(`Zgadzam się z uwagą ${REDACTED} oraz z ${REDACTED}; ${REDACTED} też.`);
    expect(mask('Pani Wójt i Pan Prezydent Miasta odpowiedzieli panu Zielińskiemu.')).toBe(`Pani Wójt i Pan Prezydent Miasta odpowiedzieli panu ${REDACTED}.`);
    // Words that merely share a stem mid-sentence stay (names are capitalised).
    expect(mask('nowa kowalska tradycja')).toBe('nowa kowalska tradycja');
    expect(namePatterns(['Al'])).toEqual([]);
    // A meeting's place keeps its address but not an e-mail or a name.
    expect(mask('Urząd Miasta, pl. Armii Krajowej 1 (zapisy: biuro@som.example, p. Nowak)', { contacts: false })).toBe(`Urząd Miasta, pl. Armii Krajowej 1 (zapisy: ${REDACTED}, p. ${REDACTED})`);
  });

  it('leaves none of the generated personal data in a text, and every ordinary number as written', () => {
    fc.assert(
      fc.property(textWithSecrets, ({ text, secrets, ordinary }) => {
        const masked = mask(text);
        expect({ text, masked, leak: leakOf(masked, secrets) }).toEqual({ text, masked, leak: null });
        for (const number of ordinary) expect({ text, masked, number, kept: masked.includes(number) }).toEqual({ text, masked, number, kept: true });
      }),
      { numRuns: 2000 },
    );
  });
});
