/** Types of the talisman phonetic functions the matching engine uses (the package ships none). */
declare module "talisman/phonetics/double-metaphone.js" {
  export default function doubleMetaphone(word: string): [string, string];
}
declare module "talisman/phonetics/french/phonex.js" {
  export default function phonex(word: string): string;
}
