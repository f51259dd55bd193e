/* The header every case of this miniature suite includes, laid out like the real suite's. */
#ifndef OSPREY_TEST_STD_TESTCASE_H
#define OSPREY_TEST_STD_TESTCASE_H
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#ifdef __cplusplus
extern "C" {
#endif
void printLine(const char *line);
void printWLine(const wchar_t *line);
void printIntLine(int value);
#ifdef __cplusplus
}
#endif
#endif
