/* Builds and has a real bug, so the scan must go on past broken.c and find it. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

int parse_good(const uint8_t *data, size_t size)
{
    if (size > 0 && data[0] == 'G') {
        char *buffer = malloc(4);
        buffer[size] = 1;
        int value = buffer[0];
        free(buffer);
        return value;
    }
    return 0;
}
