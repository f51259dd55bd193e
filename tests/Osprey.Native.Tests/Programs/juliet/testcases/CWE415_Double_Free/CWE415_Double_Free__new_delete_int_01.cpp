// An int deleted twice from C++; the good path deletes it once.
#include "std_testcase.h"

namespace CWE415_Double_Free__new_delete_int_01
{
void bad()
{
    int *data = new int(5);
    delete data;
    delete data;
}

void good()
{
    int *data = new int(5);
    printIntLine(*data);
    delete data;
}
}
