// Runs before every test file of jest's node project (jest.config.js, setupFiles). New password hashes use
// scrypt's test cost: at the app's cost, hashing took most of the time of every suite that makes accounts or
// signs in (see electron/services/accounts/passwords.ts). The app, the CLI and the preview never call this.
import { useTestPasswordCost } from '../../electron/services/accounts/passwords';

useTestPasswordCost();
