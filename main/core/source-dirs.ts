/**
 * Where resources and migrations lie in the source tree: the defaults for tests, tools and
 * development. The shells pass their own (packaged app, bundled code); the core reads no
 * environment variable.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const SOURCE_RESOURCES_DIR = path.resolve(here, '../../resources');
export const SOURCE_MIGRATIONS_DIR = path.resolve(here, 'store/migrations');
