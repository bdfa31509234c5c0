/*
 * cgroup v2: the cgroup under which jailctl makes each run's own (the
 * base), chosen by the kernel's rules (Documentation/admin-guide/
 * cgroup-v2.rst): a cgroup can enable a controller for its children only
 * while it holds no process itself (the root excepted), and a cgroup is a
 * program's to manage only where it was delegated to it.
 *
 *   1. jailctl's own cgroup, where it is delegated: systemd marks a
 *      service's or scope's cgroup so under Delegate=yes (the extended
 *      attribute trusted.delegate, or user.delegate from a user's service
 *      manager); for an ordinary user it is delegated where its directory,
 *      cgroup.procs and cgroup.subtree_control are the user's to write (the
 *      kernel's own model). Every process in it (jailctl, and whatever else
 *      runs there: the script that started it) moves into its leaf
 *      "supervisor", so that it may enable the controllers for the runs'
 *      cgroups beside that leaf. A jailctl already in such a leaf uses its
 *      parent.
 *   2. else, for root, /sys/fs/cgroup/jailctl, a cgroup of jailctl's own
 *      under the root that holds no process. A login session's scope holds
 *      the user's shell, so no cgroup below it can have a memory or pids
 *      controller.
 *   3. else (an ordinary user with nothing delegated) none: rlimits.
 *
 * The base enables the memory controller, and pids where it is offered.
 * The CPU time of a run's tree comes from its cpu.stat, which every v2
 * cgroup has, with or without the cpu controller; jailctl sets no CPU
 * weight or bandwidth, so it enables no cpu controller.
 */
#ifndef JAILCTL_CGROUP_V2_H
#define JAILCTL_CGROUP_V2_H

#include <stdbool.h>
#include <stddef.h>

#define CGROUP_V2_MOUNT "/sys/fs/cgroup"

/*
 * own: jailctl's cgroup as /proc/self/cgroup gives it ("/user.slice/...").
 * On success, base is the base's directory, with the memory controller
 * (and pids, where need_pids or offered) enabled for its children;
 * *leaves is how many directories it holds that are not runs' (the
 * supervisor leaf); how says, in words, why this base. -1 with errno and
 * the reason in how when there is none.
 */
int cgroup_v2_base(const char *own, bool need_pids, char *base, size_t len, unsigned *leaves, char *how,
		   size_t how_len);

#endif
