// library.js: a well-behaved node submission that uses the usual library:
// readline over standard input, Map and Set, sorting, string formatting,
// promises and a timer. It prints one line about the integers it reads.
"use strict";
const readline = require("readline");

async function main() {
  const nums = [];
  for await (const line of readline.createInterface({ input: process.stdin }))
    for (const token of line.trim().split(/\s+/))
      if (token !== "")
        nums.push(Number(token));
  nums.sort((a, b) => a - b);
  const counts = new Map();
  for (const x of nums)
    counts.set(x, (counts.get(x) || 0) + 1);
  // The sum in four parts, each a promise settled by the event loop.
  const parts = [0, 1, 2, 3].map((k) => new Promise((resolve) =>
    setTimeout(() => resolve(nums.filter((_, i) => i % 4 === k).reduce((s, x) => s + x, 0)), 1)));
  const sum = (await Promise.all(parts)).reduce((s, x) => s + x, 0);
  const squares = nums.reduce((s, x) => s + x * x, 0);
  const top = [...new Set(nums)].reverse().slice(0, 3).join(",");
  console.log(`n ${nums.length} sum ${sum} squares ${squares} min ${nums[0]} max ${nums[nums.length - 1]} ` +
    `top ${top} mean ${(sum / nums.length).toFixed(2).padStart(6, " ")}`);
}

main();
