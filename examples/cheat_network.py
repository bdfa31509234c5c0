"""cheat_network.py: a Python cheat (run it with pypy3 or python3) that opens
a TCP socket and connects to 127.0.0.1:9 (discard)."""
import socket

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
print("socket opened (fd %d)" % s.fileno(), flush=True)
try:
    s.connect(("127.0.0.1", 9))
    print("connected to 127.0.0.1:9")
except OSError as e:
    print("connect to 127.0.0.1:9: %s" % e.strerror)
s.close()
