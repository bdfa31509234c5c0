#!/bin/sh
# PID 1 of the guest that `make check-kernel` boots (tests/kernel/run.sh),
# inside the host's root under a writable overlay. It sets the machine up
# as a systemd host would look to a program (cgroup v2 with the controllers
# enabled down to a login session's scope, the shell in that scope), runs
# each test under automake's TAP driver, leaves the logs in the results
# share, and powers off. The host reads the results; this script's own
# output is the console's.
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH HOME=/root LANG=C.UTF-8 TERM=dumb
RESULTS=$1
. "$RESULTS/harness.env"

power_off() {
	sync
	echo o >/proc/sysrq-trigger
	sleep 30
}
say() { echo "check-kernel: guest: $*"; echo "$*" >>"$RESULTS/guest.log"; }
fail() { say "setup failed: $*"; echo "setup failed: $*" >"$RESULTS/setup-failed"; power_off; }

# ---- the machine -------------------------------------------------------------------
# /tmp stays the overlay's (the build tree may be there); writes go to memory all the same.
mount -t tmpfs -o mode=755 tmpfs /run || fail "tmpfs on /run"
mount -t securityfs securityfs /sys/kernel/security 2>/dev/null
mkdir -p /dev/pts /dev/shm
mount -t devpts -o newinstance,ptmxmode=0666 devpts /dev/pts || fail "devpts"
mount -t tmpfs -o mode=1777 tmpfs /dev/shm || fail "tmpfs on /dev/shm"
ln -sfn /proc/self/fd /dev/fd && ln -sfn /proc/self/fd/0 /dev/stdin &&
	ln -sfn /proc/self/fd/1 /dev/stdout && ln -sfn /proc/self/fd/2 /dev/stderr || fail "/dev/fd links"
hostname check-kernel
ip link set lo up 2>/dev/null || busybox ip link set lo up || fail "loopback"

# ---- cgroup v2 as systemd leaves it for a login shell --------------------------------
# systemd mounts cgroup2 alone with these options, enables the controllers
# its units need on the way down (slices hold no processes), and puts a
# login's processes in user.slice/user-UID.slice/session-N.scope.
CG=/sys/fs/cgroup
mount -t cgroup2 -o nsdelegate,memory_recursiveprot cgroup2 $CG || fail "mounting cgroup2"
enable_all() { # enable_all DIR: every controller DIR has, for its children
	for c in $(cat "$1/cgroup.controllers"); do echo "+$c"; done | tr '\n' ' ' >"$1/cgroup.subtree_control" ||
		fail "enabling the controllers in $1"
}
enable_all $CG
SESSION=$CG/user.slice/user-0.slice/session-1.scope
mkdir -p $CG/system.slice "$SESSION" || fail "making the session's cgroup"
enable_all $CG/system.slice
enable_all $CG/user.slice
enable_all $CG/user.slice/user-0.slice
echo $$ >"$SESSION/cgroup.procs" || fail "moving the test shell into $SESSION"

{
	echo "kernel: $(uname -r)"
	echo "command line: $(cat /proc/cmdline)"
	echo "cgroup: $(cat /proc/self/cgroup)"
	echo "root subtree_control: $(cat $CG/cgroup.subtree_control)"
	echo "landlock: $(cat /sys/kernel/security/lsm 2>/dev/null)"
	echo "cpus: $(nproc)"
} >"$RESULTS/machine.txt"
say "$(tr '\n' ';' <"$RESULTS/machine.txt")"

# ---- the tests -------------------------------------------------------------------------
export abs_top_builddir abs_top_srcdir abs_builddir abs_srcdir CC CXX installed_compiler
cd "$abs_builddir" || fail "no build directory $abs_builddir"
for t in $TESTS; do
	case $t in
	*.test) cmd="sh $abs_srcdir/$t" ;;
	*) cmd="$abs_builddir/$t" ;;
	esac
	name=$(basename "$t")
	say "running $name"
	start=$(cut -d' ' -f1 /proc/uptime)
	# The driver's own timeout is the host's; this one keeps the other tests' results.
	timeout -k 10 "$TEST_TIMEOUT" env AM_TAP_AWK=awk sh "$abs_top_srcdir/build-aux/tap-driver.sh" \
		--test-name "$name" --log-file "$RESULTS/$name.log" --trs-file "$RESULTS/$name.trs" \
		--color-tests no --enable-hard-errors yes --expect-failure no -- $cmd </dev/null >/dev/null 2>&1
	st=$?
	end=$(cut -d' ' -f1 /proc/uptime)
	echo "$name $st $start $end" >>"$RESULTS/times"
	# What was left for the next test: the overlay's free space (/tmp) and memory, in MiB.
	echo "$name $(df -Pm /tmp | awk 'NR == 2 { print $4 }') $(awk '/^MemAvailable:/ { print int($2 / 1024) }' /proc/meminfo)" \
		>>"$RESULTS/resources"
	[ "$st" -eq 124 ] && say "$name: timed out after $TEST_TIMEOUT s"
	say "$name: status $st, $(grep -c '^:test-result: PASS' "$RESULTS/$name.trs" 2>/dev/null) passed"
done
# Nothing a test made may be left in the cgroup tree.
find $CG -mindepth 1 -type d >"$RESULTS/cgroups-left.txt"
echo done >"$RESULTS/finished"
power_off
