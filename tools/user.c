#include "config.h"

#include <errno.h>
#include <nss.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>

#include "user.h"

int user_find(const char *name, uid_t *uid, gid_t *gid)
{
	struct passwd *pw;

#ifdef JAILCTL_STATIC
	/* What NSS's "files" would find, without NSS: no nsswitch.conf to parse on every run. */
	FILE *f = fopen("/etc/passwd", "re");

	if (f == NULL)
		return -1;
	errno = 0;
	while ((pw = fgetpwent(f)) != NULL && strcmp(pw->pw_name, name) != 0)
		;
	/* fgetpwent says the end of the file with ENOENT. */
	int e = errno == ENOENT ? 0 : errno;
	fclose(f);
	errno = pw == NULL ? e : 0;
#else
	errno = 0;
	pw = getpwnam(name);
#endif
	if (pw == NULL)
		return -1;
	*uid = pw->pw_uid;
	*gid = pw->pw_gid;
	return 0;
}

int user_lookups_files_only(void)
{
#ifdef JAILCTL_STATIC
	static int done;

	if (done)
		return 0;
	if (__nss_configure_lookup("passwd", "files") != 0 || __nss_configure_lookup("group", "files") != 0)
		return -1;
	done = 1;
#endif
	return 0;
}
