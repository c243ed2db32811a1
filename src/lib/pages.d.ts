export function pageTitles(language: string): Record<"overview" | "sources" | string, string>;
