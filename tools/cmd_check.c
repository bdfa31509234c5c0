/* jailctl check: validate a config file and print each profile's effective policy. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "landlock.h"
#include "policy.h"
#include "profile.h"
#include "rule_format.h"

#define CHECK_INVALID 1

static void print_limits(const struct jail_limits *l)
{
	printf("  limits:");
	if (l->set == 0)
		printf(" none");
	if (l->set & JAIL_LIM_CPU_TIME) printf(" cpu_time=%gs", l->cpu_time);
	if (l->set & JAIL_LIM_WALL_TIME) printf(" wall_time=%gs", l->wall_time);
	if (l->set & JAIL_LIM_MEMORY) printf(" memory=%llu", (unsigned long long)l->memory);
	if (l->set & JAIL_LIM_STACK) printf(" stack=%llu", (unsigned long long)l->stack);
	if (l->set & JAIL_LIM_PROCESSES) printf(" processes=%llu", (unsigned long long)l->processes);
	if (l->set & JAIL_LIM_FILE_SIZE) printf(" file_size=%llu", (unsigned long long)l->file_size);
	if (l->set & JAIL_LIM_OPEN_FILES) printf(" open_files=%llu", (unsigned long long)l->open_files);
	printf("\n");
}

/* The path rules as the program will get them: groups expanded to what this machine has. */
static void print_paths(const struct jail_policy *p)
{
	if (p->paths == NULL) {
		printf("  paths: no rules (any file its user may open)\n");
		return;
	}
	printf("  paths (Landlock ABI %d or later):\n", (unsigned char)p->paths[1]);
	for (const char *r = landlock_blob_rule(p->paths, p->paths_len, NULL); r != NULL;
	     r = landlock_blob_rule(p->paths, p->paths_len, r))
		printf("    %-11s %s%s\n", (r[0] & JAIL_PATH_WRITE) ? "read, write" : "read", r + 1,
		       strcmp(r + 1, ".") == 0 ? " (the directory the program starts in)" : "");
}

static int check_profile(const char *path, const char *name)
{
	struct jail_policy_source src = { .config = path, .profile = name };
	struct jail_policy p;
	struct jail_err err = { { 0 } };
	char action[64];

	if (policy_load(&src, &p, &err) < 0) {
		fprintf(stderr, "jailctl: %s\n", err.msg);
		return -1;
	}
	action_format(&p.action, action, sizeof(action));
	printf("profile %s\n  action: %s\n", name, action);
	printf("  %s: %zu calls\n", p.allow_mode ? "allow" : "deny", p.rules.n);
	ruleset_print(stdout, &p.rules, "    ");
	if (p.refuse_rules.n > 0) {
		printf("  refuse (EACCES): %zu calls\n", p.refuse_rules.n);
		ruleset_print(stdout, &p.refuse_rules, "    ");
	}
	print_paths(&p);
	print_limits(&p.limits);
	policy_free(&p);
	return 0;
}

int cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "profile", required_argument, NULL, 'p' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *path = getenv("JAIL_CONFIG"), *profile = NULL;
	struct jail_config *cfg;
	struct jail_err err = { { 0 } };
	int c, bad = 0;

	while ((c = getopt_long(argc, argv, "+c:p:h", opts, NULL)) != -1) {
		switch (c) {
		case 'c': path = optarg; break;
		case 'p': profile = optarg; break;
		case 'h':
			printf("Usage: jailctl check [-c FILE] [-p PROFILE]\n");
			return 0;
		default:
			return JAILCTL_EXIT_FAILURE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "jailctl: check: unexpected argument \"%s\"\n", argv[optind]);
		return JAILCTL_EXIT_FAILURE;
	}
	if (path == NULL || *path == '\0')
		path = JAIL_DEFAULT_CONFIG;
	cfg = config_load(path, &err);
	if (cfg == NULL) {
		fprintf(stderr, "jailctl: %s\n", err.msg);
		return CHECK_INVALID;
	}
	if (profile != NULL) {
		bad = check_profile(path, profile) < 0;
	} else {
		for (size_t i = 0; i < config_profile_count(cfg); i++)
			bad |= check_profile(path, config_profile_name(cfg, i)) < 0;
	}
	config_free(cfg);
	return bad ? CHECK_INVALID : 0;
}
