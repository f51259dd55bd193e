using System.Text;

namespace Osprey.Native.Benchmarks;

/// <summary>
/// The generated C++ <c>main</c> of a batch program: <c>program &lt;case&gt; bad|good</c> calls that
/// case's function. C cases export <c>&lt;case&gt;_bad</c> and <c>&lt;case&gt;_good</c>; C++ cases put
/// <c>bad</c> and <c>good</c> in a namespace named after the case. Exit code 3 means an unknown case.
/// </summary>
internal static class JulietDispatcher
{
    public const string FileName = "osprey_juliet_dispatch.cpp";

    public static string Source(IEnumerable<JulietCase> cases)
    {
        var list = cases.ToList();
        var text = new StringBuilder("#include <stdio.h>\n#include <string.h>\n");
        foreach (var c in list)
        {
            text.AppendLine(c.IsCpp
                ? $"namespace {c.Name} {{ void bad(); void good(); }}"
                : $"extern \"C\" {{ void {c.Name}_bad(void); void {c.Name}_good(void); }}");
        }

        text.AppendLine("struct osprey_case { const char *name; void (*bad)(); void (*good)(); };");
        text.AppendLine("static const osprey_case osprey_cases[] = {");
        foreach (var c in list)
        {
            text.AppendLine(c.IsCpp ? $"    {{ \"{c.Name}\", {c.Name}::bad, {c.Name}::good }}," : $"    {{ \"{c.Name}\", {c.Name}_bad, {c.Name}_good }},");
        }

        text.AppendLine("};");
        text.AppendLine("""
            int main(int argc, char **argv) {
                if (argc < 3) return 2;
                for (size_t i = 0; i < sizeof osprey_cases / sizeof osprey_cases[0]; i++) {
                    if (strcmp(osprey_cases[i].name, argv[1]) == 0) {
                        if (strcmp(argv[2], "bad") == 0) osprey_cases[i].bad(); else osprey_cases[i].good();
                        return 0;
                    }
                }
                return 3;
            }
            """);
        return text.ToString();
    }
}
