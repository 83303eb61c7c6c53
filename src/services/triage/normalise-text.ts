/**
 * Lowercase, diacritics and punctuation removed, stretched letters ("iyaaa") collapsed, spaces
 * squeezed. Digits keep their decimal separator so "1,5" and "1.5" survive. Thumbs-up and cross
 * emoji become the words "ya" and "tidak": patients answer yes/no questions with them.
 */
export function normaliseText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u{1F44D}\u2705\u2714\u{1F44C}]/gu, " ya ")
    .replace(/[\u{1F44E}\u274C\u274E\u2716]/gu, " tidak ")
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/(\d)[,.](\d)/g, "$1.$2")
    .replace(/[^a-z0-9.' -]+/g, " ")
    .replace(/(?<!\d)\.|\.(?!\d)/g, " ")
    .replace(/-/g, " ")
    .replace(/([a-z])\1{2,}/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

export function tokenise(text: string): string[] {
  const normal = normaliseText(text);
  return normal === "" ? [] : normal.split(" ");
}
