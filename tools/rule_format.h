/* Writes rules back in the policy language, for jailctl check and groups. */
#ifndef JAIL_RULE_FORMAT_H
#define JAIL_RULE_FORMAT_H

#include <stdio.h>

#include "ruleset.h"

/* One entry a line, sorted by name, each line starting with indent. */
void ruleset_print(FILE *out, const struct jail_ruleset *rs, const char *indent);

#endif
