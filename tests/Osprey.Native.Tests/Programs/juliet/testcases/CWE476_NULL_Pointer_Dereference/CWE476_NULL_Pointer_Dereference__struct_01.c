/* A field read through a pointer that is still null; the good path points it at a struct. */
#include "std_testcase.h"

typedef struct {
    int x;
    int y;
} point;

void CWE476_NULL_Pointer_Dereference__struct_01_bad(void)
{
    point *volatile data = NULL;
    printIntLine(data->y);
}

void CWE476_NULL_Pointer_Dereference__struct_01_good(void)
{
    point value = {1, 2};
    point *volatile data = &value;
    printIntLine(data->y);
}
