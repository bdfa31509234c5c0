/*
 * jailctl learn: recording what a program called, reading back what an
 * earlier run recorded (--merge), and the listing on standard error.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/limits.h>
#include <linux/sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "describe.h"
#include "entry.h"
#include "learn.h"
#include "learn_profile.h"

static struct learned_call *find(struct learned *l, const char *name)
{
	for (unsigned i = 0; i < l->ncalls; i++)
		if (strcmp(l->call[i].name, name) == 0)
			return &l->call[i];
	return NULL;
}

static struct learned_call *find_or_add(struct learned *l, const char *name)
{
	struct learned_call *found = find(l, name);

	if (found != NULL)
		return found;
	if (l->ncalls == LEARN_MAX_CALLS)
		return NULL;
	struct learned_call *c = &l->call[l->ncalls++];
	memset(c, 0, sizeof(*c));
	snprintf(c->name, sizeof(c->name), "%s", name);
	c->all_read_only = c->all_threads = true;
	return c;
}

/* Appends text to a list of lines unless it holds it already, or is full. */
static void add_once(char (*list)[LEARN_LINE], unsigned *n, unsigned max, const char *text)
{
	for (unsigned i = 0; i < *n; i++)
		if (strcmp(list[i], text) == 0)
			return;
	if (*n < max)
		snprintf(list[(*n)++], LEARN_LINE, "%s", text);
}

static void add_note(struct learned_call *c, const char *note)
{
	add_once(c->notes, &c->nnotes, LEARN_MAX_NOTES, note);
}

static void add_value(struct learned_call *c, const char *value)
{
	add_once(c->values, &c->nvalues, LEARN_MAX_VALUES, value);
}

/* Adds a use's condition to the call's; past the table's room, the call takes any arguments. */
static void add_use(struct learned_call *c, const struct learned_condition *u)
{
	if (u->note[0])
		add_note(c, u->note);
	if (u->cond[0] == '\0') {
		c->any_args = true;
		return;
	}
	for (unsigned i = 0; i < c->nconds; i++)
		if (strcmp(c->conds[i], u->cond) == 0)
			return;
	if (c->nconds == LEARN_MAX_CONDS) {
		c->any_args = true;
		add_note(c, "more different uses than a profile lists: allowed with any arguments");
		return;
	}
	snprintf(c->conds[c->nconds++], sizeof(c->conds[0]), "%s", u->cond);
}

void learn_record(struct learned *l, const struct seccomp_notif *n, int mem_fd, pid_t program)
{
	struct call_description d;
	struct learned_call *c;
	struct learned_condition u;
	struct learned_caller who = { .tid = (pid_t)n->pid, .program = program };
	char value[200];
	const unsigned long long *a = n->data.args;

	describe_call(n, mem_fd, &d);
	learn_paths_record(&l->paths, n, d.name, mem_fd);
	c = find_or_add(l, d.name);
	if (c == NULL)
		return;
	c->count++;
	learn_condition(d.name, (const uint64_t *)a, &who, &u);
	add_use(c, &u);
	value[0] = '\0';
	if (strcmp(d.name, "openat") == 0 || strcmp(d.name, "open") == 0) {
		unsigned long long flags = strcmp(d.name, "openat") == 0 ? a[2] : a[1];
		if ((flags & (O_ACCMODE | O_CREAT | O_TRUNC)) != O_RDONLY)
			c->all_read_only = false;
		snprintf(value, sizeof(value), "\"%.120s\" %.70s", d.path, u.seen);
	} else if (u.seen[0]) {
		snprintf(value, sizeof(value), "%s", u.seen);
	} else if (d.path[0]) {
		snprintf(value, sizeof(value), "\"%.120s\"", d.path);
	}
	if (strcmp(d.name, "clone") == 0 && !(a[0] & CLONE_THREAD))
		c->all_threads = false;
	if (value[0])
		add_value(c, value);
}

/* The calls, most frequent first: an order over indexes (the table is large). */
static const struct learned *sorting;
static int by_count(const void *x, const void *y)
{
	const struct learned_call *a = &sorting->call[*(const unsigned *)x];
	const struct learned_call *b = &sorting->call[*(const unsigned *)y];
	if (a->count != b->count)
		return a->count < b->count ? 1 : -1;
	return strcmp(a->name, b->name);
}

void learn_order(const struct learned *l, unsigned *order)
{
	for (unsigned i = 0; i < l->ncalls; i++)
		order[i] = i;
	sorting = l;
	qsort(order, l->ncalls, sizeof(*order), by_count);
}

int learn_path_rules(const struct learned *l, struct jail_path_list *rules)
{
	char cwd[PATH_MAX];

	if (getcwd(cwd, sizeof(cwd)) == NULL)
		snprintf(cwd, sizeof(cwd), "/");
	return learn_paths_rules(&l->paths, cwd, rules);
}

void learn_print(const struct learned *l, FILE *out)
{
	unsigned order[LEARN_MAX_CALLS];
	struct jail_path_list rules;
	struct learn_profile p;

	learn_order(l, order);
	for (unsigned i = 0; i < l->ncalls; i++) {
		const struct learned_call *c = &l->call[order[i]];
		fprintf(out, "%8lu %s\n", c->count, c->name);
		for (unsigned k = 0; k < c->nvalues; k++)
			fprintf(out, "         %s\n", c->values[k]);
	}
	if (learn_path_rules(l, &rules) < 0)
		return;
	fprintf(out, "files it may open:\n");
	for (size_t i = 0; i < rules.n; i++)
		fprintf(out, "   %-5s %s\n", rules.entry[i].flags & JAIL_PATH_WRITE ? "write" : "read", rules.entry[i].text);
	if (learn_profile_build(l, order, &p) == 0)
		learn_profile_findings(l, &p, &rules, out, "jailctl: learn: warning: ",
				       "jailctl: learn: allowed with fewer conditions than seen: ");
	learn_profile_free(&p);
	path_list_free(&rules);
}

/*
 * The conditions an older file implies: it kept only whether opens were
 * read-only and clones made threads, and no other call's argument values.
 */
static void older_file_rules(struct learned_call *c, bool read_only, bool threads)
{
	const uint64_t zero[6] = { 0 };
	const struct learned_caller nobody = { 0 };
	struct learned_condition u = { .cond = "" }, usual;

	if ((strcmp(c->name, "openat") == 0 || strcmp(c->name, "open") == 0) && read_only) {
		learn_condition(c->name, zero, &nobody, &u);
	} else if (strcmp(c->name, "clone") == 0 && threads) {
		learn_condition(c->name, (const uint64_t[6]){ CLONE_THREAD }, &nobody, &u);
	} else {
		learn_condition(c->name, zero, &nobody, &usual);
		if (usual.cond[0])
			snprintf(u.note, sizeof(u.note), "the file an earlier learn wrote kept none of its argument "
				 "values: allowed with any arguments");
	}
	add_use(c, &u);
}

/* A "# learned rule:" line: NAME, or NAME(COND) as the profile's entry; -1 when it is no valid entry. */
static int merge_rule(struct learned *l, const char *line, bool *ruled)
{
	struct jail_ruleset rs = { 0 };
	struct jail_err err = { { 0 } };
	struct learned_condition u = { .cond = "" };
	char name[64], text[LEARN_COND_LEN + 80];
	size_t len;

	snprintf(text, sizeof(text), "%.*s", (int)strcspn(line, "\n"), line);
	/* One call, by its name, as learn writes it: never a group. */
	len = strspn(text, "abcdefghijklmnopqrstuvwxyz0123456789_");
	bool one_call = entry_parse(text, &rs, "learned rule", &err) == 0 && rs.n == 1;
	ruleset_free(&rs);
	if (!one_call || len == 0 || len >= sizeof(name) || (text[len] != '(' && text[len] != '\0'))
		return -1;
	snprintf(name, sizeof(name), "%.*s", (int)len, text);
	if (text[len] == '(') {
		size_t end = strlen(text);
		while (end > len && text[end - 1] != ')')
			end--;
		if (end - len - 2 >= sizeof(u.cond))
			return -1;
		snprintf(u.cond, sizeof(u.cond), "%.*s", (int)(end - len - 2), text + len + 1);
	}
	struct learned_call *c = find_or_add(l, name);
	if (c != NULL) {
		ruled[c - l->call] = true;
		add_use(c, &u);
	}
	return 0;
}

static void merge_limits(struct learned *l, const char *line)
{
	struct jail_limits *m = &l->merged_limits;
	unsigned long long mem, stack, procs, fsize, files;

	if (sscanf(line, "# learned limits: %u %lf %lf %llu %llu %llu %llu %llu", &m->set, &m->cpu_time,
		   &m->wall_time, &mem, &stack, &procs, &fsize, &files) != 8)
		return;
	m->memory = mem;
	m->stack = stack;
	m->processes = procs;
	m->file_size = fsize;
	m->open_files = files;
	l->has_merged_limits = true;
}

int learn_merge_file(struct learned *l, const char *path_name)
{
	char line[PATH_MAX + 64];
	unsigned lineno = 0;
	/* Per call: named by this file, given rules by it, and its older form's two flags. */
	bool named[LEARN_MAX_CALLS] = { 0 }, ruled[LEARN_MAX_CALLS] = { 0 };
	bool read_only[LEARN_MAX_CALLS] = { 0 }, threads[LEARN_MAX_CALLS] = { 0 };
	FILE *f = fopen(path_name, "re");

	if (f == NULL) {
		fprintf(stderr, "jailctl: --merge %s: %s\n", path_name, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		char name[64], value[300];
		unsigned long count;
		int ro, th, path = learn_paths_merge_line(&l->paths, line);
		lineno++;
		if (path < 0) {
			fprintf(stderr, "jailctl: --merge %s: out of memory\n", path_name);
			fclose(f);
			return -1;
		}
		if (path > 0)
			continue;
		if (sscanf(line, "# learned: %63s %lu %d %d", name, &count, &ro, &th) == 4) {
			struct learned_call *c = find_or_add(l, name);
			if (c == NULL)
				continue;
			c->count += count;
			c->all_read_only = c->all_read_only && ro;
			c->all_threads = c->all_threads && th;
			named[c - l->call] = true;
			read_only[c - l->call] = ro;
			threads[c - l->call] = th;
		} else if (strncmp(line, "# learned rule: ", 16) == 0) {
			if (merge_rule(l, line + 16, ruled) < 0) {
				fprintf(stderr, "jailctl: --merge %s:%u: not an entry jailctl learn wrote: %.*s\n",
					path_name, lineno, (int)strcspn(line + 16, "\n"), line + 16);
				fclose(f);
				return -1;
			}
		} else if (sscanf(line, "# learned note: %63[^:]: %159[^\n]", name, value) == 2) {
			/* A note is of a call the file named before it. */
			struct learned_call *c = find(l, name);
			if (c != NULL)
				add_note(c, value);
		} else if (strncmp(line, "# learned limits: ", 18) == 0) {
			merge_limits(l, line);
		} else if (strncmp(line, "#   ", 4) == 0 && line[4] != ' ' &&
			   sscanf(line + 4, "%63[^: ]: %299[^\n]", name, value) == 2) {
			struct learned_call *c = find_or_add(l, name);
			if (c != NULL)
				add_value(c, value);
		}
	}
	fclose(f);
	for (unsigned i = 0; i < l->ncalls; i++)
		if (named[i] && !ruled[i])
			older_file_rules(&l->call[i], read_only[i], threads[i]);
	return 0;
}
