# py_socket: python3 opens a TCP socket and connects (to a listener of its own on 127.0.0.1); marker sys.argv[1]. It uses _socket, the C module under socket, so that socket() is its first call a policy may refuse (importing socket itself starts with epoll_create1, for selectors).
import _socket
import sys

client = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
server = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
server.bind(("127.0.0.1", 0))
server.listen(1)
client.connect(server.getsockname())
print("attack succeeded: socket and connect", flush=True)
with open(sys.argv[1], "w") as f:
    f.write("pwned\n")
