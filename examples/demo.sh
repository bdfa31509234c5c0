#!/bin/sh
# demo.sh: runs the example submissions under libjail.so, each in a scratch
# directory with input.txt on standard input, and shows which programs the
# profiles let run and which cheats the default profile stops.
#
# `make demo` (in examples/) sets the four variables it needs:
#   LIBJAIL      the preload library, lib/.libs/libjail.so
#   JAIL_CONFIG  the profiles, conf/jail.conf
#   EXAMPLES     the directory of the compiled examples
#   SRCDIR       the directory of sum.py, sum.js, the .java files and input.txt
# and JAILCTL, tools/jailctl, which runs the Go examples: a static program
# ignores LD_PRELOAD (without it they are skipped). Each language runs where
# its compiler or runtime is installed; else the table says which package
# to install.
#
# Exit status 0 if every well-behaved program exited 0 and printed the right
# sum, and every cheat was stopped without leaving evidence; 1 otherwise.

set -u

: "${LIBJAIL:?LIBJAIL: path of libjail.so}"
: "${JAIL_CONFIG:?JAIL_CONFIG: path of jail.conf}"
: "${EXAMPLES:?EXAMPLES: directory of the compiled examples}"
: "${SRCDIR:?SRCDIR: directory of sum.py and input.txt}"

PYTHON=/usr/bin/python3 # Debian's, whatever python3 is first in PATH
INPUT=$SRCDIR/input.txt

if [ ! -f "$LIBJAIL" ]; then
	echo "demo.sh: $LIBJAIL not found: build lib/ first" >&2
	exit 1
fi

# Nothing in the caller's environment may change the profiles under test.
unset SECCOMP_SYSCALL_ALLOW SECCOMP_SYSCALL_DENY SECCOMP_DEFAULT_ACTION JAIL_PROFILE JAIL_LOG
unset JAVA_TOOL_OPTIONS NODE_OPTIONS NODE_EXTRA_CA_CERTS
# The JVM's flags for grading (jail.conf(5)): under libjail.so the memory
# limit is address space, of which a JVM with its default flags reserves 4G.
JAVA_FLAGS=$(cat "$SRCDIR/java.flags") || exit 1

tmp=$(mktemp -d "${TMPDIR:-/tmp}/jail-demo.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

expected=$(awk '{ for (i = 1; i <= NF; i++) s += $i } END { print s + 0 }' "$INPUT")
failed=

# jailed NAME PROFILE PROGRAM [ARG...]: runs PROGRAM under libjail.so with
# PROFILE, in a fresh directory $tmp/NAME (so a cheat can write only there,
# and the files it may read are there), with input.txt on standard input
# (or the file $stdin) and a 10 s wall-clock guard. A script submission
# ($script) is copied into the directory first, as a grader keeps a
# submission's files with it. Sets $status, $dir, $out (standard output on
# one line) and $err (a file). With via=jailctl, PROGRAM runs under
# `jailctl run -p PROFILE` instead (as the user nobody when root: the
# directory is open to it, and PROGRAM must be a copy from in_reach).
jailed() {
	name=$1 profile=$2
	shift 2
	dir=$tmp/$name err=$tmp/$name.err
	mkdir "$dir"
	[ -z "${script:-}" ] || cp "$script" "$dir/"
	if [ "${via:-}" = jailctl ]; then
		chmod 777 "$dir"
		set -- env JAIL_LIBRARY="$LIBJAIL" "$JAILCTL" run -q -p "$profile" -- "$@"
	else
		set -- env LD_PRELOAD="$LIBJAIL" JAIL_CONFIG="$JAIL_CONFIG" JAIL_PROFILE="$profile" "$@"
	fi
	(
		cd "$dir" || exit 126
		timeout 10 "$@" <"${stdin:-$INPUT}" >"$tmp/$name.out" 2>"$err"
		# Wait here rather than exec: this shell's "Bad system call"
		# notice goes to /dev/null, not into the table.
		exit $?
	) 2>/dev/null
	status=$?
	out=$(tr '\n' ' ' <"$tmp/$name.out" | sed 's/ *$//')
	if [ -z "$out" ]; then
		out="(none)"
	elif [ ${#out} -gt 60 ]; then
		out="$(printf '%s' "$out" | cut -c 1-56) ..."
	fi
}

# how: the way the last program ended, e.g. "(exit 0)" or "(SIGSYS)".
how() {
	if [ "$status" -gt 128 ]; then
		echo "(SIG$(kill -l "$status"))"
	elif [ "$status" -eq 124 ]; then
		echo "(timed out)"
	else
		echo "(exit $status)"
	fi
}

# show_err: the start of the last program's standard error, indented.
show_err() {
	if [ -s "$err" ]; then
		head -n 5 "$err" | sed 's/^/               | /'
	fi
}

# report NAME VERDICT DETAIL [FAILED]: one line of the table.
report() {
	printf '%-14s %-8s %-12s %s\n' "$1" "$2" "$(how)" "$3"
	if [ $# -gt 3 ]; then
		failed="$failed $1"
		show_err
	fi
}

# why NAME PROFILE PROGRAM [ARG...]: runs a program that the profile killed
# with SIGSYS again in log mode (each call outside the profile is allowed and
# logged once) and names those calls.
why() {
	why_name=$1 why_profile=$2
	shift 2
	log=$tmp/$why_name.log
	jailed "$why_name.why" "$why_profile" SECCOMP_DEFAULT_ACTION=log JAIL_LOG="$log" "$@"
	calls=$(sed -n 's/^libjail: log: //p' "$log" 2>/dev/null | tr '\n' ' ' | sed 's/ *$//')
	echo "               | not in profile $why_profile (log mode): ${calls:-none logged}"
}

# good NAME PROFILE PROGRAM [ARG...]: a well-behaved program must exit 0
# and print "sum <the sum of input.txt>".
good() {
	jailed "$@"
	if [ "$status" -ne 0 ]; then
		report "$name" FAILED "output: $out" failed
		if [ "$(how)" = "(SIGSYS)" ] && [ "${via:-}" != jailctl ]; then
			why "$@"
		fi
	elif ! awk -v s="$expected" '$1 == "sum" && $2 == s { ok = 1 } END { exit !ok }' \
		"$tmp/$name.out"; then
		report "$name" WRONG "output: $out (expected sum $expected)" failed
	else
		report "$name" ok "output: $out"
	fi
}

# cheat NAME EVIDENCE [PROFILE PROGRAM [ARG...]]: runs cheat NAME under the
# default profile (or PROGRAM under PROFILE). EVIDENCE is file:F (the cheat
# creates F) or output:TEXT (the cheat prints TEXT).
cheat() {
	name=$1 evidence=$2
	shift 2
	[ $# -gt 0 ] || set -- default "$EXAMPLES/$name"
	jailed "$name" "$@"
	case $evidence in
	file:*)
		what=${evidence#file:}
		if [ -e "$dir/$what" ]; then left="$what created"; else left=; fi
		clean="no $what created" ;;
	output:*)
		what=${evidence#output:}
		if grep -q "$what" "$tmp/$name.out"; then left="printed \"$what\""; else left=; fi
		clean="nothing \"$what\" printed" ;;
	esac
	case $status in
	0 | 124) report "$name" LET-RUN "${left:-$clean}, output: $out" failed ;;
	125) report "$name" ERROR "libjail refused to start it" failed ;;
	126 | 127) report "$name" NOT-RUN "could not be run" failed ;;
	*)
		if [ -n "$left" ]; then
			report "$name" LEAKED "stopped too late: $left" failed
		else
			report "$name" stopped "$clean"
		fi ;;
	esac
}

# answers NAME: the cheat that prints a test's expected output instead of
# computing it. As a grader would, it is given a test's input from a course
# directory where the expected output lies beside it (course/tests/1.in and
# 1.out). Unconfined, it finds and prints that answer; under the default
# profile it may open only what the system's libraries need and its own
# directory, so it finds nothing.
answers() {
	course=$tmp/course/tests
	mkdir -p "$course"
	cp "$INPUT" "$course/1.in"
	echo "sum $expected (the expected output)" >"$course/1.out"
	mkdir "$tmp/$1.unconfined"
	(cd "$tmp/$1.unconfined" && timeout 10 "$EXAMPLES/$1" <"$course/1.in" >"$tmp/$1.unconfined.out" 2>/dev/null)
	if grep -q "expected output" "$tmp/$1.unconfined.out"; then
		unconfined="unconfined, it printed the answer file"
	else
		unconfined="unconfined, it found nothing either"
	fi
	stdin=$course/1.in
	jailed "$1" default "$EXAMPLES/$1"
	stdin=
	if grep -q "expected output" "$tmp/$name.out"; then
		report "$name" LEAKED "printed the expected output ($unconfined)" failed
	elif [ "$status" -eq 0 ] || [ "$unconfined" = "unconfined, it found nothing either" ]; then
		report "$name" FAILED "$unconfined; confined, status $status" failed
	else
		report "$name" stopped "no answer printed ($unconfined)"
		head -n 1 "$err" | sed 's/^/               | /'
	fi
}

# spin NAME: a program that never ends must be stopped by the CPU limit
# (SIGXCPU at cpu_time, SIGKILL at the hard limit a second later).
spin() {
	jailed "$1" default "$EXAMPLES/$1"
	case $(how) in
	"(SIGXCPU)" | "(SIGKILL)") report "$name" stopped "by the CPU limit" ;;
	*) report "$name" LET-RUN "not stopped by the CPU limit" failed ;;
	esac
}

echo "libjail: $LIBJAIL"
echo "config:  $JAIL_CONFIG"
echo "input:   $(tr '\n' ' ' <"$INPUT")(sum $expected)"
echo

# missing NAME WHY: the line of a language whose compiler or runtime is missing.
missing() { printf '%-14s %s\n' "$1" "skipped: $2"; }

echo "Well-behaved submissions: each must exit 0 and print the sum."
good sum default "$EXAMPLES/sum"
good sum_cpp default "$EXAMPLES/sum_cpp"
good sum_threads threads "$EXAMPLES/sum_threads"
if [ -x "$PYTHON" ]; then
	script=$SRCDIR/sum.py
	good sum.py python3 "$PYTHON" sum.py
	script=
else
	printf '%-14s %s\n' sum.py "skipped: no $PYTHON"
fi
java_ok=
if command -v javac >/dev/null 2>&1 && command -v java >/dev/null 2>&1 &&
	javac -d "$tmp/classes" "$SRCDIR/Main.java" "$SRCDIR/Cheat.java"; then
	java_ok=yes
	script=$tmp/classes/Main.class
	good Main.java java java $JAVA_FLAGS -cp . Main
	script=
else
	missing Main.java "no javac and java (apt-get install default-jdk-headless)"
fi
if command -v node >/dev/null 2>&1; then
	script=$SRCDIR/sum.js
	good sum.js node node sum.js
	script=
else
	missing sum.js "no node (apt-get install nodejs)"
fi
echo

echo "Cheats, under the default profile: each must be stopped, leaving no evidence."
cheat cheat_shell file:pwned.txt
cheat cheat_fork output:forked
cheat cheat_write file:answers.txt
cheat cheat_network "output:socket opened"
answers cheat_answers
spin cheat_spin
echo "In Java and JavaScript, under the java and node profiles:"
if [ -n "$java_ok" ]; then
	script=$tmp/classes/Cheat.class
	cheat Cheat.java file:pwned.txt java java $JAVA_FLAGS -cp . Cheat
	script=
else
	missing Cheat.java "no javac and java (apt-get install default-jdk-headless)"
fi
if command -v node >/dev/null 2>&1; then
	script=$SRCDIR/cheat_write.js
	cheat cheat_write.js file:answers.txt node node cheat_write.js
	script=
else
	missing cheat_write.js "no node (apt-get install nodejs)"
fi
echo

# ---- Go, Rust and PyPy: the sum and a cheat in each, under each one's profile ----
PYPY=/usr/bin/pypy3 # Debian's pypy3
# in_reach PROGRAM: prints the path of a copy that jailctl's user (nobody,
# when root) may run, whatever the permissions of the build tree.
in_reach() {
	mkdir -p "$tmp/bin" && chmod 755 "$tmp" "$tmp/bin" && cp "$1" "$tmp/bin/" &&
		chmod 755 "$tmp/bin/${1##*/}" && echo "$tmp/bin/${1##*/}"
}
echo "Go (profile go, a static program: under jailctl run), Rust (default) and PyPy (pypy3):"
echo "the sum must be printed, the cheat stopped."
if [ ! -x "$EXAMPLES/sum_go" ] || [ ! -x "$EXAMPLES/cheat_shell_go" ]; then
	missing sum_go "not built: no go when configure ran (apt-get install golang-go, then ./configure)"
elif [ ! -x "${JAILCTL:-}" ]; then
	missing sum_go "no jailctl (JAILCTL): a static Go program ignores LD_PRELOAD"
else
	via=jailctl
	good sum_go go "$(in_reach "$EXAMPLES/sum_go")"
	cheat cheat_shell_go file:pwned.txt go "$(in_reach "$EXAMPLES/cheat_shell_go")"
	via=
fi
if [ -x "$EXAMPLES/sum_rs" ] && [ -x "$EXAMPLES/cheat_write_rs" ]; then
	good sum_rs default "$EXAMPLES/sum_rs"
	cheat cheat_write_rs file:answers.txt default "$EXAMPLES/cheat_write_rs"
else
	missing sum_rs "not built: no rustc when configure ran (apt-get install rustc, then ./configure)"
fi
if [ -x "$PYPY" ]; then
	script=$SRCDIR/sum.py
	good sum_pypy3 pypy3 "$PYPY" -B sum.py
	script=$SRCDIR/cheat_network.py
	cheat cheat_pypy3 "output:socket opened" pypy3 "$PYPY" -B cheat_network.py
	script=
else
	missing sum_pypy3 "no $PYPY (apt-get install pypy3)"
fi
echo

if [ -n "$failed" ]; then
	echo "FAILED:$failed"
	exit 1
fi
echo "All well-behaved submissions ran and all cheats were stopped."
exit 0
