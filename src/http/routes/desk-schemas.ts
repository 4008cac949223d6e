export { verificationOut } from '../../contract/verification.js';
