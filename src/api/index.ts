/**
 * The `brink` package: the game API, the scenario loader, the bot interface and the batch runner, as
 * the subpaths `brink/engine`, `brink/scenario`, `brink/policies` and `brink/batch` also export them,
 * plus the versions and the JSON Schemas of every output (files under `brink/schemas/`).
 * docs/library.md shows a program that plays a game with its own bot.
 */
export * from './engine.ts';
export * from './scenario.ts';
export * from './policies.ts';
export * from './batch.ts';
export { PACKAGE_VERSION } from '../version.ts';
export { MODEL_VERSION } from '../model/version.ts';
export { outputSchemas } from '../schemas/generate.ts';
