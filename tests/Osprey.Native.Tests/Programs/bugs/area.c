/* Multiplies two 32-bit sizes from the input without an overflow check. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

int image_area(const uint8_t *data, size_t size)
{
    if (size < 8) {
        return 0;
    }
    int width;
    int height;
    memcpy(&width, data, sizeof width);
    memcpy(&height, data + 4, sizeof height);
    if (width > 0 && height > 0) {
        return width * height;
    }
    return 0;
}
