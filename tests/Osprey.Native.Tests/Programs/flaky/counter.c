/* Crashes only on some runs: the outcome depends on a counter kept in a file, not on the input alone. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

int flaky_parse(const uint8_t *data, size_t size)
{
    int count = 0;
    FILE *file = fopen("osprey-counter", "r");
    if (file != NULL) {
        if (fscanf(file, "%d", &count) != 1) {
            count = 0;
        }
        fclose(file);
    }
    count++;
    file = fopen("osprey-counter", "w");
    if (file != NULL) {
        fprintf(file, "%d", count);
        fclose(file);
    }
    if (size > 0 && data[0] == 'F' && count % 5 == 3) {
        volatile int *nothing = NULL;
        return *nothing;
    }
    return 0;
}
