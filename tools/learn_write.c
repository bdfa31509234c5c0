/*
 * jailctl learn --output: the file it writes, what --merge reads back
 * ("# learned" comment lines), then the profile.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "atomic_file.h"
#include "learn.h"
#include "learn_profile.h"

/* A path entry as a config string: quotes and backslashes escaped. */
static void put_quoted(FILE *f, const char *text)
{
	fputc('"', f);
	for (const char *p = text; *p; p++) {
		if (*p == '"' || *p == '\\')
			fputc('\\', f);
		fputc(*p, f);
	}
	fputc('"', f);
}

/* "    read = { ... }" with the rules of that kind; nothing when there is none. */
static void put_rules(FILE *f, const struct jail_path_list *rules, unsigned kind, const char *name)
{
	bool first = true;

	for (size_t i = 0; i < rules->n; i++) {
		if ((rules->entry[i].flags & (JAIL_PATH_READ | JAIL_PATH_WRITE)) != kind)
			continue;
		fprintf(f, "%s", first ? "" : ", ");
		if (first)
			fprintf(f, "    %s = { ", name);
		put_quoted(f, rules->entry[i].text);
		first = false;
	}
	if (!first)
		fprintf(f, " }\n");
}

/* The widest of two runs' limits: one that either run lacked, none. */
static void widest(struct jail_limits *out, const struct jail_limits *a, const struct jail_limits *b)
{
	out->set = a->set & b->set;
	out->cpu_time = a->cpu_time > b->cpu_time ? a->cpu_time : b->cpu_time;
	out->wall_time = a->wall_time > b->wall_time ? a->wall_time : b->wall_time;
	out->memory = a->memory > b->memory ? a->memory : b->memory;
	out->stack = a->stack > b->stack ? a->stack : b->stack;
	out->processes = a->processes > b->processes ? a->processes : b->processes;
	out->file_size = a->file_size > b->file_size ? a->file_size : b->file_size;
	out->open_files = a->open_files > b->open_files ? a->open_files : b->open_files;
}

/* What --merge reads back: the calls, their conditions and notes, the files, the limits. */
static void put_record(FILE *f, const struct learned *l, const unsigned *order, const struct jail_limits *lim)
{
	for (unsigned i = 0; i < l->ncalls; i++) {
		const struct learned_call *c = &l->call[order[i]];
		fprintf(f, "# learned: %s %lu %d %d\n", c->name, c->count, c->all_read_only, c->all_threads);
		for (unsigned k = 0; k < c->nvalues; k++)
			fprintf(f, "#   %s: %s\n", c->name, c->values[k]);
		if (c->any_args)
			fprintf(f, "# learned rule: %s\n", c->name);
		for (unsigned k = 0; k < c->nconds; k++)
			fprintf(f, "# learned rule: %s(%s)\n", c->name, c->conds[k]);
		for (unsigned k = 0; k < c->nnotes; k++)
			fprintf(f, "# learned note: %s: %s\n", c->name, c->notes[k]);
	}
	learn_paths_save(&l->paths, f);
	fprintf(f, "# learned limits: %u %.17g %.17g %llu %llu %llu %llu %llu\n", lim->set, lim->cpu_time,
		lim->wall_time, (unsigned long long)lim->memory, (unsigned long long)lim->stack,
		(unsigned long long)lim->processes, (unsigned long long)lim->file_size,
		(unsigned long long)lim->open_files);
}

static void put_limits(FILE *f, const struct jail_limits *lim)
{
	fprintf(f, "    limits {\n");
	if (lim->set & JAIL_LIM_CPU_TIME) fprintf(f, "        cpu_time = %g\n", lim->cpu_time);
	if (lim->set & JAIL_LIM_WALL_TIME) fprintf(f, "        wall_time = %g\n", lim->wall_time);
	if (lim->set & JAIL_LIM_MEMORY) fprintf(f, "        memory = \"%llu\"\n", (unsigned long long)lim->memory);
	if (lim->set & JAIL_LIM_STACK) fprintf(f, "        stack = \"%llu\"\n", (unsigned long long)lim->stack);
	if (lim->set & JAIL_LIM_PROCESSES) fprintf(f, "        processes = %llu\n", (unsigned long long)lim->processes);
	if (lim->set & JAIL_LIM_FILE_SIZE) fprintf(f, "        file_size = \"%llu\"\n", (unsigned long long)lim->file_size);
	if (lim->set & JAIL_LIM_OPEN_FILES) fprintf(f, "        open_files = %llu\n", (unsigned long long)lim->open_files);
	fprintf(f, "    }\n");
}

static void put_profile(FILE *f, const struct learn_profile *p, const struct jail_path_list *rules, const char *name,
			const struct jail_limits *lim)
{
	fprintf(f, "profile %s {\n    action = kill\n    allow = {\n", name);
	for (unsigned g = 0; g < p->ngroups; g++)
		fprintf(f, "        \"%s\"%s\n", p->groups[g], g + 1 < p->ngroups || p->n ? "," : "");
	for (size_t i = 0; i < p->n; i++) {
		const struct learn_entry *e = &p->entry[i];
		const char *comma = i + 1 < p->n ? "," : "";
		if (e->cond != NULL)
			fprintf(f, "        \"%s(%s)\"%s\n", e->call, e->cond, comma);
		else
			fprintf(f, "        \"%s\"%s\n", e->call, comma);
	}
	fprintf(f, "    }\n");
	put_rules(f, rules, JAIL_PATH_READ, "read");
	put_rules(f, rules, JAIL_PATH_WRITE, "write");
	put_limits(f, lim);
	fprintf(f, "}\n");
}

int learn_write_profile(const struct learned *l, const char *path, const char *name,
			const struct jail_limits *run_limits)
{
	struct atomic_file out;
	unsigned order[LEARN_MAX_CALLS];
	struct jail_path_list rules;
	struct learn_profile p;
	struct jail_limits lim = *run_limits;
	struct stat st;
	FILE *f;

	learn_order(l, order);
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		fprintf(stderr, "jailctl: --output %s: not a regular file\n", path);
		return -1;
	}
	if (l->has_merged_limits)
		widest(&lim, &l->merged_limits, run_limits);
	if (learn_path_rules(l, &rules) < 0 || learn_profile_build(l, order, &p) < 0) {
		fprintf(stderr, "jailctl: --output %s: out of memory\n", path);
		return -1;
	}
	if (atomic_file_open(&out, path, 0644, "--output") < 0) {
		learn_profile_free(&p);
		path_list_free(&rules);
		return -1;
	}
	f = out.f;
	fprintf(f, "# Written by jailctl learn: @default, and the calls the program made after\n"
		   "# libjail took over, each with the argument values seen. Its limits are the\n"
		   "# learning run's (with --merge, the widest of the runs'). The \"# learned\"\n"
		   "# lines let --merge add runs.\n");
	put_record(f, l, order, &lim);
	fprintf(f, "#\n");
	learn_profile_findings(l, &p, &rules, f, "# Warning: ", "# Allowed with fewer conditions than seen: ");
	put_profile(f, &p, &rules, name, &lim);
	learn_profile_free(&p);
	path_list_free(&rules);
	return atomic_file_commit(&out);
}
