#!/usr/bin/env bash
# Checks that samples/ShopApp/GROUND_TRUTH.md and the // VULN / // SAFE markers in the code agree:
# every row's file and line carry its marker, the line sits in the named method, and every marker
# in the code has a row. Prints one line per problem and exits non-zero if there is any.
set -euo pipefail
cd "$(dirname "$0")/ShopApp"

problems=0
report() { echo "MISMATCH: $*"; problems=$((problems + 1)); }

# ID FILE METHOD LINE for each table row.
rows=$(awk -F'|' '/^\| [VS][0-9]+ \|/ { for (i = 2; i <= 6; i++) gsub(/ /, "", $i); print $2, $4, $5, $6 }' GROUND_TRUTH.md)

dupes=$(echo "$rows" | awk '{print $1}' | sort | uniq -d)
[ -z "$dupes" ] || report "duplicate IDs in table: $dupes"

while read -r id file method line; do
    kind=SAFE; [[ $id == V* ]] && kind=VULN
    if [ ! -f "$file" ]; then report "$id: no file $file"; continue; fi
    text=$(sed -n "${line}p" "$file")
    grep -qE "// $kind $id( |$)" <<<"$text" || report "$id: $file:$line lacks '// $kind $id' (line is: $(sed "s/^[[:space:]]*//" <<<"$text"))"
    # The nearest method declaration at or above the line must be the named method.
    decl=$(awk -v n="$line" 'NR <= n && /^[ \t]+(public|private|protected|internal)[^=;]*[A-Za-z0-9_>\]] *[A-Za-z_][A-Za-z0-9_]*(<[^>]*>)? *\(/ && !/ (class|interface|record|struct) / { d = $0 } END { print d }' "$file")
    grep -qE "[ >]$method(<[^>]*>)? *\(" <<<"$decl" || report "$id: $file:$line is not inside method $method (nearest declaration: $(sed "s/^[[:space:]]*//" <<<"$decl"))"
done <<<"$rows"

# Every marker in the code must be a row with the same file and line.
while IFS=: read -r file line rest; do
    id=$(grep -oE "// (VULN|SAFE) [VS][0-9]+" <<<"$rest" | awk '{print $3}')
    grep -qxF "$id ${file#./} $line" <<<"$(echo "$rows" | awk '{print $1, $2, $4}')" || report "$id: marker at ${file#./}:$line has no matching table row"
done < <(grep -rnE "// (VULN|SAFE) [VS][0-9]+" --include=*.cs .)

echo "$(echo "$rows" | grep -c '^V') vulnerabilities, $(echo "$rows" | grep -c '^S') safe look-alikes, $problems mismatches"
[ "$problems" -eq 0 ]
