// connect.js: a node program opens a TCP socket and connects (to a listener of its own on 127.0.0.1), then writes the marker argv[2].
"use strict";
const net = require("net");
const server = net.createServer((c) => c.end()).listen(0, "127.0.0.1", () => {
  const client = net.connect(server.address().port, "127.0.0.1", () => {
    console.log(`attack succeeded: connected to port ${server.address().port}`);
    require("fs").writeFileSync(process.argv[2], "pwned\n");
    client.end();
    server.close();
  });
});
