#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"

void jail_err_set(struct jail_err *err, const char *where, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (err == NULL || err->msg[0] != '\0')
		return;
	n = snprintf(err->msg, sizeof(err->msg), "%s: ", where);
	if (n < 0 || (size_t)n >= sizeof(err->msg))
		return;
	va_start(ap, fmt);
	vsnprintf(err->msg + n, sizeof(err->msg) - (size_t)n, fmt, ap);
	va_end(ap);
	/* A message is one line, whatever the input quoted in it held. */
	for (char *p = err->msg; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
}

int jail_err_isset(const struct jail_err *err)
{
	return err->msg[0] != '\0';
}
