# py_write: python3 opens the marker sys.argv[1] for writing and writes it.
import sys

f = open(sys.argv[1], "w")
print("attack succeeded: open for writing", flush=True)
f.write("pwned\n")
f.close()
