/* Crashes only on some runs: the outcome depends on a counter kept in a file, not on the input alone.
   Every input starting with 'F' bumps the counter; the crash happens when it is 1, 4, 7, ... */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

static int bump_counter(void)
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
    return count;
}

int flaky_parse(const uint8_t *data, size_t size)
{
    if (size > 0 && data[0] == 'F' && bump_counter() % 3 == 1) {
        volatile int *nothing = NULL;
        return *nothing;
    }
    return 0;
}
