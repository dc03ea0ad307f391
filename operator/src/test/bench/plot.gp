# CPU time (user + system) against object count, log scales, one line per tool: on a shared machine
# the wall time measures the load as much as the tool (docs/performance.md). gnuplot -e "data='compare.tsv'; out='x.png'" plot.gp
# A peer's run that hit the timeout is drawn as a lower bound (an arrow up from the timeout).
set terminal pngcairo size 900,560 font "sans,11"
set output out
set datafile separator "\t"
set logscale xy
set xrange [50:200000]
set key top left
set grid
set xlabel "objects in the namespace"
set ylabel "CPU seconds per run, user + system (process start included)"
set title "audit of a generated dev namespace: CPU time per run, 2 shared cores"
set format x "%.0s%c"
tool(t) = sprintf("< awk -F'\t' '$3 == \"%s\" && $6 != \"timeout\"' '%s'", t, data)
bound = sprintf("< awk -F'\t' '$6 == \"timeout\"' '%s'", data)
plot tool("envprofile audit") using 2:7 with linespoints lw 2 pt 7 title "envprofile audit (bin/envprofile)", \
     tool("envprofile audit (JDK 25 + AOT cache)") using 2:7 with linespoints lw 2 pt 6 dt 3 title "envprofile audit (JDK 25 + AOT cache)", \
     tool("envprofile audit (java -jar)") using 2:7 with linespoints lw 2 pt 5 dt 2 title "envprofile audit (java -jar)", \
     tool("kube-score score") using 2:7 with linespoints lw 2 pt 9 lc rgb "#56b4e9" title "kube-score score v1.20.0", \
     tool("polaris audit") using 2:7 with linespoints lw 2 pt 11 lc rgb "#e69f00" title "polaris audit v10.2.2", \
     bound using 2:7:(0):($7 * 1.5) with vectors head filled lw 2 lc rgb "#999999" title "a peer timed out: more than", \
     bound using 2:7:(sprintf("> %.0f s", $7)) with labels offset 0,-1 notitle
