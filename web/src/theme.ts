import {
  createTheme,
  DEFAULT_THEME,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

const sambang: MantineColorsTuple = [
  '#e6f8f0',
  '#d3ede2',
  '#a8d9c4',
  '#79c4a4',
  '#52b389',
  '#39a877',
  '#2aa26d',
  '#1a8d5c',
  '#0b7a55',
  '#006943',
];

// ---- Contrast (issue #15, WCAG 2.2 AA: text ≥ 4.5:1) ----------------------------------------------
// Mantine's default shades put light text on light backgrounds (a yellow badge is 1.75:1, a teal one
// 2.3:1). Instead of hand-picking shades per component, the variant resolver below darkens the text
// of light/outline/subtle variants, and the background of filled ones, until they reach 4.6:1.

function channels(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}
function toHex(c: number[]): string {
  return `#${c
    .map((v) =>
      Math.max(0, Math.min(255, Math.round(v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = channels(hex).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
/** A colour over white at the given opacity (how Mantine draws "light" backgrounds). */
function overWhite(hex: string, alpha: number): string {
  return toHex(channels(hex).map((v) => v * alpha + 255 * (1 - alpha)));
}
/** Darkens `fg` in small steps until it reaches `min` contrast against `bg`. */
export function darkenFor(fg: string, bg: string, min = 4.6): string {
  let c = channels(fg);
  for (let i = 0; i < 40 && contrast(toHex(c), bg) < min; i++) c = c.map((v) => v * 0.93) as [number, number, number];
  return toHex(c);
}

const HEX = /^#[0-9a-f]{6}$/i;
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor || !parsed.color || !input.theme.colors[parsed.color]) return base;
  const shades = input.theme.colors[parsed.color];
  const main = shades?.[parsed.shade ?? (parsed.color === input.theme.primaryColor ? 8 : 6)];
  if (!shades || !main) return base;
  if (!HEX.test(main) || parsed.color === 'dark' || parsed.color === 'gray') return base;
  if (input.variant === 'light') return { ...base, color: darkenFor(shades[9], overWhite(shades[6], 0.12)) };
  if (input.variant === 'outline' || input.variant === 'subtle' || input.variant === 'transparent')
    return { ...base, color: darkenFor(shades[9], '#ffffff') };
  if (input.variant === 'filled' || input.variant === undefined) {
    const bg = darkenFor(main, '#ffffff');
    return bg === main ? base : { ...base, background: bg, hover: darkenFor(bg, '#ffffff', 5.5), color: '#ffffff' };
  }
  return base;
};

/**
 * Mantine's shades 8 and 9 of green, orange, teal… are still under 4.5:1 as text on white
 * (`c="orange.9"` is 4.3:1, `c="green.8"` 3.4:1): darkened until they pass, the lighter shades kept.
 */
const readableShades = Object.fromEntries(
  (
    ['red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'] as const
  ).map((name) => {
    const shades = [...DEFAULT_THEME.colors[name]];
    shades[8] = darkenFor(DEFAULT_THEME.colors[name][8], '#f8f9fa');
    shades[9] = darkenFor(DEFAULT_THEME.colors[name][9], '#f8f9fa', 5.5);
    return [name, shades as unknown as MantineColorsTuple];
  }),
);

/** Secondary ("dimmed") text: Mantine's gray.6 is 3.3:1 on the page background; this is 5.8:1. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636a', '--mantine-color-placeholder': '#687078' },
  dark: {},
});

export const theme = createTheme({
  primaryColor: 'sambang',
  primaryShade: 8,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
  headings: {
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
    fontWeight: '650',
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  variantColorResolver,
  colors: { sambang, ...readableShades },
  // Every control named (issue #15): Mantine's icon-only buttons get Indonesian names here, once.
  components: {
    Pagination: {
      defaultProps: {
        getControlProps: (control: 'first' | 'previous' | 'next' | 'last') =>
          ({
            first: { 'aria-label': 'Halaman pertama' },
            previous: { 'aria-label': 'Halaman sebelumnya' },
            next: { 'aria-label': 'Halaman berikutnya' },
            last: { 'aria-label': 'Halaman terakhir' },
          })[control],
        getItemProps: (page: number) => ({ 'aria-label': `Halaman ${page}` }),
      },
    },
    Select: { defaultProps: { clearButtonProps: { 'aria-label': 'Kosongkan pilihan' } } },
    MultiSelect: { defaultProps: { clearButtonProps: { 'aria-label': 'Kosongkan pilihan' } } },
    DateInput: { defaultProps: { clearButtonProps: { 'aria-label': 'Kosongkan tanggal' } } },
    DatePickerInput: { defaultProps: { clearButtonProps: { 'aria-label': 'Kosongkan tanggal' } } },
    CloseButton: { defaultProps: { 'aria-label': 'Tutup' } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Tutup dialog' } } },
    // A table wider than the phone scrolls sideways: keyboard users must be able to scroll it too.
    TableScrollContainer: { defaultProps: { tabIndex: 0, scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
  },
});
