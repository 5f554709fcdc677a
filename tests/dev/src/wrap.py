# ruff: noqa  (one-off authoring helper for the dev pages, kept for regeneration)
"""Helper used to write the dev pages."""
import json, random, sys


def main():
    import random, sys
    def wrap(src, seed):
        rnd = random.Random(seed)
        out, width = [], rnd.randint(15, 19)
        for line in open(src, encoding="utf-8").read().split("\n"):
            if not line.strip():
                continue
            if line.startswith("#H "):
                out.append(line[3:]); continue
            if line.startswith("#R "):
                out.append(line[3:]); continue
            if line.startswith("本报讯") or line.startswith("#N"):
                width = rnd.randint(15, 19)
                if line.startswith("#N"): line = line[2:]
                if out: out.append("")
            chunks, i = [], 0
            while i < len(line):
                j = i + width
                while j < len(line) and line[j] in "，。、；：）”！？》":
                    j += 1
                chunks.append(line[i:j]); i = j
            for j, c in enumerate(chunks):
                out.append(c)
                if 0 < j < len(chunks) - 1 and rnd.random() < 0.08:
                    out.append("")
            out.append("")
        return "\n".join(out).rstrip() + "\n"
    sys.stdout.write(wrap(sys.argv[1], sys.argv[2]))


if __name__ == "__main__":
    main()
