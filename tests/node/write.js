// write.js: a node program creates the file argv[2] (the marker) and writes into it.
"use strict";
require("fs").writeFileSync(process.argv[2], "pwned\n");
console.log(`attack succeeded: wrote ${process.argv[2]}`);
