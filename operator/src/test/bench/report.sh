#!/usr/bin/env bash
# Writes the measured sections of docs/performance.md (between <!-- bench:NAME --> and
# <!-- /bench:NAME --> markers) from what `make bench` left in operator/target/bench/:
# jmh.csv and jmh.log (engine), compare.tsv (CLI against the peers), scale.json (operator; with
# scale-25.json and scale-50.json the scale statement),
# performance.png (copied to docs/). A missing input leaves its section as it was.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
b=${BENCH_OUT:-$root/operator/target/bench}  # BENCH_OUT and PERFORMANCE_DOC: elsewhere (the smoke test)
doc=${PERFORMANCE_DOC:-$root/docs/performance.md}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

GRP='function grp(n,  s, r) { s = sprintf("%d", n); r = ""; while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) } return s r }
'
machine() {
  local cpu mem
  cpu=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
  mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
  echo "Measured $(date -u +%Y-%m-%d) by \`make bench\` on $(nproc) cores (${cpu:-unknown CPU}), $mem of memory,"
  echo "$(java -version 2>&1 | head -1 | tr -d '"'), $(hyperfine --version 2>/dev/null || echo 'no hyperfine'), Linux $(uname -r)."
}

jmh() { # jmh.csv + the object counts JMH printed at set-up
  [ -f "$b/jmh.csv" ] || return 1
  awk -F, -v logfile="$b/jmh.log" "$GRP"'
    BEGIN {
      while ((getline line < logfile) > 0) if (line ~ /^# size [0-9]+: [0-9]+ objects/) { split(line, w, /[ :]+/); objects[w[3]] = w[4] }
      print "| operation | size | objects | ms per run (± 99.9%) | objects/s | bytes allocated per object |"
      print "|---|---|---|---|---|---|"
    }
    NR > 1 {
      gsub(/["\r]/, "")
      name = $1; size = $NF
      if (name ~ /gc\.alloc\.rate\.norm/) { sub(/:.*/, "", name); alloc[name, size] = $5; next }
      if (name ~ /:/) next
      op = name; sub(/.*\./, "", op)
      key[++n] = name SUBSEP size; opname[n] = op; sz[n] = size; score[n] = $5; err[n] = $6
    }
    END {
      for (i = 1; i <= n; i++) {
        o = objects[sz[i]]; a = alloc[key[i]]
        printf "| %s | %s | %s | %.2f ± %.2f | %s | %s |\n", opname[i], sz[i], o, score[i], err[i],
          (o ? grp(o * 1000 / score[i]) : "?"), (o && a ? grp(a / o) : "?")
      }
    }' "$b/jmh.csv"
}

compare() {
  [ -f "$b/compare.tsv" ] || return 1
  awk -F'\t' "$GRP"'
    function x(r) { return sprintf(r < 1 ? "%.2f" : "%.1f", r) }
    function cell(s, tool) {
      if (!((s, tool) in t)) return "not run"
      if (note[s, tool] == "timeout") return sprintf("> %.0f s (timed out)", t[s, tool])
      return sprintf("%.2f s (%.2f)", t[s, tool], cpu[s, tool])
    }
    NR > 1 { t[$1, $3] = $4; note[$1, $3] = $6; cpu[$1, $3] = $7; objects[$1] = $2; lb[$1] = $8; la[$1] = $9
             if (!($1 in seen)) { seen[$1]; order[++m] = $1 }; if ($6 != "timeout" && $6 != 1) runs = $6 }
    END {
      print "| objects | envprofile audit (bin/envprofile: JDK 17 + AppCDS) | JDK 25 + AOT cache | java -jar (JDK 17) | kube-score score | polaris audit | fastest peer ÷ envprofile (wall; CPU) | load average before, after |"
      print "|---|---|---|---|---|---|---|---|"
      for (i = 1; i <= m; i++) {
        s = order[i]; e = t[s, "envprofile audit"]; ec = cpu[s, "envprofile audit"]
        best = ""; bestc = ""
        split("kube-score score|polaris audit", peers, "|")
        for (p = 1; p <= 2; p++) if ((s, peers[p]) in t) {
          if (best == "" || t[s, peers[p]] < best) { best = t[s, peers[p]]; bn = note[s, peers[p]] }
          if (bestc == "" || cpu[s, peers[p]] < bestc) bestc = cpu[s, peers[p]]
        }
        ratio = (best == "" || e == 0) ? "" : sprintf("%s%s×; %s×", bn == "timeout" ? "> " : "", x(best / e), x(ec > 0 ? bestc / ec : 0))
        printf "| %s | %s | %s | %s | %s | %s | %s | %s, %s |\n", grp(objects[s]), cell(s, "envprofile audit"), cell(s, "envprofile audit (JDK 25 + AOT cache)"),
          cell(s, "envprofile audit (java -jar)"), cell(s, "kube-score score"), cell(s, "polaris audit"), ratio, lb[s], la[s]
      }
      printf "\nWall time, mean of %s runs after a warm-up (one run from 50,000 objects), and in brackets the CPU time (user + system) per run. A ratio above 1 means envprofile is faster.\n", runs
    }' "$b/compare.tsv"
  for f in "$b"/*.unavailable; do [ -f "$f" ] && echo && echo "Not run: $(sed 's/^# //' "$f" | sed -E 's#https?://[^ ]*#(URL)#g')"; done
  return 0
}

repository() {
  [ -f "$b/repository.tsv" ] || return 1
  awk -F'\t' "$GRP"'
    NR > 1 { t[$3] = $4; sd[$3] = $5; cpu[$3] = $6; n = $1; o = $2; r = $7; lb = $8; la = $9 }
    END {
      print "| namespaces | objects | tool | wall time (mean ± σ) | CPU time (user + system) |"
      print "|---|---|---|---|---|"
      split("envprofile audit|kube-score score", tools, "|")
      for (i = 1; i <= 2; i++) { tool = tools[i]; if (tool in t) printf "| %s | %s | %s | %.2f s ± %.2f | %.2f s |\n", n, grp(o), tool, t[tool], sd[tool], cpu[tool] }
      printf "\n%s runs after a warm-up; load average %s before, %s after.\n", r, lb, la
    }' "$b/repository.tsv"
}

operator() {
  [ -f "$b/scale.json" ] || return 1
  local j
  j=$(tr -d '\n ' < "$b/scale.json")
  v() { echo "$j" | sed -E "s/.*\"$1\":(-?[0-9]+).*/\1/"; }
  s() { awk -v ms="$1" 'BEGIN { printf(ms < 0 ? "never" : "%.1f s", ms / 1000) }'; }
  echo "| measure | result | goal |"
  echo "|---|---|---|"
  echo "| namespaces, workloads, objects applied | $(v namespaces), $(v workloads), $(v objects) | 100 namespaces, 1,000 workloads |"
  echo "| watched objects in the cluster; unrelated Secrets | $(v watched); $(v unrelatedSecrets) | 10,000 |"
  echo "| start-up to first reconcile (cold start, profiles pending) | $(s "$(v startToFirstReconcileMs)") | 2 s or less |"
  echo "| start-up to first reconcile (restart, all Promoted) | $(s "$(v restartToFirstReconcileMs)") | 2 s or less |"
  echo "| operator start to every namespace's first pass written (first status write of the last one) | $(s "$(v startToFirstPassMs)") | |"
  echo "| operator start to all profiles \`Promoted\` | $(s "$(v startToAllPromotedMs)") | 60 s or less |"
  echo "| first reconcile to all profiles \`Promoted\` | $(s "$(v firstReconcileToAllPromotedMs)") | |"
  echo "| profiles not \`Promoted\` at the deadline | $(v notPromoted) | 0 |"
  echo "| API requests of the promotion (reads and writes, until settled) | $(v promotionRequests) | |"
  echo "| API writes of the promotion | $(v promotionWrites) | |"
  echo "| namespaces reconciled again after a restart (the no-op resync) | $(v resyncedNamespaces) | all |"
  echo "| API requests of that no-op resync | $(v resyncRequests) | |"
  echo "| API writes of that no-op resync | $(v resyncWrites) | 0 |"
  echo "| operator CPU time from start to all \`Promoted\` | $(s "$(v promotionCpuMs)") | 20 s or less |"
  local plane="" c
  for c in etcd kube_apiserver kube_controller_manager kube_scheduler kwok; do
    echo "$j" | grep -q "\"cpuMs_$c\"" && plane="$plane${plane:+, }${c//_/-} $(s "$(v "cpuMs_$c")")"
  done
  echo "| control plane CPU time over the same span | ${plane:-not measured} | |"
  echo "| operator CPU time from restart to the end of the resync | $(s "$(v restartCpuMs)") | |"
  echo "| heap after a full GC (jcmd GC.run, GC.heap_info) | $(awk -v b="$(v heapAfterGcBytes)" 'BEGIN {printf "%.1f MiB", b / 1048576}') | 128 MiB or less |"
}

sizes() { # scale-25.json, scale-50.json and scale.json (100): per size, and a straight line through them to 1,000 namespaces
  local f files=()
  for f in "$b/scale-25.json" "$b/scale-50.json" "$b/scale.json"; do [ -f "$f" ] && files+=("$f"); done
  [ "${#files[@]}" -ge 3 ] || return 1
  for f in "${files[@]}"; do tr -d '\n ' < "$f"; echo; done | awk '
    function v(line, key,   m) { if (match(line, "\"" key "\":-?[0-9]+")) { m = substr(line, RSTART, RLENGTH); sub(/.*:/, "", m); return m + 0 } return -1 }
    {
      n[NR] = v($0, "namespaces"); w[NR] = v($0, "watched"); heap[NR] = v($0, "heapAfterGcBytes") / 1048576
      cpu[NR] = v($0, "promotionCpuMs") / 1000; t[NR] = v($0, "startToAllPromotedMs") / 1000
      rcpu[NR] = v($0, "restartCpuMs") / 1000; start[NR] = v($0, "startToFirstReconcileMs") / 1000
    }
    function fit(y, at,   i, sx, sy, sxx, sxy, k, a) { # least squares y = a + k x over the sizes, at x = at
      sx = sy = sxx = sxy = 0
      for (i = 1; i <= NR; i++) { sx += n[i]; sy += y[i]; sxx += n[i] * n[i]; sxy += n[i] * y[i] }
      k = (NR * sxy - sx * sy) / (NR * sxx - sx * sx); a = (sy - k * sx) / NR
      slope = k; return a + k * at
    }
    END {
      print "| namespaces (10 workloads each) | watched objects | heap after a full GC | operator CPU to all `Promoted` | time to all `Promoted` | CPU of the no-op resync after a restart | start-up to first reconcile |"
      print "|---|---|---|---|---|---|---|"
      for (i = 1; i <= NR; i++) printf "| %d | %d | %.0f MiB | %.1f s | %.1f s | %.1f s | %.1f s |\n", n[i], w[i], heap[i], cpu[i], t[i], rcpu[i], start[i]
      h = fit(heap, 1000); hs = slope; c = fit(cpu, 1000); cs = slope; r = fit(rcpu, 1000); rs = slope
      printf "| **1,000 (a straight line through the three)** | %d | **%.0f MiB** (%.2f MiB per namespace) | **%.0f s** (%.2f s per namespace) | (the control plane'"'"'s) | **%.0f s** (%.2f s per namespace) | |\n", 100000, h, hs, c, cs, r, rs
    }'
}

replace() { # section name, content file
  awk -v name="$1" -v file="$2" '
    $0 == "<!-- bench:" name " -->" { print; while ((getline l < file) > 0) print l; skip = 1; next }
    $0 == "<!-- /bench:" name " -->" { skip = 0 }
    !skip' "$doc" > "$tmp/doc" && cat "$tmp/doc" > "$doc"
}

machine > "$tmp/machine" && replace machine "$tmp/machine"
jmh > "$tmp/jmh" && replace jmh "$tmp/jmh" || echo "report: no JMH results, section kept"
compare > "$tmp/compare" && replace compare "$tmp/compare" || echo "report: no comparison, section kept"
repository > "$tmp/repository" && replace repository "$tmp/repository" || echo "report: no repository run, section kept"
operator > "$tmp/operator" && replace operator "$tmp/operator" || echo "report: no operator results, section kept"
sizes > "$tmp/sizes" && replace sizes "$tmp/sizes" || echo "report: no operator runs at 25 and 50 namespaces, section kept"
if [ -f "$b/performance.png" ]; then cp "$b/performance.png" "$(dirname "$doc")/performance.png"; fi
echo "report: $doc"
