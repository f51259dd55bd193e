/* Integer division by a zero divisor; the good path checks it first. */
#include "std_testcase.h"

void CWE369_Divide_by_Zero__int_zero_01_bad(void)
{
    volatile int divisor = 0;
    printIntLine(100 / divisor);
}

void CWE369_Divide_by_Zero__int_zero_01_good(void)
{
    volatile int divisor = 0;
    if (divisor != 0) {
        printIntLine(100 / divisor);
    } else {
        printLine("divisor is zero");
    }
}
