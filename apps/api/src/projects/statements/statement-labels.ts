import type { ProjectStage } from '@commonplan/domain';

export const STATEMENT_LANGUAGES = ['pl', 'en'] as const;
export type StatementLanguage = (typeof STATEMENT_LANGUAGES)[number];

const PL = {
  title: 'Zestawienie finansowe członka',
  association: 'Stowarzyszenie',
  member: 'Członek',
  generated: 'Sporządzono',
  note: 'Kwoty w złotych. Wkład własny i środki zewnętrzne podzielone kluczem projektu, co do grosza; wskaźnik dźwigni: środki zewnętrzne na 1 zł wydatków własnych (składka i wkłady).',
  year: 'Rok',
  fee: 'Składka członkowska',
  contributions: 'Wkład własny w projekty wspólne',
  external: 'Środki zewnętrzne dla terytorium członka',
  ownTotal: 'Wydatki własne razem',
  externalTotal: 'Środki zewnętrzne razem',
  leverage: 'Dźwignia (zł na 1 zł własny)',
  project: 'Projekt',
  stage: 'Etap',
  amount: 'Kwota',
  none: 'brak',
  summarySheet: 'Zestawienie',
  linesSheet: 'Projekty',
  kind: 'Rodzaj',
  kindContribution: 'wkład własny',
  kindExternal: 'środki zewnętrzne',
  savings: 'Oszczędności ze wspólnych zakupów',
  alone: 'Koszt zakupu osobno',
  joint: 'Udział w cenie wspólnej',
  saving: 'Oszczędność',
  page: (page: number, pages: number) => `Strona ${page} z ${pages}`,
  stages: {
    idea: 'pomysł',
    concept: 'koncepcja',
    approved: 'zatwierdzony do realizacji',
    submitted: 'wniosek złożony',
    granted: 'dofinansowanie przyznane',
    refused: 'odmowa dofinansowania',
    withdrawn: 'wycofany',
    implementation: 'w realizacji',
    settled: 'rozliczony',
  } satisfies Record<ProjectStage, string>,
};

const EN: typeof PL = {
  title: 'Member’s financial statement',
  association: 'Association',
  member: 'Member',
  generated: 'Prepared',
  note: 'Amounts in złoty. Own contributions and external funds shared by each project’s key, to the grosz; leverage: external funds per 1 zł of the member’s own spending (fee and contributions).',
  year: 'Year',
  fee: 'Membership fee',
  contributions: 'Own contribution to joint projects',
  external: 'External funds for the member’s territory',
  ownTotal: 'Own spending in total',
  externalTotal: 'External funds in total',
  leverage: 'Leverage (zł per 1 zł of its own)',
  project: 'Project',
  stage: 'Stage',
  amount: 'Amount',
  none: 'none',
  summarySheet: 'Statement',
  linesSheet: 'Projects',
  kind: 'Kind',
  kindContribution: 'own contribution',
  kindExternal: 'external funds',
  savings: 'Savings from joint purchases',
  alone: 'Cost buying alone',
  joint: 'Share of the joint price',
  saving: 'Saving',
  page: (page: number, pages: number) => `Page ${page} of ${pages}`,
  stages: {
    idea: 'idea',
    concept: 'concept',
    approved: 'approved',
    submitted: 'application submitted',
    granted: 'granted',
    refused: 'refused',
    withdrawn: 'withdrawn',
    implementation: 'in implementation',
    settled: 'settled',
  },
};

export type StatementLabels = typeof PL;

export function statementLabels(language: StatementLanguage): StatementLabels {
  return language === 'en' ? EN : PL;
}

/** "1 234 567,89" (Polish) or "1,234,567.89" (English) from "1234567.89", without a float. */
export function formatAmount(text: string, language: StatementLanguage): string {
  const [whole, fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, language === 'pl' ? '\u00a0' : ',');
  return `${grouped}${language === 'pl' ? ',' : '.'}${fraction}`;
}
