#!/usr/bin/python3
"""sum.py: a well-behaved Python 3 submission using a handful of standard
modules: the sum and root mean square of the integers on standard input,
printed as sum.c prints them."""
import collections
import functools
import itertools
import math
import re
import sys

Stats = collections.namedtuple("Stats", "count sum rms")


def read_numbers(lines):
    """Every integer in the input, whatever separates them (re, itertools)."""
    return [int(tok) for tok in itertools.chain.from_iterable(
        re.findall(r"-?\d+", line) for line in lines)]


def main():
    nums = read_numbers(sys.stdin)
    # Squares summed as C sums its doubles, one after the other, so that
    # the last digit agrees with sum.c's.
    squares = functools.reduce(lambda acc, x: acc + float(x) * float(x), nums, 0.0)
    stats = Stats(count=len(nums), sum=sum(nums),
                  rms=math.sqrt(squares / len(nums)) if nums else 0.0)
    print(f"sum {stats.sum}")
    print(f"rms {stats.rms:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
