#!/usr/bin/python3
"""make check-kernel's report: what ran in the guest and what did not, and why.

summary.py RESULTS BUILDDIR TEST...

RESULTS holds the guest's logs (NAME.log, NAME.trs from automake's TAP
driver, machine.txt, times); BUILDDIR/NAME.log, where present, are this
machine's own logs of the same tests (make check), to compare against.
Prints a table per test script, each test the guest skipped with its
reason, and each test skipped here with what it did in the guest. Writes
RESULTS/test-suite.log with automake's "# PASS: N" lines. Exits 0 when no
test failed and every test script finished, else 1.
"""
import os
import re
import sys

LINE = re.compile(r"^(PASS|FAIL|XFAIL|XPASS|SKIP|ERROR): (\S+)(?: (\d+))?(?: - (.*?))?(?: # (SKIP|TODO)\s*(.*))?$")


def results(log):
    """The test points of one automake log: [(result, number, name, reason)]."""
    points = []
    try:
        with open(log, errors="replace") as f:
            for line in f:
                m = LINE.match(line.rstrip("\n"))
                if m:
                    points.append((m.group(1), m.group(3) or "", m.group(4) or "", m.group(6) or ""))
    except OSError:
        return None
    return points


def diagnostics(log, number, most=12):
    """The "# ..." lines a test script printed after its failed test NUMBER."""
    lines, inside = [], False
    try:
        with open(log, errors="replace") as f:
            for line in f:
                line = line.rstrip("\n")
                if re.match(r"^(not )?ok \d+", line):
                    inside = re.match(r"^not ok %s\b" % re.escape(number), line) is not None
                elif inside and line.startswith("# "):
                    lines.append(line[2:])
    except OSError:
        pass
    return lines[:most]


def count(points, result):
    return sum(1 for p in points if p[0] == result)


def main():
    out, builddir, tests = sys.argv[1], sys.argv[2], sys.argv[3:]
    machine = {}
    try:
        for line in open(os.path.join(out, "machine.txt")):
            key, _, value = line.partition(": ")
            machine[key] = value.strip()
    except OSError:
        pass
    times = {}
    try:
        for line in open(os.path.join(out, "times")):
            name, status, start, end = line.split()
            times[name] = (int(status), float(end) - float(start))
    except (OSError, ValueError):
        pass

    print("check-kernel: guest kernel %s, %s CPUs, %s" % (
        machine.get("kernel", "?"), machine.get("cpus", "?"), machine.get("cgroup", "?")))
    print("check-kernel: the tests, in the guest (and on this machine, from its own make check logs):")
    print("  %-16s %6s %6s %6s %6s %8s   %s" % ("test", "passed", "failed", "errors", "skipped", "seconds",
                                                "this machine: passed/failed/skipped"))
    totals = {"PASS": 0, "FAIL": 0, "ERROR": 0, "SKIP": 0, "XFAIL": 0, "XPASS": 0}
    unfinished, guest_skips, host_skips = [], [], []
    for test in tests:
        name = os.path.basename(test)
        guest = results(os.path.join(out, name + ".log"))
        # automake names a script's log without its .test
        host = results(os.path.join(builddir, re.sub(r"\.test$", "", name) + ".log"))
        status, seconds = times.get(name, (None, 0.0))
        if guest is None or status is None:
            unfinished.append((name, "did not run (the guest stopped before it)"))
            guest = []
        elif status == 124:
            unfinished.append((name, "timed out in the guest"))
        for r in totals:
            totals[r] += count(guest, r)
        here = "%d/%d/%d" % (count(host, "PASS"), count(host, "FAIL") + count(host, "ERROR"),
                             count(host, "SKIP")) if host is not None else "no log (run make check first)"
        print("  %-16s %6d %6d %6d %6d %8.0f   %s" % (name, count(guest, "PASS"), count(guest, "FAIL"),
                                                  count(guest, "ERROR"), count(guest, "SKIP"), seconds, here))
        skipped_there = set()
        for result, number, point, reason in guest:
            if result == "SKIP":
                guest_skips.append((name, number, point, reason))
                skipped_there.add(point)
        for result, number, point, reason in host or []:
            if result == "SKIP":
                host_skips.append((name, number, point, reason, point in skipped_there))
    print("  %-16s %6d %6d %6d %6d" % ("total", totals["PASS"], totals["FAIL"] + totals["XPASS"],
                                       totals["ERROR"], totals["SKIP"]))

    failed = [(t, p) for t in tests for p in (results(os.path.join(out, os.path.basename(t) + ".log")) or [])
              if p[0] in ("FAIL", "ERROR", "XPASS")]
    left = {}
    try:
        for line in open(os.path.join(out, "resources")):
            name, space, memory = line.split()
            left[name] = "/tmp had %s MiB free and %s MiB of memory was available" % (space, memory)
    except (OSError, ValueError):
        pass
    if failed:
        print("check-kernel: failed in the guest:")
        for test, (result, number, point, _) in failed:
            print("  %s %s %s - %s" % (result, os.path.basename(test), number, point))
            if number:
                for line in diagnostics(os.path.join(out, os.path.basename(test) + ".log"), number):
                    print("      # %s" % line)
        for test in sorted(set(os.path.basename(t) for t, _ in failed)):
            print("  after %s, %s" % (test, left.get(test, "the guest's free space and memory are unknown")))
    print("check-kernel: not run in the guest, and why:")
    for name, why in unfinished:
        print("  %s: %s" % (name, why))
    for name, number, point, reason in guest_skips:
        print("  %s %s - %s: %s" % (name, number, point, reason))
    if not unfinished and not guest_skips:
        print("  (nothing: every test ran)")
    if host_skips:
        print("check-kernel: skipped on this machine, and what they did in the guest:")
        for name, number, point, reason, also in host_skips:
            print("  %s %s - %s: %s (here: %s)" % (name, number, point,
                                                   "skipped there too" if also else "ran there", reason))

    # No test may leave a run's cgroup behind (the guest lists its cgroups at the end).
    try:
        left = [l.strip() for l in open(os.path.join(out, "cgroups-left.txt"))
                if os.path.basename(l.strip()).startswith("jail-")]
    except OSError:
        left = []
    if left:
        print("check-kernel: runs' cgroups left in the guest after the tests: %s" % " ".join(left))
        unfinished.append(("cgroups", "left behind"))

    with open(os.path.join(out, "test-suite.log"), "w") as f:
        f.write("check-kernel: %s\n\n" % machine.get("kernel", "?"))
        f.write("# TOTAL: %d\n" % sum(totals.values()))
        for r in ("PASS", "SKIP", "XFAIL", "FAIL", "XPASS", "ERROR"):
            f.write("# %s: %d\n" % (r, totals[r] + (len(unfinished) if r == "ERROR" else 0)))
    bad = totals["FAIL"] + totals["ERROR"] + totals["XPASS"] + len(unfinished)
    print("check-kernel: %d passed, %d failed, %d skipped in the guest" % (totals["PASS"], bad, totals["SKIP"]))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
