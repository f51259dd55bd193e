/* Floating-point division by zero, the result then cast to int. */
#include <math.h>
#include "std_testcase.h"

void CWE369_Divide_by_Zero__float_zero_01_bad(void)
{
    volatile float divisor = 0.0f;
    printIntLine((int)(100.0 / divisor));
}

void CWE369_Divide_by_Zero__float_zero_01_good(void)
{
    volatile float divisor = 0.0f;
    if (fabsf(divisor) > 0.000001f) {
        printIntLine((int)(100.0 / divisor));
    } else {
        printLine("divisor is too small");
    }
}
