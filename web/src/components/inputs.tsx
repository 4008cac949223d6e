import { NumberInput, type NumberInputProps } from '@mantine/core';

/** Whole rupiah amount, shown as "Rp 1.234.567". */
export function RupiahInput(
  props: Omit<NumberInputProps, 'thousandSeparator' | 'decimalSeparator' | 'prefix' | 'allowDecimal'>,
) {
  return (
    <NumberInput
      thousandSeparator="."
      decimalSeparator=","
      prefix="Rp "
      allowDecimal={false}
      hideControls
      inputMode="numeric"
      {...props}
    />
  );
}

/** Non-negative whole count ("1.234"). */
export function CountInput(
  props: Omit<NumberInputProps, 'thousandSeparator' | 'decimalSeparator' | 'allowDecimal' | 'allowNegative'>,
) {
  return (
    <NumberInput
      thousandSeparator="."
      decimalSeparator=","
      allowDecimal={false}
      allowNegative={false}
      min={0}
      hideControls
      inputMode="numeric"
      {...props}
    />
  );
}

/** NumberInput value → integer or null. */
export function toInt(v: string | number | null | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(String(v).replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(n) ? Math.round(n) : null;
}

export const numOrEmpty = (v: number | null | undefined): number | string => (typeof v === 'number' ? v : '');
