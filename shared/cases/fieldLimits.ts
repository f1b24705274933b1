// The lengths the intake and action forms of every kind share: the schemas refuse a longer value and the forms stop
// the clerk typing at the same length, so a limit is written once.

/** A person's name. */
export const NAME_MAX = 50;
/** One line: an organisation's name, an address, a court, a document number. */
export const LINE_MAX = 100;
/** 公民身份号码, 统一社会信用代码 or another ID number, as typed (spaces and full-width digits included). */
export const ID_NUMBER_MAX = 30;
export const PHONE_MAX = 30;
/** 案情, a record of an investigation or a session. */
export const FACTS_MAX = 5000;
/** A note, a reason, an explanation. */
export const NOTE_MAX = 2000;
