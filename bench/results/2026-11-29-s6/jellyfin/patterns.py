"""Groups an Osprey SARIF report's taint findings by rule and by the dominant trace step."""
import collections, json, re, sys

def steps(result):
    for flow in result.get("codeFlows", []):
        for tf in flow["threadFlows"]:
            for loc in tf["locations"]:
                yield loc

def short(text):
    return re.sub(r"\(.*?\)", "()", text)

def classify(result):
    assumed, kept, source = [], [], None
    for loc in steps(result):
        msg = loc["location"].get("message", {}).get("text", "")
        if "source" in loc.get("kinds", []):
            source = msg
        if "kept by" in msg:
            kept.append(short(msg.split("`")[1]))
        elif "flow assumed" in msg:
            assumed.append(short(msg.split("`")[1]))
    if kept:
        return "kept by " + kept[0], source
    if assumed:
        return "assumed " + assumed[0], source
    return "modelled only", source

def main(path, top=int(sys.argv[2]) if len(sys.argv) > 2 else 25):
    results = json.load(open(path))["runs"][0]["results"]
    print(f"{len(results)} findings")
    rules = collections.Counter(r["ruleId"] for r in results)
    print("\n## by rule")
    for rule, n in rules.most_common():
        print(f"{n:6} {rule}")
    srcs = collections.Counter()
    for r in results:
        m = re.search(r"\((\w[\w-]*)\) reaches", r["message"]["text"])
        srcs[m.group(1) if m else "?"] += 1
    print("\n## by source label")
    for s, n in srcs.most_common():
        print(f"{n:6} {s}")
    patterns = collections.Counter()
    examples = {}
    for r in results:
        p, _ = classify(r)
        patterns[p] += 1
        loc = r["locations"][0]["physicalLocation"]
        examples.setdefault(p, f'{r["ruleId"]} {loc["artifactLocation"]["uri"]}:{loc["region"]["startLine"]} {r["message"]["text"][:160]}')
    print("\n## by first kept-by step, else first assumed step")
    for p, n in patterns.most_common(top):
        print(f"{n:6} {p}\n         e.g. {examples[p]}")
    anyassumed = collections.Counter()
    for r in results:
        seen = set()
        for loc in steps(r):
            msg = loc["location"].get("message", {}).get("text", "")
            if "flow assumed" in msg:
                seen.add(short(msg.split("`")[1]))
        for s in seen:
            anyassumed[s] += 1
    print("\n## findings whose trace contains the assumed step (any position)")
    for p, n in anyassumed.most_common(top):
        print(f"{n:6} {p}")

main(sys.argv[1])
