/* The one entry point of libjail-compile.so, which libjail.so opens with dlopen. */
#ifndef JAIL_LIBJAIL_COMPILE_H
#define JAIL_LIBJAIL_COMPILE_H

#define LIBJAIL_COMPILE_ENTRY libjail_compile_and_load
#define LIBJAIL_COMPILE_SYMBOL "libjail_compile_and_load"
#define LIBJAIL_COMPILE_FILE "libjail-compile.so"
/* Its build (build_id.h): libjail.so uses only a libjail-compile.so of its own build. */
#define LIBJAIL_COMPILE_BUILD libjail_compile_build
#define LIBJAIL_COMPILE_BUILD_SYMBOL "libjail_compile_build"
extern const char LIBJAIL_COMPILE_BUILD[];

/*
 * Reads the policy, builds the filter and loads it. Returns only with the
 * filter in force; any failure ends the process with status 125.
 */
void LIBJAIL_COMPILE_ENTRY(void);

#endif
