/*
 * The groups, each derived from what real programs call after libjail's
 * constructor has run: strace of C (stdio, libm, qsort, abort, assert), C++
 * (iostreams, exceptions, std::thread) and Debian's python3 (sys, math,
 * collections, itertools, functools, re, json, heapq, bisect, threading),
 * then each entry left out in turn to see which are required. Names unknown
 * on the native architecture are skipped.
 */
#include "config.h"

#include <string.h>

#include "groups.h"

#define MEMBERS(...) (const char *const[]){ __VA_ARGS__, NULL }

const struct jail_group jail_groups[] = {
	{ "@default", "what every program needs to run to its end, abort() included: exit, "
		      "signal return, its own ids, one-time initialisation, SIGABRT to itself and its "
		      "own signal mask (abort), its limits (read only), the CPUs it may run on (the "
		      "number of CPUs)",
	  MEMBERS("exit", "exit_group", "rt_sigreturn", "restart_syscall", "getpid", "gettid",
		  "getrandom", "sysinfo", "sched_getaffinity(arg0 == 0)",
		  "futex(arg1 == FUTEX_WAKE|FUTEX_PRIVATE_FLAG)",
		  "tgkill(arg0 == SELF_PID && arg2 == SIGABRT)", "rt_sigprocmask", "prlimit64(arg2 == 0)",
		  "getrlimit") },
	{ "@basic-io", "reading and writing descriptors already open (standard input and output)",
	  MEMBERS("read", "write", "readv", "writev", "pread64", "lseek", "close", "fstat",
		  "newfstatat",
		  "fcntl(arg1 == F_GETFD || arg1 == F_GETFL || arg1 == F_DUPFD_CLOEXEC)",
		  "ioctl(arg1 == TCGETS || arg1 == TIOCGWINSZ || arg1 == FIOCLEX)") },
	{ "@memory", "allocating, mapping and releasing memory",
	  MEMBERS("brk", "mmap", "munmap", "mremap", "mprotect", "madvise") },
	{ "@file-read", "opening files read-only, listing directories, reading metadata",
	  MEMBERS("openat(arg2 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY)",
		  "open(arg1 & O_ACCMODE|O_CREAT|O_TRUNC == O_RDONLY)", "newfstatat", "statx",
		  "stat", "lstat", "access", "faccessat", "faccessat2", "readlink", "readlinkat",
		  "getdents64", "getcwd") },
	{ "@file-write", "creating, writing, renaming and removing files",
	  MEMBERS("openat", "open", "creat", "unlink", "unlinkat", "rename", "renameat",
		  "renameat2", "mkdir", "mkdirat", "rmdir", "ftruncate", "truncate", "fsync",
		  "fdatasync", "symlink", "symlinkat", "link", "linkat", "chmod", "fchmod",
		  "fchmodat", "utimensat", "fallocate") },
	{ "@time", "reading clocks and sleeping",
	  MEMBERS("clock_gettime", "clock_getres", "gettimeofday", "time", "nanosleep",
		  "clock_nanosleep") },
	{ "@signal", "handling signals the program receives (not sending them)",
	  MEMBERS("rt_sigaction", "rt_sigprocmask", "sigaltstack", "rt_sigsuspend",
		  "rt_sigpending", "rt_sigtimedwait", "alarm", "setitimer", "getitimer", "pause") },
	{ "@threads", "starting and synchronising threads: clone only with CLONE_THREAD and no "
		      "new namespace, the futex operations of glibc's mutexes and condition variables",
	  MEMBERS("clone(arg0 & CLONE_THREAD|CLONE_NEWNS|CLONE_NEWCGROUP|CLONE_NEWUTS|CLONE_NEWIPC|"
		  "CLONE_NEWUSER|CLONE_NEWPID|CLONE_NEWNET == CLONE_THREAD)",
		  "futex(arg1 & FUTEX_CMD_MASK == FUTEX_WAIT || arg1 & FUTEX_CMD_MASK == FUTEX_WAKE || "
		  "arg1 & FUTEX_CMD_MASK == FUTEX_WAIT_BITSET || "
		  "arg1 & FUTEX_CMD_MASK == FUTEX_WAKE_BITSET)",
		  "set_robust_list", "rseq", "sched_yield", "sched_getaffinity", "gettid",
		  "tgkill(arg0 == SELF_PID)") },
	{ "@process", "creating, running, waiting for and signalling processes",
	  MEMBERS("fork", "vfork", "clone", "clone3", "execve", "execveat", "wait4", "waitid",
		  "kill", "tgkill", "tkill", "setsid", "setpgid", "getpgid", "getpgrp", "getppid",
		  "pidfd_open", "pidfd_send_signal") },
	{ "@network", "sockets: creating, connecting, sending and receiving",
	  MEMBERS("socket", "socketpair", "connect", "bind", "listen", "accept", "accept4",
		  "sendto", "recvfrom", "sendmsg", "recvmsg", "sendmmsg", "recvmmsg", "shutdown",
		  "getsockname", "getpeername", "setsockopt", "getsockopt") },
};

const size_t jail_ngroups = sizeof(jail_groups) / sizeof(jail_groups[0]);

const struct jail_group *jail_group_find(const char *name, size_t len)
{
	for (size_t i = 0; i < jail_ngroups; i++)
		if (strncmp(jail_groups[i].name, name, len) == 0 && jail_groups[i].name[len] == '\0')
			return &jail_groups[i];
	return NULL;
}
