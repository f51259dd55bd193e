/* A buffer freed twice; the good path frees it once. */
#include "std_testcase.h"

void CWE415_Double_Free__malloc_free_char_01_bad(void)
{
    char *data = (char *)malloc(100);
    if (data == NULL) {
        exit(-1);
    }
    free(data);
    free(data);
}

void CWE415_Double_Free__malloc_free_char_01_good(void)
{
    char *data = (char *)malloc(100);
    if (data == NULL) {
        exit(-1);
    }
    free(data);
}
