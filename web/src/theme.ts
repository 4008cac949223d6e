import { createTheme, type MantineColorsTuple } from '@mantine/core';

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

export const theme = createTheme({
  primaryColor: 'sambang',
  primaryShade: 8,
  colors: { sambang },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
  headings: {
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
    fontWeight: '650',
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
});
