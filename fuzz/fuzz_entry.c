/*
 * libFuzzer target: one policy entry ("read", "@file-read",
 * "openat(arg2 & O_ACCMODE|O_CREAT == O_RDONLY)") through entry_parse.
 * Beyond memory errors and leaks it checks that an error comes exactly
 * with a failure, that the rule set keeps its invariants (fuzz.h), that
 * parsing is idempotent, and that each rule written back as an entry
 * parses to the same rule.
 */
#include "config.h"

#include "entry.h"
#include "fuzz.h"

#define MAX_ENTRY_LEN 4096 /* entry.c's limit */

static void round_trip(const struct jail_rule *r)
{
	struct jail_ruleset again = { 0 };
	struct jail_err err = { { 0 } };
	char *text;
	int rc;

	if (r->nconj > 64) /* more || alternatives than one entry may hold */
		return;
	text = fuzz_format_rule(r);
	if (text == NULL)
		return;
	if (strlen(text) <= MAX_ENTRY_LEN) {
		rc = entry_parse(text, &again, "again", &err);
		if (rc < 0)
			fprintf(stderr, "\"%s\" does not parse back: %s\n", text, err.msg);
		FUZZ_CHECK(rc == 0);
		FUZZ_CHECK(again.n == 1 && fuzz_rule_equal(r, &again.rule[0]));
	}
	free(text);
	ruleset_free(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct jail_ruleset rs = { 0 }, twice = { 0 };
	struct jail_err err = { { 0 } };
	char *text = fuzz_string(data, size);
	int rc;

	if (text == NULL)
		return -1; /* not an entry: keep it out of the corpus */
	rc = entry_parse(text, &rs, "fuzz", &err);
	fuzz_check_err(rc, &err);
	if (rc < 0) {
		FUZZ_CHECK(rs.n == 0); /* a refused entry adds nothing */
		goto out;
	}
	fuzz_check_ruleset(&rs);

	/* Adding the same entry again changes nothing. */
	FUZZ_CHECK(entry_parse(text, &twice, "fuzz", &err) == 0);
	FUZZ_CHECK(entry_parse(text, &twice, "fuzz", &err) == 0);
	FUZZ_CHECK(fuzz_ruleset_equal(&rs, &twice));

	for (size_t i = 0; i < rs.n; i++)
		round_trip(&rs.rule[i]);
out:
	ruleset_free(&rs);
	ruleset_free(&twice);
	free(text);
	return 0;
}
