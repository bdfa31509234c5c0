/*
 * The text of a config file as libconfuse is given it. libconfuse 3.3
 * miscounts lines across comments (a '#' or '//' comment line counts as
 * three, a C comment adds one), so every FILE:LINE after a comment would be
 * wrong. libjail reads the file itself and turns each comment into blanks,
 * newlines kept: libconfuse then sees no comment and counts true lines.
 */
#ifndef JAIL_CONFIG_TEXT_H
#define JAIL_CONFIG_TEXT_H

#include <stddef.h>

#include "error.h"

/*
 * Reads the regular file at path (at most max_size bytes) into a NUL-ended
 * buffer with its comments blanked; NULL and err set on failure.
 */
char *config_text_read(const char *path, size_t max_size, size_t *len, struct jail_err *err);

/* Blanks the comments of text[0..len) in place, where libconfuse's scanner sees them. */
void config_text_blank_comments(char *text, size_t len);

#endif
