/* Output helpers the cases print through, so that a value is used and not optimised away. */
#include <stdio.h>
#include <wchar.h>
#include "std_testcase.h"

void printLine(const char *line)
{
    if (line != NULL) {
        printf("%s\n", line);
    }
}

void printWLine(const wchar_t *line)
{
    if (line != NULL) {
        wprintf(L"%ls\n", line);
    }
}

void printIntLine(int value)
{
    printf("%d\n", value);
}
