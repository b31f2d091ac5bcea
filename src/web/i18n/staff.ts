/**
 * The staff pages' words: sign-in, data entry, review, publication and administration. Japanese is the
 * master whose shape English must fill; each language lives in its own file, with the wording of
 * figure notes and form problems beside it.
 */
export { staffJa, type StaffMessages } from './staff-ja.ts';
export { staffEn } from './staff-en.ts';
