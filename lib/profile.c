#include "config.h"

#include <errno.h>
#include <confuse.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_text.h"
#include "entry.h"
#include "profile.h"

#define MAX_INHERIT_DEPTH 16
#define MAX_CONFIG_SIZE (1 << 20)

struct jail_config {
	cfg_t *cfg;
	char *path;
};

/* Values parsed by the callbacks below; each remembers its line. */
struct located {
	int line;
	union {
		struct jail_ruleset rules;
		struct jail_action action;
		double seconds;
		uint64_t number;
		char *name;
	} u;
};

/* libconfuse reports through callbacks with no user pointer: parsing is one thread's work. */
static __thread struct jail_err *parse_err;

static void where_of(cfg_t *cfg, char *buf, size_t len)
{
	snprintf(buf, len, "%s:%d", cfg->filename ? cfg->filename : "(config)", cfg->line);
}

static void on_error(cfg_t *cfg, const char *fmt, va_list ap)
{
	char where[300], what[400];

	where_of(cfg, where, sizeof(where));
	vsnprintf(what, sizeof(what), fmt, ap);
	jail_err_set(parse_err, where, "%s", what);
}

static struct located *new_located(cfg_t *cfg)
{
	struct located *v = calloc(1, sizeof(*v));

	if (v == NULL)
		cfg_error(cfg, "out of memory");
	else
		v->line = cfg->line;
	return v;
}

static void free_rules(void *p)
{
	struct located *v = p;

	ruleset_free(&v->u.rules);
	free(v);
}

static void free_name(void *p)
{
	struct located *v = p;

	free(v->u.name);
	free(v);
}

static int entry_cb(cfg_t *cfg, cfg_opt_t *opt, const char *value, void *result)
{
	char where[300];
	struct located *v = new_located(cfg);

	(void)opt;
	if (v == NULL)
		return -1;
	where_of(cfg, where, sizeof(where));
	if (entry_parse(value, &v->u.rules, where, parse_err) < 0) {
		free_rules(v);
		return -1;
	}
	*(void **)result = v;
	return 0;
}

static int action_cb(cfg_t *cfg, cfg_opt_t *opt, const char *value, void *result)
{
	char where[300];
	struct located *v = new_located(cfg);

	(void)opt;
	if (v == NULL)
		return -1;
	where_of(cfg, where, sizeof(where));
	if (action_parse(value, &v->u.action, where, parse_err) < 0) {
		free(v);
		return -1;
	}
	*(void **)result = v;
	return 0;
}

static int name_cb(cfg_t *cfg, cfg_opt_t *opt, const char *value, void *result)
{
	struct located *v = new_located(cfg);

	(void)opt;
	if (v == NULL)
		return -1;
	v->u.name = strdup(value);
	if (v->u.name == NULL) {
		free(v);
		cfg_error(cfg, "out of memory");
		return -1;
	}
	*(void **)result = v;
	return 0;
}

static int seconds_cb(cfg_t *cfg, cfg_opt_t *opt, const char *value, void *result)
{
	char where[300];
	struct located *v = new_located(cfg);

	if (v == NULL)
		return -1;
	snprintf(where, sizeof(where), "%s:%d: %s", cfg->filename, cfg->line, opt->name);
	if (seconds_parse(value, &v->u.seconds, where, parse_err) < 0) {
		free(v);
		return -1;
	}
	*(void **)result = v;
	return 0;
}

static int size_cb(cfg_t *cfg, cfg_opt_t *opt, const char *value, void *result)
{
	char where[300];
	struct located *v = new_located(cfg);

	if (v == NULL)
		return -1;
	snprintf(where, sizeof(where), "%s:%d: %s", cfg->filename, cfg->line, opt->name);
	if (size_parse(value, &v->u.number, where, parse_err) < 0) {
		free(v);
		return -1;
	}
	*(void **)result = v;
	return 0;
}

static int count_cb(cfg_t *cfg, cfg_opt_t *opt, const char *value, void *result)
{
	char where[300], *end;
	struct located *v = new_located(cfg);

	if (v == NULL)
		return -1;
	errno = 0;
	v->u.number = strtoull(value, &end, 10);
	if (value[0] < '0' || value[0] > '9' || *end != '\0' || errno != 0 || v->u.number > 1u << 30) {
		snprintf(where, sizeof(where), "%s:%d: %s", cfg->filename, cfg->line, opt->name);
		jail_err_set(parse_err, where, "bad count \"%s\" (a whole number)", value);
		free(v);
		return -1;
	}
	*(void **)result = v;
	return 0;
}

/* A read or write entry: checked here, where its line is known, then kept as written. */
static int path_cb(cfg_t *cfg, cfg_opt_t *opt, const char *value, void *result)
{
	char where[300];

	where_of(cfg, where, sizeof(where));
	if (path_entry_check(value, where, parse_err) < 0)
		return -1;
	return name_cb(cfg, opt, value, result);
}

static cfg_opt_t limits_opts[] = {
	CFG_PTR_CB("cpu_time", NULL, CFGF_NODEFAULT, seconds_cb, free),
	CFG_PTR_CB("wall_time", NULL, CFGF_NODEFAULT, seconds_cb, free),
	CFG_PTR_CB("memory", NULL, CFGF_NODEFAULT, size_cb, free),
	CFG_PTR_CB("stack", NULL, CFGF_NODEFAULT, size_cb, free),
	CFG_PTR_CB("processes", NULL, CFGF_NODEFAULT, count_cb, free),
	CFG_PTR_CB("file_size", NULL, CFGF_NODEFAULT, size_cb, free),
	CFG_PTR_CB("open_files", NULL, CFGF_NODEFAULT, count_cb, free),
	CFG_END()
};

static cfg_opt_t profile_opts[] = {
	CFG_PTR_CB("inherit", NULL, CFGF_NODEFAULT, name_cb, free_name),
	CFG_PTR_CB("action", NULL, CFGF_NODEFAULT, action_cb, free),
	CFG_PTR_LIST_CB("allow", NULL, CFGF_NODEFAULT, entry_cb, free_rules),
	CFG_PTR_LIST_CB("deny", NULL, CFGF_NODEFAULT, entry_cb, free_rules),
	CFG_PTR_LIST_CB("refuse", NULL, CFGF_NODEFAULT, entry_cb, free_rules),
	CFG_PTR_LIST_CB("read", NULL, CFGF_NODEFAULT, path_cb, free_name),
	CFG_PTR_LIST_CB("write", NULL, CFGF_NODEFAULT, path_cb, free_name),
	CFG_SEC("limits", limits_opts, CFGF_NODEFAULT),
	CFG_END()
};

static cfg_opt_t root_opts[] = {
	CFG_SEC("profile", profile_opts, CFGF_MULTI | CFGF_TITLE | CFGF_NO_TITLE_DUPES),
	CFG_END()
};

/* libconfuse reads what it is given: refuse what cannot be a config file first. */
/*
 * Parses text (a copy of the file, comments blanked) with libconfuse,
 * under the file's own name, so that its errors say FILE:LINE.
 */
static int parse_text(cfg_t *cfg, const char *path, char *text, size_t len, struct jail_err *err)
{
	FILE *f;
	int rc;

	cfg->filename = strdup(path);       /* cfg_parse_fp keeps it; cfg_free frees it */
	if (cfg->filename == NULL) {
		jail_err_set(err, path, "out of memory");
		return -1;
	}
	f = fmemopen(text, len, "r");
	if (f == NULL) {
		jail_err_set(err, path, "fmemopen: %s", strerror(errno));
		return -1;
	}
	parse_err = err;
	rc = cfg_parse_fp(cfg, f);
	parse_err = NULL;
	fclose(f);
	if (rc != CFG_SUCCESS) {
		jail_err_set(err, path, "cannot parse");
		return -1;
	}
	return 0;
}

struct jail_config *config_load(const char *path, struct jail_err *err)
{
	struct jail_config *c;
	size_t len;
	char *text = config_text_read(path, MAX_CONFIG_SIZE, &len, err);

	if (text == NULL)
		return NULL;
	c = calloc(1, sizeof(*c));
	if (c == NULL || (c->path = strdup(path)) == NULL) {
		free(c);
		free(text);
		jail_err_set(err, path, "out of memory");
		return NULL;
	}
	/* The copy keeps the option tables' callbacks; values live in c->cfg. */
	c->cfg = cfg_init(root_opts, CFGF_NONE);
	if (c->cfg == NULL) {
		jail_err_set(err, path, "out of memory");
	} else {
		cfg_set_error_function(c->cfg, on_error);
		if (parse_text(c->cfg, path, text, len, err) == 0) {
			if (cfg_size(c->cfg, "profile") > 0) {
				free(text);
				return c;
			}
			jail_err_set(err, path, "no profile in the file");
		}
	}
	free(text);
	config_free(c);
	return NULL;
}

void config_free(struct jail_config *c)
{
	if (c == NULL)
		return;
	if (c->cfg != NULL)
		cfg_free(c->cfg);
	free(c->path);
	free(c);
}

size_t config_profile_count(const struct jail_config *c)
{
	return cfg_size(c->cfg, "profile");
}

const char *config_profile_name(const struct jail_config *c, size_t i)
{
	return cfg_title(cfg_getnsec(c->cfg, "profile", (unsigned)i));
}

static int add_entries(cfg_t *sec, const char *opt, struct jail_ruleset *rs, size_t *count,
		       struct jail_err *err, const char *path)
{
	unsigned n = cfg_size(sec, opt);

	for (unsigned i = 0; i < n; i++) {
		const struct located *v = cfg_getnptr(sec, opt, i);
		if (ruleset_merge(rs, &v->u.rules) < 0) {
			jail_err_set(err, path, "out of memory");
			return -1;
		}
	}
	*count += n;
	return 0;
}

/* A read or write list: its entries added to out's, and whether it was written at all (even as "{ }"). */
static int add_paths(cfg_t *sec, const char *opt, unsigned flags, struct jail_profile *out, bool *line_taken,
		     struct jail_err *err, const char *path)
{
	cfg_opt_t *o = cfg_getopt(sec, opt);
	unsigned n = cfg_size(sec, opt);

	if (o == NULL || !(o->flags & CFGF_MODIFIED))
		return 0;
	out->has_paths = true;
	for (unsigned i = 0; i < n; i++) {
		const struct located *v = cfg_getnptr(sec, opt, i);
		struct jail_path_entry e = { .flags = flags, .text = v->u.name };
		struct jail_path_list one = { .n = 1, .entry = &e };
		if (path_list_merge(&out->paths, &one) < 0) {
			jail_err_set(err, path, "out of memory");
			return -1;
		}
		/* Messages name the profile's own first entry, not an inherited one. */
		if (!*line_taken) {
			out->paths_line = v->line;
			*line_taken = true;
		}
	}
	return 0;
}

static void get_limits(cfg_t *lim, struct jail_limits *out)
{
	static const struct { const char *name; unsigned bit; int is_seconds; size_t off; } fields[] = {
		{ "cpu_time", JAIL_LIM_CPU_TIME, 1, offsetof(struct jail_limits, cpu_time) },
		{ "wall_time", JAIL_LIM_WALL_TIME, 1, offsetof(struct jail_limits, wall_time) },
		{ "memory", JAIL_LIM_MEMORY, 0, offsetof(struct jail_limits, memory) },
		{ "stack", JAIL_LIM_STACK, 0, offsetof(struct jail_limits, stack) },
		{ "processes", JAIL_LIM_PROCESSES, 0, offsetof(struct jail_limits, processes) },
		{ "file_size", JAIL_LIM_FILE_SIZE, 0, offsetof(struct jail_limits, file_size) },
		{ "open_files", JAIL_LIM_OPEN_FILES, 0, offsetof(struct jail_limits, open_files) },
	};
	struct jail_limits l = { 0 };

	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		const struct located *v;
		if (cfg_size(lim, fields[i].name) == 0)
			continue;
		v = cfg_getptr(lim, fields[i].name);
		if (fields[i].is_seconds)
			*(double *)((char *)&l + fields[i].off) = v->u.seconds;
		else
			*(uint64_t *)((char *)&l + fields[i].off) = v->u.number;
		l.set |= fields[i].bit;
	}
	limits_override(out, &l);
}

static int resolve(const struct jail_config *c, const char *name, struct jail_profile *out,
		   int depth, const char *where, struct jail_err *err)
{
	cfg_t *sec = cfg_gettsec(c->cfg, "profile", name);
	bool line_taken = false;

	if (sec == NULL) {
		jail_err_set(err, where, "no profile \"%s\"", name);
		return -1;
	}
	if (cfg_size(sec, "inherit") > 0) {
		const struct located *inh = cfg_getptr(sec, "inherit");
		char inh_where[300];
		if (depth >= MAX_INHERIT_DEPTH) {
			snprintf(inh_where, sizeof(inh_where), "%s:%d", c->path, inh->line);
			jail_err_set(err, inh_where, "profile \"%s\": inherit chain too long or circular", name);
			return -1;
		}
		snprintf(inh_where, sizeof(inh_where), "%s:%d: profile \"%s\": inherit", c->path,
			 inh->line, name);
		if (resolve(c, inh->u.name, out, depth + 1, inh_where, err) < 0)
			return -1;
	}
	if (add_entries(sec, "allow", &out->allow, &out->allow_entries, err, c->path) < 0 ||
	    add_entries(sec, "deny", &out->deny, &out->deny_entries, err, c->path) < 0 ||
	    add_entries(sec, "refuse", &out->refuse, &out->refuse_entries, err, c->path) < 0 ||
	    add_paths(sec, "read", JAIL_PATH_READ, out, &line_taken, err, c->path) < 0 ||
	    add_paths(sec, "write", JAIL_PATH_WRITE, out, &line_taken, err, c->path) < 0)
		return -1;
	if (cfg_size(sec, "action") > 0) {
		const struct located *a = cfg_getptr(sec, "action");
		out->action = a->u.action;
		out->has_action = true;
	}
	if (cfg_size(sec, "limits") > 0)
		get_limits(cfg_getsec(sec, "limits"), &out->limits);
	return 0;
}

int config_profile(const struct jail_config *c, const char *name, struct jail_profile *out,
		   struct jail_err *err)
{
	char where[300];

	memset(out, 0, sizeof(*out));
	snprintf(where, sizeof(where), "%s", c->path);
	if (resolve(c, name, out, 0, where, err) < 0) {
		profile_free(out);
		return -1;
	}
	return 0;
}

void profile_free(struct jail_profile *p)
{
	ruleset_free(&p->allow);
	ruleset_free(&p->deny);
	ruleset_free(&p->refuse);
	path_list_free(&p->paths);
}
