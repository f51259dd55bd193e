namespace Osprey.CSharp.Tests.Misuse;

public sealed class ErrorDetailsExposureTests
{
    [Fact]
    public async Task ExceptionTextReturnedFromAction_Reported()
    {
        const string Source = """
            using Microsoft.AspNetCore.Mvc;
            public class ImportController : ControllerBase
            {
                public IActionResult Import()
                {
                    try { return Ok(); }
                    catch (Exception ex) { return StatusCode(500, ex.ToString()); } // here
                }
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/error-details-exposure");

        Assert.Equal(MisuseHarness.LineOf(Source, "// here"), finding.Location.StartLine);
    }

    [Fact]
    public async Task StackTraceWrittenToResponse_Reported()
    {
        const string Source = """
            using Microsoft.AspNetCore.Http;
            public class Handler
            {
                public async Task Run(HttpContext context)
                {
                    try { await Task.Yield(); }
                    catch (InvalidOperationException e) { await context.Response.WriteAsync($"failed: {e.StackTrace}"); } // here
                }
            }
            """;

        var finding = await MisuseHarness.SingleAsync(Source, "cs/error-details-exposure");

        Assert.Equal(MisuseHarness.LineOf(Source, "// here"), finding.Location.StartLine);
    }

    [Fact]
    public async Task ExceptionLoggedAndGenericMessageReturned_NotReported()
    {
        const string Source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Logging;
            public class ImportController(ILogger<ImportController> logger) : ControllerBase
            {
                public IActionResult Import()
                {
                    try { return Ok(); }
                    catch (Exception ex)
                    {
                        logger.LogError(ex, "Import failed: {Detail}", ex.ToString());
                        return Problem("The import failed.", statusCode: 500);
                    }
                }
            }
            """;

        await MisuseHarness.NoneAsync(Source, "cs/error-details-exposure");
    }
}
