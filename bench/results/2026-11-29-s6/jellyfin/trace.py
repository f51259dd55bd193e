"""Prints the traces of findings whose trace mentions a text."""
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0]["results"]
needle, limit = sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1
shown = 0
for r in results:
    locs = [l for f in r.get("codeFlows", []) for t in f["threadFlows"] for l in t["locations"]]
    msgs = [l["location"].get("message", {}).get("text", "") for l in locs]
    if not any(needle in m for m in msgs) and needle not in r["message"]["text"]:
        continue
    print("==", r["ruleId"], r["message"]["text"])
    for l, m in zip(locs, msgs):
        p = l["location"]["physicalLocation"]
        print(f'   {p["artifactLocation"]["uri"]}:{p["region"]["startLine"]}  {p["region"].get("snippet",{}).get("text","")[:90]!r}  -- {m}')
    shown += 1
    if shown >= limit:
        break
