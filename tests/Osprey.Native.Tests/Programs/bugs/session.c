/* Closes the session on 'U' and then reads it anyway. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int session_input(const uint8_t *data, size_t size)
{
    char *session = malloc(16);
    memset(session, 'S', 16);
    int closed = size > 0 && data[0] == 'U';
    if (closed) {
        free(session);
    }
    int state = session[3];
    if (!closed) {
        free(session);
    }
    return state;
}
