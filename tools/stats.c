#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "stats.h"

/* Strings here are ours or already made printable (describe.c); quotes and backslashes escaped anyway. */
static void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		if ((unsigned char)*s < 0x20)
			fprintf(f, "\\u%04x", (unsigned char)*s);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

static void write_json(FILE *f, const struct run_result *r)
{
	fputs("{\"verdict\": ", f);
	json_string(f, r->verdict);
	if (r->exited)
		fprintf(f, ", \"exit_code\": %d", r->exit_code);
	else
		fputs(", \"exit_code\": null", f);
	if (r->signal > 0) {
		char name[32];
		snprintf(name, sizeof(name), "SIG%s", sigabbrev_np(r->signal) ? sigabbrev_np(r->signal) : "UNKNOWN");
		fputs(", \"signal\": ", f);
		json_string(f, name);
	} else {
		fputs(", \"signal\": null", f);
	}
	fprintf(f, ", \"cpu_time\": %.6f, \"user_time\": %.6f, \"sys_time\": %.6f, \"wall_time\": %.6f",
		r->cpu_time, r->user_time, r->sys_time, r->wall_time);
	fprintf(f, ", \"memory\": %ld", r->memory_kib);
	if (r->cgroup_memory_kib >= 0)
		fprintf(f, ", \"cgroup_memory\": %ld", r->cgroup_memory_kib);
	else
		fputs(", \"cgroup_memory\": null", f);
	fputs(", \"limits_by\": ", f);
	json_string(f, r->limits_by ? r->limits_by : "rlimit");
	if (r->forbidden) {
		fputs(", \"syscall\": {\"name\": ", f);
		json_string(f, r->call.name);
		fprintf(f, ", \"number\": %d", r->call.number);
		if (r->call.path[0]) {
			fputs(", \"path\": ", f);
			json_string(f, r->call.path);
		}
		fputs("}", f);
	} else {
		fputs(", \"syscall\": null", f);
	}
	fputs(", \"message\": ", f);
	json_string(f, r->message);
	fprintf(f, ", \"exit_status\": %d}\n", r->status);
}

int stats_write(const struct run_result *r, const char *path)
{
	FILE *f;
	struct stat st;

	if (strcmp(path, "-") == 0) {
		write_json(stderr, r);
		return fflush(stderr) == 0 ? 0 : -1;
	}
	/*
	 * A device or a pipe (/dev/null, /dev/full, a FIFO) is written in
	 * place, never replaced; a symbolic link is never followed (jailctl
	 * may be root, and the link anyone's).
	 */
	bool exists = lstat(path, &st) == 0;
	if (exists && S_ISLNK(st.st_mode)) {
		fprintf(stderr, "jailctl: --stats %s: a symbolic link: give the file itself\n", path);
		return -1;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		int fd_dev = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
		f = fd_dev < 0 ? NULL : fdopen(fd_dev, "w");
		if (f == NULL) {
			fprintf(stderr, "jailctl: --stats %s: %s\n", path, strerror(errno));
			return -1;
		}
		write_json(f, r);
		if (fflush(f) != 0 || ferror(f)) {
			fprintf(stderr, "jailctl: --stats %s: %s\n", path, strerror(errno));
			fclose(f);
			return -1;
		}
		return fclose(f) == 0 ? 0 : -1;
	}
	/* A temporary file beside it, then rename: a reader sees all of it or none. */
	struct atomic_file out;
	/* Only its owner may read it: one run's statistics are not another user's to see. */
	if (atomic_file_open(&out, path, 0600, "--stats") < 0)
		return -1;
	write_json(out.f, r);
	return atomic_file_commit(&out);
}
