// sum.js: a well-behaved JavaScript submission (node): the sum and root mean
// square of the integers on standard input, printed as sum.c prints them.
"use strict";
const fs = require("fs");

// printf's %.4f: the double's exact value (x >= 0) rounded to 4 places,
// halves to even. toFixed(4) would round halves up; toFixed(60) is exact
// for any x >= 2^-8 (52 binary places and 8 more), and far finer below it.
function fixed4(x) {
  const [whole, frac] = x.toFixed(60).split(".");
  let units = BigInt(whole + frac.slice(0, 4)); // x in units of 0.0001, cut
  const rest = frac.slice(4), half = "5".padEnd(rest.length, "0");
  if (rest > half || (rest === half && units % 2n === 1n))
    units++;
  const digits = units.toString().padStart(5, "0");
  return `${digits.slice(0, -4)}.${digits.slice(-4)}`;
}

let sum = 0n, squares = 0, n = 0;
for (const token of fs.readFileSync(0, "utf8").split(/\s+/)) {
  if (token === "")
    continue;
  if (!/^[-+]?\d+$/.test(token))
    break; // scanf("%ld") stops at the first token that is no number
  const x = BigInt(token);
  sum = BigInt.asIntN(64, sum + x); // a C long
  squares += Number(x) * Number(x);
  n++;
}
console.log(`sum ${sum}`);
console.log(`rms ${fixed4(n > 0 ? Math.sqrt(squares / n) : 0)}`);
