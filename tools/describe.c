#include "config.h"

#include <fcntl.h>
#include <seccomp.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "describe.h"

/* Calls with a path, and which argument holds it. */
static const struct { const char *name; unsigned arg; } path_args[] = {
	{ "execve", 0 }, { "execveat", 1 }, { "open", 0 }, { "openat", 1 }, { "openat2", 1 },
	{ "creat", 0 }, { "unlink", 0 }, { "unlinkat", 1 }, { "mkdir", 0 }, { "mkdirat", 1 },
	{ "rmdir", 0 }, { "rename", 0 }, { "renameat", 1 }, { "renameat2", 1 }, { "link", 0 },
	{ "linkat", 1 }, { "symlink", 1 }, { "symlinkat", 2 }, { "chmod", 0 }, { "fchmodat", 1 },
	{ "chown", 0 }, { "lchown", 0 }, { "fchownat", 1 }, { "truncate", 0 }, { "stat", 0 },
	{ "lstat", 0 }, { "newfstatat", 1 }, { "statx", 1 }, { "access", 0 }, { "faccessat", 1 },
	{ "faccessat2", 1 }, { "readlink", 0 }, { "readlinkat", 1 }, { "chdir", 0 }, { "chroot", 0 },
	{ "mount", 1 }, { "umount2", 0 }, { "mknod", 0 }, { "mknodat", 1 }, { "utimensat", 1 },
	{ "statfs", 0 }, { "pivot_root", 0 }, { "swapon", 0 }, { "acct", 0 },
};

/* What a call is for, said plainly. */
static const struct { const char *name; const char *what; } purposes[] = {
	{ "execve", "running another program" }, { "execveat", "running another program" },
	{ "fork", "starting a new process" }, { "vfork", "starting a new process" },
	{ "clone", "starting a new process or thread" }, { "clone3", "starting a new process or thread" },
	{ "socket", "using the network" }, { "connect", "using the network" },
	{ "bind", "using the network" }, { "socketpair", "using sockets" },
	{ "kill", "sending a signal to another process" }, { "tgkill", "sending a signal" },
	{ "ptrace", "tracing another process" }, { "unlink", "deleting a file" },
	{ "unlinkat", "deleting a file" }, { "mkdir", "creating a directory" },
	{ "mkdirat", "creating a directory" }, { "rename", "renaming a file" },
	{ "creat", "creating a file" }, { "mount", "mounting a file system" },
	{ "setuid", "changing user" }, { "chdir", "changing directory" },
	{ "io_uring_setup", "asynchronous I/O" }, { "personality", "changing the execution domain" },
};

/* Reads a NUL-terminated string of the program's at addr. */
static void read_string(int mem_fd, unsigned long long addr, char *out, size_t size)
{
	ssize_t n;

	out[0] = '\0';
	if (mem_fd < 0 || addr == 0)
		return;
	n = pread(mem_fd, out, size - 1, (off_t)addr);
	if (n <= 0) {
		out[0] = '\0';
		return;
	}
	out[n] = '\0';
	/* Keep it printable: the words go into a one-line message and JSON. */
	for (char *p = out; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == '"' || *p == '\\' || (unsigned char)*p >= 0x7f)
			*p = '?';
}

static bool opens_for_writing(const char *name, const struct seccomp_notif *n)
{
	unsigned long long flags;

	if (strcmp(name, "openat") == 0)
		flags = n->data.args[2];
	else if (strcmp(name, "open") == 0)
		flags = n->data.args[1];
	else
		return false;
	return (flags & (O_ACCMODE | O_CREAT | O_TRUNC)) != O_RDONLY;
}

void describe_call(const struct seccomp_notif *n, int mem_fd, struct call_description *out)
{
	char *name = seccomp_syscall_resolve_num_arch(SCMP_ARCH_NATIVE, n->data.nr);
	const char *what = NULL;

	memset(out, 0, sizeof(*out));
	out->number = n->data.nr;
	if (name != NULL)
		snprintf(out->name, sizeof(out->name), "%s", name);
	else
		snprintf(out->name, sizeof(out->name), "syscall_%d", n->data.nr);
	free(name);
	for (size_t i = 0; i < sizeof(path_args) / sizeof(path_args[0]); i++)
		if (strcmp(path_args[i].name, out->name) == 0)
			read_string(mem_fd, n->data.args[path_args[i].arg], out->path, sizeof(out->path));
	for (size_t i = 0; i < sizeof(purposes) / sizeof(purposes[0]); i++)
		if (strcmp(purposes[i].name, out->name) == 0)
			what = purposes[i].what;
	if (opens_for_writing(out->name, n))
		what = "opening a file for writing";
	snprintf(out->words, sizeof(out->words), "system call %s%s%s%s is not allowed%s%s%s",
		 out->name, out->path[0] ? "(\"" : "", out->path, out->path[0] ? "\")" : "",
		 what ? " (" : "", what ? what : "", what ? ")" : "");
}
