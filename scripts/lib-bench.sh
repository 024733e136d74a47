# Shell helpers of the database benchmarks (timing, ratios, verdicts, heap from GC logs, CPU of the command
# and of the local PostgreSQL); sourced by bench-db.sh and bench-n8n.sh.

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# verdict VALUE GOAL le|ge
verdict() { awk -v v="$1" -v g="$2" -v op="$3" 'BEGIN { ok = (op == "le") ? v <= g : v >= g; print ok ? "ok" : "MISSED" }'; }
# heap GCLOG: "peak live" in MiB: the most heap used before any GC or at exit, and the most left after a GC.
heap() {
    awk '
        function mib(s,  n, u) { n = s + 0; u = substr(s, length(s)); return u == "G" ? n * 1024 : u == "K" ? n / 1024 : n }
        # At exit: the heap (G1) or its generations (Serial, Parallel), "total NK, used NK"; not Metaspace.
        /gc,heap,exit/ && /total [0-9]+K, used [0-9]+K/ && !/Metaspace|class space/ {
            match($0, /used [0-9]+K/); atexit += mib(substr($0, RSTART + 5, RLENGTH - 5))
        }
        {
            while (match($0, /[0-9]+[KMG]->[0-9]+[KMG]\(/)) {
                split(substr($0, RSTART, RLENGTH - 1), p, "->")
                if (mib(p[1]) > peak) peak = mib(p[1]); if (mib(p[2]) > live) live = mib(p[2])
                $0 = substr($0, RSTART + RLENGTH)
            }
        }
        END { if (atexit > peak) peak = atexit; printf "%.0f %.0f\n", peak, live }' "$1"
}
# pg_cpu: CPU seconds used so far by the local PostgreSQL server, its live processes and its reaped backends.
pg_cpu() {
    local pids master
    pids=$(pgrep -x postgres) && master=$(pgrep -o -x postgres) || { echo 0; return; }
    for pid in $pids; do cat "/proc/$pid/stat" 2>/dev/null || true; done | awk -v tck="$(getconf CLK_TCK)" -v master="$master" '
        { split($0, a, ") "); split(a[2], f, " "); t += f[12] + f[13]; if ($1 == master) t += f[14] + f[15] }
        END { printf "%.2f", t / tck }'
}
# measured OUTFILE CMD...: runs CMD, its stdout to OUTFILE; prints "wall-s cpu-s pg-cpu-s": the wall time, the
# CPU time of CMD (with its children) and of PostgreSQL meanwhile (the whole server: other clients count too).
measured() {
    local file=$1 start pg0 cpu
    shift
    pg0=$(pg_cpu)
    start=$(now)
    cpu=$( ( "$@" > "$file" || exit; times ) | awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/);
        printf "%.2f", u[1] * 60 + u[2] + s[1] * 60 + s[2] }') || return 1
    echo "$(since "$start") $cpu $(awk -v a="$pg0" -v b="$(pg_cpu)" 'BEGIN { printf "%.2f", b - a }')"
}
