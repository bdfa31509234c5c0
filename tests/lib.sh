# Shared helpers of the shell tests: TAP output, a scratch directory, and
# `contained`, which runs a (possibly hostile) program in its own PID
# namespace, as an unprivileged user, under a timeout.
set -u

TAP_N=0
TAP_FAILED=0

ok() { # ok COND_STATUS NAME
	TAP_N=$((TAP_N + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $TAP_N - $2"
	else
		echo "not ok $TAP_N - $2"
		TAP_FAILED=$((TAP_FAILED + 1))
	fi
}

skip() { # skip NAME REASON
	TAP_N=$((TAP_N + 1))
	echo "ok $TAP_N - $1 # SKIP $2"
}

diag() { printf '# %s\n' "$@"; }

done_testing() {
	echo "1..$TAP_N"
	rm -rf "$SCRATCH"
	[ "$TAP_FAILED" -eq 0 ]
}

# check NAME COMMAND...: ok when COMMAND succeeds; returns its success, so
# that `check ... || diag ...` explains a failure.
check() {
	local name=$1
	shift
	if "$@"; then ok 0 "$name"; return 0; fi
	ok 1 "$name"
	return 1
}

# field NAME: a field of the statistics file $STATS, as JSON (nothing when it has none).
field() { python3 -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1]))[sys.argv[2]]))' "$STATS" "$1" 2>/dev/null; }

LIBJAIL=$abs_top_builddir/lib/.libs/libjail.so
JAILCTL=$abs_top_builddir/tools/jailctl
DEFAULT_CONF=$abs_top_srcdir/conf/jail.conf

# The scratch space: programs are copied here so that an unprivileged user
# can run them whatever the permissions of the build tree; out/ is the only
# place they may write.
SCRATCH=$(mktemp -d /tmp/jail-test.XXXXXX) || exit 99
chmod 755 "$SCRATCH"
mkdir -m 777 "$SCRATCH/out"
mkdir "$SCRATCH/bin"
cp "$LIBJAIL" "$SCRATCH/bin/libjail.so"
cp "$(dirname "$LIBJAIL")/libjail-compile.so" "$SCRATCH/bin/libjail-compile.so"
LIBJAIL=$SCRATCH/bin/libjail.so
cp "$DEFAULT_CONF" "$SCRATCH/jail.conf"
DEFAULT_CONF=$SCRATCH/jail.conf
OUT=$SCRATCH/out
# No compiled policy of the user's may stand in for what a test compiles:
# the test's own cache (jailctl run stores its filters there).
export JAIL_CACHE="$SCRATCH/no-cache"
trap 'rm -rf "$SCRATCH"' EXIT

install_prog() { # install_prog PATH: copies a test program into the scratch bin/
	cp "$1" "$SCRATCH/bin/" && chmod 755 "$SCRATCH/bin/$(basename "$1")"
}

if [ "$(id -u)" -eq 0 ]; then
	CONTAIN="unshare --pid --fork --kill-child -- setpriv --reuid=65534 --regid=65534 --clear-groups --"
else
	CONTAIN="unshare --user --pid --fork --kill-child --"
fi

# contained [VAR=VALUE...] PROGRAM [ARG...]: its status is the program's
# (128+N for signal N). Standard output and error go to $OUT/stdout and
# $OUT/stderr.
contained() {
	$CONTAIN timeout -k 2 20 env "$@" >"$OUT/stdout" 2>"$OUT/stderr"
}

# The namespace must work before anything hostile runs outside of it.
if ! $CONTAIN true 2>/dev/null; then
	echo "1..0 # SKIP cannot make a PID namespace as an unprivileged user here"
	exit 0
fi
