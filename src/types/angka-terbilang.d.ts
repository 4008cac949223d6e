declare module '@develoka/angka-terbilang-js' {
  /** '2026' → 'dua ribu dua puluh enam'. Takes the number as a string of digits. */
  export default function terbilang(angka: string): string;
}
