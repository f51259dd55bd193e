using System.Collections.Immutable;
using Osprey.Bench.Native;

namespace Osprey.Bench.Tests.Native;

public sealed class CpvMatcherTests
{
    // cpv4's proof overflows in the shared formatter, called by the function its fix changes.
    private static readonly CrashShape CookieProof = new("heap-buffer-overflow", ["ngx_sprintf_str", "ngx_vslprintf", "ngx_sprintf", "ngx_http_set_browser_cookie", "ngx_http_static_handler"], "ngx_sprintf_str--ngx_vslprintf--ngx_sprintf", "ngx_sprintf_str");

    // cpv17's fix is in a function that is not on its proof's stack.
    private static readonly CrashShape SmtpProof = new("heap-use-after-free", ["ngx_mail_smtp_auth_state", "ngx_event_process_posted", "LLVMFuzzerTestOneInput"], "ngx_mail_smtp_auth_state--ngx_event_process_posted--LLVMFuzzerTestOneInput", "ngx_mail_smtp_auth_state");

    private static readonly CpvMatcher Matcher = new(
        [("cpv4", CookieProof), ("cpv17", SmtpProof)],
        new Dictionary<string, ImmutableHashSet<string>> { ["cpv4"] = ["ngx_http_set_browser_cookie"], ["cpv17"] = ["ngx_mail_smtp_noop"] });

    [Fact]
    public void FixedFunctions_UnifiedDiff_NamesTheFunctionOfEveryHunk()
    {
        const string diff = "--- a/src/http/ngx_http_core_module.c\n+++ b/src/http/ngx_http_core_module.c\n@@ -5269,6 +5269,10 @@ ngx_http_set_browser_cookie(ngx_http_request_t *r)\n         return NGX_OK;\n+    if (x) {\n@@ -10,3 +10,4 @@ static ngx_int_t ngx_get_con_his(ngx_array_t *a)\n-x\n+y\n@@ -1,2 +1,2 @@\n-a\n+b\n";

        Assert.Equal(["ngx_get_con_his", "ngx_http_set_browser_cookie"], CpvMatcher.FixedFunctions(diff).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Match_OverflowInSharedHelperReachedThroughTheFixedFunction_IsTheCpv()
    {
        var crash = CookieProof with { Functions = ["ngx_sprintf_str", "ngx_vslprintf", "ngx_sprintf", "ngx_http_set_browser_cookie", "ngx_http_core_content_phase"] };

        Assert.Equal("cpv4", Matcher.Match(crash));
    }

    [Fact]
    public void Match_OverflowInSharedHelperFromAnotherCaller_IsNoCpv()
    {
        var crash = CookieProof with { Functions = ["ngx_sprintf_str", "ngx_vslprintf", "ngx_sprintf", "ngx_http_log_handler"] };

        Assert.Null(Matcher.Match(crash));
    }

    [Fact]
    public void Match_CpvWhoseFixIsOffTheProofStack_MatchesTheSameFaultingFrame()
    {
        var crash = SmtpProof with { Functions = ["ngx_mail_smtp_auth_state", "ngx_mail_read_command"], DedupToken = "other" };

        Assert.Equal("cpv17", Matcher.Match(crash));
    }

    [Fact]
    public void Match_SameFrameButAnotherKindOfError_IsNoCpv()
    {
        var crash = SmtpProof with { Kind = "SEGV" };

        Assert.Null(Matcher.Match(crash));
    }
}
