/* Builds the policy's BPF program with libseccomp, and loads a BPF program. */
#ifndef JAIL_FILTER_H
#define JAIL_FILTER_H

#include <linux/filter.h>
#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "policy.h"

struct jail_bpf {
	size_t len;
	struct sock_filter *insns;
};

/* Calls of other ABIs (i386, x32) are violations too. */
int filter_build(const struct jail_policy *p, struct jail_bpf *out, struct jail_err *err);
void filter_bpf_free(struct jail_bpf *bpf);
/*
 * Sets no_new_privs and loads the program on every thread (TSYNC). With
 * listener, returns the user-notification descriptor in *notify_fd.
 */
int filter_load(const struct jail_bpf *bpf, bool listener, int *notify_fd, struct jail_err *err);

#endif
