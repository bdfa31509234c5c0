#!/bin/sh
# grade.sh: grades one submission on a directory of tests with `jailctl run`
# and prints a table (test, verdict, CPU time, memory, details) and a score.
#
# Usage: grade.sh [-p PROFILE] [-t SECONDS] [-m SIZE] SUBMISSION [TESTDIR]
#
# SUBMISSION is a program (compiled, or a script with #!), or a source or
# class file, archive or class directory of a language the profiles cover
# (the table of kinds is `classify` below). Its kind chooses the profile of
# jail.conf and the command that runs it; -p names another profile. The
# first line says what was chosen. TESTDIR (default: tests/ beside this
# script) holds the tests N.in with their expected output N.out. Each test
# is run as
#
#   jailctl run -p PROFILE -t SECONDS [-m SIZE] -S STATS -i N.in -o OUT -q -- COMMAND
#
# in a directory of its own that holds only the submission's files (a
# program file or a script stays where it is), and OUT is compared with
# N.out, ignoring whitespace at the end of lines and empty lines at the
# end. SECONDS is 1 (2 for Java: the JVM's start takes up to a second of
# CPU time on its threads); the memory limit is the profile's unless -m
# gives one.
#
# Verdicts: OK (ran to the end, exit status 0, right output), WA (the same
# but wrong output), otherwise jailctl's verdict (runtime_error, signal,
# cpu_time_limit, wall_time_limit, output_limit, forbidden_syscall, ...).
# Details: the message for a forbidden call, the exit code for
# runtime_error, the signal for signal, jailctl's own error when it wrote no
# statistics.
#
# Environment: JAILCTL, the jailctl to use (default: jailctl in PATH);
# JAIL_CONFIG, JAIL_LIBRARY, if set, reach jailctl unchanged; JAIL_PROFILE,
# if set, is the profile, as -p; JAVA_FLAGS, the JVM's flags (default: the
# ones jail.conf(5) gives for grading). The statistics (JSON) are read with
# python3 when it is there (Debian 12 has it in /usr/bin), else with sed,
# which is enough for what jailctl writes.
#
# Exit status: 0 if every test passed, 1 if one did not, 2 if the
# submission could not be graded (usage, no tests, a missing file, a kind
# without its runtime or its profile, jailctl failing: internal_error).

set -u

me=grade.sh
usage() {
	echo "usage: $me [-p PROFILE] [-t SECONDS] [-m SIZE] SUBMISSION [TESTDIR]" >&2
	exit 2
}
die() {
	echo "$me: $*" >&2
	exit 2
}

chosen_profile=${JAIL_PROFILE:-} cpu= memory=
while getopts p:t:m: opt; do
	case $opt in
	p) chosen_profile=$OPTARG ;;
	t) cpu=$OPTARG ;;
	m) memory=$OPTARG ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
if [ $# -lt 1 ] || [ $# -gt 2 ]; then usage; fi
case $1 in -*) usage ;; esac

# Absolute paths: the tests run in the temporary directory.
abspath() {
	case $1 in
	/*) printf '%s\n' "$1" ;;
	*) printf '%s/%s\n' "$(pwd)" "${1#./}" ;;
	esac
}

submission=$(abspath "$1")
[ -e "$submission" ] || die "$1: no such file"

if [ $# -eq 2 ]; then
	testdir=$2
else
	case $0 in
	*/*) testdir=${0%/*}/tests ;;
	*) testdir=./tests ;;
	esac
fi
[ -d "$testdir" ] || die "$testdir: no such directory"
testdir=$(cd "$testdir" && pwd) || exit 2

jailctl=${JAILCTL:-jailctl}
case $jailctl in
*/*) jailctl=$(abspath "$jailctl"); [ -x "$jailctl" ] || die "$jailctl: not found" ;;
*) command -v "$jailctl" >/dev/null 2>&1 || die "$jailctl: not found in PATH (set JAILCTL)" ;;
esac
# JAIL_CONFIG and JAIL_LIBRARY pass through the environment as they are
# (exported, so that a plain assignment by the caller counts too).
[ -n "${JAIL_CONFIG+set}" ] && export JAIL_CONFIG
[ -n "${JAIL_LIBRARY+set}" ] && export JAIL_LIBRARY

# python3 if it works (a broken shim in PATH does not count), else sed.
python=
for p in python3 /usr/bin/python3; do
	if "$p" -c '' >/dev/null 2>&1; then
		python=$p
		break
	fi
done

# ---- the kinds of submission ----------------------------------------------
# The JVM's flags for grading (jail.conf(5), the java profile; java.flags
# beside this script): one collector thread, a quick compiler, no perf-data
# file, a small code cache and class space, and a heap that may fill the
# memory limit.
case $0 in
*/*) flags_file=${0%/*}/java.flags ;;
*) flags_file=./java.flags ;;
esac
if [ -z "${JAVA_FLAGS+set}" ]; then
	JAVA_FLAGS=$(cat "$flags_file" 2>/dev/null) || JAVA_FLAGS=
fi

# interpreter FILE: the program a #! line names (the one after env), or nothing.
interpreter() {
	sed -n '1{s/^#![[:space:]]*//p;q;}' "$1" | awk '{ print ($1 ~ /\/env$/ && $2 != "-S") ? $2 : ($1 ~ /\/env$/ ? $3 : $1) }'
}
is_elf() { [ "$(head -c 4 "$1" | od -An -tx1 | tr -d ' \n')" = 7f454c46 ]; }
# Go's linker writes its build ID in a note of its own.
is_go() {
	if command -v readelf >/dev/null 2>&1; then
		readelf -S -W "$1" 2>/dev/null | grep -q '\.note\.go\.buildid'
	else
		grep -aq 'Go build ID: "' "$1"
	fi
}

# classify PATH: the submission's kind (words), profile, run (the command,
# run in the run directory; empty: the submission itself), stage (what to
# copy into the run directory) and needs (the command's program and its
# Debian package). To grade another language: a case here, and its profile
# in jail.conf.
classify() {
	base=${1##*/} stage= run= needs=
	if [ -d "$1" ]; then
		[ -f "$1/Main.class" ] || die "$1: a directory without Main.class (the class a Java submission starts in)"
		kind="Java classes" profile=java stage=$1/. run="java $JAVA_FLAGS -cp . Main" needs="java default-jdk-headless"
		return
	fi
	case $base in *[[:space:]]*) die "$base: a name with white space" ;; esac
	case $base in
	*.java) kind="Java source" profile=java stage=$1 run="java $JAVA_FLAGS $base" needs="java default-jdk-headless" ;;
	*.class) kind="Java class" profile=java stage=$1 run="java $JAVA_FLAGS -cp . ${base%.class}" needs="java default-jdk-headless" ;;
	*.jar) kind="Java archive" profile=java stage=$1 run="java $JAVA_FLAGS -jar $base" needs="java default-jdk-headless" ;;
	*.js) kind=JavaScript profile=node stage=$1 run="node $base" needs="node nodejs" ;;
	*.py)
		stage=$1
		case $(interpreter "$1") in
		*pypy3*) kind="Python (PyPy)" profile=pypy3 run="pypy3 $base" needs="pypy3 pypy3" ;;
		*) kind=Python profile=python3 run="/usr/bin/python3 -B $base" needs="/usr/bin/python3 python3" ;;
		esac ;;
	*)
		[ -f "$1" ] && [ -x "$1" ] || die "$base: not an executable file, nor a kind of source grade.sh knows"
		if is_elf "$1"; then
			if is_go "$1"; then
				kind="Go program" profile=go
			else
				kind="compiled program (C, C++, Rust)" profile=default
			fi
		else
			interp=$(interpreter "$1")
			[ -n "$interp" ] || die "$base: neither a compiled program nor a script with #!"
			kind="script for ${interp##*/}"
			case ${interp##*/} in
			python3*) profile=python3 ;;
			pypy3*) profile=pypy3 ;;
			node | nodejs) profile=node ;;
			*) profile=default ;;
			esac
		fi ;;
	esac
}

classify "$submission"
[ -z "$chosen_profile" ] || profile=$chosen_profile
if [ -n "$needs" ] && ! command -v "${needs%% *}" >/dev/null 2>&1; then
	die "$base ($kind) needs ${needs%% *}: apt-get install ${needs#* }"
fi
# A profile the configuration lacks is an error, not a grade under another.
why=$("$jailctl" check -p "$profile" 2>&1 >/dev/null) ||
	die "profile \"$profile\" (for $base, $kind): ${why#jailctl: }"
[ -n "$cpu" ] || case $profile in java) cpu=2 ;; *) cpu=1 ;; esac
echo "submission: $base ($kind), profile $profile, run as: ${run:-$submission}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/grade.XXXXXX") || exit 2
trap 'cd / && rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
# The run directory holds only the submission's files; the program, as
# nobody under jailctl as root, may pass through $tmp but not list it.
chmod 711 "$tmp" && mkdir -m 755 "$tmp/run" || exit 2
if [ -n "$stage" ]; then
	cp -R "$stage" "$tmp/run/" && chmod -R a+rX "$tmp/run" || die "$stage: cannot copy it to $tmp/run"
fi
cd "$tmp/run" || exit 2

# field FILE KEY: the value of KEY in the JSON object in FILE, without
# python: a string (its \" and \\ escapes undone) or a number; nothing for
# null or a missing key. jailctl writes one flat object, so sed is enough.
field() {
	tr '\n\t' '  ' <"$1" | sed -n "
		s/.*\"$2\": *\"\([^\"\\\\]*\(\\\\.[^\"\\\\]*\)*\)\".*/\1/p
		t
		s/.*\"$2\": *\([-+0-9.eE][-+0-9.eE]*\).*/\1/p" |
		sed 's/\\\(.\)/\1/g'
}

# stats FILE: prints "verdict<TAB>cpu ms<TAB>memory KiB<TAB>details" for
# the JSON statistics in FILE.
stats() {
	if [ -n "$python" ]; then
		"$python" - "$1" 2>/dev/null <<'EOF'
import json, sys
with open(sys.argv[1]) as f:
    s = json.load(f)
verdict = s.get("verdict") or "?"
cpu = s.get("cpu_time")
mem = s.get("memory")
if verdict == "runtime_error":
    details = "exit code %s" % s.get("exit_code")
elif verdict == "signal":
    details = s.get("signal") or ""
elif verdict in ("forbidden_syscall", "internal_error"):
    details = s.get("message") or ""
else:
    details = ""
print("\t".join([verdict,
                 "-" if cpu is None else str(int(round(cpu * 1000))),
                 "-" if mem is None else str(mem),
                 " ".join(details.split())]))
EOF
	else
		verdict=$(field "$1" verdict) cpu=$(field "$1" cpu_time)
		mem=$(field "$1" memory) code=$(field "$1" exit_code)
		sig=$(field "$1" signal) msg=$(field "$1" message)
		case $verdict in
		runtime_error) details="exit code $code" ;;
		signal) details=$sig ;;
		forbidden_syscall | internal_error) details=$msg ;;
		*) details= ;;
		esac
		ms=$(awk -v t="$cpu" 'BEGIN { if (t == "") print "-"; else printf "%d\n", t * 1000 + 0.5 }')
		printf '%s\t%s\t%s\t%s\n' "${verdict:-?}" "$ms" "${mem:--}" "$details"
	fi
}

# normalize FILE: FILE without whitespace at the end of lines and without
# empty lines at the end.
normalize() {
	awk '{ sub(/[ \t\r\f\v]+$/, "") }
	     $0 == "" { blank++; next }
	     { while (blank > 0) { print ""; blank-- } print }' "$1"
}

# row TEST VERDICT MS KIB DETAILS: one line of the table.
row() {
	printf '%-6s %-18s %8s %11s' "$1" "$2" "$3" "$4"
	[ -z "$5" ] || printf '  %s' "$5"
	echo
}

# The tests' names, in numeric order (1, 2, ..., 10), one a line (so that
# a name may hold a space).
list=$(cd "$testdir" && ls | sed -n 's/\.in$//p' | sort -n)
[ -n "$list" ] || die "$testdir: no tests (N.in with N.out)"

row test verdict "time ms" "memory KiB" details
total=0 passed=0 broken=
nl='
'
IFS=$nl
for name in $list; do
	IFS=' 	'"$nl"
	in=$testdir/$name.in expected=$testdir/$name.out
	total=$((total + 1))
	if [ ! -f "$expected" ]; then
		row "$name" "no_answer" - - "$name.out is missing"
		continue
	fi
	out=$tmp/$name.out stats=$tmp/$name.json err=$tmp/$name.err
	if [ -n "$run" ]; then
		# shellcheck disable=SC2086 # the command's words
		"$jailctl" run -p "$profile" -t "$cpu" ${memory:+-m "$memory"} -S "$stats" -i "$in" -o "$out" -q -- $run 2>"$err"
	else
		"$jailctl" run -p "$profile" -t "$cpu" ${memory:+-m "$memory"} -S "$stats" -i "$in" -o "$out" -q -- "$submission" 2>"$err"
	fi
	status=$?
	if [ -s "$stats" ]; then
		line=$(stats "$stats") && [ -n "$line" ] ||
			line=$(printf 'internal_error\t-\t-\tunreadable statistics')
	else
		# No statistics: jailctl failed before the program ran (a
		# missing program, a bad configuration): show what it said.
		line=$(printf 'internal_error\t-\t-\tjailctl exit status %s: %s' \
			"$status" "$(sed -n '/^jailctl:/{p;q;}' "$err")")
	fi
	verdict=$(printf '%s\n' "$line" | cut -f1)
	ms=$(printf '%s\n' "$line" | cut -f2)
	mem=$(printf '%s\n' "$line" | cut -f3)
	details=$(printf '%s\n' "$line" | cut -f4-)
	if [ "$verdict" = ok ]; then
		normalize "$out" >"$tmp/got" && normalize "$expected" >"$tmp/want"
		if cmp -s "$tmp/got" "$tmp/want"; then
			verdict=OK
			passed=$((passed + 1))
		else
			verdict=WA
		fi
	fi
	[ "$verdict" != internal_error ] || broken=yes
	row "$name" "$verdict" "$ms" "$mem" "$details"
done

echo "score: $passed/$total"
[ -z "$broken" ] || exit 2
[ "$passed" -eq "$total" ]
