/* Indexes, but does not compile: the harness for parse_broken must be dropped with a reason. */
int parse_broken(const char *text)
{
    return text[0];
}

this_is_not_valid_c
