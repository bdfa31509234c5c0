/*
 * Compiled policies for plain LD_PRELOAD use. `jailctl compile` builds the
 * policy that the environment and the config file name, and stores the BPF
 * program and the limits in a cache directory under a key made of
 * everything the policy depends on: libjail's build, the kernel, the
 * SECCOMP_* and JAIL_* variables, and the config file's bytes. The entry
 * holds the program, the limits and the path rules. libjail's
 * constructor computes the same key and loads the entry without libseccomp
 * or libconfuse. An entry is believed only when it is a regular file owned
 * by the user or root, writable by no one else, in such a directory, whose
 * key matches byte for byte and whose checksum holds; anything else is a
 * miss, and the policy is compiled afresh.
 */
#ifndef JAIL_CACHE_H
#define JAIL_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "action.h"
#include "bpf.h"
#include "error.h"
#include "limits.h"

#define JAIL_CACHE_ENV "JAIL_CACHE"
/* Values filled in at load sit in at most this many instructions; more, and the policy is not cached. */
#define JAIL_CACHE_MAX_SLOTS 32
/* A slot: the instruction's index, and in the top bits what goes into its k. */
#define JAIL_SLOT_PID 0u          /* the process's own PID (SELF_PID) */
#define JAIL_SLOT_SECRET_LOW 1u   /* the low half of jailctl run's per-run secret (its one execve) */
#define JAIL_SLOT_SECRET_HIGH 2u  /* its high half */
#define JAIL_SLOT(kind, insn) (((uint32_t)(kind) << 30) | (uint32_t)(insn))
#define JAIL_SLOT_KIND(slot) ((slot) >> 30)
#define JAIL_SLOT_INSN(slot) ((slot) & 0x3fffffffu)

struct jail_cache_key {
	char *bytes;
	size_t len, cap;
	bool on_heap;  /* else bytes is the caller's room */
};

/*
 * The light start-up path's buffers (libjail.so keeps them static, so that
 * it needs no heap): the key, with the config's bytes, while it fits; and
 * an entry, or jailctl's compiled program, which is at most BPF_MAXINSNS
 * instructions.
 */
#define JAIL_KEY_ROOM 16384
union jail_program_room {
	struct sock_filter insns[BPF_MAXINSNS];
	char bytes[BPF_MAXINSNS * sizeof(struct sock_filter) + JAIL_KEY_ROOM];
};

struct jail_compiled {
	struct jail_limits limits;
	struct jail_action action;               /* what a violation does (jailctl run applies it) */
	struct jail_bpf bpf;
	uint32_t slots;                          /* instructions whose k is filled in at load */
	uint32_t slot[JAIL_CACHE_MAX_SLOTS];
	/* The path rules (landlock.h), or NULL; from cache_lookup they lie in the entry's buffer. */
	const char *paths;
	size_t paths_len;
	bool on_heap;  /* from cache_lookup: bpf.insns is malloc'd, else in the caller's room */
};

/* Key building: begin in room (may be NULL), then add; free with cache_key_free. */
void cache_key_begin(struct jail_cache_key *key, char *room, size_t room_len);
/* Appends "LEN:BYTES" (length-prefixed: no two different inputs make the same key). */
int cache_key_add(struct jail_cache_key *key, const char *bytes, size_t len);
/* A variable's name and value; unset (NULL) and set-but-empty differ. */
int cache_key_add_var(struct jail_cache_key *key, const char *name, const char *value);
/* The file's bytes. */
int cache_key_add_file(struct jail_cache_key *key, const char *path, struct jail_err *err);
/* libjail's build and the kernel's release and machine. */
int cache_key_add_build(struct jail_cache_key *key, struct jail_err *err);
/*
 * The key for the policy the environment names; -1 (err set) when the
 * config cannot be read. Built in room (may be NULL) while it fits, then
 * on the heap: libjail's start-up passes a static buffer and so needs no
 * malloc. Free with cache_key_free either way.
 */
int cache_key_from_env(struct jail_cache_key *key, char *room, size_t room_len, struct jail_err *err);
void cache_key_free(struct jail_cache_key *key);
/* JAIL_CACHE, else $HOME/.cache/jail; -1 when neither can be had. */
int cache_dir(char *out, size_t len);
/* The entry's file name in dir. */
int cache_path(const struct jail_cache_key *key, const char *dir, char *out, size_t len);
/*
 * 1 with *out filled, 0 on a miss or an entry not to be believed. The
 * entry is read into room (suitably aligned; may be NULL) if it fits, else
 * onto the heap; free with compiled_free either way.
 */
int cache_lookup(const struct jail_cache_key *key, struct jail_compiled *out, void *room, size_t room_len);
void compiled_free(struct jail_compiled *c);
/* Writes the entry atomically (a temporary file, then rename); creates dir if need be. */
int cache_store(const struct jail_cache_key *key, const struct jail_compiled *c, const char *path,
		struct jail_err *err);
/* Puts pid into the instructions that compare with the process's own PID. */
void compiled_set_pid(struct jail_compiled *c, pid_t pid);
/* Puts secret's halves into the instructions that compare with jailctl run's secret. */
void compiled_set_secret(struct jail_compiled *c, uint64_t secret);

#endif
