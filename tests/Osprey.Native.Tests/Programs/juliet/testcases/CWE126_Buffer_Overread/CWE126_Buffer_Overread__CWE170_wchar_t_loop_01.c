/* A wide string copied by a loop without its terminator, then printed with wprintf. */
#include "std_testcase.h"

void CWE126_Buffer_Overread__CWE170_wchar_t_loop_01_bad(void)
{
    wchar_t source[150];
    wchar_t copy[100];
    wmemset(source, L'A', 149);
    source[149] = L'\0';
    for (int i = 0; i < 99; i++) {
        copy[i] = source[i];
    }
    printWLine(copy);
}

void CWE126_Buffer_Overread__CWE170_wchar_t_loop_01_good(void)
{
    wchar_t source[150];
    wchar_t copy[100];
    wmemset(source, L'A', 149);
    source[149] = L'\0';
    for (int i = 0; i < 99; i++) {
        copy[i] = source[i];
    }
    copy[99] = L'\0';
    printWLine(copy);
}
