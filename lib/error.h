/* One error message, "WHERE: WHAT", carried up to whoever reports it. */
#ifndef JAIL_ERROR_H
#define JAIL_ERROR_H

struct jail_err {
	char msg[512];
};

/* Records the first error only: later ones are usually consequences. */
void jail_err_set(struct jail_err *err, const char *where, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int jail_err_isset(const struct jail_err *err);

#endif
