"""The vacancy catalogue: database as truth, Elasticsearch or the embedded index as copy.

Other packages use only the public modules: `search.index` (the index and its
health) and, as they land, `search.catalogue` (writes) and `search.query`
(reads).
"""
