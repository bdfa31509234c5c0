#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action.h"

#define MAX_ERRNO 4095

static int errno_by_name(const char *name)
{
	for (int e = 1; e < 256; e++) {
		const char *n = strerrorname_np(e);
		if (n != NULL && strcmp(n, name) == 0)
			return e;
	}
	return -1;
}

int action_parse(const char *text, struct jail_action *out, const char *where,
		 struct jail_err *err)
{
	static const struct { const char *name; enum jail_action_kind kind; } simple[] = {
		{ "kill", JAIL_ACT_KILL }, { "kill_thread", JAIL_ACT_KILL_THREAD },
		{ "trap", JAIL_ACT_TRAP }, { "errno", JAIL_ACT_ERRNO },
		{ "log", JAIL_ACT_LOG }, { "allow", JAIL_ACT_ALLOW },
	};
	const char *arg;

	out->errno_value = EPERM;
	for (size_t i = 0; i < sizeof(simple) / sizeof(simple[0]); i++)
		if (strcmp(text, simple[i].name) == 0) {
			out->kind = simple[i].kind;
			return 0;
		}
	if (strncmp(text, "errno:", 6) != 0) {
		jail_err_set(err, where, "unknown action \"%s\" (kill, kill_thread, trap, errno, "
			     "errno:NAME, errno:N, log, allow)", text);
		return -1;
	}
	arg = text + 6;
	out->kind = JAIL_ACT_ERRNO;
	if (isdigit((unsigned char)*arg)) {
		char *end;
		errno = 0;
		long v = strtol(arg, &end, 10);
		/* 0 would make a refused call look like a success that did nothing. */
		if (*end != '\0' || errno != 0 || v < 1 || v > MAX_ERRNO) {
			jail_err_set(err, where, "bad errno number \"%s\" (1 to %d)", arg, MAX_ERRNO);
			return -1;
		}
		out->errno_value = (int)v;
		return 0;
	}
	out->errno_value = errno_by_name(arg);
	if (out->errno_value < 0) {
		jail_err_set(err, where, "unknown errno name \"%s\"", arg);
		return -1;
	}
	return 0;
}

uint32_t action_to_scmp(const struct jail_action *a)
{
	switch (a->kind) {
	case JAIL_ACT_KILL: return SCMP_ACT_KILL_PROCESS;
	case JAIL_ACT_KILL_THREAD: return SCMP_ACT_KILL_THREAD;
	case JAIL_ACT_TRAP: return SCMP_ACT_TRAP;
	case JAIL_ACT_ERRNO: return SCMP_ACT_ERRNO((uint32_t)a->errno_value);
	case JAIL_ACT_LOG: return SCMP_ACT_NOTIFY;
	case JAIL_ACT_ALLOW: return SCMP_ACT_ALLOW;
	/* TRACE with no tracer: ENOSYS; it ranks below jailctl's user notification. */
	}
	return SCMP_ACT_KILL_PROCESS;
}

void action_format(const struct jail_action *a, char *buf, size_t len)
{
	static const char *const names[] = {
		[JAIL_ACT_KILL] = "kill", [JAIL_ACT_KILL_THREAD] = "kill_thread",
		[JAIL_ACT_TRAP] = "trap", [JAIL_ACT_ERRNO] = "errno",
		[JAIL_ACT_LOG] = "log", [JAIL_ACT_ALLOW] = "allow",
	};
	const char *ename;

	if (a->kind != JAIL_ACT_ERRNO || a->errno_value == EPERM) {
		snprintf(buf, len, "%s", names[a->kind]);
		return;
	}
	ename = strerrorname_np(a->errno_value);
	if (ename != NULL)
		snprintf(buf, len, "errno:%s", ename);
	else
		snprintf(buf, len, "errno:%d", a->errno_value);
}
