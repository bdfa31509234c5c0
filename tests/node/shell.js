// shell.js: a node program runs a shell (child_process.execSync), which writes the marker argv[2].
"use strict";
require("child_process").execSync(`echo pwned > '${process.argv[2]}'`);
console.log("attack succeeded: ran a shell");
