/* A request parser whose bug only a known request line reaches: the first 19 bytes must hash to
   the FNV-1a of "GET /login HTTP/1.0". A fuzzer cannot invert the hash in seconds; the request in
   login.t, taken as a seed, reaches the bug at once. */
#include <stddef.h>
#include <stdint.h>

int parse_request(const uint8_t *data, size_t size)
{
    if (size < 19) {
        return 0;
    }
    uint32_t hash = 2166136261u;
    for (size_t i = 0; i < 19; i++) {
        hash = (hash ^ data[i]) * 16777619u;
    }
    if (hash == 0xe9354cc7u) {
        volatile int *nothing = NULL;
        return *nothing;
    }
    return 0;
}
