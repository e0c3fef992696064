/** Where the default catalogs and unit lists live: beside the code in development, set by the shell when packaged. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function resourcesDir(): string {
  if (process.env.TONGHOP_RESOURCES) return process.env.TONGHOP_RESOURCES;
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../resources');
}
