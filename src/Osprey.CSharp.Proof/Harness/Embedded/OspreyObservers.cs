// Compiled into every harness: turns the receiver and arguments of an instrumented sink call
// into the values an oracle reads, per sink kind. Reflection keeps it independent of which
// framework types the scanned program compiled against.
using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

internal static class __OspreyObservers
{
    internal static void Describe(string kind, string api, object receiver, object[] args, List<string> values, Dictionary<string, string> facts)
    {
        switch (kind)
        {
            case "command-injection":
                DescribeCommand(receiver, args, values, facts);
                return;
            case "sql-injection":
                if (args.Length == 0 || args.All(a => !(a is string)))
                {
                    var text = Property(receiver, "CommandText") ?? args.Select(a => Property(a, "CommandText")).FirstOrDefault(t => t != null);
                    if (text != null) { values.Add(text); return; }
                }
                values.AddRange(args.Where(a => a is string || a is FormattableString).Select(Text));
                return;
            case "format-string":
                values.AddRange(args.Where(a => !(a is IFormatProvider) || a is string).Select(Text));
                return;
            case "unsafe-deserialization":
                facts["formatter"] = receiver != null ? receiver.GetType().FullName + "." + LastSegment(api) : api;
                foreach (var a in args.Concat(new[] { receiver }).Where(a => a != null))
                {
                    if (a is Type t) facts["type"] = t.FullName;
                    var handling = Property(a, "TypeNameHandling");
                    if (handling != null) facts["TypeNameHandling"] = handling;
                }
                values.AddRange(args.Where(a => !(a is Type) && Property(a, "TypeNameHandling") == null).Select(Text));
                return;
            default:
                values.AddRange(args.Select(Text));
                return;
        }
    }

    private static void DescribeCommand(object receiver, object[] args, List<string> values, Dictionary<string, string> facts)
    {
        object info = args.FirstOrDefault(a => a != null && a.GetType().FullName == "System.Diagnostics.ProcessStartInfo");
        if (info == null && receiver != null && receiver.GetType().FullName == "System.Diagnostics.Process" && args.Length == 0)
        {
            info = receiver.GetType().GetProperty("StartInfo").GetValue(receiver);
        }
        if (info != null)
        {
            facts["shape"] = "file+arguments";
            values.Add(Property(info, "FileName") ?? "");
            var list = info.GetType().GetProperty("ArgumentList")?.GetValue(info) as IEnumerable<string>;
            var arguments = Property(info, "Arguments") ?? "";
            if (list != null && list.Any()) arguments = string.Join(" ", list.Select(Quote));
            values.Add(arguments);
            facts["UseShellExecute"] = Property(info, "UseShellExecute") ?? "";
            return;
        }
        var strings = args.Select(a => a is IEnumerable<string> e && !(a is string) ? string.Join(" ", e.Select(Quote)) : Text(a)).ToList();
        if (strings.Count >= 2) facts["shape"] = "file+arguments";
        else facts["shape"] = "command-line";
        values.AddRange(strings.Take(2));
    }

    private static string Quote(string argument) => argument.Length == 0 || argument.Any(char.IsWhiteSpace) ? "\"" + argument + "\"" : argument;

    private static string LastSegment(string api) => api.Substring(api.LastIndexOf('.') + 1);

    internal static string Property(object target, string name)
    {
        if (target == null) return null;
        var property = target.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
        if (property == null || property.GetIndexParameters().Length != 0) return null;
        try { return property.GetValue(target)?.ToString(); } catch (Exception) { return null; }
    }

    internal static string Text(object value)
    {
        switch (value)
        {
            case null: return null;
            case string s: return s;
            case Uri u: return u.OriginalString;
            case byte[] bytes: return Encoding.UTF8.GetString(bytes);
            case char[] chars: return new string(chars);
            case MemoryStream memory: return Encoding.UTF8.GetString(memory.ToArray());
            case TextReader reader: return reader.ReadToEnd();
            case Stream stream when stream.CanRead:
                using (var copy = new MemoryStream()) { stream.CopyTo(copy); return Encoding.UTF8.GetString(copy.ToArray()); }
            case IEnumerable<string> strings: return string.Join(" ", strings);
        }
        var uri = value.GetType().GetProperty("RequestUri")?.GetValue(value);
        if (uri != null) return uri.ToString();
        return value.ToString();
    }
}
