#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "paths.h"
#include "run_options.h"

static const struct option long_options[] = {
	{ "config", required_argument, NULL, 'c' },   { "profile", required_argument, NULL, 'p' },
	{ "allow", required_argument, NULL, 'a' },    { "deny", required_argument, NULL, 'd' },
	{ "action", required_argument, NULL, 'A' },   { "cpu-time", required_argument, NULL, 't' },
	{ "wall-time", required_argument, NULL, 'w' }, { "memory", required_argument, NULL, 'm' },
	{ "stack", required_argument, NULL, 's' },    { "processes", required_argument, NULL, 'P' },
	{ "file-size", required_argument, NULL, 'f' }, { "open-files", required_argument, NULL, 'n' },
	{ "stdin", required_argument, NULL, 'i' },    { "stdout", required_argument, NULL, 'o' },
	{ "stderr", required_argument, NULL, 'e' },   { "stats", required_argument, NULL, 'S' },
	{ "user", required_argument, NULL, 'u' },     { "library", required_argument, NULL, 'L' },
	{ "quiet", no_argument, NULL, 'q' },          { "help", no_argument, NULL, 'h' },
	{ "output", required_argument, NULL, 'O' },   { "name", required_argument, NULL, 'N' },
	{ "merge", no_argument, NULL, 'M' },
	{ "read", required_argument, NULL, 'R' },     { "write", required_argument, NULL, 'W' },
	{ "stderr-to-stdout", no_argument, NULL, 'E' },
	{ NULL, 0, NULL, 0 },
};

static int count_parse(const char *text, uint64_t *out, const char *opt)
{
	char *end;
	unsigned long long v = strtoull(text, &end, 10);

	if (*text < '0' || *text > '9' || *end != '\0' || v == 0) {
		fprintf(stderr, "jailctl: %s: bad number \"%s\" (a whole number above 0)\n", opt, text);
		return -1;
	}
	*out = v;
	return 0;
}

/* --read, --write: every entry checked here, where the option can be named. */
static int check_paths(const char *list, const char *opt)
{
	struct jail_path_list checked = { 0 };
	struct jail_err err = { { 0 } };
	int rc = list == NULL ? 0 : path_list_parse(&checked, JAIL_PATH_READ, list, opt, &err);

	if (rc < 0)
		fprintf(stderr, "jailctl: %s\n", err.msg);
	path_list_free(&checked);
	return rc;
}

static void run_usage(void)
{
	puts("Usage: jailctl run [OPTIONS] [--] PROGRAM [ARG...]\n"
	     "  -c, --config FILE     -p, --profile NAME    the policy (jail.conf(5))\n"
	     "  -a, --allow LIST      -d, --deny LIST       -A, --action ACT\n"
	     "  --read LIST           --write LIST          files the program may open\n"
	     "  -t, --cpu-time SEC    -w, --wall-time SEC   -m, --memory SIZE\n"
	     "  -s, --stack SIZE      -P, --processes N     -f, --file-size SIZE\n"
	     "  -n, --open-files N\n"
	     "  -i, --stdin FILE      -o, --stdout FILE     -e, --stderr FILE\n"
	     "  --stderr-to-stdout    standard error where standard output goes (2>&1)\n"
	     "  -S, --stats FILE      statistics as JSON (- for standard error)\n"
	     "  -u, --user USER       --library PATH        -q, --quiet\n"
	     "See jailctl(1).");
}

int run_options_parse(int argc, char **argv, bool learn, struct run_options *o)
{
	struct jail_err err = { { 0 } };
	struct jail_limits *l = &o->limits;
	int c;

	memset(o, 0, sizeof(*o));
	o->learn = learn;
	o->name = "learned";
	o->policy.config = getenv("JAIL_CONFIG");
	o->policy.profile = getenv("JAIL_PROFILE");
	o->library = getenv("JAIL_LIBRARY");
	optind = 1;
	/* "+": options end at PROGRAM, whose own options are its own. */
	while ((c = getopt_long(argc, argv, "+c:p:a:d:A:t:w:m:s:P:f:n:i:o:e:S:u:qh", long_options,
				NULL)) != -1) {
		int rc = 0;
		switch (c) {
		case 'c': o->policy.config = optarg; break;
		case 'p': o->policy.profile = optarg; break;
		case 'a': o->policy.allow = optarg; break;
		case 'd': o->policy.deny = optarg; break;
		case 'A': o->policy.action = optarg; break;
		case 'R': o->policy.read = optarg; break;
		case 'W': o->policy.write = optarg; break;
		case 't': rc = seconds_parse(optarg, &l->cpu_time, "--cpu-time", &err); l->set |= JAIL_LIM_CPU_TIME; break;
		case 'w': rc = seconds_parse(optarg, &l->wall_time, "--wall-time", &err); l->set |= JAIL_LIM_WALL_TIME; break;
		case 'm': rc = size_parse(optarg, &l->memory, "--memory", &err); l->set |= JAIL_LIM_MEMORY; break;
		case 's': rc = size_parse(optarg, &l->stack, "--stack", &err); l->set |= JAIL_LIM_STACK; break;
		case 'f': rc = size_parse(optarg, &l->file_size, "--file-size", &err); l->set |= JAIL_LIM_FILE_SIZE; break;
		case 'P':
			if (count_parse(optarg, &l->processes, "--processes") < 0)
				return -1;
			l->set |= JAIL_LIM_PROCESSES;
			break;
		case 'n':
			if (count_parse(optarg, &l->open_files, "--open-files") < 0)
				return -1;
			l->set |= JAIL_LIM_OPEN_FILES;
			break;
		case 'i': o->stdin_path = optarg; break;
		case 'o': o->stdout_path = optarg; break;
		case 'e': o->stderr_path = optarg; break;
		case 'E': o->stderr_to_stdout = true; break;
		case 'S': o->stats_path = optarg; break;
		case 'u': o->user = optarg; break;
		case 'L': o->library = optarg; break;
		case 'q': o->quiet = true; break;
		case 'O': case 'N': case 'M':
			if (!learn) {
				fprintf(stderr, "jailctl: run: --output, --name and --merge belong to learn\n");
				return -1;
			}
			if (c == 'O') o->output = optarg;
			else if (c == 'N') o->name = optarg;
			else o->merge = true;
			break;
		case 'h': run_usage(); exit(0);
		default:
			fprintf(stderr, "jailctl: run: bad option (jailctl run --help)\n");
			return -1;
		}
		if (rc < 0) {
			fprintf(stderr, "jailctl: %s\n", err.msg);
			return -1;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "jailctl: run: no PROGRAM given (jailctl run --help)\n");
		return -1;
	}
	o->argv = argv + optind;
	if (o->stderr_to_stdout && o->stderr_path != NULL) {
		fprintf(stderr, "jailctl: run: --stderr and --stderr-to-stdout: give one of them\n");
		return -1;
	}
	if (check_paths(o->policy.read, "--read") < 0 || check_paths(o->policy.write, "--write") < 0)
		return -1;
	if (o->merge && o->output == NULL) {
		fprintf(stderr, "jailctl: learn: --merge needs --output FILE\n");
		return -1;
	}
	return 0;
}
