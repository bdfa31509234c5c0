# py_ctypes_execve: python3 calls libc's execve through ctypes (no os module involved) to run /bin/sh, which writes the marker sys.argv[1].
import ctypes
import sys

libc = ctypes.CDLL(None, use_errno=True)
script = "echo 'attack succeeded: ctypes execve'; echo pwned > \"$0\""
args = [b"sh", b"-c", script.encode(), sys.argv[1].encode()]
argv = (ctypes.c_char_p * (len(args) + 1))(*args, None)
envp = (ctypes.c_char_p * 2)(b"PATH=/usr/bin:/bin", None)
libc.execve(b"/bin/sh", argv, envp)
print("attack failed: execve: errno %d" % ctypes.get_errno(), flush=True)
sys.exit(1)
