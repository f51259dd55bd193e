/* Frees the buffer again when the command asks for a reset. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

char *last_released;

void release_buffer(const uint8_t *data, size_t size)
{
    char *buffer = malloc(32);
    memset(buffer, 0, 32);
    last_released = buffer;
    free(buffer);
    if (size > 1 && data[0] == 'D' && data[1] == 'F') {
        free(buffer);
    }
}
