# mem.py: holds N MiB (its argument) in blocks of 1 MiB, each page touched,
# then prints "held N".
import sys

held = []
for _ in range(int(sys.argv[1])):
    block = bytearray(1 << 20)
    for j in range(0, len(block), 4096):
        block[j] = 1
    held.append(block)
print("held", len(held))
