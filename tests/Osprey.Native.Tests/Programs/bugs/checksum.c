/* Sums as many bytes as the length byte claims, reading past the end of the input. */
#include <stddef.h>
#include <stdint.h>

int checksum_packet(const uint8_t *data, size_t size)
{
    if (size < 2 || data[0] != 'C') {
        return 0;
    }
    size_t claimed = data[1];
    int sum = 0;
    for (size_t i = 0; i < claimed; i++) {
        sum += data[2 + i];
    }
    return sum;
}
