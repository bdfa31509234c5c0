/* execer.c: a submission that hands the work to awk by executing /bin/sh (execv). */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	/* Standard input and output pass to the shell and awk unchanged. */
	execl("/bin/sh", "sh", "-c",
	      "awk '{ for (i = 1; i <= NF; i++) { s += $i; q += $i * $i; n++ } }"
	      " END { printf \"sum %.0f\\nrms %.4f\\n\", s, n ? sqrt(q / n) : 0 }'",
	      (char *)NULL);
	perror("/bin/sh");
	return 1;
}
