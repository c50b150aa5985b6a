# bench/intake/medians.awk: the output of round.sql (lines "step NAME wall_ms cpu_ms") to
# per-round ratios (every step but plain, over plain), the median of each step and the
# median ratio.
$1 == "step" { w[$2, ++n[$2]] = $3; c[$2, n[$2]] = $4; if (!($2 in seen)) { seen[$2] = 1; order[++k] = $2 } }
function med(a, name, m,   i, j, t, v) {
	for (i = 1; i <= m; i++) v[i] = a[name, i]
	for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
	return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
}
END {
	# per round: ratio of the intake path (all steps but plain) to plain
	for (r = 1; r <= n["plain"]; r++) {
		tw = 0; tc = 0
		for (i = 1; i <= k; i++) if (order[i] != "plain") { tw += w[order[i], r]; tc += c[order[i], r] }
		rw[r] = tw / w["plain", r]; rc[r] = tc / c["plain", r]
		printf "round %d: plain %s ms wall / %s ms cpu, intake %.1f ms wall / %.1f ms cpu, ratio %.2f wall / %.2f cpu\n", r, w["plain", r], c["plain", r], tw, tc, rw[r], rc[r]
		RW["x", r] = rw[r]; RC["x", r] = rc[r]
	}
	for (i = 1; i <= k; i++) printf "median %-16s %8.1f ms wall %8.1f ms cpu\n", order[i], med(w, order[i], n[order[i]]), med(c, order[i], n[order[i]])
	printf "median ratio (intake / plain, per round): %.2f wall, %.2f cpu (%d rounds)\n", med(RW, "x", n["plain"]), med(RC, "x", n["plain"]), n["plain"]
}
