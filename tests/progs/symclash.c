/*
 * symclash: a target that links libseccomp itself and defines functions
 * with the names of libjail's own. libjail must use neither of them, and
 * the target's own calls must reach its own code and its own libseccomp.
 */
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>

int entry_parse(void);
int policy_load(void);
void jail_err_set(void);

int entry_parse(void) { return 42; }
int policy_load(void) { return 43; }
void jail_err_set(void) { abort(); }

int main(void)
{
	const struct scmp_version *v = seccomp_version();
	int nr = seccomp_syscall_resolve_name("read");

	printf("own=%d,%d libseccomp=%u.%u read=%d\n", entry_parse(), policy_load(),
	       v ? v->major : 0, v ? v->minor : 0, nr);
	return 0;
}
