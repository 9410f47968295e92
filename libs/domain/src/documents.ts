export const DOCUMENT_KINDS = ['strategy', 'sector_plan', 'concept', 'resolution_draft', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_STATUSES = ['drafting', 'in_consultation', 'adopted', 'archived'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
