// The app's own build config with another public dir: test/update.spec.ts builds a second
// version of the app from a copy of static/ with one changed file, as a new deploy would.
import { mergeConfig } from 'vite';
import base from '../vite.config.ts';

const publicDir = process.env.ROLLEKORT_PUBLIC_DIR;
if (!publicDir) throw new Error('ROLLEKORT_PUBLIC_DIR is not set');

export default mergeConfig(base, { publicDir });
