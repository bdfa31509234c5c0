#!/bin/sh
# make check-kernel: boots Debian's own kernel (linux-image-amd64) under
# qemu-system-x86_64 with this machine's root shared read-only over 9p,
# runs the tests there (tests/kernel/guest.sh) and prints their results:
# the totals, and a table of what ran there, what did not, and why.
#
# Needs qemu-system-x86, linux-image-amd64 and busybox-static (Debian
# packages). The environment comes from tests/Makefile (check-kernel):
# abs_top_builddir, abs_top_srcdir, abs_builddir, abs_srcdir, CC, CXX,
# installed_compiler, TESTS (the tests to run there) and ALL_TESTS (those
# of make check: the report names the others). Settings:
#   KERNEL_VERSION      which /boot/vmlinuz-VERSION (default: the newest
#                       one with its modules in /lib/modules)
#   CHECK_KERNEL_TIMEOUT  seconds for the whole guest (default 2400)
#   CHECK_KERNEL_MEMORY   the guest's memory in MiB (default 2048)
#   CHECK_KERNEL_CPUS     its CPUs (default 2)
#   CHECK_KERNEL_ACCEL    QEMU's -accel (default tcg,thread=multi; kvm where it works)
# Exit status: 0 when every test passed there, 1 when one failed or did
# not finish, 77 when the harness cannot run here (something missing),
# 99 when the guest did not come up.
set -u
me=check-kernel
say() { echo "$me: $*"; }

for var in abs_top_builddir abs_top_srcdir abs_builddir abs_srcdir TESTS; do
	eval "[ -n \"\${$var:-}\" ]" || { say "$var is not set (run make check-kernel)"; exit 99; }
done
HERE=$abs_top_srcdir/tests/kernel

# ---- what it needs ------------------------------------------------------------------
QEMU=$(command -v qemu-system-x86_64) || { say "no qemu-system-x86_64: apt-get install qemu-system-x86"; exit 77; }
BUSYBOX=
for b in /bin/busybox /usr/bin/busybox; do
	# Static: no program interpreter (readelf is binutils', which the build needs anyway).
	[ -x "$b" ] && readelf -l "$b" >/dev/null 2>&1 && ! readelf -l "$b" | grep -q INTERP && BUSYBOX=$b && break
done
[ -n "$BUSYBOX" ] || { say "no static busybox: apt-get install busybox-static"; exit 77; }
if [ -z "${KERNEL_VERSION:-}" ]; then
	for k in $(ls /boot/vmlinuz-* 2>/dev/null | sort -V); do
		v=${k#/boot/vmlinuz-}
		[ -d "/lib/modules/$v/kernel" ] && [ -r "$k" ] && KERNEL_VERSION=$v
	done
fi
[ -n "${KERNEL_VERSION:-}" ] || { say "no readable /boot/vmlinuz-* with its modules: apt-get install linux-image-amd64"; exit 77; }
KERNEL=/boot/vmlinuz-$KERNEL_VERSION
MODDIR=/lib/modules/$KERNEL_VERSION
[ -r "$KERNEL" ] || { say "$KERNEL cannot be read"; exit 77; }
TAP_DRIVER=$abs_top_srcdir/build-aux/tap-driver.sh
[ -r "$TAP_DRIVER" ] || { say "no $TAP_DRIVER (run autoreconf -fi)"; exit 99; }

TIMEOUT=${CHECK_KERNEL_TIMEOUT:-2400}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/check-kernel.XXXXXX") || exit 99
[ -n "${CHECK_KERNEL_KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT
# The results share: the guest writes here (as root); nothing else of the host's is writable.
RESULTS=$abs_builddir/kernel-results
rm -rf "$RESULTS" && mkdir -p "$RESULTS" || exit 99

# ---- the initramfs: busybox, the modules, /init ------------------------------------------
# In the order they must be loaded: virtio, then 9p's helpers, then 9p; and overlay.
MODULES="virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev virtio_pci netfs fscache
	9pnet 9pnet_virtio 9p overlay"
IRD=$WORK/initramfs
mkdir -p "$IRD/bin" "$IRD/modules" "$IRD/proc" "$IRD/sys" "$IRD/dev" || exit 99
cp "$BUSYBOX" "$IRD/bin/busybox" || exit 99
loaded=
for m in $MODULES; do
	f=$(find "$MODDIR/kernel" -name "$m.ko" -o -name "$m.ko.xz" -o -name "$m.ko.zst" -o -name "$m.ko.gz" | head -1)
	if [ -z "$f" ]; then
		# Built into the kernel: nothing to load.
		grep -q "/$m.ko\$" "$MODDIR/modules.builtin" 2>/dev/null && continue
		say "module $m is neither in $MODDIR nor built in"
		exit 77
	fi
	case $f in
	*.xz) xz -dc "$f" >"$IRD/modules/$m.ko" ;;
	*.zst) zstd -qdc "$f" >"$IRD/modules/$m.ko" ;;
	*.gz) gzip -dc "$f" >"$IRD/modules/$m.ko" ;;
	*) cp "$f" "$IRD/modules/$m.ko" ;;
	esac || { say "cannot copy $f"; exit 99; }
	loaded="$loaded $m"
done
cp "$HERE/init" "$IRD/init" && chmod 755 "$IRD/init" || exit 99
cat >"$IRD/harness.env" <<EOF
MODULES="$loaded"
RESULTS="$RESULTS"
SRCDIR="$abs_top_srcdir"
OVERLAY_SIZE=${CHECK_KERNEL_OVERLAY:-1g}
EOF
(cd "$IRD" && find . | "$BUSYBOX" cpio -o -H newc 2>/dev/null | gzip -1 >"$WORK/initramfs.gz") || exit 99

# What the guest script reads (it sees this directory at the same path).
{
	for var in abs_top_builddir abs_top_srcdir abs_builddir abs_srcdir CC CXX installed_compiler TESTS; do
		eval "value=\${$var:-}"
		printf "%s='%s'\n" "$var" "$value"
	done
	echo "TEST_TIMEOUT=${CHECK_KERNEL_TEST_TIMEOUT:-1200}"
} >"$RESULTS/harness.env"

# ---- boot ---------------------------------------------------------------------------------
# TCG unless told otherwise: a /dev/kvm that opens is no proof that KVM runs a guest (nested).
accel=${CHECK_KERNEL_ACCEL:-tcg,thread=multi}
say "booting $KERNEL under QEMU ($accel) with $(echo $TESTS | wc -w) tests, at most $TIMEOUT s"
start=$(date +%s)
timeout -k 10 "$TIMEOUT" "$QEMU" -machine q35 -accel $accel ${CHECK_KERNEL_QEMU_ARGS:-} -cpu max -smp "${CHECK_KERNEL_CPUS:-2}" \
	-m "${CHECK_KERNEL_MEMORY:-2048}" -nographic -no-reboot -nodefaults -serial stdio \
	-kernel "$KERNEL" -initrd "$WORK/initramfs.gz" \
	-append "console=ttyS0 panic=-1 ${CHECK_KERNEL_APPEND:-quiet loglevel=3} syscall.x32=y" \
	-virtfs "local,path=/,mount_tag=host,security_model=none,readonly=on,multidevs=remap" \
	-virtfs "local,path=$RESULTS,mount_tag=results,security_model=none,multidevs=remap" \
	</dev/null >"$RESULTS/console.log" 2>&1
qst=$?
elapsed=$(($(date +%s) - start))
grep '^check-kernel:' "$RESULTS/console.log" | sed 's/\r$//' | grep -v ': running \|: status ' || true
if [ "$qst" -eq 124 ]; then
	say "the guest did not finish within $TIMEOUT s"
fi
if [ ! -e "$RESULTS/machine.txt" ]; then
	say "the guest did not come up (QEMU status $qst); its console:"
	tail -30 "$RESULTS/console.log"
	exit 99
fi
say "wall time: ${elapsed} s (boot, tests and power-off)"
python3 "$HERE/summary.py" "$RESULTS" "$abs_builddir" $TESTS
sst=$?
not_run=
for t in ${ALL_TESTS:-}; do
	case " $(echo $TESTS) " in *" $t "*) ;; *) not_run="$not_run $t" ;; esac
done
[ -z "$not_run" ] ||
	say "not run in the guest (not in CHECK_KERNEL_TESTS; make check runs them here):$not_run. By default the languages', grade.sh's and sources.test stay here: what they add is no kernel's, and under emulation a JVM or node takes seconds of CPU to start, past the profiles' limits and CI's time"
[ -e "$RESULTS/finished" ] || { say "the guest stopped before the last test"; exit 1; }
exit $sst
