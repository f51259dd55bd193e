namespace Osprey.Native.Sandbox;

/// <summary>
/// Instrumented wide-string functions linked into every sanitizer build. AddressSanitizer 19
/// intercepts <c>wcslen</c>, <c>wcscat</c> and <c>wcsncat</c> but not <c>wcscpy</c>,
/// <c>wcsncpy</c> or the <c>wmem*</c> functions, so an overflow through them goes unseen in
/// uninstrumented libc. These plain loops, compiled with the sanitizers and
/// <c>-fno-builtin</c> (so the compiler does not turn them back into library calls), take their
/// place in the program and every access they make is checked. <c>wprintf</c> is not intercepted
/// either: the replacement walks its format first and reads every wide string argument (up to
/// its precision) in an instrumented loop, so printing a string that lacks its terminator is the
/// over-read ASan reports, as it already is for <c>printf</c>; then it prints with <c>vwprintf</c>.
/// A format with positional arguments (<c>%1$ls</c>) or a conversion it does not know is printed
/// unchecked from that point on.
/// </summary>
internal static class WideStringChecks
{
    public const string FileName = "osprey_wide_checks.c";

    public const string Source = """
        #include <stdarg.h>
        #include <stddef.h>
        #include <stdio.h>
        #include <wchar.h>

        wchar_t *wcscpy(wchar_t *restrict dest, const wchar_t *restrict src) {
            wchar_t *start = dest;
            while ((*dest++ = *src++) != 0) {
            }
            return start;
        }

        wchar_t *wcsncpy(wchar_t *restrict dest, const wchar_t *restrict src, size_t n) {
            size_t i = 0;
            for (; i < n && src[i] != 0; i++) dest[i] = src[i];
            for (; i < n; i++) dest[i] = 0;
            return dest;
        }

        wchar_t *wmemcpy(wchar_t *restrict dest, const wchar_t *restrict src, size_t n) {
            for (size_t i = 0; i < n; i++) dest[i] = src[i];
            return dest;
        }

        wchar_t *wmemmove(wchar_t *dest, const wchar_t *src, size_t n) {
            if (dest < src) {
                for (size_t i = 0; i < n; i++) dest[i] = src[i];
            } else {
                for (size_t i = n; i-- > 0;) dest[i] = src[i];
            }
            return dest;
        }

        wchar_t *wmemset(wchar_t *dest, wchar_t c, size_t n) {
            for (size_t i = 0; i < n; i++) dest[i] = c;
            return dest;
        }

        /* Volatile, so that an optimising build keeps the reads the sanitizer checks. */
        static void osprey_read_wide(const volatile wchar_t *s, long limit) {
            for (long i = 0; s != NULL && (limit < 0 || i < limit) && s[i] != 0; i++) {
            }
        }

        static void osprey_read_narrow(const volatile char *s) {
            for (long i = 0; s != NULL && s[i] != 0; i++) {
            }
        }

        static int osprey_is_digit(wchar_t c) { return c >= L'0' && c <= L'9'; }

        static void osprey_check_wide_format(const wchar_t *p, va_list ap) {
            while (*p != 0) {
                if (*p++ != L'%') continue;
                if (*p == L'%') { p++; continue; }
                while (*p == L'-' || *p == L'+' || *p == L' ' || *p == L'#' || *p == L'0' || *p == L'\'') p++;
                if (*p == L'*') { (void)va_arg(ap, int); p++; } else while (osprey_is_digit(*p)) p++;
                if (*p == L'$') return;
                long precision = -1;
                if (*p == L'.') {
                    p++;
                    if (*p == L'*') { precision = va_arg(ap, int); p++; }
                    else { precision = 0; while (osprey_is_digit(*p)) precision = precision * 10 + (*p++ - L'0'); }
                }
                int longs = 0, longDouble = 0;
                for (;; p++) {
                    if (*p == L'l') longs++;
                    else if (*p == L'L' || *p == L'q') longDouble = 1;
                    else if (*p == L'h' || *p == L'j' || *p == L'z' || *p == L't') { }
                    else break;
                }
                switch (*p) {
                case L'd': case L'i': case L'o': case L'u': case L'x': case L'X': case L'c': case L'C':
                    (void)va_arg(ap, long long); break;
                case L'e': case L'E': case L'f': case L'F': case L'g': case L'G': case L'a': case L'A':
                    if (longDouble) (void)va_arg(ap, long double); else (void)va_arg(ap, double);
                    break;
                case L'p': case L'n': (void)va_arg(ap, void *); break;
                case L'S': osprey_read_wide(va_arg(ap, const wchar_t *), precision); break;
                case L's':
                    if (longs > 0) osprey_read_wide(va_arg(ap, const wchar_t *), precision);
                    else if (precision < 0) osprey_read_narrow(va_arg(ap, const char *));
                    else (void)va_arg(ap, const char *);
                    break;
                case L'm': break;
                default: return;
                }
                if (*p != 0) p++;
            }
        }

        int wprintf(const wchar_t *restrict format, ...) {
            va_list ap, check;
            va_start(ap, format);
            va_copy(check, ap);
            osprey_check_wide_format(format, check);
            va_end(check);
            int written = vwprintf(format, ap);
            va_end(ap);
            return written;
        }

        """;
}
