// Prints the Khronos gltf-validator report for one .glb as JSON.
// Usage: NODE_PATH=<prefix>/node_modules node validate-gltf.mjs model.glb
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.resolve(process.env.NODE_PATH || '.', 'noop.js'));
const validator = require('gltf-validator');

const file = process.argv[2];
const bytes = new Uint8Array(await readFile(file));
const report = await validator.validateBytes(bytes, { maxIssues: 50 });
process.stdout.write(JSON.stringify(report, null, 1));
