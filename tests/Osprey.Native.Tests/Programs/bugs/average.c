/* Averages a total over a count taken from the input. */
int average_of(const char *label, int total, int count)
{
    if (label[0] == 'A') {
        return total / count;
    }
    return 0;
}
