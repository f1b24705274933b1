// The shape of a kind's own pages in the app's routes (each kind lists its own in renderer/<kind>/routes.ts): the
// page's name, its address after `#/`, its place in the navigation, and the call a role must be allowed to make to
// be shown it.
import type { Channel } from '../../shared/contract';

export interface KindRoute {
  page: string;
  /**
   * The address after `#/`: `mediation/new`, `roster`. Absent: a page of the app's own that the navigation lists in
   * the kind's group (the drafts of every kind, under legal aid, whose intake came first).
   */
  path?: string;
  /** Its entry in the kind's group of the navigation. */
  label: string;
  needs?: Channel;
  /** An intake form: a draft of the kind is resumed in it (`?draft=N`). */
  resumesDrafts?: boolean;
}
