// What a case's record says, in the terms the dossier rules speak: a flat map of facts and the stages reached.
// Each kind builds its own from its own reading of its timeline (shared/kinds/<kind>/dossier.ts), so the rules and
// the lifecycle never disagree.
import type { CaseKind } from '../options';

export type FactValue = string | number | boolean;

export interface DossierFacts {
  kind: CaseKind;
  facts: Record<string, FactValue>;
  /** The stages the case has reached. */
  reached: string[];
  /** The stage the case is heading for next; null when archived. */
  next: string | null;
  /** A notarization's materials for its matter, as the catalogue had them at intake. */
  matterMaterials: string[];
}
