#include "config.h"

#include <stdio.h>
#include <string.h>

#include "proc_status.h"

int proc_thread_group(pid_t tid, long *tgid, long *inner)
{
	char path[64], line[256];
	FILE *f;

	*tgid = -1;
	if (inner != NULL)
		*inner = -1;
	snprintf(path, sizeof(path), "/proc/%d/status", (int)tid);
	f = fopen(path, "re");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "Tgid: %ld", tgid) == 1)
			continue;
		if (inner != NULL && strncmp(line, "NStgid:", 7) == 0) {
			char *last = strrchr(line, '\t');
			if (last == NULL || sscanf(last, "%ld", inner) != 1)
				*inner = -1;
		}
	}
	fclose(f);
	return 0;
}
