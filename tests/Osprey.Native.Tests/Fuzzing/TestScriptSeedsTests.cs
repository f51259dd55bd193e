using System.Text;
using Osprey.Native.Fuzzing;

namespace Osprey.Native.Tests.Fuzzing;

public sealed class TestScriptSeedsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "osprey-script-seeds-" + Guid.NewGuid().ToString("N")[..8]);

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    [Fact]
    public void Extract_RequestInHereDocument_IsTheRequestWithCrlfLineEnds()
    {
        const string script = "sub host {\n\tmy ($r) = http(<<EOF);\nGET / HTTP/1.0\nHost: $host\n\nEOF\n\treturn $r;\n}\n";

        Assert.Equal(["GET / HTTP/1.0\r\nHost: $host\r\n\r\n"], TestScriptSeeds.Extract(script));
    }

    [Fact]
    public void Extract_HereDocumentThatIsNoRequest_IsSkipped()
    {
        const string script = "$t->write_file_expand('nginx.conf', <<'EOF');\nevents {\n}\nEOF\n";

        Assert.Empty(TestScriptSeeds.Extract(script));
    }

    [Fact]
    public void Extract_RequestHelpersWithLiteralPaths_BecomeRequests()
    {
        const string script = "like(http_get('/t?a=1'), qr/200/);\nlike(http_head(\"/x\"), qr/200/);\nlike(http_get($uri), qr/200/);\n";

        Assert.Equal(["GET /t?a=1 HTTP/1.0\r\nHost: localhost\r\n\r\n", "HEAD /x HTTP/1.0\r\nHost: localhost\r\n\r\n"], TestScriptSeeds.Extract(script));
    }

    [Fact]
    public void Extract_LinesSentOverConnections_AreOneInputPerConnection()
    {
        const string script = """
            my $s = Test::Nginx::SMTP->new();
            $s->read();
            $s->send('EHLO example.com');
            $s->send("MAIL FROM:<test@example.com>");
            $s = Test::Nginx::SMTP->new();
            $s->send('QUIT');
            $s->send($data);
            """;

        Assert.Equal(["EHLO example.com\r\nMAIL FROM:<test@example.com>\r\n", "QUIT\r\n"], TestScriptSeeds.Extract(script));
    }

    [Fact]
    public void Write_ScriptsUnderTheRoot_WritesDistinctMessagesAndSkipsDotFolders()
    {
        Write("unit-tests/a.t", "http_get('/');\nhttp_get('/');\n");
        Write("unit-tests/b.t", "http_get('/');\n$s->send('CAPA');\n");
        Write("unit-tests/notes.txt", "http_get('/notes');\n");
        Write(".internal_only/cpv1/check.t", "http_get('/secret');\n");

        var seeds = TestScriptSeeds.Write(_root, Path.Combine(_root, "out"));

        Assert.Equal(["CAPA\r\n", "GET / HTTP/1.0\r\nHost: localhost\r\n\r\n"], seeds.Select(s => File.ReadAllText(s, Encoding.UTF8)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Write_MoreMessagesThanTheLimit_KeepsWrittenOutRequestsBeforeHelperRequests()
    {
        Write("t/a.t", "http_get('/one');\nhttp_get('/two');\nhttp(<<EOF);\nGET /written HTTP/1.1\nHost: a\n\nEOF\n");

        var seeds = TestScriptSeeds.Write(_root, Path.Combine(_root, "out"), limit: 1);

        Assert.Equal("GET /written HTTP/1.1\r\nHost: a\r\n\r\n", File.ReadAllText(Assert.Single(seeds)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
