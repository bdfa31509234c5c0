/*
 * A seccomp BPF program and loading it: what the light start-up path of
 * libjail.so needs, with neither libseccomp nor libconfuse.
 */
#ifndef JAIL_BPF_H
#define JAIL_BPF_H

#include <linux/filter.h>
#include <stdbool.h>
#include <stddef.h>

#include "error.h"

struct jail_bpf {
	size_t len;
	struct sock_filter *insns;
};

void filter_bpf_free(struct jail_bpf *bpf);
/* Sets no_new_privs (needed to load a filter or restrict oneself unprivileged); 0 or -errno. */
int set_no_new_privs(const char *where, struct jail_err *err);
/*
 * Sets no_new_privs and loads the program on every thread (TSYNC). With
 * listener, returns the user-notification descriptor in *notify_fd.
 */
int filter_load(const struct jail_bpf *bpf, bool listener, int *notify_fd, struct jail_err *err);

#endif
