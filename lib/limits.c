#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "limits.h"

int size_parse(const char *text, uint64_t *bytes, const char *where, struct jail_err *err)
{
	char *end;
	unsigned long long v;
	unsigned shift = 0;

	if (!isdigit((unsigned char)text[0]))
		goto bad;
	errno = 0;
	v = strtoull(text, &end, 10);
	if (errno != 0)
		goto bad;
	switch (toupper((unsigned char)*end)) {
	case 'K': shift = 10; end++; break;
	case 'M': shift = 20; end++; break;
	case 'G': shift = 30; end++; break;
	case '\0': break;
	default: goto bad;
	}
	if (*end != '\0' || (shift != 0 && v > (UINT64_MAX >> shift)))
		goto bad;
	*bytes = (uint64_t)v << shift;
	return 0;
bad:
	jail_err_set(err, where, "bad size \"%s\" (bytes, or a number with K, M or G)", text);
	return -1;
}

int seconds_parse(const char *text, double *seconds, const char *where, struct jail_err *err)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(text, &end);
	if (end == text || *end != '\0' || errno != 0 || !isfinite(v) || v <= 0 || v > 1e7) {
		jail_err_set(err, where, "bad time \"%s\" (seconds greater than 0, fractions allowed)", text);
		return -1;
	}
	*seconds = v;
	return 0;
}

void limits_override(struct jail_limits *base, const struct jail_limits *over)
{
	if (over->set & JAIL_LIM_CPU_TIME) base->cpu_time = over->cpu_time;
	if (over->set & JAIL_LIM_WALL_TIME) base->wall_time = over->wall_time;
	if (over->set & JAIL_LIM_MEMORY) base->memory = over->memory;
	if (over->set & JAIL_LIM_STACK) base->stack = over->stack;
	if (over->set & JAIL_LIM_PROCESSES) base->processes = over->processes;
	if (over->set & JAIL_LIM_FILE_SIZE) base->file_size = over->file_size;
	if (over->set & JAIL_LIM_OPEN_FILES) base->open_files = over->open_files;
	base->set |= over->set;
}

static int lower(int resource, const char *name, rlim_t soft, rlim_t hard, struct jail_err *err)
{
	struct rlimit cur, want;

	if (getrlimit(resource, &cur) < 0) {
		jail_err_set(err, name, "getrlimit: %s", strerror(errno));
		return -1;
	}
	want.rlim_max = hard < cur.rlim_max ? hard : cur.rlim_max;
	want.rlim_cur = soft < want.rlim_max ? soft : want.rlim_max;
	if (setrlimit(resource, &want) < 0) {
		jail_err_set(err, name, "setrlimit: %s", strerror(errno));
		return -1;
	}
	return 0;
}

int limits_apply(const struct jail_limits *l, struct jail_err *err)
{
	if (l->set & JAIL_LIM_CPU_TIME) {
		/* Whole seconds, rounded up: jailctl enforces the milliseconds. SIGXCPU, then SIGKILL. */
		rlim_t s = (rlim_t)ceil(l->cpu_time);
		if (lower(RLIMIT_CPU, "limits.cpu_time", s, s + 1, err) < 0)
			return -1;
	}
	if ((l->set & JAIL_LIM_MEMORY) && lower(RLIMIT_AS, "limits.memory", l->memory, l->memory, err) < 0)
		return -1;
	if ((l->set & JAIL_LIM_STACK) && lower(RLIMIT_STACK, "limits.stack", l->stack, l->stack, err) < 0)
		return -1;
	if ((l->set & JAIL_LIM_PROCESSES) &&
	    lower(RLIMIT_NPROC, "limits.processes", l->processes, l->processes, err) < 0)
		return -1;
	if ((l->set & JAIL_LIM_FILE_SIZE) &&
	    lower(RLIMIT_FSIZE, "limits.file_size", l->file_size, l->file_size, err) < 0)
		return -1;
	if ((l->set & JAIL_LIM_OPEN_FILES) &&
	    lower(RLIMIT_NOFILE, "limits.open_files", l->open_files, l->open_files, err) < 0)
		return -1;
	return lower(RLIMIT_CORE, "limits.core", 0, 0, err);
}
