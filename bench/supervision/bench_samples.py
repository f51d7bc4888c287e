#!/usr/bin/env python3
"""Supervision samples (issue 23) at 1,000,000 organisations: the two Elasticsearch requests a draw makes.

search-service draws a sample with one count (a terms aggregation on `grade` over the filter) and one multi-search of one
`function_score`/`random_score` search per grade (size k, sorted by score then subjectId). This loads 1,000,000 synthetic
organisation documents with the fields those requests read (`public`, `kind`, `region`, `industry`, `type`, `grade`,
`subjectId`, `drawKey`, `code`, `name`) into an index of its own (never behind the `subjects` alias), and times the same two requests
as search-service builds them (grades.GradeCounts, grades.Sampler), cold and warm, for several filters and sizes.

Usage: bench_samples.py [--load] [--index bench-grades-1m] [--docs 1000000] [--rounds 5]
"""
import argparse
import hashlib
import json
import random
import time
import urllib.request

ES = "http://127.0.0.1:9200"
GRADES = [("A", 0.05), ("B", 0.55), ("C", 0.22), ("D", 0.18)]
INDUSTRIES = "ABCDEFGHIJKLMNOPQRST"
PREFECTURES = ["4501", "4502", "4503", "4504", "4505", "4506", "4507", "4508", "4509", "4510", "4511", "4512", "4513", "4514"]


def call(method, path, body=None, ndjson=False):
    data = None
    headers = {}
    if body is not None:
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        headers["Content-Type"] = "application/x-ndjson" if ndjson else "application/json"
    req = urllib.request.Request(ES + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.loads(r.read())


def draw_key(subject_id):
    """SubjectDocument.drawKey: the first 8 bytes of the SHA-256 of the subject id, as a signed big-endian long."""
    return int.from_bytes(hashlib.sha256(subject_id.encode()).digest()[:8], "big", signed=True)


def load(index, docs):
    try:
        call("DELETE", "/" + index)
    except Exception:
        pass
    call("PUT", "/" + index, {"settings": {"number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "-1"},
                              "mappings": {"dynamic": False, "properties": {
                                  "subjectId": {"type": "keyword"}, "kind": {"type": "keyword"}, "public": {"type": "boolean"},
                                  "code": {"type": "keyword"}, "name": {"type": "keyword", "index": False, "doc_values": False},
                                  "type": {"type": "keyword"}, "region": {"type": "keyword"}, "industry": {"type": "keyword"},
                                  "grade": {"type": "keyword"}, "drawKey": {"type": "long", "index": False}}}})
    rnd = random.Random(23)
    counties = [p + "%02d" % c for p in PREFECTURES for c in range(2, 30)]
    started = time.time()
    batch = 20000
    for start in range(0, docs, batch):
        lines = []
        for i in range(start, min(docs, start + batch)):
            sid = "%08x-0000-4000-8000-%012x" % (rnd.getrandbits(32), i)
            x, grade = rnd.random(), "D"
            for g, share in GRADES:
                if x < share:
                    grade = g
                    break
                x -= share
            doc = {"subjectId": sid, "kind": "USCC", "public": True, "code": "91%s%010d" % (rnd.choice(counties), i),
                   "name": "基准测试%07d有限公司" % i, "type": "ENTERPRISE", "region": rnd.choice(counties),
                   "industry": rnd.choice(INDUSTRIES), "grade": grade, "drawKey": draw_key(sid)}
            lines.append(json.dumps({"index": {"_id": sid}}))
            lines.append(json.dumps(doc, ensure_ascii=False))
        r = call("POST", "/" + index + "/_bulk", "\n".join(lines) + "\n", ndjson=True)
        if r.get("errors"):
            raise SystemExit("bulk errors")
    call("PUT", "/" + index + "/_settings", {"index": {"refresh_interval": "1s"}})
    call("POST", "/" + index + "/_refresh")
    call("POST", "/" + index + "/_forcemerge?max_num_segments=1")
    print("loaded %d documents in %.1f s" % (docs, time.time() - started))


def filters(f):
    out = [{"term": {"public": {"value": True}}}, {"term": {"kind": {"value": "USCC"}}}]
    if f.get("region"):
        r = f["region"]
        out.append({"term": {"region": {"value": r}}} if len(r) == 6 else {"prefix": {"region": {"value": r}}})
    if f.get("industry"):
        out.append({"term": {"industry": {"value": f["industry"]}}})
    return out


def count(index, f):
    return call("POST", "/" + index + "/_search", {"size": 0, "track_total_hits": True, "query": {"bool": {"filter": filters(f)}},
                                                   "aggregations": {"grades": {"terms": {"field": "grade", "size": 6}}}})


def draw(index, f, k, seed):
    lines = []
    for g, n in k.items():
        if n == 0:
            continue
        lines.append(json.dumps({"index": index}))
        lines.append(json.dumps({"query": {"function_score": {"query": {"bool": {"filter": filters(f) + [{"term": {"grade": {"value": g}}}]}},
                                                               "functions": [{"random_score": {"seed": str(seed), "field": "drawKey"}}],
                                                               "boost_mode": "replace"}},
                                 "size": n, "track_total_hits": False, "_source": {"includes": ["subjectId", "public", "code", "name", "grade", "region"]},
                                 "sort": [{"_score": {"order": "desc"}}, {"subjectId": {"order": "asc"}}]}))
    return call("POST", "/_msearch", "\n".join(lines) + "\n", ndjson=True)


def allocate(population, rates, size):
    """Hamilton's largest remainder, as grades.Allocation (without the population cap, which these figures never reach)."""
    w = {g: population[g] * rates[g] for g in population}
    total = sum(w.values())
    exact = {g: size * w[g] / total for g in w}
    k = {g: int(exact[g]) for g in w}
    for g in sorted(w, key=lambda g: (-(exact[g] - k[g]), -ord(g)))[: size - sum(k.values())]:
        k[g] += 1
    return k


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--load", action="store_true")
    p.add_argument("--index", default="bench-grades-1m")
    p.add_argument("--docs", type=int, default=1_000_000)
    p.add_argument("--rounds", type=int, default=5)
    a = p.parse_args()
    if a.load:
        load(a.index, a.docs)
    rates = {"A": 0.03, "B": 0.05, "C": 0.10, "D": 0.20}
    cases = [("all 1 M, size 10,000", {}, 10_000), ("all 1 M, size 1,000", {}, 1_000), ("prefecture 4502, default rates", {"region": "4502"}, None),
             ("county 450205 + industry C, default rates", {"region": "450205", "industry": "C"}, None)]
    for name, f, size in cases:
        times = []
        for r in range(a.rounds):
            seed = 1000 + r
            t0 = time.perf_counter()
            c = count(a.index, f)
            t1 = time.perf_counter()
            pop = {g: 0 for g in rates}
            for b in c["aggregations"]["grades"]["buckets"]:
                pop[b["key"]] = b["doc_count"]
            k = allocate(pop, rates, size) if size else {g: max(1, round(rates[g] * pop[g])) if pop[g] else 0 for g in rates}
            d = draw(a.index, f, k, seed)
            t2 = time.perf_counter()
            drawn = sum(len(x["hits"]["hits"]) for x in d["responses"])
            times.append((t1 - t0, t2 - t1, drawn, c["hits"]["total"]["value"]))
        again = draw(a.index, f, k, 1000 + a.rounds - 1)
        same = [h["_id"] for x in again["responses"] for h in x["hits"]["hits"]] == [h["_id"] for x in d["responses"] for h in x["hits"]["hits"]]
        print("%-44s population %8d drawn %6d | count ms %s | draw ms %s | same seed same subjects: %s" % (
            name, times[0][3], times[0][2], " ".join("%.0f" % (t[0] * 1000) for t in times),
            " ".join("%.0f" % (t[1] * 1000) for t in times), same))


if __name__ == "__main__":
    main()
