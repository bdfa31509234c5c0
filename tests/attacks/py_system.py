# py_system: python3's os.system runs a shell (fork and exec) that writes the marker sys.argv[1].
import os
import sys

status = os.system("echo 'attack succeeded: os.system'; echo pwned > '%s'" % sys.argv[1])
sys.exit(0 if status == 0 else 1)
