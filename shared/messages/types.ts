/** Every user-facing text, Korean first, then English. */
export interface MessageText {
  ko: string;
  en: string;
}
export type MessageTable = Record<string, MessageText>;
export type Language = keyof MessageText;
