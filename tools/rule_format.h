/* Writes rules back in the policy language, for jailctl check and groups. */
#ifndef JAIL_RULE_FORMAT_H
#define JAIL_RULE_FORMAT_H

#include <stdint.h>
#include <stdio.h>

#include "ruleset.h"

/* One entry a line, sorted by name, each line starting with indent. */
void ruleset_print(FILE *out, const struct jail_ruleset *rs, const char *indent);

/*
 * value in the names of the constants table (lib/constants.c), for a
 * condition a reader can check, with the names of one of prefixes ("AF_",
 * "TC TIOC FIO"; a prefix is followed by a letter or digit, so "SIG" is not
 * SIG_BLOCK). base ~0: the name that is exactly value, or a number. Else
 * flags: the name of (value & base) (0: none, unless value is 0), then
 * those of the other bits, joined by '|' ("O_RDWR|O_CREAT"); a number for
 * what no name covers.
 */
void constant_format(char *out, size_t len, const char *prefixes, uint64_t base, uint64_t value);

#endif
