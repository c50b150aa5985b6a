#!/usr/bin/env python3
"""tools/check_layers.py OBJ...: the C files' call graph must be one-way (doc/dev.md,
"The engine kit").  Reads the built objects with nm: an edge a -> b when a.o uses a
symbol b.o defines.  Fails on any cycle (two or more files calling each other, directly
or around a loop) and on a kit file (kit_*.c) that calls an engine file."""
import collections
import os
import subprocess
import sys

ENGINE_PREFIXES = ("evaluation", "tier", "policy", "intake")


def graph(objs):
    defs, uses = {}, collections.defaultdict(set)
    for o in objs:
        name = os.path.basename(o)[:-2]
        out = subprocess.run(["nm", o], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            parts = line.split()
            if len(parts) == 3 and parts[1] in "TDRBC":
                defs[parts[2]] = name
            elif len(parts) == 2 and parts[0] == "U":
                uses[name].add(parts[1])
    edges = collections.defaultdict(set)
    for a, syms in uses.items():
        for s in syms:
            b = defs.get(s)
            if b and b != a:
                edges[a].add(b)
    return edges


def cycles(edges):
    """Strongly connected components with more than one file (Tarjan)."""
    index, low, stack, on, out, n = {}, {}, [], set(), [], [0]
    nodes = set(edges) | {b for bs in edges.values() for b in bs}

    def visit(v):
        index[v] = low[v] = n[0]
        n[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return out


def main():
    edges = graph(sys.argv[1:])
    bad = 0
    for comp in cycles(edges):
        print("files calling each other in a circle: " + ", ".join(c + ".c" for c in comp))
        bad = 1
    for a in sorted(edges):
        if a.startswith("kit_"):
            for b in sorted(edges[a]):
                if b.startswith(ENGINE_PREFIXES):
                    print("kit file %s.c calls engine file %s.c (the kit is below the engines)" % (a, b))
                    bad = 1
    if not bad:
        print("%d files, call graph one-way" % len(sys.argv[1:]))
    return bad


if __name__ == "__main__":
    sys.exit(main())
