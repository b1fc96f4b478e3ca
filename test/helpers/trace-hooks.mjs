// Module hooks for trace-loads.mjs: log each resolved URL.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (process.env.BRINK_TRACE_LOADS) appendFileSync(process.env.BRINK_TRACE_LOADS, `${result.url}\n`);
  return result;
}
