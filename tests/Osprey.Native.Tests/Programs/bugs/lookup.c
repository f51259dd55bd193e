/* Looks a key up and uses the result without checking it. */
#include <stddef.h>
#include <string.h>

static const char *find_home(const char *key)
{
    if (strcmp(key, "home") == 0) {
        return "/home";
    }
    return NULL;
}

int lookup_key(const char *key)
{
    const char *value = find_home(key);
    if (key[0] == 'N') {
        return value[0];
    }
    return value != NULL ? value[0] : 0;
}
