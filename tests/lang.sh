# What the tests of the languages' profiles share (go.test, rust.test,
# pypy3.test), sourced after lib.sh and attack.sh: the input their programs
# read and what they must print for it, the five cheats of
# tests/lang/cheat.*, and the memory checks.

# An input with repeated numbers, 5000 of them.
LANG_IN=$SCRATCH/lang.in
awk 'BEGIN { x = 7; for (i = 0; i < 5000; i++) { x = (x * 75 + 74) % 65537
	printf "%d%s", x % 2001 - 1000, i % 10 == 9 ? "\n" : " " } }' >"$LANG_IN" && chmod 644 "$LANG_IN" || exit 99
# The sum programs print what examples/sum.c prints; the library programs
# (tests/lang/lib.*) what this python3 computes.
SUM_WANT=$("$abs_top_builddir/examples/sum" <"$LANG_IN") || exit 99
LIB_WANT=$($JSON_PY -c 'import collections, sys
a = [int(t) for t in sys.stdin.read().split()]
c = collections.Counter(a)
s = sorted(a)
top = min(c, key=lambda x: (-c[x], x))
print(f"n={len(a)} distinct={len(c)} min={s[0]} median={s[len(s) // 2]} max={s[-1]} top={top}:{c[top]} sum={sum(a)}")' <"$LANG_IN") || exit 99

# A course's expected output, beside its input, outside the program's directory.
LANG_ANS=$OUT/course/tests/1.out
mkdir -p "$OUT/course/tests" && chmod 755 "$OUT/course" "$OUT/course/tests" &&
	printf '55 (the expected output)\n' >"$LANG_ANS" && chmod 644 "$LANG_ANS" || exit 99

# lang_cheats NAME PROGRAM...: the five cheats of tests/lang/cheat.*
# (PROGRAM MODE MARKER [ANSWER_FILE]) under the profile LANG_PROFILE, each
# checked unconfined, under libjail.so and under jailctl run: a shell, a
# child process, a file opened for writing outside the program's directory,
# a socket (forbidden calls, named by jailctl: LANG_CALLS, the four in that
# order, "-" for any) and a course's answers (the path rules: the open fails
# with "Permission denied", the program gives up). LANG_NOLIB and LANG_PREP
# are each one's NOLIB and PREP.
lang_cheats() {
	local prefix=$1 mode call calls="$LANG_CALLS "
	shift
	for mode in shell child write socket; do
		call=${calls%% *} calls=${calls#* }
		[ "$call" = - ] && call=
		PROFILE=$LANG_PROFILE NOLIB=$LANG_NOLIB PREP=$LANG_PREP CALL=$call
		attack "${prefix}_$mode" "$@" $mode
	done
	PROFILE=$LANG_PROFILE NOLIB=$LANG_NOLIB PREP=$LANG_PREP ARGS="\$M $LANG_ANS"
	LIBST=1 VERDICTS=runtime_error WHY="[Pp]ermission denied"
	attack "${prefix}_answer" "$@" answer
}

# lang_memory NAME PROGRAM...: under the memory and stack limits of the
# profile LANG_PROFILE, PROGRAM 64 (which holds 64 MiB, touched) prints
# "held 64", and PROGRAM 1024 is stopped: under libjail.so (RLIMIT_AS), under
# jailctl run (as root: a cgroup, the memory really in use) and, as root,
# under jailctl run as an ordinary user (RLIMIT_AS again). jailctl's verdict
# for 1024 is memory_limit, but as an ordinary user, where it is a guess,
# LANG_RLIMIT_VERDICTS (default memory_limit), with LANG_RLIMIT_WHY on
# standard error. The CPU limit is raised to 30 s for 1024: at about 10 µs a
# page on a VM, touching 1 GiB takes 2.6 s of CPU, past the profile's 2 s.
# LANG_ENVS is ENVS for each run.
lang_memory() {
	local prefix=$1 who
	shift
	PROFILE=$LANG_PROFILE PREP=$LANG_PREP NOLIB=$LANG_NOLIB ENVS=$LANG_ENVS
	runs "${prefix}_64MiB" /dev/null "held 64" "$@" 64
	if $ROOT; then
		PROFILE=$LANG_PROFILE PREP=$LANG_PREP JWRAP=$AS_NOBODY NOLIB="run above" ENVS=$LANG_ENVS
		runs "${prefix}_64MiB_rlimit" /dev/null "held 64" "$@" 64
	fi

	PROFILE=$LANG_PROFILE PREP=$LANG_PREP
	policy_words
	if [ -n "$LANG_NOLIB" ]; then
		skip "${prefix}_1GiB: stopped by libjail.so" "$LANG_NOLIB"
	else
		fresh
		contained "W=$W" $LANG_ENVS sh -c 'cd "$W" || exit 99; exec "$@"' sh env $libenv "$@" 1024; st=$?
		if [ "$st" -ne 0 ] && [ "$st" -ne 125 ] && ! grep -q held "$OUT/stdout"; then
			ok 0 "${prefix}_1GiB: stopped by libjail.so (status $st)"
		else
			ok 1 "${prefix}_1GiB: stopped by libjail.so (status $st)"
			report
		fi
	fi
	for who in root nobody; do
		local wrap= want=memory_limit why=
		if [ $who = nobody ]; then
			$ROOT || break
			wrap=$AS_NOBODY want=${LANG_RLIMIT_VERDICTS:-memory_limit} why=${LANG_RLIMIT_WHY:-}
		fi
		fresh
		(cd "$W" && env $LANG_ENVS $wrap timeout -k 2 120 "$J" run -S "$STATS" -p "$LANG_PROFILE" -t 30 -w 90 -- "$@" 1024 \
			>"$OUT/stdout" 2>"$OUT/stderr"); st=$?
		verdict_call
		local by=$($JSON_PY -c 'import json, sys; print(json.load(open(sys.argv[1]))["limits_by"])' "$STATS" 2>/dev/null)
		if in_list "$verdict" $want && ! grep -q held "$OUT/stdout" && { [ -z "$why" ] || grep -q "$why" "$OUT/stderr"; }; then
			ok 0 "${prefix}_1GiB: stopped by jailctl run as $who ($verdict, limits by $by)"
		else
			ok 1 "${prefix}_1GiB: stopped by jailctl run as $who: verdict $verdict (want $want${why:+, saying $why}), limits by $by"
			report
		fi
	done
	defaults
}
