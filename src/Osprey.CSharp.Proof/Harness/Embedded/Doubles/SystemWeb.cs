// Test double for the parts of System.Web (ASP.NET on .NET Framework) that request handlers
// read: every request value is the current payload, and responses are collected in memory.
using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.IO;
using System.Text;

namespace System.Web
{
    public sealed class HttpCookie
    {
        public HttpCookie(string name) { Name = name; }
        public HttpCookie(string name, string value) { Name = name; Value = value; }
        public string Name { get; set; }
        public string Value { get; set; }
        public bool HttpOnly { get; set; }
        public bool Secure { get; set; }
        public string Path { get; set; }
        public string Domain { get; set; }
        public DateTime Expires { get; set; }
        // As the Set-Cookie header carries it: what a header oracle reads when the cookie reaches a sink.
        public override string ToString() => Name + "=" + Value;
    }

    public sealed class HttpCookieCollection
    {
        private readonly List<HttpCookie> _cookies = new List<HttpCookie>();
        public int Count => _cookies.Count;
        public HttpCookie this[int index] => _cookies[index];
        public HttpCookie this[string name] => _cookies.Find(c => c.Name == name);
        public HttpCookie Get(string name) => this[name];
        public void Add(HttpCookie cookie) => _cookies.Add(cookie);
        public void Set(HttpCookie cookie) { _cookies.RemoveAll(c => c.Name == cookie.Name); _cookies.Add(cookie); }
    }

    public sealed class HttpRequest
    {
        public HttpRequest()
        {
            var payload = __Osprey.Current;
            QueryString = Values(payload);
            Params = Values(payload);
            Form = Values(payload);
            Headers = Values(payload);
            ServerVariables = Values(payload);
            Cookies = new HttpCookieCollection();
            Cookies.Add(new HttpCookie("osprey", payload));
        }
        private static NameValueCollection Values(string payload)
        {
            return new PayloadValues(payload);
        }
        public NameValueCollection QueryString { get; }
        public NameValueCollection Params { get; }
        public NameValueCollection Form { get; }
        public NameValueCollection Headers { get; }
        public NameValueCollection ServerVariables { get; }
        public HttpCookieCollection Cookies { get; }
        public string this[string key] => __Osprey.Current;
        public string HttpMethod => "GET";
        public string RawUrl => "/?q=" + __Osprey.Current;
        public Uri Url => new Uri("http://localhost/");
        public string UserAgent => __Osprey.Current;
        public Stream InputStream => new MemoryStream(Encoding.UTF8.GetBytes(__Osprey.Current));
    }

    // Any key is present and its value is the payload, as an attacker would send it.
    internal sealed class PayloadValues : NameValueCollection
    {
        private readonly string _payload;
        public PayloadValues(string payload) { _payload = payload; }
        public override string Get(string name) => _payload;
        public override string[] GetValues(string name) => new[] { _payload };
    }

    public sealed class HttpResponse
    {
        private readonly StringBuilder _body = new StringBuilder();
        public HttpCookieCollection Cookies { get; } = new HttpCookieCollection();
        public NameValueCollection Headers { get; } = new NameValueCollection();
        public int StatusCode { get; set; } = 200;
        // The status line's text: error pages echo it, so it is an HTML output like the body.
        public string StatusDescription { get; set; } = "OK";
        public string ContentType { get; set; } = "text/html";
        public string Body => _body.ToString();
        public void Write(string s) => _body.Append(s);
        public void Write(object o) => _body.Append(o);
        public void AddHeader(string name, string value) => Headers.Add(name, value);
        public void AppendHeader(string name, string value) => Headers.Add(name, value);
        public void SetCookie(HttpCookie cookie) => Cookies.Set(cookie);
        public void AppendCookie(HttpCookie cookie) => Cookies.Add(cookie);
        public void Redirect(string url) { Headers["Location"] = url; StatusCode = 302; }
        public void Redirect(string url, bool endResponse) => Redirect(url);
        public void End() { }
        public void Flush() { }
        public void Clear() => _body.Clear();
    }

    public static class HttpUtility
    {
        public static string HtmlEncode(string s) => System.Net.WebUtility.HtmlEncode(s);
        public static string HtmlDecode(string s) => System.Net.WebUtility.HtmlDecode(s);
        public static string UrlEncode(string s) => System.Net.WebUtility.UrlEncode(s);
        public static string UrlEncode(string s, Encoding e) => System.Net.WebUtility.UrlEncode(s);
        public static string UrlDecode(string s) => System.Net.WebUtility.UrlDecode(s);
        public static string HtmlAttributeEncode(string s) => System.Net.WebUtility.HtmlEncode(s);
        public static string JavaScriptStringEncode(string s) => System.Text.Json.JsonEncodedText.Encode(s).ToString();
    }
}
