#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config_text.h"

/* Blanks text[from..to), newlines kept so that the lines stay where they were. */
static void blank(char *text, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (text[i] != '\n')
			text[i] = ' ';
}

/* The index just past a quoted string that opens at text[i], as libconfuse ends it. */
static size_t skip_string(const char *text, size_t len, size_t i)
{
	char quote = text[i++];

	while (i < len && text[i] != quote) {
		if (text[i] == '\\')
			i++;                    /* an escaped character, the quote or a newline too */
		else if (quote == '"' && text[i] == '$' && i + 1 < len && text[i + 1] == '{') {
			const char *end = memchr(text + i, '}', len - i);
			if (end != NULL)        /* ${VAR} is substituted whole, quotes and all */
				i = (size_t)(end - text);
		}
		i++;
	}
	return i < len ? i + 1 : len;
}

void config_text_blank_comments(char *text, size_t len)
{
	size_t i = 0;

	while (i < len) {
		char c = text[i], next = i + 1 < len ? text[i + 1] : '\0';
		size_t end;

		if (c == '"' || c == '\'') {
			i = skip_string(text, len, i);
		} else if (c == '$' && next == '{' && memchr(text + i, '}', len - i) != NULL) {
			i = (size_t)((char *)memchr(text + i, '}', len - i) - text) + 1;
		} else if (c == '#' || (c == '/' && next == '/')) {
			const char *nl = memchr(text + i, '\n', len - i);
			end = nl != NULL ? (size_t)(nl - text) : len;
			blank(text, i, end);
			i = end;
		} else if (c == '/' && next == '*') {
			const char *close = memmem(text + i + 2, len - i - 2, "*/", 2);
			end = close != NULL ? (size_t)(close - text) + 2 : len;   /* unclosed: to the end, as libconfuse */
			blank(text, i, end);
			i = end;
		} else {
			i++;
		}
	}
}

char *config_text_read(const char *path, size_t max_size, size_t *len, struct jail_err *err)
{
	struct stat st;
	char *text = NULL;
	size_t got = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);

	if (fd < 0) {
		jail_err_set(err, path, "%s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) < 0) {
		jail_err_set(err, path, "%s", strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		jail_err_set(err, path, "not a regular file");
		goto fail;
	}
	if ((size_t)st.st_size > max_size) {
		jail_err_set(err, path, "larger than %zu bytes", max_size);
		goto fail;
	}
	text = malloc(max_size + 1);
	if (text == NULL) {
		jail_err_set(err, path, "out of memory");
		goto fail;
	}
	/* Read to the end, not to st_size: the file may have grown; a longer one is refused. */
	for (;;) {
		ssize_t n = read(fd, text + got, max_size + 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			jail_err_set(err, path, "%s", strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		got += (size_t)n;
		if (got > max_size) {
			jail_err_set(err, path, "larger than %zu bytes", max_size);
			goto fail;
		}
	}
	close(fd);
	if (memchr(text, '\0', got) != NULL) {
		jail_err_set(err, path, "not a text file (it holds a NUL byte)");
		free(text);
		return NULL;
	}
	text[got] = '\0';
	config_text_blank_comments(text, got);
	*len = got;
	return text;
fail:
	free(text);
	close(fd);
	return NULL;
}
