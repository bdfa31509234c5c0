#include "config.h"

#include <asm/prctl.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <linux/sched.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "constants.h"

#define C(x) { #x, (uint64_t)(x) }

const struct jail_constant jail_constants[] = {
	/* open flags */
	C(O_RDONLY), C(O_WRONLY), C(O_RDWR), C(O_ACCMODE), C(O_CREAT), C(O_EXCL),
	C(O_NOCTTY), C(O_TRUNC), C(O_APPEND), C(O_NONBLOCK), C(O_DSYNC), C(O_SYNC),
	C(O_DIRECTORY), C(O_NOFOLLOW), C(O_CLOEXEC), C(O_PATH), C(O_TMPFILE),
	C(O_LARGEFILE), C(O_NOATIME), C(O_DIRECT), C(O_ASYNC),
	/* clone flags */
	C(CLONE_VM), C(CLONE_FS), C(CLONE_FILES), C(CLONE_SIGHAND), C(CLONE_PIDFD),
	C(CLONE_PTRACE), C(CLONE_VFORK), C(CLONE_PARENT), C(CLONE_THREAD),
	C(CLONE_NEWNS), C(CLONE_SYSVSEM), C(CLONE_SETTLS), C(CLONE_PARENT_SETTID),
	C(CLONE_CHILD_CLEARTID), C(CLONE_DETACHED), C(CLONE_UNTRACED),
	C(CLONE_CHILD_SETTID), C(CLONE_NEWCGROUP), C(CLONE_NEWUTS), C(CLONE_NEWIPC),
	C(CLONE_NEWUSER), C(CLONE_NEWPID), C(CLONE_NEWNET), C(CLONE_IO),
	/* address families and socket types */
	C(AF_UNSPEC), C(AF_UNIX), C(AF_LOCAL), C(AF_INET), C(AF_INET6),
	C(AF_NETLINK), C(AF_PACKET), C(SOCK_STREAM), C(SOCK_DGRAM), C(SOCK_RAW),
	C(SOCK_SEQPACKET), C(SOCK_NONBLOCK), C(SOCK_CLOEXEC),
	/* The kernel's name for the bits of a socket's type, without SOCK_NONBLOCK and SOCK_CLOEXEC. */
	{ "SOCK_TYPE_MASK", 0xf },
	/* memory */
	C(PROT_NONE), C(PROT_READ), C(PROT_WRITE), C(PROT_EXEC), C(MAP_SHARED),
	C(MAP_PRIVATE), C(MAP_FIXED), C(MAP_ANONYMOUS), C(MAP_GROWSDOWN),
	C(MAP_NORESERVE), C(MAP_POPULATE), C(MAP_STACK), C(MAP_FIXED_NOREPLACE),
	C(MAP_HUGETLB), C(MADV_NORMAL), C(MADV_RANDOM), C(MADV_SEQUENTIAL),
	C(MADV_WILLNEED), C(MADV_DONTNEED), C(MADV_FREE), C(MADV_HUGEPAGE),
	C(MADV_NOHUGEPAGE), C(MADV_DONTDUMP),
	/* fcntl */
	C(F_DUPFD), C(F_DUPFD_CLOEXEC), C(F_GETFD), C(F_SETFD), C(F_GETFL),
	C(F_SETFL), C(F_GETLK), C(F_SETLK), C(F_SETLKW), C(F_GETOWN), C(F_SETOWN),
	C(F_ADD_SEALS), C(F_GET_SEALS), C(FD_CLOEXEC),
	/* signals */
	C(SIGHUP), C(SIGINT), C(SIGQUIT), C(SIGILL), C(SIGTRAP), C(SIGABRT),
	C(SIGBUS), C(SIGFPE), C(SIGKILL), C(SIGUSR1), C(SIGSEGV), C(SIGUSR2),
	C(SIGPIPE), C(SIGALRM), C(SIGTERM), C(SIGSTKFLT), C(SIGCHLD), C(SIGCONT),
	C(SIGSTOP), C(SIGTSTP), C(SIGTTIN), C(SIGTTOU), C(SIGURG), C(SIGXCPU),
	C(SIGXFSZ), C(SIGVTALRM), C(SIGPROF), C(SIGWINCH), C(SIGIO), C(SIGPWR),
	C(SIGSYS), C(SIG_BLOCK), C(SIG_UNBLOCK), C(SIG_SETMASK),
	/* ioctl requests */
	C(TCGETS), C(TCSETS), C(TCSETSW), C(TCSETSF), C(TIOCGWINSZ), C(TIOCSWINSZ),
	C(TIOCGPGRP), C(TIOCSPGRP), C(FIONREAD), C(FIONBIO), C(FIOCLEX), C(FIONCLEX),
	/* prctl options */
	C(PR_SET_NAME), C(PR_GET_NAME), C(PR_SET_PDEATHSIG), C(PR_GET_PDEATHSIG),
	C(PR_GET_DUMPABLE), C(PR_SET_DUMPABLE), C(PR_SET_NO_NEW_PRIVS),
	C(PR_GET_NO_NEW_PRIVS), C(PR_SET_SECCOMP), C(PR_GET_SECCOMP),
	C(PR_CAPBSET_READ), C(PR_SET_VMA), C(PR_GET_TIMERSLACK),
	/* arch_prctl codes */
	C(ARCH_SET_FS), C(ARCH_GET_FS), C(ARCH_SET_GS), C(ARCH_GET_GS),
	/* futex operations */
	C(FUTEX_WAIT), C(FUTEX_WAKE), C(FUTEX_REQUEUE), C(FUTEX_CMP_REQUEUE),
	C(FUTEX_WAKE_OP), C(FUTEX_LOCK_PI), C(FUTEX_UNLOCK_PI), C(FUTEX_WAIT_BITSET),
	C(FUTEX_WAKE_BITSET), C(FUTEX_PRIVATE_FLAG), C(FUTEX_CLOCK_REALTIME),
	C(FUTEX_CMD_MASK),
	/* resource limits */
	C(RLIMIT_CPU), C(RLIMIT_FSIZE), C(RLIMIT_DATA), C(RLIMIT_STACK),
	C(RLIMIT_CORE), C(RLIMIT_NOFILE), C(RLIMIT_AS), C(RLIMIT_NPROC),
	/* clocks and lseek */
	C(CLOCK_REALTIME), C(CLOCK_MONOTONIC), C(CLOCK_PROCESS_CPUTIME_ID),
	C(CLOCK_THREAD_CPUTIME_ID), C(CLOCK_MONOTONIC_RAW), C(CLOCK_BOOTTIME),
	C(SEEK_SET), C(SEEK_CUR), C(SEEK_END),
};

const size_t jail_nconstants = sizeof(jail_constants) / sizeof(jail_constants[0]);

pid_t jail_self_pid;

int jail_constant_lookup(const char *name, size_t len, uint64_t *value)
{
	/*
	 * The one value known only at run time: the process's own PID, read
	 * when the policy is parsed (in the process the filter confines).
	 */
	if (len == 8 && strncmp(name, "SELF_PID", 8) == 0) {
		*value = (uint64_t)(jail_self_pid > 0 ? jail_self_pid : getpid());
		return 0;
	}
	for (size_t i = 0; i < jail_nconstants; i++) {
		const char *n = jail_constants[i].name;
		if (strncmp(n, name, len) == 0 && n[len] == '\0') {
			*value = jail_constants[i].value;
			return 0;
		}
	}
	return -1;
}
