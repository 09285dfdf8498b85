#!/usr/bin/env node
// The CLI is bundled from TypeScript by `npm run build:cli` (run by `npm ci`/`npm install` through
// `prepare`) into one script, run here with V8's code cache beside it: the cache holds the
// compiled code of a whole run, so a run compiles next to nothing. A cache that does not match
// the script byte for byte, is damaged, or that V8 turns down (another Node version or other V8
// flags) is not used, and the run makes a new one when it can write the folder.
//
// A CommonJS file (bin/package.json says so): Node starts an ES module entry some milliseconds
// later, and this file needs nothing of ES modules.
'use strict';

const bundlePath = `${__dirname}/../dist-cli/minicluster-gen.cjs`;
const { accessSync, constants, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');
const { Script } = require('node:vm');
const { crc32 } = require('node:zlib');
const cachePath = `${bundlePath}.cache`;
/** The cache file: this tag, the CRC-32 of the script and of V8's data, then the data. */
const CACHE_TAG = 0x3143434d; // "MCC1"
const HEADER_BYTES = 12;

let bundle;
try {
  bundle = readFileSync(bundlePath);
} catch {
  process.stderr.write('minicluster-gen: the CLI is not built yet; run `npm run build:cli` in the project folder.\n');
  process.exit(2);
}
const bundleSum = crc32(bundle);

function readCache() {
  try {
    const file = readFileSync(cachePath);
    if (file.length <= HEADER_BYTES || file.readUInt32LE(0) !== CACHE_TAG || file.readUInt32LE(4) !== bundleSum) return undefined;
    const data = file.subarray(HEADER_BYTES);
    return crc32(data) === file.readUInt32LE(8) ? data : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(data) {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(CACHE_TAG, 0);
  header.writeUInt32LE(bundleSum, 4);
  header.writeUInt32LE(crc32(data), 8);
  // A file of its own, then renamed: a run that reads the cache meanwhile sees the old or the new one whole.
  const temporary = `${cachePath}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([header, data]));
    renameSync(temporary, cachePath);
  } catch {
    // A read-only install runs without a cache of its own; nothing here may fail the run, whose
    // output is already written.
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}

/** Whether the cache's folder takes a new file: making the cache's data costs a few milliseconds. */
function canWriteCache() {
  try {
    accessSync(dirname(cachePath), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const cachedData = readCache();
// The script is ASCII (esbuild escapes the rest), so Latin-1 reads it as is, and without decoding.
const script = new Script(bundle.toString('latin1'), { filename: bundlePath, cachedData });
const loaded = { exports: {} };
script.runInThisContext()(loaded.exports, require, loaded);
loaded.exports.main(process.argv.slice(2)).then(() => {
  // Written again unless V8 took the cache (`cachedDataRejected` is false only then).
  if (script.cachedDataRejected !== false && canWriteCache()) writeCache(script.createCachedData());
});
