/**
 * Word lists for generated demo data. Names are common Indonesian/Javanese/Madurese given names
 * combined at random: plausible, never a real person's record.
 */
export const MALE_NAMES = [
  'Ahmad', 'Abdul', 'Agus', 'Bambang', 'Budi', 'Dwi', 'Eko', 'Fathur', 'Hadi', 'Hasan', 'Imam', 'Joko', 'Khoirul',
  'Lukman', 'Misbah', 'Moh.', 'Nur', 'Rahmat', 'Slamet', 'Sugeng', 'Suparman', 'Syaiful', 'Teguh', 'Wahyu', 'Yusuf', 'Zainal',
  'Arif', 'Bahrul', 'Didik', 'Faisol', 'Hariyanto', 'Junaidi', 'Mashuri', 'Rofiq', 'Sholeh', 'Taufik',
];
export const FEMALE_NAMES = [
  'Siti', 'Sri', 'Dewi', 'Endang', 'Fatimah', 'Hartini', 'Indah', 'Khotimah', 'Lilik', 'Maryam', 'Nurul', 'Rina', 'Sulastri',
  'Tutik', 'Umi', 'Wahyuni', 'Yuliati', 'Zubaidah', 'Anik', 'Binti', 'Erna', 'Hosnia', 'Lailatul', 'Mutmainah', 'Rohmah', 'Saniyah',
];
export const FAMILY_NAMES = [
  'Hidayat', 'Santoso', 'Wijaya', 'Prasetyo', 'Rahman', 'Hasanah', 'Maulana', 'Syafi\'i', 'Fauzi', 'Susanto', 'Kurniawan',
  'Setiawan', 'Anwar', 'Hakim', 'Ridwan', 'Mahmud', 'Yulianto', 'Rohim', 'Aminah', 'Wulandari', 'Handayani', 'Fitriani',
];
export const NAME_WORDS = [
  'Sumber Makmur', 'Sejahtera', 'Maju Bersama', 'Bina Usaha', 'Karya Mandiri', 'Tani Makmur', 'Sido Rukun', 'Rukun Santoso',
  'Mitra Usaha', 'Mekar Sari', 'Harapan Jaya', 'Sumber Rejeki', 'Berkah Abadi', 'Sido Mulyo', 'Mandiri Sejahtera', 'Bromo Lestari',
  'Tengger Jaya', 'Argopuro', 'Mangga Manalagi', 'Anggur Probolinggo', 'Bawang Merah Lestari', 'Nelayan Bahari', 'Tembakau Mas',
  'Amanah', 'Al-Ikhlas', 'Barokah', 'Nurul Huda', 'Darul Ulum', 'Al-Hidayah', 'Sumber Urip', 'Guyub Rukun', 'Gotong Royong',
  'Melati', 'Mawar', 'Kartini', 'Srikandi', 'Cempaka', 'Anggrek', 'Pelangi', 'Sinar Pagi', 'Fajar Harapan', 'Tunas Harapan',
];
export const PESANTREN_WORDS = ['Nurul Jadid', 'Zainul Hasan', 'Nurul Qodim', 'Hidayatullah', 'Miftahul Ulum', 'Badridduja', 'Raudlatul Ulum'];
export const SCHOOL_WORDS = ['SMAN 1', 'SMKN 1', 'SMPN 2', 'MAN', 'SMAN 2', 'MTsN'];
export const STREETS = ['Jl. Raya', 'Jl. Pahlawan', 'Jl. Merdeka', 'Jl. Diponegoro', 'Jl. Ahmad Yani', 'Jl. Kartini', 'Jl. Pasar', 'Dusun Krajan'];
