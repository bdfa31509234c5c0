/*
 * libFuzzer target: path-rule blobs (landlock.h), the bytes a cache entry
 * carries after its program. A blob landlock_blob_valid accepts must be
 * one whose every rule lies within it, has a known flag, grants read or
 * write, and names an absolute path or "."; iterating must end, at the
 * end of the blob.
 */
#include "config.h"

#include "fuzz.h"
#include "landlock.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *blob = (const char *)data, *end = blob + size, *last = NULL;
	size_t rules = 0;

	if (!landlock_blob_valid(blob, size))
		return 0;
	FUZZ_CHECK(size >= 3 && blob[0] == JAIL_PATH_BLOB_MAGIC && blob[size - 1] == '\0');
	FUZZ_CHECK(landlock_blob_where(blob) < end);
	for (const char *r = landlock_blob_rule(blob, size, NULL); r != NULL; r = landlock_blob_rule(blob, size, r)) {
		size_t len = strnlen(r + 1, (size_t)(end - r - 1));
		FUZZ_CHECK(r > blob + 2 && r + 1 + len < end);
		FUZZ_CHECK((r[0] & (JAIL_PATH_READ | JAIL_PATH_WRITE)) != 0 && (r[0] & ~0x0f) == 0);
		FUZZ_CHECK(r[1] == '/' || strcmp(r + 1, ".") == 0);
		FUZZ_CHECK(last == NULL || r > last);
		last = r;
		FUZZ_CHECK(++rules <= size);
	}
	FUZZ_CHECK(last == NULL || last + 1 + strlen(last + 1) + 1 == end);
	return 0;
}
