/* A small parser with literals, calls and several entry-point shapes for the indexer tests. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define MAGIC 0xCAFEBABE

static int check_header(const uint8_t *data, size_t size)
{
    uint32_t magic;
    if (size < 4) {
        return 0;
    }
    memcpy(&magic, data, 4);
    return magic == MAGIC;
}

int parse_document(const uint8_t *data, size_t size)
{
    if (!check_header(data, size)) {
        return -1;
    }
    if (size > 8 && memcmp(data + 4, "BODY", 4) == 0) {
        return 1;
    }
    return 0;
}

int load_config(const char *path)
{
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        return -1;
    }
    fclose(file);
    return 0;
}

int read_stream(FILE *stream)
{
    return fgetc(stream) == '{';
}
