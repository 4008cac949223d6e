/** Fixed values the demo seeders share (the registry seeder and the visits seeder), so neither imports the other. */
export const DEMO_PASSWORD = 'sambang-demo';
/** The launch cooperative of the demo story: its RAT, its visit, its recommendations. */
export const DEWI_RENGGANIS_ID = '0b7e4a52-9c1d-4f3e-8a21-6d5f0c2b1e01';
