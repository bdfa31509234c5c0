/* jailctl's subcommands; each takes argv with argv[0] the subcommand name. */
#ifndef JAILCTL_COMMANDS_H
#define JAILCTL_COMMANDS_H

/* jailctl itself failed or refused, as timeout(1) and env(1) say it. */
#define JAILCTL_EXIT_FAILURE 125

int cmd_groups(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_compile(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_learn(int argc, char **argv);

#endif
