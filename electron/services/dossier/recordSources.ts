// The generated-record sources of the electronic dossier: pages the app itself makes that fill a dossier item
// (electronic.ts `GeneratedRecordSource`), asked in this order for every item of a case. A source is added here —
// one line — and its page then takes the item's place in every dossier made and archived from then on.
import type { GeneratedRecordSource } from './electronic';

export const DOSSIER_RECORD_SOURCES: readonly GeneratedRecordSource[] = [];
