// `node scripts/security-scan.mjs [dir]`: Electronegativity (pinned in
// package.json) over the built app (default out/), offline checks only: the
// check that downloads Electron's release list is left out. Any HIGH or
// MEDIUM finding fails; LOW and informational ones are listed. (The tool also
// tries to fetch updated translations of its own messages, with a one-second
// limit; offline that attempt fails and English is used.)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
/** Online: fetches Electron's releases to list missing security fixes. */
export const ONLINE_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const FAILING = new Set(['HIGH', 'MEDIUM']);

export async function scan(input) {
  const run = require('@doyensec/electronegativity');
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const result = await run({
    input: path.resolve(input),
    isRelative: true,
    isVerbose: false,
    customScan: [],
    excludeFromScan: ONLINE_CHECKS,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
  return result.issues.map((issue) => ({
    id: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    where: `${issue.file}:${issue.location.line}:${issue.location.column}`,
    description: issue.description,
  }));
}

async function main() {
  const input = process.argv[2] ?? 'out';
  const findings = await scan(input);
  for (const f of findings) process.stdout.write(`${f.severity.padEnd(13)} ${f.id}  ${f.where}  ${f.description}\n`);
  const failing = findings.filter((f) => FAILING.has(f.severity));
  if (failing.length > 0) {
    process.stderr.write(`Electronegativity: ${failing.length} HIGH or MEDIUM finding(s) in ${input}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`Electronegativity: no HIGH or MEDIUM finding in ${input} (${findings.length} lower)\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    process.stderr.write(`security scan: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  });
}
