/* A record parser that copies the record's name into a fixed stack buffer without a bound. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

int parse_record(const uint8_t *data, size_t size)
{
    char name[16];
    if (size > 2 && data[0] == 'R') {
        memcpy(name, data + 1, size - 1);
        return name[0] + name[size - 2];
    }
    return 0;
}
