/** Where the bundled bench finds the migrations and resources: the core reads no environment, the bench (a shell) does. */
export function benchDirs(env: NodeJS.ProcessEnv = process.env): { migrationsDir?: string; resourcesDir?: string } {
  return {
    ...(env.TONGHOP_MIGRATIONS_DIR ? { migrationsDir: env.TONGHOP_MIGRATIONS_DIR } : {}),
    ...(env.TONGHOP_RESOURCES ? { resourcesDir: env.TONGHOP_RESOURCES } : {}),
  };
}
