export const MESSAGES: {en: Record<string, string>; fr: Record<string, string>};
