# Time against object count, log scales, one line per tool. gnuplot -e "data='compare.tsv'; out='x.png'" plot.gp
set terminal pngcairo size 900,560 font "sans,11"
set output out
set datafile separator "\t"
set logscale xy
set key top left
set grid
set xlabel "objects in the namespace"
set ylabel "seconds per run (JVM start included)"
set title "audit of a generated dev namespace, 2 cores"
set format x "%.0s%c"
sel(t) = strcol(3) eq t ? $4 : 1/0
plot data using 2:(sel("envprofile audit")) every ::1 with linespoints lw 2 pt 7 title "envprofile audit (bin/envprofile)", \
     data using 2:(sel("envprofile audit (java -jar)")) every ::1 with linespoints lw 2 pt 5 dt 2 title "envprofile audit (java -jar)", \
     data using 2:(sel("kube-score score")) every ::1 with linespoints lw 2 pt 9 title "kube-score score v1.20.0"
