/* Copies a tag into an 8-byte heap buffer with strcpy. */
#include <stdlib.h>
#include <string.h>

int store_tag(const char *text)
{
    char *copy = malloc(8);
    if (copy == NULL) {
        return 0;
    }
    copy[0] = 0;
    if (text[0] == 'T') {
        strcpy(copy, text);
    }
    int first = copy[0];
    free(copy);
    return first;
}
