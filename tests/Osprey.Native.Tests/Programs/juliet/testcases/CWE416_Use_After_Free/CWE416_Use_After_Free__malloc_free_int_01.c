/* An array read after it was freed; the good path reads it first. */
#include "std_testcase.h"

void CWE416_Use_After_Free__malloc_free_int_01_bad(void)
{
    int *data = (int *)malloc(10 * sizeof(int));
    if (data == NULL) {
        exit(-1);
    }
    for (int i = 0; i < 10; i++) {
        data[i] = i;
    }
    free(data);
    printIntLine(data[3]);
}

void CWE416_Use_After_Free__malloc_free_int_01_good(void)
{
    int *data = (int *)malloc(10 * sizeof(int));
    if (data == NULL) {
        exit(-1);
    }
    for (int i = 0; i < 10; i++) {
        data[i] = i;
    }
    printIntLine(data[3]);
    free(data);
}
