/* libjail's fail-closed exit: one line "libjail: WHERE: WHAT", then status 125. */
#ifndef JAIL_DIE_H
#define JAIL_DIE_H

#include "error.h"

#define LIBJAIL_FAIL_STATUS 125

_Noreturn void libjail_die(const struct jail_err *err);

#endif
