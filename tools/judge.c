#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "commands.h"
#include "judge.h"

static const char *signal_name(int sig, char *buf, size_t len)
{
	snprintf(buf, len, "SIG%s", sigabbrev_np(sig) ? sigabbrev_np(sig) : "?");
	return buf;
}

/* The verdict, the status and the message, from what happened. */
void judge(const struct supervision *sv, const struct jail_limits *l, bool is_static,
		  struct run_result *r)
{
	int st = sv->report.wait_status;
	char sig[32];

	r->user_time = (double)sv->report.usage.ru_utime.tv_sec + sv->report.usage.ru_utime.tv_usec / 1e6;
	r->sys_time = (double)sv->report.usage.ru_stime.tv_sec + sv->report.usage.ru_stime.tv_usec / 1e6;
	r->cpu_time = r->user_time + r->sys_time;
	r->memory_kib = sv->report.usage.ru_maxrss;
	r->limits_by = "rlimit";
	bool oom_killed = false, memory_hit = false;
	if (sv->cg->version != 0) {
		long peak = cgroup_memory_peak_kib(sv->cg);
		double tree_cpu = cgroup_cpu_seconds(sv->cg);
		r->limits_by = "cgroup";
		/*
		 * The peak resident size, as judges report it (wait4's ru_maxrss), or
		 * the cgroup's peak charge where that is larger (a tree of processes,
		 * page cache); the charge alone is kept too.
		 */
		r->cgroup_memory_kib = peak;
		if (peak > r->memory_kib)
			r->memory_kib = peak;
		if (tree_cpu > r->cpu_time)
			r->cpu_time = tree_cpu;
		memory_hit = (l->set & JAIL_LIM_MEMORY) && cgroup_memory_hit(sv->cg, &oom_killed);
	}
	if (sv->reported && WIFEXITED(st)) {
		r->exited = true;
		r->exit_code = WEXITSTATUS(st);
		r->status = r->exit_code;
	} else if (sv->reported && WIFSIGNALED(st)) {
		r->signal = WTERMSIG(st);
		r->status = 128 + r->signal;
	}
	if (sv->child_failed) {
		r->verdict = "internal_error";
		r->exited = false;
		r->signal = 0;
		r->status = sv->failure.status;
		snprintf(r->message, sizeof(r->message), "could not start the program: %s", sv->failure.message);
	} else if (sv->forbidden) {
		/* Stopped as the kernel stops a forbidden call: SIGSYS, 159. */
		r->verdict = "forbidden_syscall";
		r->forbidden = true;
		r->call = sv->call;
		r->exited = false;
		r->signal = SIGSYS;
		r->status = 128 + SIGSYS;
		snprintf(r->message, sizeof(r->message), "stopped: %s", sv->call.words);
	} else if (r->signal == SIGSYS) {
		/* A trapped call no handler caught, or a filter that a program it ran loaded. */
		r->verdict = "forbidden_syscall";
		snprintf(r->message, sizeof(r->message), "stopped: the program made a system call that "
			 "its policy does not allow (killed by SIGSYS)");
	} else if (sv->cpu_exceeded || (r->signal == SIGXCPU) ||
		   ((l->set & JAIL_LIM_CPU_TIME) && r->cpu_time >= l->cpu_time && r->signal == SIGKILL)) {
		r->verdict = "cpu_time_limit";
		r->status = 124;
		snprintf(r->message, sizeof(r->message), "stopped: the program used more than %g s of CPU time",
			 l->cpu_time);
	} else if (sv->wall_exceeded) {
		r->verdict = "wall_time_limit";
		r->status = 124;
		snprintf(r->message, sizeof(r->message), "stopped: the program ran longer than %g s "
			 "(waiting, sleeping or blocked)", l->wall_time);
	} else if (sv->reported && (oom_killed || (memory_hit && !(WIFEXITED(st) && WEXITSTATUS(st) == 0)) ||
				    (sv->cg->version == 0 && (l->set & JAIL_LIM_MEMORY) &&
				     !(WIFEXITED(st) && WEXITSTATUS(st) == 0) &&
				     (uint64_t)r->memory_kib * 1024 >= l->memory / 2))) {
		/*
		 * Killed, crashed or failed while at its limit. Without a cgroup, a
		 * guess: half of it in use (RLIMIT_AS leaves no record of a failure).
		 * Under a cgroup the charge says it, and nothing else: a program that
		 * fails for its own reasons while using much memory keeps its verdict.
		 */
		r->verdict = "memory_limit";
		snprintf(r->message, sizeof(r->message), "stopped: the program needed more than %llu MiB of memory",
			 (unsigned long long)(l->memory >> 20));
	} else if (!sv->reported) {
		r->verdict = "internal_error";
		r->status = JAILCTL_EXIT_FAILURE;
		snprintf(r->message, sizeof(r->message), "the sandbox ended without a report");
	} else if (r->signal == SIGXFSZ || sv->output_exceeded) {
		r->verdict = "output_limit";
		snprintf(r->message, sizeof(r->message), "stopped: the program wrote more than the file size limit");
	} else if (!is_static && !sv->confined) {
		/* ld.so only warns when a preload fails: such a run never counts. */
		r->verdict = "internal_error";
		r->status = JAILCTL_EXIT_FAILURE;
		snprintf(r->message, sizeof(r->message), "libjail did not say that the program's own code started "
			 "(the preload did not take effect): the run does not count");
	} else if (r->signal > 0) {
		r->verdict = "signal";
		snprintf(r->message, sizeof(r->message), "the program was killed by %s (%s)",
			 signal_name(r->signal, sig, sizeof(sig)), strsignal(r->signal));
	} else if (r->exit_code != 0) {
		r->verdict = "runtime_error";
		snprintf(r->message, sizeof(r->message), "the program exited with status %d", r->exit_code);
	} else {
		r->verdict = "ok";
	}
}
