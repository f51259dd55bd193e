using System.Collections.Immutable;
using Osprey.Core.Findings;
using Osprey.Core.Rules;

namespace Osprey.CSharp.Rules;

/// <summary>One rule per sink kind of the taint analysis, with CWEs, default severity and help.</summary>
internal static class TaintRules
{
    /// <summary>Every taint rule definition, by sink kind.</summary>
    public static ImmutableDictionary<string, TaintRuleDefinition> Definitions { get; } = Build().ToImmutableDictionary(d => d.Kind, StringComparer.Ordinal);

    /// <summary>Every taint rule.</summary>
    public static ImmutableArray<Rule> All { get; } = [.. Definitions.Values.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => d.ToRule())];

    /// <summary>The rule definition of <paramref name="kind"/>; sink kinds added by user models without a rule get a generic one.</summary>
    public static TaintRuleDefinition For(string kind) => Definitions.TryGetValue(kind, out var definition) ? definition : Generic(kind);

    private static TaintRuleDefinition Generic(string kind) => new(
        kind, "Tainted" + string.Concat(kind.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..])), [], Severity.Medium,
        $"Untrusted data reaches a {kind} sink", $"Untrusted data reaches a {kind} sink",
        $"Data from a user-controlled source reaches an API modelled as a '{kind}' sink.",
        "Sink(input);", "Sink(Validate(input));", "Validate or encode the data for the sink before passing it.");

    private static IEnumerable<TaintRuleDefinition> Build()
    {
        yield return new("sql-injection", "SqlInjection", [89], Severity.Critical, "SQL injection",
            "User input reaches a SQL command",
            "A SQL command is built from data an attacker controls. The attacker can change the query's meaning: read or modify any data the connection can reach, bypass logins, or run administrative statements.",
            "var cmd = new SqlCommand(\"SELECT * FROM users WHERE name = '\" + name + \"'\", connection);",
            "var cmd = new SqlCommand(\"SELECT * FROM users WHERE name = @name\", connection);\ncmd.Parameters.AddWithValue(\"@name\", name);",
            "Pass values as parameters (`SqlParameter`, EF Core `FromSqlInterpolated`, Dapper anonymous parameters); never concatenate them into the command text.");
        yield return new("command-injection", "CommandInjection", [78, 88], Severity.Critical, "OS command injection",
            "User input reaches an operating-system command",
            "A process is started with a command line or arguments an attacker controls. The attacker can run other programs or pass options that change what the program does (argument injection).",
            "Process.Start(\"/bin/sh\", \"-c \\\"ls \" + folder + \"\\\"\");",
            "var psi = new ProcessStartInfo(\"ls\");\npsi.ArgumentList.Add(ValidateFolderName(folder));\nProcess.Start(psi);",
            "Do not go through a shell. Start a fixed executable, pass each value through `ProcessStartInfo.ArgumentList`, and allow-list the values you accept.");
        yield return new("path-injection", "PathInjection", [22, 23, 36], Severity.High, "Path traversal",
            "User input reaches a file-system path",
            "A file path is built from data an attacker controls. With `..` segments or an absolute path the attacker can read, overwrite or delete files outside the intended folder (relative and absolute path traversal).",
            "var text = File.ReadAllText(Path.Combine(root, name));",
            "var full = Path.GetFullPath(Path.Combine(root, Path.GetFileName(name)));\nif (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) throw new UnauthorizedAccessException();\nvar text = File.ReadAllText(full);",
            "Keep only the file name (`Path.GetFileName`), resolve the full path and check that it stays under the intended root.");
        yield return new("xss", "CrossSiteScripting", [79, 80, 81, 83], Severity.High, "Cross-site scripting",
            "User input is written to a web page without encoding",
            "Data an attacker controls is written into HTML (a page, an attribute, an error message) without encoding. The attacker's script runs in the victim's browser with the victim's session.",
            "Response.Write(\"<p>Hello \" + name + \"</p>\");",
            "Response.Write(\"<p>Hello \" + HttpUtility.HtmlEncode(name) + \"</p>\");",
            "Encode for the context (`HtmlEncoder.Default.Encode`, `HttpUtility.HtmlAttributeEncode`); in Razor use `@value`, not `Html.Raw`.");
        yield return new("ldap-injection", "LdapInjection", [90], Severity.High, "LDAP injection",
            "User input reaches an LDAP query",
            "An LDAP filter or distinguished name is built from data an attacker controls. The attacker can widen the search to read other directory entries or bypass authentication.",
            "searcher.Filter = \"(&(objectClass=user)(cn=\" + name + \"))\";",
            "searcher.Filter = \"(&(objectClass=user)(cn=\" + LdapFilterEncode(name) + \"))\";",
            "Escape the special filter characters `*()\\\\` and NUL (RFC 4515) or allow-list the value.");
        yield return new("xpath-injection", "XPathInjection", [643], Severity.High, "XPath injection",
            "User input reaches an XPath query",
            "An XPath expression is built from data an attacker controls; the attacker can change which nodes it selects and read data they should not see.",
            "var node = doc.SelectSingleNode(\"//user[name='\" + name + \"']\");",
            "var expr = XPathExpression.Compile(\"//user[name=$name]\");\nexpr.SetContext(contextWithVariable(\"name\", name));",
            "Use XPath variables, or allow-list / escape the value before building the expression.");
        yield return new("xxe", "XmlExternalEntity", [611], Severity.High, "XML external entity expansion",
            "User-controlled XML is parsed with external entities enabled",
            "XML an attacker controls is parsed with DTD processing or an `XmlResolver` enabled; the attacker can read local files, reach internal hosts or exhaust memory.",
            "var doc = new XmlDocument { XmlResolver = new XmlUrlResolver() };\ndoc.LoadXml(body);",
            "var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };\nusing var reader = XmlReader.Create(new StringReader(body), settings);",
            "Prohibit DTDs and set `XmlResolver = null`.");
        yield return new("unsafe-deserialization", "UnsafeDeserialization", [502], Severity.Critical, "Unsafe deserialization",
            "User input is deserialized by a type-resolving serializer",
            "Data an attacker controls is deserialized with a serializer that lets the data choose the types to create (`BinaryFormatter`, `NetDataContractSerializer`, Json.NET with `TypeNameHandling`, a tainted type name). Gadget chains turn this into remote code execution.",
            "var order = (Order)new BinaryFormatter().Deserialize(stream);",
            "var order = JsonSerializer.Deserialize<Order>(stream);",
            "Use a serializer bound to a fixed type (`System.Text.Json`, `XmlSerializer` with a known type); never `BinaryFormatter`.");
        yield return new("ssrf", "ServerSideRequestForgery", [918], Severity.High, "Server-side request forgery",
            "User input decides where the server sends a request",
            "An outgoing request's URL comes from data an attacker controls. The attacker can make the server call internal services, cloud metadata endpoints or other hosts on their behalf.",
            "var body = await http.GetStringAsync(url);",
            "if (!AllowedHosts.Contains(new Uri(url).Host)) return BadRequest();\nvar body = await http.GetStringAsync(url);",
            "Allow-list the hosts (and schemes) the server may call; do not follow redirects to other hosts.");
        yield return new("open-redirect", "OpenRedirect", [601], Severity.Medium, "Open redirect",
            "User input decides where the browser is redirected",
            "A redirect target comes from data an attacker controls; links to the trusted site then forward victims to a phishing page.",
            "return Redirect(returnUrl);",
            "return Url.IsLocalUrl(returnUrl) ? Redirect(returnUrl) : RedirectToAction(\"Index\");",
            "Redirect only to local URLs (`Url.IsLocalUrl`, `LocalRedirect`) or to an allow-list.");
        yield return new("code-injection", "CodeInjection", [94, 95], Severity.Critical, "Code injection",
            "User input is compiled or evaluated as code",
            "Data an attacker controls becomes source code that is compiled or evaluated (CodeDOM, Roslyn scripting, `Assembly.Load` of supplied bytes); the attacker runs arbitrary code.",
            "CSharpScript.EvaluateAsync(expression);",
            "var result = Calculator.Evaluate(ParseArithmetic(expression));",
            "Never compile or evaluate input. Parse it into a restricted data structure and interpret that.");
        yield return new("header-injection", "HttpHeaderInjection", [113], Severity.Medium, "HTTP response splitting",
            "User input is written into an HTTP header",
            "A response header or cookie is built from data an attacker controls; with CR/LF characters the attacker can add headers or split the response.",
            "Response.AddHeader(\"Location\", \"/lang?l=\" + lang);",
            "Response.AddHeader(\"Location\", \"/lang?l=\" + Uri.EscapeDataString(lang));",
            "URL-encode values placed in headers and cookies, or reject CR and LF.");
        yield return new("log-injection", "LogInjection", [117], Severity.Low, "Log injection",
            "User input is written to a log without neutralisation",
            "Data an attacker controls is written to a log as-is; with line breaks the attacker can forge entries and mislead investigations.",
            "logger.LogWarning(\"Login failed for \" + user);",
            "logger.LogWarning(\"Login failed for {User}\", user.Replace(\"\\r\", \"\").Replace(\"\\n\", \"\"));",
            "Use structured logging templates and strip or encode line breaks.");
        yield return new("format-string", "FormatStringInjection", [134], Severity.Medium, "Externally controlled format string",
            "User input is used as a composite format string",
            "A `string.Format`-style format string comes from data an attacker controls; malformed placeholders throw, and placeholders can disclose the other arguments.",
            "Console.WriteLine(string.Format(message));",
            "Console.WriteLine(\"{0}\", message);",
            "Keep format strings constant and pass input as arguments.");
        yield return new("config-injection", "ExternalConfigurationControl", [15], Severity.Medium, "External control of a configuration setting",
            "User input sets a system or configuration setting",
            "A connection string or another configuration setting is built from data an attacker controls; the attacker can point the application at another server or change its security options.",
            "connection.ConnectionString = \"Server=db;User ID=\" + user;",
            "var builder = new SqlConnectionStringBuilder { DataSource = \"db\", UserID = AllowListed(user) };\nconnection.ConnectionString = builder.ConnectionString;",
            "Build settings with typed builders from allow-listed values; never concatenate input into them.");
        yield return new("unsafe-reflection", "UnsafeReflection", [470], Severity.High, "Unsafe reflection",
            "User input chooses a type or member to load by reflection",
            "A type, assembly or member name comes from data an attacker controls; the attacker can instantiate unexpected classes and run their constructors.",
            "var handler = Activator.CreateInstance(Type.GetType(typeName));",
            "var handler = typeName switch { \"csv\" => new CsvHandler(), \"json\" => new JsonHandler(), _ => throw new ArgumentException(typeName) };",
            "Map input to an allow-listed set of types instead of loading names.");
        yield return new("search-path", "UncontrolledSearchPath", [427], Severity.High, "Uncontrolled search path element",
            "User input changes where programs or libraries are looked up",
            "A `PATH`-like variable or a library search path is set from data an attacker controls; the next process or library load may run the attacker's file.",
            "Environment.SetEnvironmentVariable(\"PATH\", value);",
            "Environment.SetEnvironmentVariable(\"PATH\", TrustedPath);",
            "Set search paths only to fixed, trusted folders.");
        yield return new("resource-injection", "ResourceInjection", [99], Severity.Medium, "Resource injection",
            "User input names a resource such as a port, host or pipe",
            "An identifier of a resource (a socket port or host, a named pipe, a registry key) comes from data an attacker controls, letting them redirect the program to a resource of their choosing.",
            "var listener = new TcpListener(IPAddress.Any, int.Parse(port));",
            "var listener = new TcpListener(IPAddress.Any, ConfiguredPort);",
            "Take resource identifiers from configuration or an allow-list.");
        yield return new("regex-injection", "RegexInjection", [730, 1333], Severity.Medium, "Regular expression injection",
            "User input is used as a regular expression",
            "A regular expression pattern comes from data an attacker controls; a crafted pattern can take exponential time (ReDoS) or match more than intended.",
            "var ok = Regex.IsMatch(text, pattern);",
            "var ok = Regex.IsMatch(text, Regex.Escape(pattern), RegexOptions.None, TimeSpan.FromMilliseconds(100));",
            "Escape input with `Regex.Escape` and set a match timeout.");
        yield return new("tainted-size", "TaintedAllocationSize", [400, 789], Severity.Medium, "Uncontrolled resource consumption",
            "User input decides an allocation size or a delay",
            "A buffer or collection capacity, a repeat count or a sleep duration comes from data an attacker controls; a large value exhausts memory or ties up threads.",
            "var buffer = new List<byte>(int.Parse(size));",
            "var n = int.Parse(size);\nif (n is < 0 or > MaxItems) return BadRequest();\nvar buffer = new List<byte>(n);",
            "Bound every size, count and duration that comes from input.");
        yield return new("tainted-index", "TaintedArrayIndex", [129], Severity.Medium, "Unchecked array index",
            "User input is used as an array index without a bounds check",
            "An array is indexed with a number an attacker controls that was not checked against both 0 and the array's length; a negative or too large value throws, and in unsafe code reads or writes outside the array.",
            "var item = items[int.Parse(index)];",
            "var i = int.Parse(index);\nif (i < 0 || i >= items.Length) return BadRequest();\nvar item = items[i];",
            "Check every index from input against 0 and the collection's length before using it.");
        yield return new("empty-array-index", "IndexIntoInputSizedArray", [129], Severity.Medium, "Index into an array that may be empty",
            "An array sized by user input is indexed without checking that it has that element",
            "An array's size comes from data an attacker controls and was checked only against a negative size (`size >= 0`); with a size of 0 the array is empty and reading or writing its first element throws.",
            "var size = int.Parse(text);\nif (size >= 0) { array = new int[size]; }\narray[0] = 5;",
            "var size = int.Parse(text);\nif (size > 0) { array = new int[size]; array[0] = 5; }",
            "Check that an input-sized array has at least as many elements as the indices the code uses (`size > 0` before `array[0]`).");
        yield return new("numeric-truncation", "NumericTruncation", [197, 681], Severity.Low, "Numeric truncation",
            "User input is narrowed by a cast without a range check",
            "A number an attacker controls is cast to a smaller type (`(byte)` of an `int`, `(int)` of a `double`) without first being checked against that type's range; the cast silently keeps only the low bits or an undefined value, so a large input turns into a small or negative one and defeats later checks.",
            "byte level = (byte)int.Parse(text);",
            "var value = int.Parse(text);\nif (value < byte.MinValue || value > byte.MaxValue) return BadRequest();\nbyte level = (byte)value;",
            "Check numbers from input against the target type's range before narrowing them, or convert with `checked(...)` and handle `OverflowException`.");
        yield return new("integer-overflow", "TaintedIntegerOverflow", [190], Severity.Low, "Integer overflow",
            "User input is added or multiplied without an upper bound",
            "A number an attacker controls is increased (added to, multiplied, incremented) without first being checked against an upper bound; the result can wrap around to a small or negative value and defeat later size or price checks.",
            "int total = quantity * unitPrice;",
            "if (quantity < 0 || quantity > MaxQuantity) return BadRequest();\nint total = checked(quantity * unitPrice);",
            "Bound numbers from input before arithmetic, or compute in a `checked` context and handle `OverflowException`.");
        yield return new("integer-underflow", "TaintedIntegerUnderflow", [191], Severity.Low, "Integer underflow",
            "User input is decreased without a lower bound",
            "A number an attacker controls is decreased (subtracted from, decremented) without first being checked against a lower bound; the result can wrap around to a large positive value.",
            "int remaining = count - 1;",
            "if (count <= 0) return BadRequest();\nint remaining = count - 1;",
            "Check numbers from input against a lower bound before subtracting, or use `checked` arithmetic.");
        yield return new("loop-bound", "TaintedLoopBound", [606, 400], Severity.Medium, "Unchecked loop condition",
            "User input decides how many times a loop runs",
            "A loop's bound comes from data an attacker controls without an upper limit; a large value keeps the thread busy or exhausts memory and disk (denial of service).",
            "for (var i = 0; i < int.Parse(count); i++) Write(line);",
            "var n = int.Parse(count);\nif (n is < 0 or > MaxLines) return BadRequest();\nfor (var i = 0; i < n; i++) Write(line);",
            "Bound every loop count that comes from input.");
        yield return new("divide-by-zero", "TaintedDivideByZero", [369], Severity.Low, "Divide by zero",
            "A divisor that can be zero is used without a check",
            "The divisor or modulus of a division comes from data an attacker controls (or a random draw, or holds zero on this path) and was not checked against zero; an integer division throws `DivideByZeroException` (denial of service), a floating-point one yields infinity or NaN that corrupts later results.",
            "int perItem = total / int.Parse(count);",
            "var n = int.Parse(count);\nif (n == 0) return BadRequest();\nint perItem = total / n;",
            "Check every divisor from input against zero (for floating point, against a small epsilon with `Math.Abs`) before dividing.");
        yield return new("zip-slip", "ZipSlip", [22], Severity.High, "Zip slip",
            "An archive entry name is used as an extraction path",
            "Archive entry names are attacker-controlled; an entry named `../../x` extracts outside the target folder.",
            "entry.ExtractToFile(Path.Combine(target, entry.FullName));",
            "var path = Path.GetFullPath(Path.Combine(target, entry.FullName));\nif (!path.StartsWith(Path.GetFullPath(target) + Path.DirectorySeparatorChar, StringComparison.Ordinal)) throw new IOException(\"zip slip\");\nentry.ExtractToFile(path);",
            "Resolve each entry's full path and check it stays inside the target folder.");
    }
}
