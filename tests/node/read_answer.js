// read_answer.js: a node program reads a course's expected output argv[3] and prints it; marker argv[2].
"use strict";
const fs = require("fs");
let answer;
try {
  answer = fs.readFileSync(process.argv[3], "utf8").split("\n")[0];
} catch (e) {
  console.log(`attack failed: ${e.message}`);
  process.exit(1);
}
console.log(`attack succeeded: read the expected output: ${answer}`);
fs.writeFileSync(process.argv[2], "pwned\n");
