"""Counts findings whose trace holds each over-approximating step this branch addresses."""
import collections, json, re, sys

QUERY_KEPT = re.compile(r"kept by `[^`]*\.(Get|Retrieve|Find|Contains|Count)\w*\(")

def steps(r):
    return [(l["location"]["physicalLocation"]["region"].get("snippet", {}).get("text", ""), l["location"].get("message", {}).get("text", ""))
            for f in r.get("codeFlows", []) for t in f["threadFlows"] for l in t["locations"]]

def categories(r):
    found = set()
    for snippet, message in steps(r):
        if message.startswith("receiver of") and ".Dispose(" in message and ("foreach" in snippet or "using" in snippet):
            found.add("foreach/using disposes through every IDisposable of the project")
        if QUERY_KEPT.search(message):
            found.add("kept by an unimplemented query method (returns data)")
        if "through `Activator.CreateInstance(Type)`" in message or "through `Activator.CreateInstance()`" in message:
            found.add("Activator.CreateInstance(Type) carries the Type's taint into the object")
        if re.search(r"HashData|ComputeHash|GetMD5|ToHexString", message):
            found.add("hash / hex step")
        if "ServerApplicationPaths.ServerApplicationPaths" in message:
            found.add("cross-project constructor ServerApplicationPaths(5 dirs) merges every directory")
    return found or {"none of these"}

results = json.load(open(sys.argv[1]))["runs"][0]["results"]
counts = collections.Counter(c for r in results for c in categories(r))
print(f"{len(results)} findings")
for name, n in counts.most_common():
    print(f"{n:6} {name}")
