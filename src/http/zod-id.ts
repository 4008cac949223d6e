import { z } from 'zod';

/**
 * Indonesian messages for every validation issue, short enough to sit under a form field.
 * Installed once, before any schema runs; zod's own Indonesian locale is the fallback.
 */
export function installIndonesianErrors(): void {
  z.config(z.locales.id());
  z.config({
    customError: (iss) => {
      const input = iss.input;
      switch (iss.code) {
        case 'invalid_type':
          if (input === undefined) return 'Wajib diisi.';
          if (input === null) return 'Tidak boleh kosong.';
          return `Harus berupa ${TYPE_NAMES[iss.expected] ?? iss.expected}.`;
        case 'too_small':
          if (iss.origin === 'string')
            return Number(iss.minimum) === 1 ? 'Wajib diisi.' : `Minimal ${iss.minimum} karakter.`;
          if (iss.origin === 'array') return `Minimal ${iss.minimum} butir.`;
          return `Tidak boleh kurang dari ${iss.minimum}.`;
        case 'too_big':
          if (iss.origin === 'string') return `Maksimal ${iss.maximum} karakter.`;
          if (iss.origin === 'array') return `Maksimal ${iss.maximum} butir.`;
          return `Tidak boleh lebih dari ${iss.maximum}.`;
        case 'invalid_value':
          if (input === undefined) return 'Wajib diisi.';
          return `Pilihan tidak dikenal. Pilihan yang sah: ${iss.values.map(String).join(', ')}.`;
        case 'unrecognized_keys':
          return `Kolom tidak dikenal: ${iss.keys.join(', ')}.`;
        case 'invalid_format':
          if (iss.format === 'email') return 'Alamat email tidak valid.';
          if (iss.format === 'uuid') return 'ID tidak valid.';
          if (iss.format === 'date') return 'Tanggal harus berformat YYYY-MM-DD.';
          return 'Format tidak valid.';
        case 'not_multiple_of':
          return 'Harus bilangan bulat.';
        default:
          return undefined;
      }
    },
  });
}

const TYPE_NAMES: Record<string, string> = {
  string: 'teks',
  number: 'angka',
  int: 'bilangan bulat',
  boolean: 'benar/salah (true/false)',
  array: 'daftar',
  object: 'objek',
  date: 'tanggal',
};
