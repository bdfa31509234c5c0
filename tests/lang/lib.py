# lib.py: a Python submission (run under pypy3) that uses the usual library:
# collections.Counter, sorted, f-strings, and four threads that sum a
# quarter of the numbers each. Prints one line.
import collections
import sys
import threading

nums = [int(t) for t in sys.stdin.read().split()]
count = collections.Counter(nums)
s = sorted(nums)
parts = [0] * 4


def work(k):
    parts[k] = sum(nums[k::4])


threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
line = f"n={len(nums)} distinct={len(count)}"
if nums:
    top = min(count, key=lambda x: (-count[x], x))
    line += f" min={s[0]} median={s[len(s) // 2]} max={s[-1]} top={top}:{count[top]}"
print(line + f" sum={sum(parts)}")
