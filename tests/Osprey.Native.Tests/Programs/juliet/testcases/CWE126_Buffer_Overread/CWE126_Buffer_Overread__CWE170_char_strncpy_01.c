/* strncpy fills a local buffer without a terminator and the buffer is printed: the print reads past it. */
#include "std_testcase.h"

void CWE126_Buffer_Overread__CWE170_char_strncpy_01_bad(void)
{
    char source[150];
    char copy[100];
    memset(source, 'A', 149);
    source[149] = '\0';
    strncpy(copy, source, 99);
    printLine(copy);
}

void CWE126_Buffer_Overread__CWE170_char_strncpy_01_good(void)
{
    char source[150];
    char copy[100];
    memset(source, 'A', 149);
    source[149] = '\0';
    strncpy(copy, source, 99);
    copy[99] = '\0';
    printLine(copy);
}
