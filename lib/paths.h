/*
 * The files a program may open: the entries of a profile's read and write
 * lists, of JAIL_READ and JAIL_WRITE. An entry is an absolute path (a file,
 * or a directory and everything beneath it), "." (the directory the program
 * starts in), or a path group ("@system"). Each entry is checked where it
 * is read; the lists then become the rule blob that landlock.h applies.
 */
#ifndef JAIL_PATHS_H
#define JAIL_PATHS_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "landlock.h"

struct jail_path_group {
	const char *name;            /* with the '@' */
	const char *summary;
	const char *const *members;  /* absolute paths, NULL-terminated */
	const char *const *writable; /* members that may be opened for writing too (/dev/null), NULL-terminated */
};

extern const struct jail_path_group jail_path_groups[];
extern const size_t jail_npath_groups;

/* The group of that name ("@system"), or NULL. */
const struct jail_path_group *path_group_find(const char *name);

/* Entries as written, each with JAIL_PATH_READ or JAIL_PATH_WRITE. */
struct jail_path_entry {
	unsigned flags;
	char *text;
};

struct jail_path_list {
	size_t n;
	struct jail_path_entry *entry;
};

/* Whether text is an entry: an existing absolute path, ".", or a known group; err names where. */
int path_entry_check(const char *text, const char *where, struct jail_err *err);
/* Adds a checked entry (a copy of text). */
int path_list_add(struct jail_path_list *list, unsigned flags, const char *text, const char *where,
		  struct jail_err *err);
/* Adds every entry of a ':'-separated list (JAIL_READ, --read); empty entries are skipped. */
int path_list_parse(struct jail_path_list *list, unsigned flags, const char *text, const char *where,
		    struct jail_err *err);
int path_list_merge(struct jail_path_list *dst, const struct jail_path_list *src);
void path_list_free(struct jail_path_list *list);

/*
 * The rule blob (landlock.h) for list: groups expanded to the members this
 * machine has, members that another member already covers left out, and
 * each rule marked as a directory or not. where names the rules' source in
 * messages; min_abi is the least Landlock ABI they need. *blob is malloc'd.
 */
int paths_to_blob(const struct jail_path_list *list, const char *where, int min_abi, char **blob, size_t *len,
		  struct jail_err *err);
/* Appends one rule to a blob (jailctl's own: the program, its interpreter, libjail). */
int paths_blob_append(char **blob, size_t *len, unsigned flags, const char *path);

#endif
