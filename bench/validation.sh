#!/usr/bin/env bash
# Benchmark 1: domain validation (SecMasterRules, ConfigRules) against Hibernate Validator 9 on equivalent
# annotated beans. JMH, one thread; a full emergency policy and a full Config rule, valid and invalid.
#
# Usage: bench/validation.sh [JMH options]
#   Defaults: -f 1 -wi 3 -w 2s -i 5 -r 2s; an option you pass replaces its default, anything else is added,
#   e.g.  bench/validation.sh -i 10 -r 5s        (longer measurement)
#         bench/validation.sh -prof stack        (add a profiler; -prof gc is always on for the B/op columns)
#         bench/validation.sh -p input=valid     (only the valid inputs)
# Runs JMH twice (throughput in ops/s, then average time in ns/op), keeps the JSON results in
# bench/validation/target/jmh/ and prints one table. Targets: ours >= 2,000,000 validations/s and >= 5x the
# faster Hibernate Validator set-up. Run it on a quiet machine: the load average is printed before and after.
set -euo pipefail
cd "$(dirname "$0")/.."

MIN_OPS=2000000
MIN_RATIO=5

./mvnw -B -ntp -q -pl bench/validation -am package -DskipTests

jar=bench/validation/target/benchmarks.jar
out=bench/validation/target/jmh
mkdir -p "$out"

args=("$@")
has_option() {
  local a
  for a in "${args[@]+"${args[@]}"}"; do [[ "$a" == "$1" ]] && return 0; done
  return 1
}
options=()
for pair in "-f 1" "-wi 3" "-w 2s" "-i 5" "-r 2s"; do
  set -- $pair
  has_option "$1" || options+=("$1" "$2")
done
options+=("${args[@]+"${args[@]}"}")

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar "$jar" ValidationBenchmark -bm thrpt -tu s -prof gc -rf json -rff "$out/throughput.json" "${options[@]}"
java -jar "$jar" ValidationBenchmark -bm avgt -tu ns -rf json -rff "$out/average-time.json" "${options[@]}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

# One row per case: ours, Hibernate Validator default, Hibernate Validator predefined scope.
jq -r -n --slurpfile t "$out/throughput.json" --slurpfile a "$out/average-time.json" \
    --argjson minOps "$MIN_OPS" --argjson minRatio "$MIN_RATIO" '
  def key: (.benchmark | split(".") | last) + "/" + .params.input;
  def by_key(results): reduce results[] as $r ({}; .[$r | key] = $r);
  (by_key($t[0])) as $T | (by_key($a[0])) as $A |
  def ops($k): $T[$k].primaryMetric.score // null;
  def ns($k): $A[$k].primaryMetric.score // null;
  def bytes($k): $T[$k].secondaryMetrics["gc.alloc.rate.norm"].score // null;
  def fmt: if . == null then "-" else (. * 10 | round / 10 | tostring) end;
  def whole: if . == null then "-" else (round | tostring) end;
  ["case", "ours ops/s", "HV ops/s", "HV-predef ops/s", "ours/HV", "ours ns/op", "HV ns/op", "ours B/op", "HV B/op",
   ">=2M/s", ">=5x HV"],
  ( [["emergency policy", "emergencyPolicy"], ["config rule", "configRule"]][] as [$title, $method]
    | ["valid", "invalid"][] as $input
    | (ops("\($method)Ours/\($input)")) as $ours
    | ([ops("\($method)Hibernate/\($input)"), ops("\($method)HibernatePredefined/\($input)")] | map(select(. != null))) as $hv
    | select($ours != null)
    | ($hv | max) as $best
    | ($hv | if length > 0 then (if .[0] == $best then "Hibernate" else "HibernatePredefined" end) else null end) as $bestName
    | (if $best == null then null else $ours / $best end) as $ratio
    | [ "\($title), \($input)", ($ours | whole), (ops("\($method)Hibernate/\($input)") | whole),
        (ops("\($method)HibernatePredefined/\($input)") | whole), ($ratio | fmt),
        (ns("\($method)Ours/\($input)") | fmt),
        (if $bestName == null then null else ns("\($method)\($bestName)/\($input)") end | fmt),
        (bytes("\($method)Ours/\($input)") | whole),
        (if $bestName == null then null else bytes("\($method)\($bestName)/\($input)") end | whole),
        (if $ours >= $minOps then "yes" else "NO" end),
        (if $ratio == null then "-" elif $ratio >= $minRatio then "yes" else "NO" end) ] )
  | @tsv' | column -t -s $'\t'
echo "HV = the faster of Hibernate Validator's default factory and its predefined scope; its ns/op and B/op are that set-up's."
