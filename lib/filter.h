/* Builds the policy's BPF program with libseccomp. */
#ifndef JAIL_FILTER_H
#define JAIL_FILTER_H

#include "bpf.h"
#include "error.h"
#include "policy.h"

/* Calls of other ABIs (i386, x32) are violations too. */
int filter_build(const struct jail_policy *p, struct jail_bpf *out, struct jail_err *err);

#endif
