# The harness of the tests that run hostile programs (attacks.test and the
# languages' tests): `attack` checks one attack unconfined, under
# libjail.so and under jailctl run; `runs` checks that a well-behaved
# program runs both ways. Sourced after lib.sh, with $B holding the
# programs.
cp "$JAILCTL" "$B/jailctl" 2>/dev/null || cp "$abs_top_builddir/tools/.libs/jailctl" "$B/jailctl"
chmod 755 "$B/jailctl"
J=$B/jailctl
export JAIL_CONFIG="$DEFAULT_CONF" JAIL_LIBRARY="$LIBJAIL"
STATS=$OUT/stats.json
W=$OUT/work
ANS_FILE=$OUT/answer.txt
printf '7 (the expected output)\n' >"$ANS_FILE" && chmod 644 "$ANS_FILE"
PY="/usr/bin/python3 -B"
ROOT=false
[ "$(id -u)" -eq 0 ] && ROOT=true
AS_NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups --"

# verdict_call: reads the statistics into $verdict and $call (the name of
# the forbidden call, or "-"); both are "none" without statistics.
JSON_PY=python3
[ -x /usr/bin/python3 ] && JSON_PY=/usr/bin/python3 # not a slow wrapper earlier in PATH
verdict_call() {
	set -- $($JSON_PY -c 'import json, sys
s = json.load(open(sys.argv[1]))
print(s["verdict"], s["syscall"]["name"] if s["syscall"] else "-")' "$STATS" 2>/dev/null)
	verdict=${1:-none} call=${2:-none}
}
said_so() { grep -qs 'attack succeeded\|survived' "$OUT/stdout" "$OUT/stderr"; }
# outcome: what the attack left, in words.
outcome() {
	if won; then echo "marker present"; elif said_so; then echo "no marker, but it says it succeeded"; else echo "no marker"; fi
}
report() { diag "status $st" "stdout: $(head -c 300 "$OUT/stdout")" "stderr: $(head -c 300 "$OUT/stderr")" "stats: $(cat "$STATS" 2>/dev/null)"; }
in_list() { # in_list WORD LIST...
	local w=$1
	shift
	for x in "$@"; do [ "$x" = "$w" ] && return 0; done
	return 1
}

# Each attack is described by these, which `attack` resets after each one:
#   ARGS     the program's arguments (split on spaces: paths here have none)
#   JARGS    its arguments under jailctl, when they differ
#   WRAP     the shell that runs it in its namespace in steps 1 and 2, "$@"
#            being the program (under libjail.so: env LD_PRELOAD=... program);
#            it starts in the scratch directory $W
#   ENVS     VAR=VALUE words for the program, in every step
#   PREP     shell code run before each step (fixtures), in the test's shell
#   WON      shell code: true when the attack's effect is there (default:
#            the marker $M exists)
#   JPOST    shell code run after step 3, when jailctl has returned
#   NOLIB    why libjail.so alone cannot stop it by design (step 2 only says
#            what happened)
#   LIBST    the statuses that count as stopped under libjail.so (159: SIGSYS)
#   JOPTS    jailctl options; JWRAP a command jailctl runs under
#   VERDICTS the verdicts that count as stopped under jailctl
#   CALL     the forbidden call jailctl must name (empty: not checked)
#   PROFILE  the profile of jail.conf, in steps 2 and 3
#   READ     paths the program may read besides the profile's (@system and
#            "."), in steps 2 and 3: what it must open to reach the call
#            that the filter has to stop
#   WHY      text that the attack's own output must hold in steps 2 and 3
#            (empty: not checked): "Permission denied" for what the path
#            rules stop
defaults() {
	ARGS="\$M" JARGS="" WRAP='exec "$@"' ENVS="" PREP=":" WON='test -e "$M"' JPOST=":" NOLIB=""
	LIBST="159" JOPTS="" JWRAP="" VERDICTS="forbidden_syscall" CALL="" PROFILE=default READ="" WHY=""
}
defaults

# fresh: a new scratch directory and marker for one step.
fresh() {
	rm -rf "$W" "$M" "$OUT"/fx.* "$STATS"
	mkdir -m 777 "$W"
	eval "$PREP"
}
won() { eval "$WON"; }
why_holds() { [ -z "$WHY" ] || grep -qs "$WHY" "$OUT/stdout"; }

# policy_words: $libenv (the environment of step 2) and $readopt (jailctl's
# option) for PROFILE and READ.
policy_words() {
	libenv="LD_PRELOAD=$LIBJAIL JAIL_CONFIG=$DEFAULT_CONF JAIL_PROFILE=$PROFILE"
	readopt=""
	if [ -n "$READ" ]; then
		libenv="$libenv JAIL_READ=@system:.:$READ"
		readopt="--read @system:.:$READ"
	fi
}

# attack NAME PROGRAM...: the three steps.
attack() {
	local name=$1 args jargs reason verdict call
	shift
	M=$OUT/marker.$name
	F=$OUT/fx.$name
	args=$(eval "echo $ARGS")
	jargs=$(eval "echo ${JARGS:-$ARGS}")
	policy_words

	# 1. unconfined
	fresh
	contained "W=$W" $ENVS sh -c "cd \"\$W\" || exit 99; $WRAP" sh "$@" $args; st=$?
	if [ "$st" -eq 77 ]; then
		reason=$(sed -n 's/^cannot work here: //p' "$OUT/stdout" | head -1)
		skip "$name: works unconfined" "$reason"
		skip "$name: stopped by libjail.so" "$reason"
		skip "$name: stopped by jailctl run" "$reason"
		defaults
		return
	fi
	if won; then ok 0 "$name: works unconfined (status $st)"; else ok 1 "$name: works unconfined"; report; fi

	# 2. LD_PRELOAD=libjail.so alone (run even where it cannot stop the attack, to say what happened)
	fresh
	contained "W=$W" $ENVS sh -c "cd \"\$W\" || exit 99; $WRAP" sh env $libenv "$@" $args; st=$?
	if [ -n "$NOLIB" ]; then
		skip "$name: stopped by libjail.so" "cannot by design: $NOLIB (here: status $st, $(outcome))"
	else
		if ! won && ! said_so && in_list "$st" $LIBST && why_holds; then
			ok 0 "$name: stopped by libjail.so (status $st)"
		else
			ok 1 "$name: stopped by libjail.so: status $st (want $LIBST${WHY:+, saying $WHY}), $(outcome)"
			report
		fi
	fi

	# 3. jailctl run
	fresh
	(cd "$W" && env $ENVS $JWRAP timeout -k 2 30 "$J" run -S "$STATS" -p "$PROFILE" $readopt $JOPTS -- "$@" $jargs \
		>"$OUT/stdout" 2>"$OUT/stderr"); st=$?
	eval "$JPOST"
	verdict_call
	if ! won && ! said_so && [ "$verdict" != ok ] && in_list "$verdict" $VERDICTS && why_holds &&
		{ [ -z "$CALL" ] || [ "$call" = "$CALL" ]; }; then
		ok 0 "$name: stopped by jailctl run ($verdict$([ "$call" = - ] || echo " $call"), status $st)"
	else
		ok 1 "$name: stopped by jailctl run: verdict $verdict (want $VERDICTS${WHY:+, saying $WHY}), call $call (want ${CALL:-any}), $(outcome)"
		report
	fi
	defaults
}

# runs NAME INPUT WANT PROGRAM [ARG...]: a well-behaved program, given the
# file INPUT on standard input in the scratch directory $W, prints exactly
# WANT (one line) and exits 0, under LD_PRELOAD=libjail.so (skipped with
# NOLIB's reason) and under jailctl run (verdict ok), with PROFILE, READ,
# ENVS, JOPTS and PREP as for an attack.
runs() {
	local name=$1 input=$2 want=$3 verdict call
	shift 3
	M=$OUT/marker.runs F=$OUT/fx.runs
	policy_words
	if [ -n "$NOLIB" ]; then
		skip "$name: runs under libjail.so" "$NOLIB"
	else
		fresh
		contained "W=$W" "IN=$input" $ENVS sh -c 'cd "$W" || exit 99; exec "$@" <"$IN"' sh env $libenv "$@"; st=$?
		if [ "$st" -eq 0 ] && [ "$(cat "$OUT/stdout")" = "$want" ]; then
			ok 0 "$name: runs under libjail.so"
		else
			ok 1 "$name: runs under libjail.so (want status 0 and \"$want\")"
			report
		fi
	fi
	fresh
	(cd "$W" && env $ENVS $JWRAP timeout -k 2 60 "$J" run -S "$STATS" -p "$PROFILE" $readopt $JOPTS -i "$input" -- "$@" \
		>"$OUT/stdout" 2>"$OUT/stderr"); st=$?
	verdict_call
	if [ "$verdict" = ok ] && [ "$st" -eq 0 ] && [ "$(cat "$OUT/stdout")" = "$want" ]; then
		ok 0 "$name: runs under jailctl run -p $PROFILE"
	else
		ok 1 "$name: runs under jailctl run -p $PROFILE: verdict $verdict, call $call (want ok and \"$want\")"
		report
	fi
	defaults
}
