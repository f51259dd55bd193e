// Test double for System.DirectoryServices, which runs only on Windows: added to a harness when the
// scanned code uses it. Nothing connects to a directory; searches find nothing.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;

namespace System.DirectoryServices
{
    public class DirectoryEntry : IDisposable
    {
        public DirectoryEntry() { }
        public DirectoryEntry(string path) { Path = path; }
        public DirectoryEntry(string path, string username, string password) { Path = path; Username = username; Password = password; }
        public string Path { get; set; }
        public string Username { get; set; }
        public string Password { get; set; }
        public void Dispose() { }
    }

    public class DirectorySearcher : IDisposable
    {
        public DirectorySearcher() { }
        public DirectorySearcher(DirectoryEntry searchRoot) { SearchRoot = searchRoot; }
        public DirectorySearcher(string filter) { Filter = filter; }
        public DirectorySearcher(DirectoryEntry searchRoot, string filter) { SearchRoot = searchRoot; Filter = filter; }
        public DirectoryEntry SearchRoot { get; set; }
        public string Filter { get; set; }
        public StringCollection PropertiesToLoad { get; } = new StringCollection();
        public SearchResult FindOne() => null;
        public SearchResultCollection FindAll() => new SearchResultCollection();
        public void Dispose() { }
    }

    public class SearchResult
    {
        public string Path { get; set; }
        public Dictionary<string, object[]> Properties { get; } = new Dictionary<string, object[]>();
    }

    public class SearchResultCollection : IEnumerable<SearchResult>, IDisposable
    {
        public int Count => 0;
        public IEnumerator<SearchResult> GetEnumerator() => new List<SearchResult>().GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        public void Dispose() { }
    }
}
