# cheat.py: the Python submission's cheats (run under pypy3), one per mode,
# each checked by pypy3.test unconfined and confined. Usage: cheat.py MODE
# MARKER [ANSWER_FILE]. As tests/attacks/attack.h: when the cheat works it
# says "attack succeeded: WHAT", then leaves MARKER; when a call fails it
# says "attack failed: WHAT: ERROR" and exits 1.
#   shell   runs /bin/sh (os.system), which writes MARKER
#   child   forks a child (os.fork), which writes MARKER
#   write   opens MARKER, outside its directory, for writing
#   socket  connects a TCP socket to a listener of its own on 127.0.0.1
#           (with _socket, the module under socket, so that socket() is its
#           first call a profile may refuse: importing socket starts with
#           epoll_create1, for selectors)
#   answer  reads a course's expected output, ANSWER_FILE
import os
import sys


def failed(what, err):
    print("attack failed: %s: %s" % (what, err.strerror), flush=True)
    sys.exit(1)


def mark(marker, what):
    print("attack succeeded: %s" % what, flush=True)
    with open(marker, "w") as f:
        f.write("pwned\n")


def main(mode, marker, *rest):
    if mode == "shell":
        status = os.system('echo pwned > "%s"' % marker)
        if status != 0:
            print("attack failed: run a shell: status %d" % status, flush=True)
            sys.exit(1)
        print("attack succeeded: ran a shell", flush=True)
    elif mode == "child":
        pid = os.fork()
        if pid == 0:
            mark(marker, "a child process ran")
            os._exit(0)
        os.waitpid(pid, 0)
    elif mode == "write":
        try:
            f = open(marker, "w")
        except OSError as e:
            failed("open for writing", e)
        print("attack succeeded: opened a file for writing", flush=True)
        f.write("pwned\n")
        f.close()
    elif mode == "socket":
        import _socket
        try:
            server = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
            server.bind(("127.0.0.1", 0))
            server.listen(1)
            client = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
            client.connect(server.getsockname())
        except OSError as e:
            failed("socket and connect", e)
        mark(marker, "socket and connect")
    elif mode == "answer":
        try:
            with open(rest[0]) as f:
                answer = f.readline().strip()
        except OSError as e:
            failed("open the answer file", e)
        mark(marker, "read the expected output: " + answer)


if __name__ == "__main__":
    main(*sys.argv[1:])
