#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/limits.h>
#include <linux/sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "describe.h"
#include "learn.h"

static struct learned_call *find_or_add(struct learned *l, const char *name)
{
	for (unsigned i = 0; i < l->ncalls; i++)
		if (strcmp(l->call[i].name, name) == 0)
			return &l->call[i];
	if (l->ncalls == LEARN_MAX_CALLS)
		return NULL;
	struct learned_call *c = &l->call[l->ncalls++];
	memset(c, 0, sizeof(*c));
	snprintf(c->name, sizeof(c->name), "%s", name);
	c->all_read_only = c->all_threads = true;
	return c;
}

static void add_value(struct learned_call *c, const char *value)
{
	for (unsigned i = 0; i < c->nvalues; i++)
		if (strcmp(c->values[i], value) == 0)
			return;
	if (c->nvalues < LEARN_MAX_VALUES)
		snprintf(c->values[c->nvalues++], sizeof(c->values[0]), "%s", value);
}

static const char *access_mode(unsigned long long flags)
{
	static char buf[64];
	const char *acc = (flags & O_ACCMODE) == O_WRONLY ? "O_WRONLY" : (flags & O_ACCMODE) == O_RDWR ? "O_RDWR" : "O_RDONLY";
	snprintf(buf, sizeof(buf), "%s%s%s", acc, flags & O_CREAT ? "|O_CREAT" : "", flags & O_TRUNC ? "|O_TRUNC" : "");
	return buf;
}

void learn_record(struct learned *l, const struct seccomp_notif *n, int mem_fd)
{
	struct call_description d;
	struct learned_call *c;
	char value[200];
	const unsigned long long *a = n->data.args;

	describe_call(n, mem_fd, &d);
	learn_paths_record(&l->paths, n, d.name, mem_fd);
	c = find_or_add(l, d.name);
	if (c == NULL)
		return;
	c->count++;
	value[0] = '\0';
	if (strcmp(d.name, "openat") == 0 || strcmp(d.name, "open") == 0) {
		unsigned long long flags = strcmp(d.name, "openat") == 0 ? a[2] : a[1];
		if ((flags & (O_ACCMODE | O_CREAT | O_TRUNC)) != O_RDONLY)
			c->all_read_only = false;
		snprintf(value, sizeof(value), "\"%.120s\" %s", d.path, access_mode(flags));
	} else if (strcmp(d.name, "clone") == 0) {
		if (!(a[0] & CLONE_THREAD))
			c->all_threads = false;
		snprintf(value, sizeof(value), "flags 0x%llx%s", a[0], a[0] & CLONE_THREAD ? " (a thread)" : " (a process)");
	} else if (strcmp(d.name, "socket") == 0) {
		snprintf(value, sizeof(value), "family %llu type %llu", a[0], a[1] & 0xf);
	} else if (strcmp(d.name, "ioctl") == 0 || strcmp(d.name, "fcntl") == 0) {
		snprintf(value, sizeof(value), "%s 0x%llx", d.name[0] == 'i' ? "request" : "command", a[1]);
	} else if ((strcmp(d.name, "mmap") == 0 || strcmp(d.name, "mprotect") == 0) && (a[2] & PROT_EXEC)) {
		snprintf(value, sizeof(value), "PROT_EXEC");
	} else if (strcmp(d.name, "prctl") == 0) {
		snprintf(value, sizeof(value), "option %llu", a[0]);
	} else if (d.path[0]) {
		snprintf(value, sizeof(value), "\"%.120s\"", d.path);
	}
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

static void sort_order(const struct learned *l, unsigned *order)
{
	for (unsigned i = 0; i < l->ncalls; i++)
		order[i] = i;
	sorting = l;
	qsort(order, l->ncalls, sizeof(*order), by_count);
}

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

/* The read and write rules that the files seen need, from where the program started. */
static int path_rules(const struct learned *l, struct jail_path_list *rules)
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

	sort_order(l, order);
	for (unsigned i = 0; i < l->ncalls; i++) {
		const struct learned_call *c = &l->call[order[i]];
		fprintf(out, "%8lu %s\n", c->count, c->name);
		for (unsigned k = 0; k < c->nvalues; k++)
			fprintf(out, "         %s\n", c->values[k]);
	}
	if (path_rules(l, &rules) < 0)
		return;
	fprintf(out, "files it may open:\n");
	for (size_t i = 0; i < rules.n; i++)
		fprintf(out, "   %-5s %s\n", rules.entry[i].flags & JAIL_PATH_WRITE ? "write" : "read", rules.entry[i].text);
	path_list_free(&rules);
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

/* The entry a call gets in the profile: as tight as what was seen allows. */
static void entry_for(const struct learned_call *c, char *out, size_t len)
{
	if (strcmp(c->name, "openat") == 0 && c->all_read_only)
		snprintf(out, len, "openat(arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY)");
	else if (strcmp(c->name, "open") == 0 && c->all_read_only)
		snprintf(out, len, "open(arg1 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY)");
	else if (strcmp(c->name, "clone") == 0 && c->all_threads)
		snprintf(out, len, "clone(arg0 & CLONE_THREAD == CLONE_THREAD)");
	else
		snprintf(out, len, "%s", c->name);
}

int learn_write_profile(const struct learned *l, const char *path, const char *name,
			const struct jail_limits *lim)
{
	char tmp[4200], entry[128];
	unsigned order[LEARN_MAX_CALLS];
	FILE *f;
	int fd;

	sort_order(l, order);
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		fprintf(stderr, "jailctl: --output %s: not a regular file\n", path);
		return -1;
	}
	snprintf(tmp, sizeof(tmp), "%s.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0 || fchmod(fd, 0644) < 0 || (f = fdopen(fd, "w")) == NULL) {
		fprintf(stderr, "jailctl: --output %s: %s\n", path, strerror(errno));
		return -1;
	}
	fprintf(f, "# Written by jailctl learn: the calls the program made after libjail took\n"
		   "# over, and nothing else. The \"# learned:\" lines let --merge add runs.\n");
	for (unsigned i = 0; i < l->ncalls; i++) {
		const struct learned_call *c = &l->call[order[i]];
		fprintf(f, "# learned: %s %lu %d %d\n", c->name, c->count, c->all_read_only, c->all_threads);
		for (unsigned k = 0; k < c->nvalues; k++)
			fprintf(f, "#   %s: %s\n", c->name, c->values[k]);
	}
	learn_paths_save(&l->paths, f);
	fprintf(f, "profile %s {\n    action = kill\n    allow = {\n", name);
	for (unsigned i = 0; i < l->ncalls; i++) {
		entry_for(&l->call[order[i]], entry, sizeof(entry));
		fprintf(f, "        \"%s\"%s\n", entry, i + 1 < l->ncalls ? "," : "");
	}
	fprintf(f, "    }\n");
	struct jail_path_list rules;
	if (path_rules(l, &rules) < 0) {
		fclose(f);
		unlink(tmp);
		fprintf(stderr, "jailctl: --output %s: out of memory\n", path);
		return -1;
	}
	put_rules(f, &rules, JAIL_PATH_READ, "read");
	put_rules(f, &rules, JAIL_PATH_WRITE, "write");
	path_list_free(&rules);
	fprintf(f, "    limits {\n");
	/* The limits of the run it was learned in: the profile's, and the command line's over them. */
	if (lim->set & JAIL_LIM_CPU_TIME) fprintf(f, "        cpu_time = %g\n", lim->cpu_time);
	if (lim->set & JAIL_LIM_WALL_TIME) fprintf(f, "        wall_time = %g\n", lim->wall_time);
	if (lim->set & JAIL_LIM_MEMORY) fprintf(f, "        memory = \"%llu\"\n", (unsigned long long)lim->memory);
	if (lim->set & JAIL_LIM_STACK) fprintf(f, "        stack = \"%llu\"\n", (unsigned long long)lim->stack);
	if (lim->set & JAIL_LIM_PROCESSES) fprintf(f, "        processes = %llu\n", (unsigned long long)lim->processes);
	if (lim->set & JAIL_LIM_FILE_SIZE) fprintf(f, "        file_size = \"%llu\"\n", (unsigned long long)lim->file_size);
	if (lim->set & JAIL_LIM_OPEN_FILES) fprintf(f, "        open_files = %llu\n", (unsigned long long)lim->open_files);
	fprintf(f, "    }\n}\n");
	if (fflush(f) != 0 || fclose(f) != 0 || rename(tmp, path) < 0) {
		fprintf(stderr, "jailctl: --output %s: %s\n", path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

int learn_merge_file(struct learned *l, const char *path_name)
{
	char line[PATH_MAX + 64];
	FILE *f = fopen(path_name, "re");

	if (f == NULL) {
		fprintf(stderr, "jailctl: --merge %s: %s\n", path_name, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		char name[64], value[300];
		unsigned long count;
		int ro, th, path = learn_paths_merge_line(&l->paths, line);
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
		} else if (strncmp(line, "#   ", 4) == 0 && line[4] != ' ' &&
			   sscanf(line + 4, "%63[^: ]: %299[^\n]", name, value) == 2) {
			struct learned_call *c = find_or_add(l, name);
			if (c != NULL)
				add_value(c, value);
		}
	}
	fclose(f);
	return 0;
}
