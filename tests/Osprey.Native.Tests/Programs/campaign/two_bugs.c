/* A fuzz target with two independent bugs behind one-byte commands. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || data[0] != '!') {
        return 0;
    }
    if (data[1] == 'U') {
        char *freed = malloc(8);
        free(freed);
        return freed[3];
    }
    if (data[1] == 'N') {
        volatile int *nothing = NULL;
        return *nothing;
    }
    return 0;
}
