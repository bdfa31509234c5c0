// cheat_write.js: a JavaScript cheat that creates a file (answers.txt) and writes into it.
"use strict";
require("fs").writeFileSync("answers.txt", "42\n");
console.log("wrote answers.txt");
