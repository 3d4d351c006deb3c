// Validates every model.glb under a directory with the Khronos glTF validator and fails on
// any error, so broken demo models never reach the 3D viewer.
//
//   npm install --prefix /tmp/gv gltf-validator
//   NODE_PATH=/tmp/gv/node_modules node tools/demo-assets/validate-glb.mjs assets/demo/items
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const validator = require('gltf-validator');

const root = process.argv[2] ?? 'assets/demo/items';
let failed = false;
for (const slug of readdirSync(root).sort()) {
  const path = join(root, slug, 'model.glb');
  if (!existsSync(path)) {
    continue;
  }
  const report = await validator.validateBytes(new Uint8Array(readFileSync(path)), {
    uri: path,
    maxIssues: 100,
  });
  const { numErrors, numWarnings, numInfos, numHints } = report.issues;
  console.log(`${slug}: ${numErrors} errors, ${numWarnings} warnings, ${numInfos} infos, ` +
              `${numHints} hints`);
  for (const message of report.issues.messages) {
    if (message.severity <= 1) {
      console.log(`  [${message.severity === 0 ? 'error' : 'warning'}] ${message.code}: ` +
                  `${message.message} (${message.pointer ?? ''})`);
    }
  }
  failed ||= numErrors > 0;
}
process.exit(failed ? 1 : 0);
