#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "die.h"

_Noreturn void libjail_die(const struct jail_err *err)
{
	char line[600];
	const char *log = getenv("JAIL_LOG");
	int n = snprintf(line, sizeof(line), "libjail: %s\n", err->msg);

	if (n > (int)sizeof(line) - 1)
		n = (int)sizeof(line) - 1;
	if (write(STDERR_FILENO, line, (size_t)n) < 0) {
		/* Nowhere left to say it; the status still tells. */
	}
	if (log != NULL && *log != '\0') {
		int fd = open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
		if (fd >= 0) {
			if (write(fd, line, (size_t)n) < 0) {
				/* As above. */
			}
			close(fd);
		}
	}
	_exit(LIBJAIL_FAIL_STATUS);
}
