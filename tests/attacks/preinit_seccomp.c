/* preinit_seccomp: a .preinit_array function, which runs before every constructor, loads a seccomp filter of its own under which every later seccomp() "succeeds" doing nothing (SECCOMP_RET_ERRNO with errno 0), so that libjail's constructor believes it loaded its policy; then main creates the marker argv[1] (a file opened for writing) and, given argv[2], prints that file (an answer). */
#include "attack.h"
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

static void neuter_seccomp(int argc, char **argv, char **envp)
{
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_seccomp, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = sizeof(code) / sizeof(code[0]), .filter = code };

	(void)argc, (void)argv, (void)envp;
	/* prctl and seccomp are the calls libjail's constructor itself makes (or made). */
	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}

__attribute__((section(".preinit_array"), used)) static void (*const preinit)(int, char **, char **) = neuter_seccomp;

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER [FILE]");
	if (argc > 2) {
		char buf[256];
		int fd = open(argv[2], O_RDONLY);
		ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
		if (n < 0)
			failed("read the file");
		buf[n] = '\0';
		buf[strcspn(buf, "\n")] = '\0';
		char what[300];
		snprintf(what, sizeof(what), "read past the policy: %.200s", buf);
		succeeded(what);
		return 0;
	}
	/* The file first: only once it is there does the attack say so. */
	int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, "pwned\n", 6) != 6)
		failed("create a file");
	close(fd);
	succeeded("created a file past the policy");
	return 0;
}
