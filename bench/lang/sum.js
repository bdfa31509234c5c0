// sum.js: the start-up benchmark's JavaScript program (bench/langs): the
// sum of the integers on standard input.
const words = require("fs").readFileSync(0, "utf8").split(/\s+/).filter((w) => w !== "");
console.log(`sum ${words.reduce((sum, w) => sum + BigInt(w), 0n)}`);
