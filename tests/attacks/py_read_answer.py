# py_read_answer: python3 opens a course's expected output sys.argv[2] read-only and prints it (marker sys.argv[1]).
import sys

try:
    with open(sys.argv[2]) as f:
        answer = f.readline().strip()
except OSError as e:
    print("attack failed: open the answer file: %s" % e.strerror, flush=True)
    sys.exit(1)
print("attack succeeded: read the expected output: %s" % answer, flush=True)
with open(sys.argv[1], "w") as m:
    m.write("pwned\n")
