import { create } from 'xmlbuilder';
import type { PublicRecord } from './public-records.service';

/**
 * A record's BIP metadata as XML (metryka.xml in its export), element names in Polish as BIP systems name them:
 * the producer, the person responsible, who entered it, when it was produced and made available, the history of
 * changes and the files. Times in UTC (ISO 8601); the schema is the JSON's, one element per field.
 */
export function recordXml(record: PublicRecord): string {
  const root = create('metryka', { version: '1.0', encoding: 'UTF-8' }, {}, { invalidCharReplacement: '' }).att('rodzaj', record.kind).att('klucz', record.key);
  root.ele('tytul', record.title);
  root.ele('podmiot', record.association);
  root.ele('wytworzyl', record.producer);
  root.ele('dataWytworzenia', record.producedAt.toISOString());
  if (record.responsible) root.ele('odpowiedzialny', record.responsible);
  if (record.enteredBy) root.ele('wprowadzil', record.enteredBy);
  root.ele('dataUdostepnienia', record.publishedAt.toISOString());
  root.ele('strona', record.page);
  const history = root.ele('rejestrZmian');
  for (const change of record.history) {
    const item = history.ele('zmiana').att('data', change.at.toISOString()).att('rodzaj', change.change);
    if (change.by) item.ele('kto', change.by);
    if (change.detail) item.ele('opis', change.detail);
  }
  const files = root.ele('pliki');
  for (const file of record.files) files.ele('plik').att('nazwa', `pliki/${file.name}`).att('typ', file.mediaType).att('adres', file.href);
  return root.end({ pretty: true });
}
