#!/usr/bin/python3
"""sum.py: a well-behaved Python 3 submission using a handful of standard modules."""
import bisect
import collections
import functools
import heapq
import itertools
import json
import math
import re
import sys

Stats = collections.namedtuple("Stats", "count sum rms median smallest largest")


def read_numbers(lines):
    """Every integer in the input, whatever separates them (re, itertools)."""
    return [int(tok) for tok in itertools.chain.from_iterable(
        re.findall(r"-?\d+", line) for line in lines)]


def median(nums):
    """The median, keeping a sorted copy with bisect.insort."""
    ordered = []
    for x in nums:
        bisect.insort(ordered, x)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def main():
    nums = read_numbers(sys.stdin)
    if not nums:
        print("sum 0")
        return 0
    stats = Stats(
        count=len(nums),
        sum=functools.reduce(lambda a, b: a + b, nums, 0),
        rms=round(math.sqrt(math.fsum(x * x for x in nums) / len(nums)), 4),
        median=median(nums),
        smallest=heapq.nsmallest(3, nums),
        largest=heapq.nlargest(3, nums),
    )
    print(f"sum {stats.sum}")
    print(json.dumps(stats._asdict()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
