#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <seccomp.h>
#include <stdlib.h>
#include <string.h>

#include "constants.h"
#include "entry.h"
#include "groups.h"

#define MAX_GROUP_DEPTH 8
#define MAX_ENTRY_LEN 4096

struct parser {
	const char *s;      /* the entry */
	size_t pos;
	const char *where;
	struct jail_err *err;
};

static void skip_space(struct parser *p)
{
	while (isspace((unsigned char)p->s[p->pos]))
		p->pos++;
}

static int fail(struct parser *p, const char *what)
{
	/* Quote enough of the entry to find it, not all of a huge one. */
	jail_err_set(p->err, p->where, "\"%.80s%s\": %s at column %zu", p->s,
		     strlen(p->s) > 80 ? "..." : "", what, p->pos + 1);
	return -1;
}

static int accept(struct parser *p, const char *tok)
{
	size_t n = strlen(tok);

	skip_space(p);
	if (strncmp(p->s + p->pos, tok, n) != 0)
		return 0;
	p->pos += n;
	return 1;
}

static int is_ident(int c)
{
	return isalnum(c) || c == '_';
}

/* An integer (decimal, 0x hex, 0 octal, optional '-') or a named constant. */
static int parse_atom(struct parser *p, uint64_t *value)
{
	const char *start;
	size_t len;

	skip_space(p);
	start = p->s + p->pos;
	if (isdigit((unsigned char)*start) || *start == '-') {
		char *end;
		int negative = *start == '-';
		errno = 0;
		unsigned long long v = strtoull(start + negative, &end, 0);
		if (end == start + negative || errno != 0 || is_ident((unsigned char)*end))
			return fail(p, "bad number");
		*value = negative ? (uint64_t)0 - v : v;
		p->pos += (size_t)(end - start);
		return 0;
	}
	for (len = 0; is_ident((unsigned char)start[len]); len++)
		;
	if (len == 0)
		return fail(p, "expected a number or a constant");
	if (jail_constant_lookup(start, len, value) < 0) {
		jail_err_set(p->err, p->where, "\"%s\": unknown constant \"%.*s\"", p->s, (int)len, start);
		return -1;
	}
	p->pos += len;
	return 0;
}

/* atom ( '|' atom )*, where "||" ends the value. */
static int parse_value(struct parser *p, uint64_t *value)
{
	uint64_t v;

	if (parse_atom(p, value) < 0)
		return -1;
	for (;;) {
		skip_space(p);
		if (p->s[p->pos] != '|' || p->s[p->pos + 1] == '|')
			return 0;
		p->pos++;
		if (parse_atom(p, &v) < 0)
			return -1;
		*value |= v;
	}
}

static int parse_op(struct parser *p, enum jail_op *op)
{
	/* Two-character operators first, so "<=" is not read as "<". */
	static const struct { const char *tok; enum jail_op op; } ops[] = {
		{ "==", JAIL_EQ }, { "!=", JAIL_NE }, { "<=", JAIL_LE },
		{ ">=", JAIL_GE }, { "<", JAIL_LT }, { ">", JAIL_GT },
	};
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (accept(p, ops[i].tok)) {
			*op = ops[i].op;
			return 0;
		}
	return fail(p, "expected one of == != < <= > >=");
}

/* 'argN' ( '&' value )? OP value */
static int parse_cmp(struct parser *p, struct jail_cmp *c)
{
	skip_space(p);
	if (strncmp(p->s + p->pos, "arg", 3) != 0)
		return fail(p, "expected arg0 to arg5");
	p->pos += 3;
	if (p->s[p->pos] < '0' || p->s[p->pos] > '5' || is_ident((unsigned char)p->s[p->pos + 1]))
		return fail(p, "expected arg0 to arg5");
	c->arg = (unsigned)(p->s[p->pos++] - '0');
	c->mask = 0;
	skip_space(p);
	if (p->s[p->pos] == '&' && p->s[p->pos + 1] != '&') {
		p->pos++;
		if (parse_value(p, &c->mask) < 0)
			return -1;
		if (!accept(p, "=="))
			return fail(p, "a masked argument (argN & MASK) takes only ==");
		c->op = JAIL_MASKED_EQ;
	} else if (parse_op(p, &c->op) < 0) {
		return -1;
	}
	if (parse_value(p, &c->value) < 0)
		return -1;
	if (c->op == JAIL_MASKED_EQ && (c->value & ~c->mask) != 0)
		return fail(p, "VALUE has bits outside MASK, so the condition never holds");
	return 0;
}

static int parse_conj(struct parser *p, struct jail_conj *conj)
{
	conj->ncmp = 0;
	do {
		struct jail_cmp c;
		if (parse_cmp(p, &c) < 0)
			return -1;
		for (unsigned i = 0; i < conj->ncmp; i++)
			if (conj->cmp[i].arg == c.arg)
				return fail(p, "an argument may be compared only once in one && chain");
		/* Keep comparisons ordered by argument, so equal conditions compare equal. */
		unsigned i = conj->ncmp++;
		while (i > 0 && conj->cmp[i - 1].arg > c.arg) {
			conj->cmp[i] = conj->cmp[i - 1];
			i--;
		}
		conj->cmp[i] = c;
	} while (accept(p, "&&"));
	return 0;
}

static int resolve(struct parser *p, const char *name, size_t len, int *nr)
{
	char buf[64];

	if (len >= sizeof(buf)) {
		jail_err_set(p->err, p->where, "\"%s\": name too long", p->s);
		return -1;
	}
	memcpy(buf, name, len);
	buf[len] = '\0';
	*nr = seccomp_syscall_resolve_name(buf);
	if (*nr == __NR_SCMP_ERROR) {
		jail_err_set(p->err, p->where, "unknown system call \"%s\"", buf);
		return -1;
	}
	return 0;
}

static int parse_entry(const char *text, struct jail_ruleset *out, const char *where,
		       struct jail_err *err, int depth);

static int add_group(struct parser *p, struct jail_ruleset *out, int depth)
{
	const char *name = p->s + p->pos;
	size_t len = strcspn(name, " \t");
	const struct jail_group *g;

	if (name[len] != '\0' && name[len + strspn(name + len, " \t")] != '\0') {
		if (strchr(name, '(') != NULL)
			return fail(p, "a group takes no condition");
		return fail(p, "unexpected text after the group name");
	}
	g = jail_group_find(name, len);
	if (g == NULL) {
		jail_err_set(p->err, p->where, "unknown group \"%.*s\" (jailctl groups lists them)",
			     (int)len, name);
		return -1;
	}
	if (depth >= MAX_GROUP_DEPTH)
		return fail(p, "groups nested too deeply");
	for (const char *const *m = g->members; *m != NULL; m++)
		if (parse_entry(*m, out, p->where, p->err, depth + 1) < 0)
			return -1;
	return 0;
}

static int parse_entry(const char *text, struct jail_ruleset *out, const char *where,
		       struct jail_err *err, int depth)
{
	struct parser p = { .s = text, .where = where, .err = err };
	size_t len;
	int nr;

	if (strlen(text) > MAX_ENTRY_LEN) {
		jail_err_set(err, where, "entry longer than %d characters", MAX_ENTRY_LEN);
		return -1;
	}
	skip_space(&p);
	if (p.s[p.pos] == '\0') {
		jail_err_set(err, where, "empty entry");
		return -1;
	}
	if (p.s[p.pos] == '@')
		return add_group(&p, out, depth);

	for (len = 0; is_ident((unsigned char)p.s[p.pos + len]); len++)
		;
	if (len == 0)
		return fail(&p, "expected a system call name or @group");
	{
		/* The entry's shape first: "bad name" is a stray word, not an unknown call. */
		size_t after = p.pos + len + strspn(p.s + p.pos + len, " \t");
		if (p.s[after] != '\0' && p.s[after] != '(') {
			p.pos = after;
			return fail(&p, "unexpected text after the name");
		}
	}
	if (resolve(&p, p.s + p.pos, len, &nr) < 0)
		return -1;
	p.pos += len;

	if (accept(&p, "(")) {
		struct jail_conj conj[64];
		size_t n = 0;
		do {
			if (n == sizeof(conj) / sizeof(conj[0]))
				return fail(&p, "too many || alternatives");
			if (parse_conj(&p, &conj[n++]) < 0)
				return -1;
		} while (accept(&p, "||"));
		if (!accept(&p, ")"))
			return fail(&p, "expected ) or a logical operator");
		skip_space(&p);
		if (p.s[p.pos] != '\0')
			return fail(&p, "unexpected text after the condition");
		if (nr < 0) /* a call this architecture does not have */
			return 0;
		for (size_t i = 0; i < n; i++)
			if (ruleset_add_conj(out, nr, &conj[i]) < 0)
				goto nomem;
		return 0;
	}
	if (nr < 0)
		return 0;
	if (ruleset_add_always(out, nr) < 0)
		goto nomem;
	return 0;
nomem:
	jail_err_set(err, where, "out of memory");
	return -1;
}

int entry_parse(const char *text, struct jail_ruleset *out, const char *where,
		struct jail_err *err)
{
	return parse_entry(text, out, where, err, 0);
}

int entry_list_parse(const char *list, struct jail_ruleset *out, const char *where,
		     struct jail_err *err)
{
	char *copy = strdup(list), *save = NULL;
	int rc = 0;

	if (copy == NULL) {
		jail_err_set(err, where, "out of memory");
		return -1;
	}
	for (char *e = strtok_r(copy, ":", &save); e != NULL; e = strtok_r(NULL, ":", &save)) {
		if (e[strspn(e, " \t")] == '\0')
			continue;
		if (entry_parse(e, out, where, err) < 0) {
			rc = -1;
			break;
		}
	}
	free(copy);
	return rc;
}
