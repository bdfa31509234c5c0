/* jailctl run's verdict, status and message, from what the supervision saw. */
#ifndef JAILCTL_JUDGE_H
#define JAILCTL_JUDGE_H

#include <stdbool.h>

#include "stats.h"
#include "supervise.h"

void judge(const struct supervision *sv, const struct jail_limits *l, bool is_static, struct run_result *r);

#endif
