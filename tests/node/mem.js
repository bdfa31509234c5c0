// mem.js: holds argv[2] MiB of V8 heap, in arrays of 8192 numbers (64 KiB each), and says so.
"use strict";
const chunks = Number(process.argv[2]) * 16, keep = [];
for (let i = 0; i < chunks; i++) {
  const a = new Array(8192);
  for (let j = 0; j < 8192; j++)
    a[j] = i + j + 0.5;
  keep.push(a);
}
console.log(`held ${process.argv[2]} MiB`);
