/* The benchmark links a thread helper unit beside io.c; these cases start no threads, so it only names the pthread header it would wrap. */
#include <pthread.h>

int osprey_test_thread_count(void)
{
    return 0;
}
