/*
 * The allow list jailctl learn writes: the groups every learned profile
 * lists (@default, and @threads and @time for a program that started a
 * thread),
 * then each call's entries that those groups do not already allow; and
 * what of it a grader must know before using it (the program may write
 * files, make sockets...).
 */
#ifndef JAILCTL_LEARN_PROFILE_H
#define JAILCTL_LEARN_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "learn.h"
#include "ruleset.h"

struct learn_entry {
	const char *call;
	const char *cond; /* NULL: any arguments */
};

struct learn_profile {
	const char *groups[3];
	unsigned ngroups;
	size_t n;
	struct learn_entry *entry;
	struct jail_ruleset allowed; /* everything the list allows, groups included */
};

/* order: the calls in the order of their entries. -1 when out of memory. */
int learn_profile_build(const struct learned *l, const unsigned *order, struct learn_profile *p);
void learn_profile_free(struct learn_profile *p);
/* Whether an entry of the list, besides its groups, names the call. */
bool learn_profile_lists(const struct learn_profile *p, const char *call);

#define LEARN_MAX_RISKS 6

/*
 * What the profile lets the program do that a grader should know, one
 * line each ("write files: openat (O_RDWR|O_CREAT), ftruncate"); returns
 * how many. files: whether one is about files (the write rules say where).
 */
unsigned learn_profile_risks(const struct learn_profile *p, char risks[LEARN_MAX_RISKS][512], bool *files);

/*
 * What a grader should know of the profile, one line each: what it lets
 * the program do (after the words risk), where its write rules let it
 * write, and where it had to allow a call more widely than it was seen
 * (after the words note).
 */
void learn_profile_findings(const struct learned *l, const struct learn_profile *p,
			    const struct jail_path_list *rules, FILE *out, const char *risk, const char *note);

#endif
