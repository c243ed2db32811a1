export const FORMULA_FIRST: string[];
export const FORMULA_START: string;
export const PLAIN_NUMBER: string;
export const PHONE_NUMBER: string;
export function safeCellText(text: string): string;
