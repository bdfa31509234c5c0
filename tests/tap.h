/* A minimal TAP producer for the C unit tests (automake's tap-driver reads it). */
#ifndef JAIL_TAP_H
#define JAIL_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_n, tap_failed;

static inline void tap_ok(int cond, const char *fmt, ...)
{
	va_list ap;

	printf("%s %d - ", cond ? "ok" : "not ok", ++tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!cond)
		tap_failed++;
}

/* Passes when got contains want; prints both when not. */
static inline void tap_contains(const char *got, const char *want, const char *name)
{
	int ok = got != NULL && strstr(got, want) != NULL;

	tap_ok(ok, "%s", name);
	if (!ok)
		printf("#   got:  %s\n#   want: ...%s...\n", got ? got : "(null)", want);
}

static inline int tap_done(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif
