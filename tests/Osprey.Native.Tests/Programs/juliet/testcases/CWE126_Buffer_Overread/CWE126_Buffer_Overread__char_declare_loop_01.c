/* A loop copies as many bytes as the larger buffer holds out of a smaller local array. */
#include "std_testcase.h"

void CWE126_Buffer_Overread__char_declare_loop_01_bad(void)
{
    char small[50];
    char large[100];
    memset(small, 'A', 49);
    small[49] = '\0';
    memset(large, 'C', 99);
    large[99] = '\0';
    size_t length = strlen(large);
    for (size_t i = 0; i < length; i++) {
        large[i] = small[i];
    }
    printLine(large);
}

void CWE126_Buffer_Overread__char_declare_loop_01_good(void)
{
    char small[50];
    char large[100];
    memset(small, 'A', 49);
    small[49] = '\0';
    memset(large, 'C', 99);
    large[99] = '\0';
    size_t length = strlen(small);
    for (size_t i = 0; i < length; i++) {
        large[i] = small[i];
    }
    printLine(large);
}
