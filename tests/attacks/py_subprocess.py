# py_subprocess: python3's subprocess.run starts /bin/sh (vfork or fork, then exec), which writes the marker sys.argv[1].
import subprocess
import sys

r = subprocess.run(["/bin/sh", "-c", "echo 'attack succeeded: subprocess'; echo pwned > \"$0\"", sys.argv[1]])
sys.exit(r.returncode)
