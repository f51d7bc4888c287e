"""What one rewrite of a subject document costs Elasticsearch, by mapping variant (issues 23 and 25).

Creates a scratch index `exp-<variant>` from search-service's mapping, loads the documents of DOCS (made by GenDocs.java
from the live index, names recomputed as the indexer does), rewrites random ones at RATE/s for SECS seconds in bulks
every 0.5 s, and prints Elasticsearch's process CPU per document written (node stats) and the index's indexing,
refresh and merge time per document. Variants: full (the mapping as it is), nosuggest (no completion field), nonames
(no name structures), lean (no display-only objects: counts, list entries, penalties, disputed, evaluation).

    java -cp search-service/target/classes:$(cat search.cp) bench/search/esx/GenDocs.java /tmp/docs.tsv
    python3 bench/search/esx/mapping_cost.py full 1000 60 /tmp/docs.tsv
"""
import json, random, time, urllib.request, sys, copy
ES='http://localhost:9200'
def req(method, path, body=None, ctype='application/json'):
    data = body.encode() if isinstance(body, str) else (json.dumps(body).encode() if body is not None else None)
    r = urllib.request.Request(ES+path, data=data, method=method, headers={'Content-Type': ctype})
    with urllib.request.urlopen(r) as f: return json.loads(f.read())
mapping = json.load(open('/work/main/search-service/src/main/resources/elasticsearch/subjects-index.json'))
docs = [l.rstrip('\n').split('\t',1) for l in open(sys.argv[4] if len(sys.argv) > 4 else '/tmp/esx/docs.tsv')]
variant = sys.argv[1]; rate = int(sys.argv[2]); secs = int(sys.argv[3])
m = copy.deepcopy(mapping)
if variant in ('nosuggest','nonames'):
    del m['mappings']['properties']['names']['properties']['suggest']
if variant == 'lean':
    drop={'counts','redList','blackList','abnormalList','latestPenalties','disputed','evaluation'}
    docs = [(i, json.dumps({k:v for k,v in json.loads(d).items() if k not in drop})) for i,d in docs]
if variant == 'nonames':
    del m['mappings']['properties']['names']
    docs = [(i, json.dumps({k:v for k,v in json.loads(d).items() if k!='names'})) for i,d in docs]
idx = 'exp-'+variant
try: req('DELETE','/'+idx)
except Exception: pass
req('PUT','/'+idx, m)
def bulk(batch):
    body=''.join('{"index":{"_index":"%s","_id":"%s"}}\n%s\n'%(idx,i,d) for i,d in batch)
    r=req('POST','/_bulk',body,'application/x-ndjson')
    assert not r['errors'], str(r)[:500]
for k in range(0,len(docs),2000): bulk(docs[k:k+2000])
req('POST','/'+idx+'/_refresh'); time.sleep(20)
def snap():
    n=req('GET','/_nodes/stats/process,jvm')['nodes']; n=list(n.values())[0]
    s=req('GET','/'+idx+'/_stats/indexing,refresh,merge')['indices'][idx]['primaries']
    return n['process']['cpu']['total_in_millis'], s['indexing']['index_time_in_millis'], s['refresh']['total_time_in_millis'], s['merges']['total_time_in_millis'], n['jvm']['gc']['collectors']['young']['collection_time_in_millis']
a=snap(); t0=time.time(); written=0; lat=[]
per=rate//2
while time.time()-t0 < secs:
    tick=time.time()
    batch=random.sample(docs, per)
    s=time.time(); bulk(batch); lat.append(time.time()-s); written+=per
    time.sleep(max(0, 0.5-(time.time()-tick)))
el=time.time()-t0
time.sleep(10)
b=snap()
size=req('GET','/'+idx+'/_stats/store')['indices'][idx]['primaries']['store']['size_in_bytes']
lat.sort()
print('%-9s docs %d in %.1fs (%.0f/s): ES cpu %.2f ms/doc, indexing %.2f, refresh %.2f, merge %.2f ms/doc, young gc %d ms; bulk p50 %.0f p99 %.0f ms; store %.1f MB'%(
  variant, written, el, written/el, (b[0]-a[0])/written, (b[1]-a[1])/written, (b[2]-a[2])/written, (b[3]-a[3])/written, b[4]-a[4], lat[len(lat)//2]*1000, lat[int(len(lat)*.99)]*1000, size/1e6))
req('DELETE','/'+idx)
