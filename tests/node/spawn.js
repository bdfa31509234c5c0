// spawn.js: a node program starts another program (child_process.spawnSync of /usr/bin/touch), which creates the marker argv[2].
"use strict";
const r = require("child_process").spawnSync("/usr/bin/touch", [process.argv[2]]);
console.log(r.error ? `attack failed: ${r.error.message}` : `attack succeeded: started touch, status ${r.status}`);
process.exit(r.error ? 1 : 0);
