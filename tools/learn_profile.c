#include "config.h"

#include <fcntl.h>
#include <linux/sched.h>
#include <seccomp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entry.h"
#include "learn_profile.h"
#include "rule_format.h"

/* The rules of one entry ("name" or "name(cond)"), parsed as the profile's reader will. */
static int parse(const char *call, const char *cond, struct jail_ruleset *out)
{
	char text[LEARN_COND_LEN + 80];
	struct jail_err err = { { 0 } };

	snprintf(text, sizeof(text), cond ? "%s(%s)" : "%s", call, cond);
	return entry_parse(text, out, "jailctl learn", &err);
}

/* Whether the groups already allow the entry, with the same or wider conditions. */
static bool groups_allow(const struct jail_ruleset *groups, const char *call, const char *cond)
{
	struct jail_ruleset one = { 0 };
	bool covered = false;

	if (parse(call, cond, &one) == 0 && one.n == 1) {
		const struct jail_rule *g = ruleset_find(groups, one.rule[0].nr);
		covered = g != NULL && rule_covers(g, &one.rule[0]);
	}
	ruleset_free(&one);
	return covered;
}

/* A clone entry of learn's that starts threads: CLONE_THREAD in the value it compares with. */
static bool starts_threads(const struct learned_call *c)
{
	if (strcmp(c->name, "clone") != 0)
		return false;
	for (unsigned k = 0; k < c->nconds; k++) {
		const char *value = strstr(c->conds[k], "==");
		if (value != NULL && strstr(value, "CLONE_THREAD") != NULL)
			return true;
	}
	return false;
}

static bool has_cond(const struct learned_call *c, const char *cond)
{
	for (unsigned k = 0; k < c->nconds; k++)
		if (strcmp(c->conds[k], cond) == 0)
			return true;
	return false;
}

static int add_entry(struct learn_profile *p, const char *call, const char *cond)
{
	struct learn_entry *grown = realloc(p->entry, (p->n + 1) * sizeof(*grown));

	if (grown == NULL)
		return -1;
	p->entry = grown;
	p->entry[p->n].call = call;
	p->entry[p->n++].cond = cond;
	return parse(call, cond, &p->allowed) < 0 ? -1 : 0;
}

int learn_profile_build(const struct learned *l, const unsigned *order, struct learn_profile *p)
{
	struct jail_ruleset groups = { 0 };
	struct jail_err err = { { 0 } };
	int rc = -1;

	memset(p, 0, sizeof(*p));
	/* @default always: abort's signal, the one-time wake-up, what timing decides. */
	p->groups[p->ngroups++] = "@default";
	for (unsigned i = 0; i < l->ncalls; i++)
		if (starts_threads(&l->call[i])) {
			/* A program with threads: what their timing decides (yielding, futex waits, sleeps). */
			p->groups[p->ngroups++] = "@threads";
			p->groups[p->ngroups++] = "@time";
			break;
		}
	for (unsigned g = 0; g < p->ngroups; g++)
		if (entry_parse(p->groups[g], &groups, "jailctl learn", &err) < 0)
			goto out;
	if (ruleset_merge(&p->allowed, &groups) < 0)
		goto out;
	for (unsigned i = 0; i < l->ncalls; i++) {
		const struct learned_call *c = &l->call[order[i]];
		/* mmap and mprotect with and without PROT_EXEC: every call, written plainly. */
		bool any = c->any_args || (has_cond(c, "arg2 & PROT_EXEC == 0") &&
					   has_cond(c, "arg2 & PROT_EXEC == PROT_EXEC"));
		if (any) {
			if (!groups_allow(&groups, c->name, NULL) && add_entry(p, c->name, NULL) < 0)
				goto out;
			continue;
		}
		for (unsigned k = 0; k < c->nconds; k++)
			if (!groups_allow(&groups, c->name, c->conds[k]) && add_entry(p, c->name, c->conds[k]) < 0)
				goto out;
	}
	rc = 0;
out:
	ruleset_free(&groups);
	return rc;
}

bool learn_profile_lists(const struct learn_profile *p, const char *call)
{
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->entry[i].call, call) == 0)
			return true;
	return false;
}

void learn_profile_free(struct learn_profile *p)
{
	free(p->entry);
	ruleset_free(&p->allowed);
	memset(p, 0, sizeof(*p));
}

/* ---- what a grader should know ---- */

enum risk_kind { WRITES, CREATES, SOCKETS, CONNECTS, PROCESSES, PROGRAMS };

static const struct risk {
	enum risk_kind kind;
	const char *what;
	const char *const *calls;
} risks[] = {
	{ WRITES, "write files", (const char *const[]){ "open", "openat", "openat2", "creat", "truncate",
							 "ftruncate", "fallocate", NULL } },
	{ CREATES, "create or remove files",
	  (const char *const[]){ "open", "openat", "openat2", "creat", "mkdir", "mkdirat", "rmdir", "unlink",
				 "unlinkat", "rename", "renameat", "renameat2", "link", "linkat", "symlink",
				 "symlinkat", "mknod", "mknodat", NULL } },
	{ SOCKETS, "make sockets", (const char *const[]){ "socket", "socketpair", NULL } },
	{ CONNECTS, "connect, or accept connections",
	  (const char *const[]){ "connect", "bind", "listen", "accept", "accept4", NULL } },
	{ PROCESSES, "start processes", (const char *const[]){ "fork", "vfork", "clone", "clone3", NULL } },
	{ PROGRAMS, "run other programs", (const char *const[]){ "execve", "execveat", NULL } },
};

static const struct jail_cmp *cmp_on(const struct jail_conj *c, unsigned arg)
{
	for (unsigned k = 0; k < c->ncmp; k++)
		if (c->cmp[k].arg == arg)
			return &c->cmp[k];
	return NULL;
}

/*
 * Whether the opens a conjunction allows (the flags in argument arg) may
 * write (an access mode that writes, or O_TRUNC) or create (O_CREAT,
 * O_TMPFILE); where its comparison is of no form seen here, both.
 */
static bool open_may(const struct jail_conj *c, unsigned arg, enum risk_kind kind)
{
	const uint64_t tmpfile = O_TMPFILE & ~O_DIRECTORY;
	const struct jail_cmp *m = cmp_on(c, arg);

	if (m == NULL || (m->op != JAIL_EQ && m->op != JAIL_MASKED_EQ))
		return true;
	uint64_t mask = m->op == JAIL_EQ ? ~(uint64_t)0 : m->mask, v = m->value;
	bool writes = (mask & O_ACCMODE) != O_ACCMODE || (v & O_ACCMODE) != O_RDONLY || !(mask & O_TRUNC) ||
		      (v & O_TRUNC);
	if (kind == WRITES)
		return writes;
	return !(mask & O_CREAT) || (v & (O_CREAT | tmpfile)) || (writes && !(mask & tmpfile));
}

/* Whether the rule lets clone start a process (as fork and posix_spawn call it). */
static bool clone_makes_processes(const struct jail_rule *r)
{
	const uint64_t fork_like[6] = { CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD };
	const uint64_t spawn_like[6] = { CLONE_VM | CLONE_VFORK | SIGCHLD };

	return rule_holds(r, fork_like) || rule_holds(r, spawn_like);
}

static size_t add(char *out, size_t len, size_t at, const char *before, const char *text)
{
	int n = snprintf(out + at, at < len ? len - at : 0, "%s%s", before, text);

	return n < 0 || at + (size_t)n >= len ? (len ? len - 1 : 0) : at + (size_t)n;
}

/*
 * The call, and in parentheses the values its conjunctions allow of one
 * argument (the open modes, the socket families) where that matters;
 * at: where in out. Returns the new end, or at when the call is not
 * allowed for this risk.
 */
static size_t describe(const struct jail_rule *r, const char *call, enum risk_kind kind, char *out, size_t len,
		       size_t at)
{
	bool open = strcmp(call, "open") == 0 || strcmp(call, "openat") == 0;
	bool socket = kind == SOCKETS;
	unsigned arg = strcmp(call, "openat") == 0 ? 2 : open ? 1 : 0;
	size_t start = at, shown = 0;
	char v[128];

	if (strcmp(call, "clone") == 0 && !clone_makes_processes(r))
		return at;
	at = add(out, len, at, at ? ", " : "", call);
	if (!open && !socket)
		return at;
	for (size_t i = 0; i < (r->always ? 1 : r->nconj); i++) {
		const struct jail_cmp *m = r->always ? NULL : cmp_on(&r->conj[i], arg);
		if (open && !r->always && !open_may(&r->conj[i], arg, kind))
			continue;
		if (m == NULL || (m->op != JAIL_EQ && m->op != JAIL_MASKED_EQ))
			snprintf(v, sizeof(v), socket ? "any family" : "any flags");
		else
			constant_format(v, sizeof(v), socket ? "AF_" : "O_", socket ? ~(uint64_t)0 : O_ACCMODE,
					m->value);
		at = add(out, len, at, shown++ ? ", " : " (", v);
	}
	if (shown == 0)
		return start;
	return add(out, len, at, "", ")");
}

unsigned learn_profile_risks(const struct learn_profile *p, char lines[LEARN_MAX_RISKS][512], bool *files)
{
	unsigned n = 0;

	*files = false;

	for (size_t i = 0; i < sizeof(risks) / sizeof(risks[0]); i++) {
		size_t at = 0;
		char calls[480] = "";
		for (const char *const *c = risks[i].calls; *c != NULL; c++) {
			int nr = seccomp_syscall_resolve_name(*c);
			const struct jail_rule *r = nr < 0 ? NULL : ruleset_find(&p->allowed, nr);
			if (r != NULL)
				at = describe(r, *c, risks[i].kind, calls, sizeof(calls), at);
		}
		if (at == 0)
			continue;
		snprintf(lines[n++], 512, "%s: %s", risks[i].what, calls);
		*files |= risks[i].kind == WRITES || risks[i].kind == CREATES;
	}
	return n;
}

void learn_profile_findings(const struct learned *l, const struct learn_profile *p, const struct jail_path_list *rules,
			 FILE *out, const char *risk, const char *note)
{
	char lines[LEARN_MAX_RISKS][512];
	bool files = false;
	unsigned n = learn_profile_risks(p, lines, &files);

	for (unsigned i = 0; i < n; i++)
		fprintf(out, "%sthe learned profile lets the program %s\n", risk, lines[i]);
	if (files) {
		bool any = false;
		fprintf(out, "%sits write rules say where:", risk);
		for (size_t i = 0; i < rules->n; i++)
			if (rules->entry[i].flags & JAIL_PATH_WRITE) {
				fprintf(out, "%s \"%s\"", any ? "," : "", rules->entry[i].text);
				any = true;
			}
		fprintf(out, "%s\n", any ? "" : " nowhere but @system's /dev/null and /dev/zero");
	}
	/* Only where the profile's own entry is the wider one: a group's may be wider still. */
	for (unsigned i = 0; i < l->ncalls; i++)
		if (learn_profile_lists(p, l->call[i].name))
			for (unsigned k = 0; k < l->call[i].nnotes; k++)
				fprintf(out, "%s%s: %s\n", note, l->call[i].name, l->call[i].notes[k]);
}
